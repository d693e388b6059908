/**
 * The invoice both sendInvoice and createInvoiceLink read (Client.cpp get_input_message_invoice, in its order; §19.1
 * of telegram-wire-chats.md), then TDLib's checks (InputInvoice::process_input_message_invoice, LabeledPricePart) and
 * Telegram's rules, which the mock makes its own: a payload of 1-128 bytes, a title of 1-32 and a description of 1-255
 * characters, a currency code; in Stars (`XTR`) one price, no provider token and no tips, subscriptions of 30 days (60
 * or 300 s in the test environment) at most 10000 Stars; in other currencies a provider token; provider data as JSON.
 */
import { readInputPaidMedia } from "../../input/inputPaidMedia.js"
import { readMaxTip, readPrices, readSuggestedTips } from "../../input/invoice.js"
import { formattedText } from "../../input/text.js"
import { type ApiError, apiError } from "../../internal/apiError.js"
import { parseJson } from "../../internal/JsonValue.js"
import type { InvoiceRecord, LabeledPrice } from "../../world/payments.js"
import type { Call, Param, ValuesOf } from "../table/method.js"
import { bool, custom, int, raw, requiredText, text } from "../table/params.js"
import { tdlibError } from "../tdlibError.js"

/** A required String that also reads `what` (a reason in Client.cpp's words) from it. */
const requiredWith = <A>(kind: string, note: string, read: (value: string) => A | string): Param<A> =>
  custom(kind, (input) => {
    const value = requiredText.read(input)
    if (typeof value !== "string") return value
    const got = read(value)
    return typeof got === "string" ? tdlibError(got) : got
  }, { required: true, note })

/** An invoice's parameters, in the order the real server reads them. */
export const invoiceParams = {
  title: requiredText,
  description: requiredText,
  // Its UTF-8 check (`the payload must be encoded in UTF-8`) cannot fail here: the mock reads every parameter as UTF-8.
  payload: { ...requiredText, note: "1-128 bytes" },
  provider_token: text,
  provider_data: text,
  start_parameter: text,
  currency: requiredText,
  prices: requiredWith("Array of LabeledPrice", "one price in Stars (XTR)", readPrices),
  max_tip_amount: custom("Integer", (input) => {
    const read = readMaxTip(raw(input) ?? "")
    return typeof read === "string" ? tdlibError(read) : read
  }),
  suggested_tip_amounts: custom("Array of Integer", (input) => {
    const read = readSuggestedTips(raw(input) ?? "")
    return typeof read === "string" ? tdlibError(read) : read
  }, { note: "at most 4" }),
  photo_url: text,
  photo_size: int({ min: 0, max: 1_000_000_000 }),
  photo_width: int({ min: 0, max: 10_000 }),
  photo_height: int({ min: 0, max: 10_000 }),
  need_name: bool,
  need_phone_number: bool,
  need_email: bool,
  need_shipping_address: bool,
  send_phone_number_to_provider: bool,
  send_email_to_provider: bool,
  is_flexible: bool,
  paid_media: custom("InputPaidMedia", (input): true | ApiError => {
    const name = (raw(input) ?? "") !== ""
      ? "paid_media"
      : (raw(input, "extended_media") ?? "") !== ""
      ? "extended_media"
      : ""
    if (name === "") return true
    const json = parseJson(raw(input, name)!)
    if (json === undefined) return tdlibError("Can't parse input paid media JSON object")
    const read = readInputPaidMedia(input.call.params, json)
    return typeof read === "string" ? tdlibError(`Can't parse InputPaidMedia: ${read}`) : true
  }, { note: "undocumented (or extended_media): read for its errors only" }),
  paid_media_caption: custom("String", (input): true | ApiError => {
    const caption = formattedText(
      raw(input) ?? "",
      raw(input, "paid_media_caption_parse_mode") ?? "",
      raw(input, "paid_media_caption_entities")
    )
    return "refusal" in caption ? apiError(400, caption.refusal) : true
  }, { note: "undocumented, with its parse mode and entities: read for its errors only" }),
  subscription_period: int({ min: 0, max: 2 ** 31 - 1 })
}

/** The values of `invoiceParams` once read. */
export type InvoiceValues = ValuesOf<typeof invoiceParams>

/** TDLib's check_currency_amount bound. */
const MAX_AMOUNT = 999_999_999_999

/** The longest subscription price in Stars, and the periods Telegram takes. */
const MAX_SUBSCRIPTION_STARS = 10_000
const periods = (call: Call): ReadonlyArray<number> => call.testEnvironment === true ? [60, 300] : [2_592_000]

