/**
 * suggested_post_parameters as the real server reads it (Client.cpp get_input_suggested_post_info,
 * get_suggested_post_price; telegram-wire-messages.md §M3): a JSON object with an optional `send_date` and `price`
 * (`XTR` in Stars, `TON` in nanotoncoins divisible by 10 000 000); then TDLib's bounds (SuggestedPostPrice.cpp:
 * 5-100 000 Stars, 1-1 000 000 Toncoin cents; a negative date refused). Refusals are the wire's texts.
 */
import { field, intField, type JsonValue, parseJson, stringField } from "../internal/JsonValue.js"

/** Suggested post parameters as read: the price (0: none) and the send date. */
export interface SuggestedPostInput {
  readonly currency: "XTR" | "TON" | undefined
  /** Stars, or Toncoin cents. */
  readonly amount: number
  readonly sendDate: number
}

type Refusal = { readonly refusal: string }
const fail = (text: string): Refusal => ({ refusal: text })
const lower = (text: string): string => /^.[A-Z_]/.test(text) ? text : text[0]!.toLowerCase() + text.slice(1)

/** The parameter (undefined when empty), or the server's refusal (its Bad Request text without the prefix). */
export const readSuggestedPost = (text: string | undefined): SuggestedPostInput | undefined | Refusal => {
  if (text === undefined || text === "") return undefined
  const json = parseJson(text)
  if (json === undefined) return fail("can't parse suggested post parameters JSON object")
  if (json.kind !== "object") return fail("object expected as suggested post parameters")
  const sendDate = intField(json, "send_date", false)
  if (typeof sendDate !== "number") return fail(lower(sendDate.message))
  const price = field(json, "price")
  if (price === undefined || price.kind === "null") return { currency: undefined, amount: 0, sendDate }
  if (price.kind !== "object") return fail(`field "price" must be of type Object`)
  return readPrice(price, sendDate)
}

const readPrice = (price: Extract<JsonValue, { kind: "object" }>, sendDate: number): SuggestedPostInput | Refusal => {
  const currency = stringField(price, "currency", true)
  if (typeof currency !== "string") return fail(lower(currency.message))
  const amount = intField(price, "amount", true, 64)
  if (typeof amount !== "number") return fail(lower(amount.message))
  if (currency === "XTR") return { currency, amount, sendDate }
  if (currency !== "TON") return fail("invalid suggested post price currency specified")
  if (amount % 10_000_000 !== 0) return fail("suggested post price must be divisible by 10000000 nanotoncoins")
  return { currency, amount: amount / 10_000_000, sendDate }
}

/** TDLib's checks of read parameters (SuggestedPost::get_suggested_post), or undefined when they pass. */
export const suggestedPostRefusal = (post: SuggestedPostInput): string | undefined => {
  if (post.currency === "XTR" && post.amount !== 0 && (post.amount < 5 || post.amount > 100_000)) {
    return "invalid amount of Telegram Stars specified"
  }
  if (post.currency === "TON" && post.amount !== 0 && (post.amount < 1 || post.amount > 1_000_000)) {
    return "invalid amount of Toncoin cents specified"
  }
  return post.sendDate < 0 ? "invalid post send date specified" : undefined
}
