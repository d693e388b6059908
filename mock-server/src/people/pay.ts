/**
 * A person pays an invoice (telegram-wire-chats.md §19.2-19.4): an invoice message they can see (with its Pay button)
 * or an invoice link, with what the invoice asks of them (name, phone, email, shipping address; for a flexible price,
 * the shipping option they will pick; a tip up to the invoice's maximum). A flexible invoice asks the bot first
 * (`shipping_query`), then every checkout asks `pre_checkout_query`; the bot's answer makes the payment or stops it.
 * What Telegram tells the person (a refusal, not an input error): BALANCE_TOO_LOW when their Stars do not cover it.
 */
import type { PayInput } from "../decode/payments.js"
import { askBot } from "../events/payments.js"
import { isInChat } from "../events/recipients.js"
import { MockInputError } from "../MockInputError.js"
import { starsOf } from "../world/gifts.js"
import { standing } from "../world/members.js"
import { findMessage } from "../world/messages.js"
import {
  capMap,
  type CheckoutRecord,
  type CheckoutStatus,
  type InvoiceRecord,
  isStars,
  newQueryId,
  type OrderInfo,
  type ShippingOption
} from "../world/payments.js"
import type { World } from "../world/World.js"
import { person } from "./operations.js"
import { placeFor } from "./talk.js"

/** What paying started: a checkout and where it stands; or what Telegram told the person. */
export type PayOutcome =
  | { readonly ok: true; readonly checkout_id: string; readonly status: CheckoutStatus }
  | { readonly ok: false; readonly error_code: number; readonly description: string }

/** A checkout as the person (and a test) sees it. */
export interface CheckoutState {
  readonly checkout_id: string
  readonly user_id: number
  readonly bot_id: number
  readonly status: CheckoutStatus
  readonly currency: string
  readonly total_amount: number
  readonly invoice_payload: string
  readonly shipping_options?: ReadonlyArray<ShippingOption>
  /** The bot's refusal, or why the checkout stopped. */
  readonly error_message?: string
  readonly telegram_payment_charge_id?: string
}

const problem = (line: string): MockInputError => new MockInputError([line])

/** The invoice of a message the person can see, with its Pay button. */
const invoiceOfMessage = (world: World, userId: number, body: PayInput): InvoiceRecord => {
  const place = placeFor(world, userId, body.chat_id, body.bot_id)
  if (typeof place === "string") throw problem(place)
  const { chat } = place
  if (chat.type !== "private" && !isInChat(standing(chat, userId))) {
    throw problem(`chat_id: user ${userId} is not in chat ${chat.id}`)
  }
  const message = place.log === undefined ? undefined : findMessage(place.log, body.message_id!)
  if (message === undefined) throw problem(`message_id: no message ${body.message_id} in chat ${chat.id}`)
  if (message.content.kind !== "invoice") {
    throw problem(`message_id: message ${message.id} in chat ${chat.id} is not an invoice`)
  }
  if (message.keyboard?.[0]?.[0]?.json.includes(`"pay":true`) !== true) {
    throw problem(`message_id: message ${message.id} in chat ${chat.id} has no Pay button`)
  }
  return message.content.invoice
}

/** The invoice the body names: a message, or a link. */
const invoiceOf = (world: World, userId: number, body: PayInput): InvoiceRecord => {
  if ((body.message_id === undefined) === (body.invoice_link === undefined)) {
    throw problem(
      "message_id: name the invoice: message_id (with chat_id unless it is in the bot's chat) or invoice_link"
    )
  }
  if (body.invoice_link === undefined) return invoiceOfMessage(world, userId, body)
  const invoice = world.payments.links.get(body.invoice_link)
  if (invoice === undefined) throw problem(`invoice_link: no invoice link ${body.invoice_link} in this world`)
  return invoice
}

