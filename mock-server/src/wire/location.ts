/**
 * Location and Venue JSON, keys in the real server's order (Client.cpp JsonLocation, JsonVenue). Coordinates are
 * doubles, which the real server writes in fixed notation with six decimals (td::StringBuilder's FixedDouble).
 */
import type { PollMedia } from "../world/polls.js"

const json = JSON.stringify

/** A double as the real server writes it: fixed, six decimals. */
export const doubleJson = (value: number): string => value.toFixed(6)

/** A Location that is not live: latitude, longitude, and the accuracy when there is one. */
export const locationJson = (latitude: number, longitude: number, accuracy: number): string =>
  `{"latitude":${doubleJson(latitude)},"longitude":${doubleJson(longitude)}${
    accuracy > 0 ? `,"horizontal_accuracy":${doubleJson(accuracy)}` : ""
  }}`

/** A Venue; the Foursquare or Google Places fields only for their provider, and only when set. */
export const venueJson = (venue: Extract<PollMedia, { kind: "venue" }>): string => {
  let out = `{"location":${locationJson(venue.latitude, venue.longitude, venue.accuracy)},"title":${
    json(venue.title)
  },"address":${json(venue.address)}`
  const prefix = venue.provider === "foursquare" ? "foursquare" : venue.provider === "gplaces" ? "google_place" : ""
  if (prefix !== "") {
    if (venue.venueId !== "") out += `,"${prefix}_id":${json(venue.venueId)}`
    if (venue.venueType !== "") out += `,"${prefix}_type":${json(venue.venueType)}`
  }
  return out + "}"
}
