/**
 * Payments as plain records (telegram-wire-chats.md §19): the invoices a bot sent or made links for, the checkouts
 * people start on them (a shipping query, a pre-checkout query, then paid or refused), the charges made (each with its
 * telegram_payment_charge_id, refunded or not), the bot subscriptions they start, and the Stars transactions each bot
 * sees. Stars balances themselves are the long tail's (`world.tail.stars`, world/gifts.ts).
 */
import { nodeCrypto } from "../internal/lazyBuiltin.js"
import type { World } from "./World.js"

/** One price of an invoice (a negative amount is a discount). */
export interface LabeledPrice {
  readonly label: string
  readonly amount: number
}

/** An invoice as the bot described it (sendInvoice's message, or an invoice link). */
export interface InvoiceRecord {
  readonly botId: number
  readonly title: string
  readonly description: string
  readonly payload: string
  readonly providerToken: string
  readonly providerData: string
  readonly startParameter: string
  readonly currency: string
  readonly prices: ReadonlyArray<LabeledPrice>
  readonly totalAmount: number
  readonly maxTipAmount: number
  readonly suggestedTipAmounts: ReadonlyArray<number>
  readonly photoUrl: string
  readonly needName: boolean
  readonly needPhoneNumber: boolean
  readonly needEmail: boolean
  readonly needShippingAddress: boolean
  readonly isFlexible: boolean
  /** Seconds; 0 for a one-off payment. */
  readonly subscriptionPeriod: number
  /** Set for a link made for a business account: the account is paid, not the bot. */
  readonly businessUserId: number | undefined
}

/** True for an invoice in Telegram Stars. */
export const isStars = (invoice: InvoiceRecord): boolean => invoice.currency === "XTR"

/** A message holding an invoice. */
export interface InvoiceContent {
  readonly kind: "invoice"
  readonly invoice: InvoiceRecord
}

/** A shipping address, as the person gave it. */
export interface ShippingAddress {
  readonly country_code: string
  readonly state: string
  readonly city: string
  readonly street_line1: string
  readonly street_line2: string
  readonly post_code: string
}

/** What the person told the bot at checkout (only what the invoice asked for). */
export interface OrderInfo {
  readonly name?: string | undefined
  readonly phone_number?: string | undefined
  readonly email?: string | undefined
  readonly shipping_address?: ShippingAddress | undefined
}

/** A shipping option the bot offered. */
export interface ShippingOption {
  readonly id: string
  readonly title: string
  readonly prices: ReadonlyArray<LabeledPrice>
}

/** Where a checkout stands. */
export type CheckoutStatus = "awaiting_shipping" | "awaiting_pre_checkout" | "paid" | "refused" | "expired"

/** A person paying an invoice: the queries the bot gets, its answers, and the outcome. */
export interface CheckoutRecord {
  /** Its id, and the pre-checkout query's. */
  readonly id: string
  readonly userId: number
  readonly invoice: InvoiceRecord
  readonly orderInfo: OrderInfo | undefined
  /** The shipping option the person picks from the bot's (flexible invoices); "" for none. */
  readonly shippingOptionId: string
  readonly tipAmount: number
  /** The shipping query's id ("" when the invoice is not flexible). */
  readonly shippingQueryId: string
  status: CheckoutStatus
  /** What the person pays: the invoice, the tip, then the shipping option's prices. */
  totalAmount: number
  /** When the query the bot must answer now expires (ms on the mock's clock). */
  deadline: number
  /** The bot's refusal, or why the checkout stopped. */
  errorMessage: string
  shippingOptions: ReadonlyArray<ShippingOption>
  chargeId: string
}

