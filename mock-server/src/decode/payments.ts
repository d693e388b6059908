/**
 * The decoders of the payments routes' bodies (and of the same MockTelegram methods): a person pays an invoice (a
 * message, or an invoice link) with what the invoice asks of them, and a Stars balance set. Each names every wrong
 * field on a line of its own, like the world file.
 */
import { positiveInt } from "./control.js"
import {
  type Decoded,
  decoder,
  intBetween,
  optional,
  pattern,
  safeInt,
  stringBetween,
  struct,
  type StructOf,
  withDefault
} from "./decoder.js"
import { userId } from "./world.js"

/** A shipping address (`state` and `street_line2` may be left out). */
const shippingAddress = struct({
  country_code: pattern(/^[A-Z]{2}$/, "a two-letter country code (ISO 3166-1)"),
  state: withDefault(stringBetween(0, 64), () => ""),
  city: stringBetween(1, 64),
  street_line1: stringBetween(1, 64),
  street_line2: withDefault(stringBetween(0, 64), () => ""),
  post_code: stringBetween(1, 12)
})

/** What the person tells the bot at checkout. */
const orderInfo = struct({
  name: optional(stringBetween(1, 128)),
  phone_number: optional(pattern(/^\+?[0-9]{5,15}$/, "a phone number (digits, an optional leading +)")),
  email: optional(pattern(/^[^@\s]+@[^@\s]+$/, "an email address")),
  shipping_address: optional(shippingAddress)
})

/** `POST /__mock/users/:user_id/pay`. */
const payFields = {
  message_id: optional(positiveInt),
  chat_id: optional(safeInt),
  bot_id: optional(userId),
  invoice_link: optional(pattern(/^https:\/\/t\.me\/\$[A-Za-z0-9_-]{1,64}$/, "an invoice link https://t.me/$…")),
  order_info: optional(orderInfo),
  shipping_option_id: optional(stringBetween(1, 64)),
  tip_amount: optional(intBetween(1, 999_999_999_999, "a positive amount"))
}

/** `PUT /__mock/stars/:owner_id`. */
const starsFields = { amount: intBetween(0, 1_000_000_000_000, "a number of Stars from 0 to 10^12") }

export type PayInput = StructOf<typeof payFields>
export type StarsInput = StructOf<typeof starsFields>

export const decodePay: (input: unknown) => Decoded<PayInput> = decoder(struct(payFields), "payment")
export const decodeStars: (input: unknown) => Decoded<StarsInput> = decoder(struct(starsFields), "Stars")
