/**
 * answerShippingQuery and answerPreCheckoutQuery (telegram-wire-chats.md §19.2-19.3; Client.cpp
 * process_answer_shipping_query_query, process_answer_pre_checkout_query_query; TDLib Payments.cpp): `ok` true needs
 * the shipping options, false (or missing) an `error_message`; TDLib checks each option's prices; Telegram refuses a
 * query that is unknown, another bot's, answered, or past its window (the mock's clock: 150 s for a shipping query,
 * the documented 10 s for a pre-checkout query), duplicate option ids, and a blank error message.
 */
import { askBot, completePayment } from "../../events/payments.js"
import { readShippingOptions } from "../../input/invoice.js"
import type { CheckoutRecord, CheckoutStatus, ShippingOption } from "../../world/payments.js"
import type { World } from "../../world/World.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, methods, type ParamInput } from "../table/method.js"
import { bool, custom, int64Text, requiredText } from "../table/params.js"
import { tdlibError } from "../tdlibError.js"

const QUERY_ID_INVALID = apiError(
  400,
  "Bad Request: query is too old and response timeout expired or query ID is invalid"
)

/** TDLib's check_currency_amount bound. */
const MAX_AMOUNT = 999_999_999_999

/**
 * The checkout a query id names, if this bot may still answer it; one whose window passed is over (`expired`).
 */
const openCheckout = (
  world: World,
  found: CheckoutRecord | undefined,
  botId: number,
  status: CheckoutStatus
): CheckoutRecord | undefined => {
  if (found === undefined || found.invoice.botId !== botId || found.status !== status) return undefined
  if (world.clock.now() > found.deadline) {
    found.status = "expired"
    return undefined
  }
  return found
}

/** `error_message`, required unless `ok` (read after it). */
const errorMessage = custom(
  "String",
  (input: ParamInput) => input.earlier["ok"] === true ? "" : requiredText.read(input),
  {
    note: "required unless ok"
  }
)

/** TDLib's checks of each option's prices (LabeledPricePart::get_labeled_price_parts), then Telegram's of the ids. */
const optionsRefusal = (options: ReadonlyArray<ShippingOption>): ApiError | undefined => {
  for (const option of options) {
    if (option.prices.some((price) => Math.abs(price.amount) > MAX_AMOUNT)) {
      return tdlibError("Too big amount of the currency specified")
    }
    const total = option.prices.reduce((sum, price) => sum + price.amount, 0)
    if (total <= 0) return tdlibError("Total price must be positive")
    if (total > MAX_AMOUNT) return tdlibError("Total price is too big")
  }
  return undefined
}

const duplicateIds = (options: ReadonlyArray<ShippingOption>): boolean =>
  new Set(options.map((option) => option.id)).size !== options.length

/** The bot's shipping answer: the person's option priced in, then the pre-checkout query; or the checkout stops. */
const answerShipping = (call: Call, checkout: CheckoutRecord, options: ReadonlyArray<ShippingOption> | string) => {
  if (typeof options === "string") {
    checkout.status = "refused"
    checkout.errorMessage = options
    return
  }
  checkout.shippingOptions = options
  const chosen = options.find((option) => option.id === checkout.shippingOptionId)
  if (chosen === undefined) {
    checkout.status = "refused"
    checkout.errorMessage = `the bot did not offer the shipping option ${JSON.stringify(checkout.shippingOptionId)}`
    return
  }
  checkout.totalAmount += chosen.prices.reduce((sum, price) => sum + price.amount, 0)
  checkout.status = "awaiting_pre_checkout"
  askBot(call.world, checkout)
}

/** answerShippingQuery, answerPreCheckoutQuery. */
export const checkoutAnswerMethods = methods({
  answerShippingQuery: method({
    family: "payments",
    summary: "answers a flexible invoice's shipping query (options, or an error) within 150 s",
    params: {
      shipping_query_id: int64Text,
      ok: bool,
      shipping_options: custom("Array of ShippingOption", (input): ReadonlyArray<ShippingOption> | ApiError => {
        if (input.earlier["ok"] !== true) return []
        const value = requiredText.read(input)
        if (typeof value !== "string") return value
        const options = readShippingOptions(value)
        return typeof options === "string" ? tdlibError(options) : options
      }, { note: "required when ok" }),
      error_message: errorMessage
    },
    run: (p, call) => {
      const refusal = p.ok ? optionsRefusal(p.shipping_options) : undefined
      if (refusal !== undefined) return refusal
      const found = call.world.payments.shippingQueries.get(p.shipping_query_id)
      const checkout = openCheckout(call.world, found, call.botId, "awaiting_shipping")
      if (checkout === undefined) return QUERY_ID_INVALID
      if (p.ok && duplicateIds(p.shipping_options)) return apiError(400, "Bad Request: SHIPPING_ID_DUPLICATE")
      if (!p.ok && p.error_message.trim() === "") return apiError(400, "Bad Request: ERROR_TEXT_EMPTY")
      return commit(undefined, () => {
        answerShipping(call, checkout, p.ok ? p.shipping_options : p.error_message)
        return "true"
      })
    }
  }),
  answerPreCheckoutQuery: method({
    family: "payments",
    summary: "confirms a checkout (the payment is made) or refuses it with `error_message`, within 10 s",
    params: { pre_checkout_query_id: int64Text, ok: bool, error_message: errorMessage },
    run: (p, call) => {
      const found = call.world.payments.checkouts.get(p.pre_checkout_query_id)
      const checkout = openCheckout(call.world, found, call.botId, "awaiting_pre_checkout")
      if (checkout === undefined) return QUERY_ID_INVALID
      if (!p.ok && p.error_message.trim() === "") return apiError(400, "Bad Request: ERROR_TEXT_EMPTY")
      return commit(undefined, () => {
        if (p.ok) completePayment(call.world, checkout)
        else {
          checkout.status = "refused"
          checkout.errorMessage = p.error_message
        }
        return "true"
      })
    }
  })
})
