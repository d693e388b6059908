/**
 * The decoders of inline mode's control bodies (and of the same MockTelegram methods): a bot's BotFather settings, a
 * person's inline query and pick, a Mini App opened, a prepared message sent, a guest bot mentioned. Each names every
 * wrong field on a line of its own, like the world file.
 */
import {
  boolean,
  type Decoded,
  decoder,
  literal,
  number,
  optional,
  refine,
  safeInt,
  string,
  stringBetween,
  struct,
  type StructOf
} from "./decoder.js"
import { userId } from "./world.js"

const atMostBytes = (max: number) =>
  refine(string, `a string of at most ${max} bytes`, (s) => Buffer.byteLength(s) <= max)
const latitude = refine(number, "a latitude from -90 to 90", (n) => Math.abs(n) <= 90)
const longitude = refine(number, "a longitude from -180 to 180", (n) => Math.abs(n) <= 180)

/** `PUT /__mock/bots/:bot_id/settings`: each setting left out stays as it is. */
const botSettingsFields = {
  supports_inline_queries: optional(boolean),
  inline_feedback: optional(boolean),
  supports_guest_queries: optional(boolean)
}

/** The chat types an inline query tells (`sender`: the person's chat with the bot). */
export const INLINE_CHAT_TYPES = ["sender", "private", "group", "supergroup", "channel"] as const

/** `POST /__mock/users/:user_id/inline_query`. */
const inlineQueryFields = {
  query: refine(string, "a string of at most 256 characters", (s) => [...s].length <= 256),
  offset: optional(atMostBytes(64)),
  bot_id: optional(userId),
  chat_id: optional(safeInt),
  chat_type: optional(literal(...INLINE_CHAT_TYPES)),
  location: optional(struct({ latitude, longitude, horizontal_accuracy: optional(number) }))
}

/** `POST /__mock/users/:user_id/choose_inline_result`. */
const chooseFields = { inline_query_id: stringBetween(1, 32), result_id: stringBetween(0, 256) }

/** `POST /__mock/users/:user_id/web_app`. */
const webAppFields = { bot_id: optional(userId), chat_id: optional(safeInt) }

/** `POST /__mock/users/:user_id/send_prepared`. */
const sendPreparedFields = { id: stringBetween(1, 64), chat_id: optional(safeInt), bot_id: optional(userId) }

/** `POST /__mock/users/:user_id/guest_message`. */
const guestMessageFields = { text: stringBetween(1, 4096), chat_id: safeInt }

export type BotSettingsInput = StructOf<typeof botSettingsFields>
export type InlineQueryInput = StructOf<typeof inlineQueryFields>
export type ChooseInlineInput = StructOf<typeof chooseFields>
export type WebAppInput = StructOf<typeof webAppFields>
export type SendPreparedInput = StructOf<typeof sendPreparedFields>
export type GuestMessageInput = StructOf<typeof guestMessageFields>

export const decodeBotSettings: (input: unknown) => Decoded<BotSettingsInput> = decoder(
  struct(botSettingsFields),
  "bot settings"
)
export const decodeInlineQuery: (input: unknown) => Decoded<InlineQueryInput> = decoder(
  struct(inlineQueryFields),
  "inline query"
)
export const decodeChooseInline: (input: unknown) => Decoded<ChooseInlineInput> = decoder(
  struct(chooseFields),
  "inline result choice"
)
export const decodeWebApp: (input: unknown) => Decoded<WebAppInput> = decoder(struct(webAppFields), "Mini App")
export const decodeSendPrepared: (input: unknown) => Decoded<SendPreparedInput> = decoder(
  struct(sendPreparedFields),
  "prepared message"
)
export const decodeGuestMessage: (input: unknown) => Decoded<GuestMessageInput> = decoder(
  struct(guestMessageFields),
  "guest message"
)
