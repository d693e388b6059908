/**
 * Location, Venue, Contact and Dice JSON, keys in the real server's order (Client.cpp JsonLocation, JsonVenue,
 * JsonContact, JsonDice). Coordinates and accuracies are doubles, which the real server writes in fixed notation with
 * six decimals (td::StringBuilder's FixedDouble); a live location shows its live keys only while it runs.
 */
import type { ContactContent, DiceContent, PointRecord, VenueContent } from "../world/places.js"

const json = JSON.stringify

/** A double as the real server writes it: fixed, six decimals. */
const double = (value: number): string => value.toFixed(6)

/** A Location; `live` (seconds left > 0) adds live_period, heading and proximity_alert_radius when set. */
export const locationJson = (
  point: PointRecord,
  live?: { readonly livePeriod: number; readonly heading: number; readonly proximityAlertRadius: number }
): string => {
  let out = `{"latitude":${double(point.latitude)},"longitude":${double(point.longitude)}`
  if (live !== undefined) {
    out += `,"live_period":${live.livePeriod}`
    if (live.heading > 0) out += `,"heading":${live.heading}`
    if (live.proximityAlertRadius > 0) out += `,"proximity_alert_radius":${live.proximityAlertRadius}`
  }
  if (point.accuracy > 0) out += `,"horizontal_accuracy":${double(point.accuracy)}`
  return out + "}"
}

/** A Venue; the Foursquare or Google Places fields only for their provider, and only when set. */
export const venueJson = (venue: VenueContent): string => {
  let out = `{"location":${locationJson(venue)},"title":${json(venue.title)},"address":${json(venue.address)}`
  const prefix = venue.provider === "foursquare" ? "foursquare" : venue.provider === "gplaces" ? "google_place" : ""
  if (prefix !== "") {
    if (venue.venueId !== "") out += `,"${prefix}_id":${json(venue.venueId)}`
    if (venue.venueType !== "") out += `,"${prefix}_type":${json(venue.venueType)}`
  }
  return out + "}"
}

/** A Contact. */
export const contactJson = (contact: ContactContent): string =>
  `{"phone_number":${json(contact.phoneNumber)},"first_name":${json(contact.firstName)}` +
  (contact.lastName !== "" ? `,"last_name":${json(contact.lastName)}` : "") +
  (contact.vcard !== "" ? `,"vcard":${json(contact.vcard)}` : "") +
  (contact.userId !== 0 ? `,"user_id":${contact.userId}` : "") + "}"

/** A Dice. */
export const diceJson = (dice: DiceContent): string => `{"emoji":${json(dice.emoji)},"value":${dice.value}}`
