/**
 * The decoders of what people send besides text (`POST /__mock/users/:user_id/send_file`, `…/send_location`,
 * `…/send_contact`, `…/send_dice`, and the same MockTelegram methods) and of the dice a test queues: each names every
 * wrong field on a line of its own. A file is base64 text in JSON, bytes from TypeScript or a multipart part.
 */
import { positiveInt } from "./control.js"
import {
  array,
  type Decoded,
  decoder,
  instance,
  intBetween,
  literal,
  number,
  optional,
  pattern,
  refine,
  safeInt,
  stringBetween,
  struct,
  type StructOf,
  union
} from "./decoder.js"
import { userId } from "./world.js"

/** Where a person's message goes, and what it replies to (as `send` takes them). */
const placeFields = {
  chat_id: optional(safeInt),
  bot_id: optional(userId),
  reply_to_message_id: optional(positiveInt)
}

/** The kinds of file a person may send. */
export const PERSON_FILE_KINDS = [
  "photo",
  "document",
  "voice",
  "audio",
  "video",
  "animation",
  "video_note",
  "sticker"
] as const

const base64 = pattern(/^[A-Za-z0-9+/_-]*={0,2}$/, "base64 text")
const bytes = instance("bytes (a Uint8Array)", (u): u is Uint8Array => u instanceof Uint8Array)
const short = stringBetween(0, 255)

/** `…/send_file`. */
const sendFileFields = {
  kind: literal(...PERSON_FILE_KINDS),
  file: union([base64, bytes], { expected: "base64 text (or bytes)" }),
  file_name: optional(short),
  mime_type: optional(short),
  caption: optional(stringBetween(0, 4096)),
  duration: optional(intBetween(0, 86_400)),
  width: optional(intBetween(0, 10_000)),
  height: optional(intBetween(0, 10_000)),
  length: optional(intBetween(0, 640)),
  title: optional(short),
  performer: optional(short),
  emoji: optional(short),
  ...placeFields
}

/** `…/send_location`: a point, live or not; with `title` and `address`, a venue. */
const sendLocationFields = {
  latitude: refine(number, "a latitude from -90 to 90", (n) => Math.abs(n) <= 90),
  longitude: refine(number, "a longitude from -180 to 180", (n) => Math.abs(n) <= 180),
  horizontal_accuracy: optional(refine(number, "an accuracy from 0 to 1500", (n) => n >= 0 && n <= 1500)),
  live_period: optional(
    refine(safeInt, "0, 60 to 86400, or 2147483647", (n) => n === 0 || n === 2147483647 || (n >= 60 && n <= 86_400))
  ),
  heading: optional(intBetween(1, 360)),
  proximity_alert_radius: optional(intBetween(0, 100_000)),
  title: optional(stringBetween(1, 255)),
  address: optional(stringBetween(1, 255)),
  ...placeFields
}

/** `…/send_contact`. */
const sendContactFields = {
  phone_number: stringBetween(1, 64),
  first_name: stringBetween(1, 64),
  last_name: optional(stringBetween(0, 64)),
  vcard: optional(stringBetween(0, 2048)),
  user_id: optional(userId),
  ...placeFields
}

/** `…/send_dice`. */
const sendDiceFields = {
  emoji: optional(literal("🎲", "🎯", "🎳", "🏀", "⚽", "🎰")),
  value: optional(intBetween(1, 64)),
  ...placeFields
}

/** `POST /__mock/dice`: the values the next throws show, in order. */
const diceQueueFields = { values: array(intBetween(1, 64)) }

export type SendFileInput = StructOf<typeof sendFileFields>
export type SendLocationInput = StructOf<typeof sendLocationFields>
export type SendContactInput = StructOf<typeof sendContactFields>
export type SendDiceInput = StructOf<typeof sendDiceFields>
export type DiceQueueInput = StructOf<typeof diceQueueFields>

export const decodeSendFile: (input: unknown) => Decoded<SendFileInput> = decoder(struct(sendFileFields), "file")
export const decodeSendLocation: (input: unknown) => Decoded<SendLocationInput> = decoder(
  struct(sendLocationFields),
  "location"
)
export const decodeSendContact: (input: unknown) => Decoded<SendContactInput> = decoder(
  struct(sendContactFields),
  "contact"
)
export const decodeSendDice: (input: unknown) => Decoded<SendDiceInput> = decoder(struct(sendDiceFields), "dice")
export const decodeDiceQueue: (input: unknown) => Decoded<DiceQueueInput> = decoder(struct(diceQueueFields), "dice")

/** The number fields of the send_file form (multipart sends every field as text). */
export const FILE_FORM_NUMBERS = ["chat_id", "bot_id", "reply_to_message_id", "duration", "width", "height", "length"]

/** A decoded file's bytes. */
export const fileBytes = (file: string | Uint8Array): Uint8Array =>
  typeof file === "string" ? new Uint8Array(Buffer.from(file, "base64")) : file
