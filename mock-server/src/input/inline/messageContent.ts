/**
 * `input_message_content` of an inline query result as the Bot API reads it (Client.cpp get_input_message_content,
 * get_location, get_venue, get_link_preview_options, get_labeled_price_parts): the kind is chosen by which fields are
 * present (a non-empty `message_text`; `latitude` + `longitude`, a venue with `title` and `address`; `phone_number`;
 * `payload`), each read with TDLib's field errors. TDLib's checks of what was read come later (api/inline).
 */
import { FieldError, type JsonValue } from "../../internal/JsonValue.js"
import type { LinkPreviewRecord } from "../../world/messages.js"
import type { PointRecord } from "../../world/places.js"
import { jsonText } from "../formatted.js"
import { type FormattedText, formattedText } from "../text.js"
import { Fields, formattedOrThrow } from "./fields.js"

/** A venue as read (get_venue): the point, the names, and the provider the ids came with. */
export interface VenueInput {
  readonly point: PointRecord
  readonly title: string
  readonly address: string
  readonly provider: string
  readonly venueId: string
  readonly venueType: string
}

/** A live location's extras (0: not given). */
export interface LiveInput {
  readonly livePeriod: number
  readonly heading: number
  readonly proximityAlertRadius: number
}

/** What a result's message says, as the Bot API read it. */
export type InlineContentInput =
  | { readonly kind: "text"; readonly text: FormattedText; readonly linkPreview: LinkPreviewRecord | undefined }
  | ({ readonly kind: "location"; readonly point: PointRecord } & LiveInput)
  | { readonly kind: "venue"; readonly venue: VenueInput }
  | {
    readonly kind: "contact"
    readonly phoneNumber: string
    readonly firstName: string
    readonly lastName: string
    readonly vcard: string
  }
  | { readonly kind: "invoice"; readonly title: string; readonly currency: string }

/** get_location on an object: `latitude` and `longitude` required JSON numbers, `horizontal_accuracy` optional. */
export const readPointFields = (fields: Fields): PointRecord => ({
  latitude: fields.double("latitude", true),
  longitude: fields.double("longitude", true),
  accuracy: fields.double("horizontal_accuracy")
})

/** get_venue: the point, `title` and `address`, then the provider's ids (Foursquare wins over Google Places). */
export const readVenueFields = (fields: Fields): VenueInput => {
  const point = readPointFields(fields)
  const title = fields.string("title", true)
  const address = fields.string("address", true)
  const foursquareId = fields.string("foursquare_id")
  const foursquareType = fields.string("foursquare_type")
  const googleId = fields.string("google_place_id")
  const googleType = fields.string("google_place_type")
  const foursquare = foursquareId !== "" || foursquareType !== ""
  const google = googleId !== "" || googleType !== ""
  return {
    point,
    title,
    address,
    provider: foursquare ? "foursquare" : google ? "gplaces" : "",
    venueId: foursquare ? foursquareId : google ? googleId : "",
    venueType: foursquare ? foursquareType : google ? googleType : ""
  }
}

/** A live location's extras, read in get_input_message_content's order. */
export const readLiveFields = (fields: Fields): LiveInput => ({
  livePeriod: fields.int("live_period"),
  heading: fields.int("heading"),
  proximityAlertRadius: fields.int("proximity_alert_radius")
})

/** get_link_preview_options on an object. */
const readLinkPreviewObject = (fields: Fields): LinkPreviewRecord => ({
  isDisabled: fields.bool("is_disabled"),
  url: fields.string("url"),
  preferSmallMedia: fields.bool("prefer_small_media"),
  preferLargeMedia: fields.bool("prefer_large_media"),
  showAboveText: fields.bool("show_above_text")
})

/** The legacy `disable_web_page_preview`: a disabled preview, or none. */
export const legacyLinkPreview = (disabled: boolean): LinkPreviewRecord | undefined =>
  disabled
    ? { isDisabled: true, url: "", preferSmallMedia: false, preferLargeMedia: false, showAboveText: false }
    : undefined