/** A payment made: what successful_payment shows, and what refundStarPayment undoes. */
export interface ChargeRecord {
  /** telegram_payment_charge_id. */
  readonly id: string
  readonly providerChargeId: string
  readonly botId: number
  readonly userId: number
  readonly invoice: InvoiceRecord
  readonly totalAmount: number
  readonly shippingOptionId: string
  readonly orderInfo: OrderInfo | undefined
  /** Unix time in seconds. */
  readonly date: number
  /** The subscription this charge paid a period of. */
  readonly subscription: SubscriptionRecord | undefined
  /** Its subscription's first payment. */
  readonly isFirstRecurring: boolean
  /** When the period it paid for ends (s); 0 for a one-off payment. */
  readonly expirationDate: number
  refunded: boolean
}

/** A person's subscription to a bot, paid in Stars each period until canceled or unpaid. */
export interface SubscriptionRecord {
  readonly botId: number
  readonly userId: number
  readonly invoice: InvoiceRecord
  /** The charge id of its first payment (what editUserStarSubscription names). */
  readonly firstChargeId: string
  /** When the period paid for ends (s). */
  expiresAt: number
  /** The bot (or the person) canceled its renewal. */
  canceled: boolean
  /** It was not renewed: over. */
  ended: boolean
}

/** A Stars transaction of a bot: a payment in (positive) or a refund out (negative). */
export interface StarTransactionRecord {
  /** The charge's id (a refund keeps the id of what it refunds). */
  readonly id: string
  readonly botId: number
  readonly userId: number
  readonly date: number
  readonly amount: number
  readonly payload: string
  readonly subscriptionPeriod: number
}

/** The world's payments. */
export interface PaymentState {
  /** Invoice links by URL. */
  readonly links: Map<string, InvoiceRecord>
  /** Checkouts by id (the pre-checkout query id). */
  readonly checkouts: Map<string, CheckoutRecord>
  /** Checkouts by shipping query id. */
  readonly shippingQueries: Map<string, CheckoutRecord>
  /** Charges by telegram_payment_charge_id. */
  readonly charges: Map<string, ChargeRecord>
  /** Every bot's Stars transactions, oldest first. */
  readonly transactions: Array<StarTransactionRecord>
  /** The number behind the next query id. */
  nextQuery: number
  /** The number behind the next classic charge id. */
  nextCharge: number
}

/** No payments yet. */
export const emptyPayments = (): PaymentState => ({
  links: new Map(),
  checkouts: new Map(),
  shippingQueries: new Map(),
  charges: new Map(),
  transactions: [],
  nextQuery: 1,
  nextCharge: 1
})

/** The most checkouts, charges and transactions a world keeps (the oldest go first). */
export const PAYMENT_CAP = 10_000

/** Drops a map's oldest entries beyond the cap. */
export const capMap = <K, V>(map: Map<K, V>): void => {
  while (map.size > PAYMENT_CAP) map.delete(map.keys().next().value!)
}

/** A new query id: a 64-bit number as text (pre-checkout and shipping queries share the sequence). */
export const newQueryId = (world: World): string =>
  String(5_000_000_000_000_000_000n + BigInt(world.payments.nextQuery++))

/** A new telegram_payment_charge_id: `stx…` for Stars (random, as Telegram's), a numbered one for other currencies. */
export const newChargeId = (world: World, invoice: InvoiceRecord, userId: number): string => {
  if (isStars(invoice)) return `stx${nodeCrypto().randomBytes(30).toString("base64url")}`
  return `${invoice.botId}_${userId}_${world.payments.nextCharge++}`
}

/** A new invoice link (`https://t.me/$…`). */
export const newInvoiceLink = (world: World): string => {
  let url: string
  do url = `https://t.me/$${nodeCrypto().randomBytes(12).toString("base64url")}`
  while (world.payments.links.has(url))
  return url
}

/** The service messages of payments: a payment made (from the payer), a refund (from the bot). */
export type PaymentService =
  | { readonly kind: "successful_payment"; readonly charge: ChargeRecord }
  | { readonly kind: "refunded_payment"; readonly charge: ChargeRecord }