/** TDLib's checks of the prices and tips (InputInvoice.cpp, LabeledPricePart.cpp), in its order. */
const tdlibRefusal = (p: InvoiceValues): ApiError | undefined => {
  if (p.prices.some((price) => Math.abs(price.amount) > MAX_AMOUNT)) {
    return tdlibError("Too big amount of the currency specified")
  }
  const total = totalOf(p.prices)
  if (total <= 0) return tdlibError("Total price must be positive")
  if (total > MAX_AMOUNT) return tdlibError("Total price is too big")
  if (p.max_tip_amount < 0 || p.max_tip_amount > MAX_AMOUNT) {
    return tdlibError("Invalid max_tip_amount of the currency specified")
  }
  for (const tip of p.suggested_tip_amounts) {
    if (tip <= 0) return tdlibError("Suggested tip amount must be positive")
    if (tip > p.max_tip_amount) return tdlibError("Suggested tip amount can't be bigger than max_tip_amount")
  }
  if (p.suggested_tip_amounts.length > 4) return tdlibError("There can be at most 4 suggested tip amounts")
  return undefined
}

const totalOf = (prices: ReadonlyArray<LabeledPrice>): number => prices.reduce((sum, price) => sum + price.amount, 0)

const telegram = (code: string): ApiError => apiError(400, `Bad Request: ${code}`)

/**
 * Telegram's rules, the mock's own (telegram-wire-chats.md §19.1 "which condition yields which code is inferred"):
 * `badInfo` is what a title or description out of bounds answers (sendInvoice: TDLib's rewrite of MEDIA_EMPTY).
 */
const telegramRefusal = (p: InvoiceValues, call: Call, badInfo: ApiError, business: boolean): ApiError | undefined => {
  if (Buffer.byteLength(p.payload) > 128) return telegram("INVOICE_PAYLOAD_INVALID")
  if ([...p.title].length > 32 || [...p.description].length > 255) return badInfo
  const stars = p.currency === "XTR"
  if (!stars && !/^[A-Z]{3}$/.test(p.currency)) return telegram("CURRENCY_INVALID")
  if (stars) {
    if (p.provider_token !== "") return telegram("PAYMENT_PROVIDER_INVALID")
    if (p.prices.length !== 1 || p.max_tip_amount > 0 || p.suggested_tip_amounts.length > 0) {
      return telegram("STARS_INVOICE_INVALID")
    }
  } else {
    if (p.provider_token === "") return telegram("PAYMENT_PROVIDER_INVALID")
    if (business) return telegram("STARS_INVOICE_INVALID")
  }
  if (p.subscription_period > 0) {
    if (!stars || !periods(call).includes(p.subscription_period)) return telegram("SUBSCRIPTION_PERIOD_INVALID")
    if (totalOf(p.prices) > MAX_SUBSCRIPTION_STARS) return telegram("STARS_INVOICE_INVALID")
  }
  if (p.provider_data !== "" && parseJson(p.provider_data) === undefined) return telegram("DATA_JSON_INVALID")
  return undefined
}

/**
 * The invoice, once TDLib and Telegram accept it: the flags as TDLib forces them (sending the phone or email to the
 * provider asks for it; a flexible price asks for the address). `businessUserId` is the account a business link pays.
 */
export const makeInvoice = (
  p: InvoiceValues,
  call: Call,
  badInfo: ApiError,
  businessUserId: number | undefined
): InvoiceRecord | ApiError => {
  const refusal = tdlibRefusal(p) ?? telegramRefusal(p, call, badInfo, businessUserId !== undefined)
  if (refusal !== undefined) return refusal
  return {
    botId: call.botId,
    title: p.title,
    description: p.description,
    payload: p.payload,
    providerToken: p.provider_token,
    providerData: p.provider_data,
    startParameter: p.start_parameter,
    currency: p.currency,
    prices: p.prices,
    totalAmount: totalOf(p.prices),
    maxTipAmount: p.max_tip_amount,
    suggestedTipAmounts: p.suggested_tip_amounts,
    photoUrl: p.photo_url,
    needName: p.need_name,
    needPhoneNumber: p.need_phone_number || p.send_phone_number_to_provider,
    needEmail: p.need_email || p.send_email_to_provider,
    needShippingAddress: p.need_shipping_address || p.is_flexible,
    isFlexible: p.is_flexible,
    subscriptionPeriod: p.subscription_period,
    businessUserId
  }
}