/** get_input_message_text over fields: a non-empty text (`Message text is empty`), its parse mode and entities. */
export const readMessageText = (
  text: string,
  parseMode: string,
  entities: JsonValue | undefined,
  linkPreview: LinkPreviewRecord | undefined
): InlineContentInput => {
  if (text === "") throw new FieldError("Message text is empty")
  const read = formattedText(text, parseMode, entities === undefined ? undefined : jsonText(entities))
  return { kind: "text", text: formattedOrThrow(read), linkPreview }
}

/** get_labeled_price_parts: at least one `{label, amount}`. */
const readPrices = (prices: Extract<JsonValue, { kind: "array" }>): void => {
  for (const price of prices.items) {
    if (price.kind !== "object") throw new FieldError("Can't parse labeled price: LabeledPrice must be an Object")
    const item = new Fields(price)
    try {
      if (item.string("label", true) === "") throw new FieldError("LabeledPrice label must be non-empty")
      item.long("amount", true)
    } catch (error) {
      if (error instanceof FieldError) throw new FieldError(`Can't parse labeled price: ${error.message}`)
      throw error
    }
  }
  if (prices.items.length === 0) throw new FieldError("There must be at least one price")
}

/** get_suggested_tip_amounts. */
const readTips = (tips: Extract<JsonValue, { kind: "array" }>): void => {
  for (const tip of tips.items) {
    const text = tip.kind === "number" ? tip.text : tip.kind === "string" ? tip.value : undefined
    if (text === undefined) throw new FieldError("Suggested tip amount must be of type Number or String")
    if (!/^-?[0-9]{1,19}$/.test(text) || BigInt(text) >= 2n ** 63n || BigInt(text) < -(2n ** 63n)) {
      throw new FieldError("Can't parse suggested tip amount as Number")
    }
  }
}

/** A UTF-16 surrogate without its pair: text that is not valid UTF-8 once encoded. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** An InputInvoiceMessageContent, every field read in the real order (the mock keeps its title and currency). */
const readInvoice = (fields: Fields): InlineContentInput => {
  const title = fields.string("title", true)
  fields.string("description", true)
  const payload = fields.string("payload", true)
  if (LONE_SURROGATE.test(payload)) {
    throw new FieldError("InputInvoiceMessageContent payload must be encoded in UTF-8")
  }
  fields.string("provider_token")
  const currency = fields.string("currency", true)
  readPrices(fields.typed("prices", "array", true)!)
  fields.string("provider_data")
  fields.long("max_tip_amount")
  const tips = fields.typed("suggested_tip_amounts", "array")
  if (tips !== undefined) readTips(tips)
  fields.string("photo_url")
  for (const name of ["photo_size", "photo_width", "photo_height"]) fields.int(name)
  for (const name of ["need_name", "need_phone_number", "need_email", "need_shipping_address"]) fields.bool(name)
  for (const name of ["send_phone_number_to_provider", "send_email_to_provider", "is_flexible"]) fields.bool(name)
  return { kind: "invoice", title, currency }
}

/**
 * get_input_message_content: the content its fields make, or undefined (a media result sends its own media) unless
 * `required` (an article: `Input message content is not specified`). Throws the inner FieldError.
 */
export const readInputMessageContent = (fields: Fields, required: boolean): InlineContentInput | undefined => {
  const messageText = fields.string("message_text")
  if (messageText !== "") {
    const options = fields.typed("link_preview_options", "object")
    const linkPreview = options !== undefined
      ? readLinkPreviewObject(new Fields(options))
      : legacyLinkPreview(fields.bool("disable_web_page_preview"))
    const parseMode = fields.string("parse_mode")
    return readMessageText(messageText, parseMode, fields.raw("entities"), linkPreview)
  }
  if (fields.has("latitude") && fields.has("longitude")) {
    if (fields.has("title") && fields.has("address")) return { kind: "venue", venue: readVenueFields(fields) }
    const point = readPointFields(fields)
    return { kind: "location", point, ...readLiveFields(fields) }
  }
  if (fields.has("phone_number")) {
    return {
      kind: "contact",
      phoneNumber: fields.string("phone_number", true),
      firstName: fields.string("first_name", true),
      lastName: fields.string("last_name"),
      vcard: fields.string("vcard")
    }
  }
  if (fields.has("payload")) return readInvoice(fields)
  if (required) throw new FieldError("Input message content is not specified")
  return undefined
}
