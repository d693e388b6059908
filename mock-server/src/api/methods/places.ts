/**
 * sendLocation, sendVenue, sendContact and sendDice (telegram-wire-messages.md §M5.10–§M5.13): the Bot API's
 * reading (`latitude is empty`, `parameter "phone_number" is required`), TDLib's checks (`wrong location specified`,
 * the live period, heading and proximity radius), then the shared send path. A live location runs on the mock's
 * clock; a dice's value is the world's (world/dice.ts); an emoji Telegram has no dice for is `EMOTICON_INVALID`.
 */
import { readPoint, validPoint } from "../../input/location.js"
import { DEFAULT_DICE, DICE_MAX, throwDice, withoutModifiers } from "../../world/dice.js"
import { FOREVER, liveEnd, type PointRecord } from "../../world/places.js"
import type { ChatRecord } from "../../world/World.js"
import { apiError } from "../envelope.js"
import { sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { restrictedRefusal } from "../sendAccess.js"
import { method, methods } from "../table/method.js"
import { custom, int, requiredText, text } from "../table/params.js"

/** latitude, longitude and horizontal_accuracy, read together (get_location). */
export const point = custom<PointRecord>("Float", (input) => {
  const read = readPoint(input.call.params)
  return "refusal" in read ? apiError(400, read.refusal) : read
}, { required: true, note: "latitude and longitude (with horizontal_accuracy 0-1500)" })

/** An Integer read leniently over int32, unclamped (get_integer_arg with no limits). */
export const int32 = int({ min: -(2 ** 31), max: 2 ** 31 - 1 })

const messagesRight = (what: string) => (chat: ChatRecord, botId: number) =>
  restrictedRefusal(chat, botId, "can_send_messages", what)

/** TDLib's live location checks (process_input_message_location), after the point's. */
export const liveRefusal = (livePeriod: number, heading: number, radius: number) => {
  if (livePeriod !== 0 && livePeriod !== FOREVER && (livePeriod < 60 || livePeriod > 86_400)) {
    return apiError(400, "Bad Request: wrong live location period specified")
  }
  if (heading !== 0 && (heading < 1 || heading > 360)) {
    return apiError(400, "Bad Request: wrong live location heading specified")
  }
  if (radius < 0 || radius > 100_000) {
    return apiError(400, "Bad Request: wrong live location proximity alert radius specified")
  }
  return undefined
}

/** sendLocation, sendVenue, sendContact, sendDice. */
export const placeMethods = methods({
  sendLocation: method({
    family: "media",
    summary: "a location; with live_period (60-86400, or 0x7FFFFFFF) a live one, live on the mock's clock",
    params: { latitude: point, live_period: int32, heading: int32, proximity_alert_radius: int32, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => {
          const valid = validPoint(p.latitude)
          if (valid === undefined) return apiError(400, "Bad Request: wrong location specified")
          const refusal = liveRefusal(p.live_period, p.heading, p.proximity_alert_radius)
          if (refusal !== undefined) return refusal
          const live = p.live_period !== 0
          return {
            kind: "location",
            ...valid,
            livePeriod: p.live_period,
            liveUntil: liveEnd(Math.floor(call.world.clock.now() / 1000), p.live_period),
            heading: live ? p.heading : 0,
            proximityAlertRadius: live ? p.proximity_alert_radius : 0
          }
        },
        permission: messagesRight(p.live_period !== 0 ? "live locations" : "locations")
      })
  }),

  sendVenue: method({
    family: "media",
    summary: "a venue (title, address, a Foursquare or Google Places id and type) and its location",
    params: {
      latitude: point,
      title: text,
      address: text,
      google_place_id: text,
      google_place_type: text,
      foursquare_id: text,
      foursquare_type: text,
      ...sendParams
    },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => {
          const valid = validPoint(p.latitude)
          if (valid === undefined) return apiError(400, "Bad Request: wrong venue location specified")
          const foursquare = p.foursquare_id !== "" || p.foursquare_type !== ""
          const google = p.google_place_id !== "" || p.google_place_type !== ""
          return {
            kind: "venue",
            ...valid,
            title: p.title,
            address: p.address,
            provider: foursquare ? "foursquare" : google ? "gplaces" : "",
            venueId: foursquare ? p.foursquare_id : google ? p.google_place_id : "",
            venueType: foursquare ? p.foursquare_type : google ? p.google_place_type : ""
          }
        },
        permission: messagesRight("venues")
      })
  }),

  sendContact: method({
    family: "media",
    summary: "a contact card (phone number, names, vCard)",
    params: { phone_number: requiredText, first_name: requiredText, last_name: text, vcard: text, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => ({
          kind: "contact",
          phoneNumber: p.phone_number,
          firstName: p.first_name,
          lastName: p.last_name,
          vcard: p.vcard,
          userId: 0
        }),
        permission: messagesRight("contacts")
      })
  }),

  sendDice: method({
    family: "media",
    summary: "a dice (🎲 🎯 🎳 1-6, 🏀 ⚽ 1-5, 🎰 1-64): a queued value, else the world's seeded sequence",
    params: { emoji: text, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => {
          const emoji = p.emoji === "" ? DEFAULT_DICE : withoutModifiers(p.emoji)
          if (DICE_MAX[emoji] === undefined) return apiError(400, "Bad Request: EMOTICON_INVALID")
          return { kind: "dice", emoji, value: throwDice(call.world.media, emoji) }
        },
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_other_messages", "dice")
      })
  })
})
