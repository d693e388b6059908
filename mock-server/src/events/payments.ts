/**
 * What bots learn of payments (telegram-wire-chats.md §19.2-19.7): the shipping and pre-checkout queries of a
 * checkout; a payment made (the Stars moved, a `successful_payment` message from the payer in their chat with the bot,
 * a transaction); a refund (`refunded_payment`, from the bot, which gets it too); and a bot subscription renewed at the
 * end of each period while it is not canceled and the person has the Stars (each renewal a new successful_payment).
 */
import { messageJson } from "../wire/message.js"
import { preCheckoutQueryJson, shippingQueryJson } from "../wire/payments.js"
import { conversation } from "../world/chats.js"
import { addStars, starsOf } from "../world/gifts.js"
import { addMessage } from "../world/messages.js"
import {
  capMap,
  type ChargeRecord,
  type CheckoutRecord,
  isStars,
  newChargeId,
  PAYMENT_CAP,
  type PaymentService,
  type SubscriptionRecord
} from "../world/payments.js"
import { startTimer } from "../world/timers.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { World } from "../world/World.js"
import { deliverMessage } from "./announce.js"

/** How long the bot has to answer (s): a shipping query (the real server's queue), a pre-checkout query (the docs). */
export const SHIPPING_ANSWER_SECONDS = 150
export const PRE_CHECKOUT_ANSWER_SECONDS = 10

const nowSeconds = (world: World): number => Math.floor(world.clock.now() / 1000)

/** The checkout's next question reaches the bot: `shipping_query`, or `pre_checkout_query`; its answer window opens. */
export const askBot = (world: World, checkout: CheckoutRecord): void => {
  const botId = checkout.invoice.botId
  const shipping = checkout.status === "awaiting_shipping"
  const seconds = shipping ? SHIPPING_ANSWER_SECONDS : PRE_CHECKOUT_ANSWER_SECONDS
  checkout.deadline = world.clock.now() + seconds * 1000
  const type = shipping ? "shipping_query" : "pre_checkout_query"
  if (!wantsUpdate(world, botId, type)) return
  const json = shipping ? shippingQueryJson(world, checkout) : preCheckoutQueryJson(world, checkout)
  enqueueUpdate(world, botId, type, json, `payment:${checkout.userId}`)
}

/** A payment service message in the person's chat with the bot: from the payer (a payment) or the bot (a refund). */
const paymentMessage = (world: World, charge: ChargeRecord, service: PaymentService): void => {
  const { botId, userId } = charge
  const conv = conversation(world, userId, botId)!
  const chat = world.chats.get(userId)!
  // Paying opens the chat: the service message is in it, and the bot may answer there.
  conv.started = true
  const fromId = service.kind === "successful_payment" ? userId : botId
  const message = addMessage(world, chat, botId, conv.log, {
    date: nowSeconds(world),
    fromId,
    authorId: fromId,
    senderChatId: undefined,
    content: { kind: "service", service },
    keyboard: undefined,
    protect: false,
    replyToId: undefined
  })
  if (fromId === userId) deliverMessage(world, chat, message)
  else if (wantsUpdate(world, botId, "message")) {
    // The real server delivers a refund's message even when the bot's own call caused it.
    enqueueUpdate(world, botId, "message", messageJson(world, message, botId, undefined), `chat:${chat.id}`)
  }
}

/** Adds a Stars transaction of a bot, the oldest dropped past the cap. */
const addTransaction = (world: World, charge: ChargeRecord, amount: number): void => {
  const transactions = world.payments.transactions
  transactions.push({
    id: charge.id,
    botId: charge.botId,
    userId: charge.userId,
    date: nowSeconds(world),
    amount,
    payload: charge.invoice.payload,
    subscriptionPeriod: charge.invoice.subscriptionPeriod
  })
  if (transactions.length > PAYMENT_CAP) transactions.shift()
}

/** Records a charge: the Stars moved, the message, the transaction (Stars a bot receives itself). */
const charge = (world: World, record: ChargeRecord): void => {
  const invoice = record.invoice
  if (isStars(invoice)) {
    addStars(world, record.userId, -record.totalAmount)
    addStars(world, invoice.businessUserId ?? invoice.botId, record.totalAmount)
    if (invoice.businessUserId === undefined) addTransaction(world, record, record.totalAmount)
  }
  world.payments.charges.set(record.id, record)
  capMap(world.payments.charges)
  paymentMessage(world, record, { kind: "successful_payment", charge: record })
}

/** The bot said yes: the person pays (Stars they still have), or the checkout stops (`BALANCE_TOO_LOW`). */
export const completePayment = (world: World, checkout: CheckoutRecord): void => {
  const invoice = checkout.invoice
  if (isStars(invoice) && starsOf(world, checkout.userId) < checkout.totalAmount) {
    checkout.status = "refused"
    checkout.errorMessage = "BALANCE_TOO_LOW"
    return
  }
  const now = nowSeconds(world)
  const id = newChargeId(world, invoice, checkout.userId)
  const period = invoice.subscriptionPeriod
  const subscription: SubscriptionRecord | undefined = period > 0
    ? {
      botId: invoice.botId,
      userId: checkout.userId,
      invoice,
      firstChargeId: id,
      expiresAt: now + period,
      canceled: false,
      ended: false
    }
    : undefined
  charge(world, {
    id,
    providerChargeId: isStars(invoice) ? "" : `mock_provider_${id}`,
    botId: invoice.botId,
    userId: checkout.userId,
    invoice,
    totalAmount: checkout.totalAmount,
    shippingOptionId: checkout.shippingOptionId,
    orderInfo: checkout.orderInfo,
    date: now,
    subscription,
    isFirstRecurring: subscription !== undefined,
    expirationDate: subscription?.expiresAt ?? 0,
    refunded: false
  })
  checkout.status = "paid"
  checkout.chargeId = id
  if (subscription !== undefined) scheduleRenewal(world, subscription)
}

/** At the end of its period, a subscription renews (not canceled, the Stars there) or ends. */
const scheduleRenewal = (world: World, subscription: SubscriptionRecord): void => {
  startTimer(world, subscription.expiresAt * 1000, () => {
    const price = subscription.invoice.totalAmount
    if (subscription.canceled || starsOf(world, subscription.userId) < price) {
      subscription.ended = true
      return
    }
    subscription.expiresAt += subscription.invoice.subscriptionPeriod
    charge(world, {
      id: newChargeId(world, subscription.invoice, subscription.userId),
      providerChargeId: "",
      botId: subscription.botId,
      userId: subscription.userId,
      invoice: subscription.invoice,
      totalAmount: price,
      shippingOptionId: "",
      orderInfo: undefined,
      date: nowSeconds(world),
      subscription,
      isFirstRecurring: false,
      expirationDate: subscription.expiresAt,
      refunded: false
    })
    scheduleRenewal(world, subscription)
  })
}

/** refundStarPayment: the Stars go back to the person, and `refunded_payment` reaches the bot. */
export const refund = (world: World, record: ChargeRecord): void => {
  addStars(world, record.botId, -record.totalAmount)
  addStars(world, record.userId, record.totalAmount)
  record.refunded = true
  addTransaction(world, record, -record.totalAmount)
  paymentMessage(world, record, { kind: "refunded_payment", charge: record })
}
