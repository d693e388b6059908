/**
 * Payments as the Bot API renders them, keys in the real server's order (Client.cpp JsonInvoice, JsonOrderInfo,
 * JsonAddress, JsonSuccessfulPaymentBot, JsonRefundedPayment, JsonShippingQuery, JsonPreCheckoutQuery,
 * JsonStarTransaction, JsonStarTransactionType, JsonStarAmount).
 */
import type {
  ChargeRecord,
  CheckoutRecord,
  InvoiceRecord,
  OrderInfo,
  PaymentService,
  ShippingAddress,
  StarTransactionRecord
} from "../world/payments.js"
import type { World } from "../world/World.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** An invoice message's `invoice` (no photo, no flags: the real server skips them). */
export const invoiceJson = (invoice: InvoiceRecord): string =>
  `{"title":${json(invoice.title)},"description":${json(invoice.description)},"start_parameter":${
    json(invoice.startParameter)
  },"currency":${json(invoice.currency)},"total_amount":${invoice.totalAmount}}`

/** A ShippingAddress: every key, always. */
const addressJson = (address: ShippingAddress): string =>
  `{"country_code":${json(address.country_code)},"state":${json(address.state)},"city":${
    json(address.city)
  },"street_line1":${json(address.street_line1)},"street_line2":${json(address.street_line2)},"post_code":${
    json(address.post_code)
  }}`

/** An OrderInfo: only what the person gave. */
const orderInfoJson = (info: OrderInfo): string => {
  const parts: Array<string> = []
  if ((info.name ?? "") !== "") parts.push(`"name":${json(info.name)}`)
  if ((info.phone_number ?? "") !== "") parts.push(`"phone_number":${json(info.phone_number)}`)
  if ((info.email ?? "") !== "") parts.push(`"email":${json(info.email)}`)
  if (info.shipping_address !== undefined) parts.push(`"shipping_address":${addressJson(info.shipping_address)}`)
  return `{${parts.join(",")}}`
}

/** `,"shipping_option_id":…` and `,"order_info":…` where there are. */
const orderKeys = (shippingOptionId: string, info: OrderInfo | undefined): string =>
  (shippingOptionId !== "" ? `,"shipping_option_id":${json(shippingOptionId)}` : "") +
  (info !== undefined ? `,"order_info":${orderInfoJson(info)}` : "")

/** A SuccessfulPayment, as the bot sees it. */
const successfulPaymentJson = (charge: ChargeRecord): string => {
  let out = `{"currency":${json(charge.invoice.currency)},"total_amount":${charge.totalAmount},"invoice_payload":${
    json(charge.invoice.payload)
  }${orderKeys(charge.shippingOptionId, charge.orderInfo)},"telegram_payment_charge_id":${
    json(charge.id)
  },"provider_payment_charge_id":${json(charge.providerChargeId)}`
  if (charge.subscription !== undefined) out += `,"is_recurring":true`
  if (charge.isFirstRecurring) out += `,"is_first_recurring":true`
  if (charge.expirationDate > 0) out += `,"subscription_expiration_date":${charge.expirationDate}`
  return out + "}"
}

/** A RefundedPayment. */
const refundedPaymentJson = (charge: ChargeRecord): string =>
  `{"currency":${json(charge.invoice.currency)},"total_amount":${charge.totalAmount},"invoice_payload":${
    json(charge.invoice.payload)
  },"telegram_payment_charge_id":${json(charge.id)}${
    charge.providerChargeId !== "" ? `,"provider_payment_charge_id":${json(charge.providerChargeId)}` : ""
  }}`

/** A payment service message's keys. */
export const paymentServiceJson = (service: PaymentService): string =>
  service.kind === "successful_payment"
    ? `,"successful_payment":${successfulPaymentJson(service.charge)}`
    : `,"refunded_payment":${refundedPaymentJson(service.charge)}`

/** A shipping_query update's object. */
export const shippingQueryJson = (world: World, checkout: CheckoutRecord): string =>
  `{"id":${json(checkout.shippingQueryId)},"from":${userJson(world, checkout.userId)},"invoice_payload":${
    json(checkout.invoice.payload)
  },"shipping_address":${addressJson(checkout.orderInfo!.shipping_address!)}}`

/** A pre_checkout_query update's object. */
export const preCheckoutQueryJson = (world: World, checkout: CheckoutRecord): string =>
  `{"id":${json(checkout.id)},"from":${userJson(world, checkout.userId)},"currency":${
    json(checkout.invoice.currency)
  },"total_amount":${checkout.totalAmount},"invoice_payload":${json(checkout.invoice.payload)}${
    orderKeys(checkout.shippingOptionId, checkout.orderInfo)
  }}`

/** A StarTransaction: `source` for a payment in, `receiver` for a refund out; the amount always positive. */
export const starTransactionJson = (world: World, transaction: StarTransactionRecord): string => {
  let partner = `{"transaction_type":"invoice_payment","type":"user","user":${userJson(world, transaction.userId)}`
  if (transaction.payload !== "") partner += `,"invoice_payload":${json(transaction.payload)}`
  if (transaction.subscriptionPeriod > 0) partner += `,"subscription_period":${transaction.subscriptionPeriod}`
  const side = transaction.amount > 0 ? "source" : "receiver"
  return `{"id":${json(transaction.id)},"date":${transaction.date},"${side}":${partner}},"amount":${
    Math.abs(transaction.amount)
  }}`
}

/** A StarAmount (nanostars never arise in the mock). */
export const starAmountJson = (amount: number): string => `{"amount":${amount}}`
