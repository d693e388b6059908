/**
 * A poll's media, an option's, a quiz explanation's (Client.cpp get_input_poll_media, get_location, get_venue; TDLib
 * Location.cpp, Venue.cpp): the Bot API's reading of the InputPollMedia object, then TDLib's checks of the place.
 * Locations and venues are served; the kinds that need a file (photo, live_photo, video, animation, audio, document,
 * sticker) wait for the mock's file store and are refused with a line that says so.
 */
import type { ApiError } from "../internal/apiError.js"
import { field, FieldError, type JsonValue, stringField } from "../internal/JsonValue.js"
import type { PollMedia } from "../world/polls.js"
import { badRequest } from "./formatted.js"

type Obj = Extract<JsonValue, { kind: "object" }>

/** A media object the Bot API read: its place, not yet checked by TDLib. */
export type PollMediaInput = PollMedia

const FILE_KINDS = new Set(["animation", "photo", "live_photo", "video"])

/** A double field (get_required_double_field / get_optional_double_field): a JSON number only. */
const doubleField = (object: Obj, name: string, required: boolean): number | FieldError => {
  const value = field(object, name)
  if (value === undefined) return required ? new FieldError(`Can't find field "${name}"`) : 0
  return value.kind === "number" ? Number(value.text) : new FieldError(`Field "${name}" must be of type Number`)
}

const readLocation = (object: Obj): { latitude: number; longitude: number; accuracy: number } | FieldError => {
  const latitude = doubleField(object, "latitude", true)
  if (latitude instanceof FieldError) return latitude
  const longitude = doubleField(object, "longitude", true)
  if (longitude instanceof FieldError) return longitude
  const accuracy = doubleField(object, "horizontal_accuracy", false)
  return accuracy instanceof FieldError ? accuracy : { latitude, longitude, accuracy }
}

const readVenue = (object: Obj): PollMediaInput | FieldError => {
  const location = readLocation(object)
  if (location instanceof FieldError) return location
  const strings: Record<string, string> = {}
  for (
    const [name, required] of [
      ["title", true],
      ["address", true],
      ["foursquare_id", false],
      [
        "foursquare_type",
        false
      ],
      ["google_place_id", false],
      ["google_place_type", false]
    ] as const
  ) {
    const value = stringField(object, name, required)
    if (value instanceof FieldError) return value
    strings[name] = value
  }
  const s = (name: string): string => strings[name]!
  const foursquare = s("foursquare_id") !== "" || s("foursquare_type") !== ""
  const google = s("google_place_id") !== "" || s("google_place_type") !== ""
  return {
    kind: "venue",
    ...location,
    title: s("title"),
    address: s("address"),
    provider: foursquare ? "foursquare" : google ? "gplaces" : "",
    venueId: foursquare ? s("foursquare_id") : google ? s("google_place_id") : "",
    venueType: foursquare ? s("foursquare_type") : google ? s("google_place_type") : ""
  }
}

/**
 * One InputPollMedia value (`null`: none), or why not (get_input_poll_media's text, to be prefixed by the caller).
 * An option's media may be a sticker, a poll's an audio or a document.
 */
export const readPollMediaValue = (value: JsonValue | undefined, forOption: boolean): PollMediaInput | undefined | {
  readonly why: string
} => {
  if (value === undefined || value.kind === "null") return undefined
  if (value.kind !== "object") return { why: "expected an Object" }
  const type = stringField(value, "type", true)
  if (type instanceof FieldError) return { why: type.message }
  if (type === "location") {
    const location = readLocation(value)
    return location instanceof FieldError ? { why: location.message } : { kind: "location", ...location }
  }
  if (type === "venue") {
    const venue = readVenue(value)
    return venue instanceof FieldError ? { why: venue.message } : venue
  }
  const fileKind = FILE_KINDS.has(type) || (forOption ? type === "sticker" : type === "audio" || type === "document")
  if (!fileKind) return { why: "invalid type specified" }
  return { why: `the mock does not serve ${type} poll media yet (locations and venues only)` }
}

/** TDLib's Location: finite, latitude within ±90, longitude within ±180; the accuracy kept within 0-1500. */
const validPlace = (media: PollMediaInput): boolean =>
  Number.isFinite(media.latitude) && Number.isFinite(media.longitude) && Math.abs(media.latitude) <= 90 &&
  Math.abs(media.longitude) <= 180

/** TDLib's checks of a place: `wrong location specified`, `wrong venue location specified`; the accuracy fixed. */
export const finishPollMedia = (media: PollMediaInput | undefined): PollMedia | undefined | ApiError => {
  if (media === undefined) return undefined
  if (!validPlace(media)) {
    return badRequest(media.kind === "venue" ? "Wrong venue location specified" : "Wrong location specified")
  }
  const accuracy = Number.isFinite(media.accuracy) && media.accuracy > 0 ? Math.min(1500, media.accuracy) : 0
  return { ...media, accuracy }
}