/** What the invoice asks of the person (only that is passed on), or one line per field they left out. */
const orderInfoFor = (invoice: InvoiceRecord, body: PayInput): OrderInfo | undefined => {
  const given = body.order_info ?? {}
  const problems: Array<string> = []
  const ask = (needed: boolean, field: keyof OrderInfo, what: string) => {
    if (needed && given[field] === undefined) problems.push(`order_info.${field}: the invoice asks for ${what}`)
  }
  const classic = !isStars(invoice)
  ask(classic && invoice.needName, "name", "the payer's name")
  ask(classic && invoice.needPhoneNumber, "phone_number", "a phone number")
  ask(classic && invoice.needEmail, "email", "an email address")
  ask(classic && invoice.needShippingAddress, "shipping_address", "a shipping address")
  const flexible = classic && invoice.isFlexible
  if (flexible && body.shipping_option_id === undefined) {
    problems.push("shipping_option_id: the price depends on shipping: name the option the person picks")
  }
  if (!flexible && body.shipping_option_id !== undefined) {
    problems.push("shipping_option_id: the invoice's price does not depend on shipping")
  }
  if (body.tip_amount !== undefined && body.tip_amount > invoice.maxTipAmount) {
    problems.push(`tip_amount: the invoice takes tips up to ${invoice.maxTipAmount}`)
  }
  if (problems.length > 0) throw new MockInputError(problems)
  const info: OrderInfo = {
    ...(classic && invoice.needName ? { name: given.name } : {}),
    ...(classic && invoice.needPhoneNumber ? { phone_number: given.phone_number } : {}),
    ...(classic && invoice.needEmail ? { email: given.email } : {}),
    ...(classic && invoice.needShippingAddress ? { shipping_address: given.shipping_address } : {})
  }
  return Object.keys(info).length === 0 ? undefined : info
}

/** A person pays an invoice: the checkout starts, and the bot is asked. */
export const pay = (world: World, userId: number, body: PayInput): PayOutcome => {
  person(world, userId)
  const invoice = invoiceOf(world, userId, body)
  const orderInfo = orderInfoFor(invoice, body)
  const totalAmount = invoice.totalAmount + (body.tip_amount ?? 0)
  if (isStars(invoice) && starsOf(world, userId) < totalAmount) {
    return { ok: false, error_code: 400, description: "BALANCE_TOO_LOW" }
  }
  const payments = world.payments
  const flexible = !isStars(invoice) && invoice.isFlexible
  const checkout: CheckoutRecord = {
    id: newQueryId(world),
    userId,
    invoice,
    orderInfo,
    shippingOptionId: body.shipping_option_id ?? "",
    tipAmount: body.tip_amount ?? 0,
    shippingQueryId: flexible ? newQueryId(world) : "",
    status: flexible ? "awaiting_shipping" : "awaiting_pre_checkout",
    totalAmount,
    deadline: 0,
    errorMessage: "",
    shippingOptions: [],
    chargeId: ""
  }
  payments.checkouts.set(checkout.id, checkout)
  capMap(payments.checkouts)
  if (flexible) {
    payments.shippingQueries.set(checkout.shippingQueryId, checkout)
    capMap(payments.shippingQueries)
  }
  askBot(world, checkout)
  return { ok: true, checkout_id: checkout.id, status: checkout.status }
}

/** A checkout as it stands now (a query whose window passed has expired), or undefined for an unknown id. */
export const checkoutState = (world: World, id: string): CheckoutState | undefined => {
  const checkout = world.payments.checkouts.get(id)
  if (checkout === undefined) return undefined
  const waiting = checkout.status === "awaiting_shipping" || checkout.status === "awaiting_pre_checkout"
  if (waiting && world.clock.now() > checkout.deadline) checkout.status = "expired"
  return {
    checkout_id: checkout.id,
    user_id: checkout.userId,
    bot_id: checkout.invoice.botId,
    status: checkout.status,
    currency: checkout.invoice.currency,
    total_amount: checkout.totalAmount,
    invoice_payload: checkout.invoice.payload,
    ...(checkout.shippingOptions.length > 0 ? { shipping_options: checkout.shippingOptions } : {}),
    ...(checkout.errorMessage !== "" ? { error_message: checkout.errorMessage } : {}),
    ...(checkout.chargeId !== "" ? { telegram_payment_charge_id: checkout.chargeId } : {})
  }
}
