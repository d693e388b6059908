/**
 * Payments from TypeScript (the control API's payments routes call them too): a person pays an invoice, a checkout
 * read back, and Stars balances set and read (a person without Stars cannot pay in Stars or join through a
 * subscription link). Each validates its input (MockInputError, one line per wrong field) and tells the watchers.
 */
import { decodePay, decodeStars, type PayInput, type StarsInput } from "../decode/payments.js"
import { type CheckoutState, checkoutState, pay, type PayOutcome } from "../people/pay.js"
import { setStars, starBalance } from "../people/stars.js"
import type { StarBalance } from "../WorldSnapshotTail.js"
import { type HasInternals, INTERNALS, orThrow } from "./internals.js"

/** Payments, as MockTelegram methods. */
export interface PaymentMethods {
  /**
   * A person pays an invoice: `{ message_id, chat_id?, bot_id? }` (an invoice message they can see; default their chat
   * with the bot) or `{ invoice_link }`, with `order_info` (what the invoice asks), `shipping_option_id` (a flexible
   * price: the option they pick from the bot's) and `tip_amount`. The bot gets `shipping_query` (flexible invoices),
   * then `pre_checkout_query`; its answer makes the payment (`successful_payment` in the person's chat with the bot)
   * or refuses it. Returns the checkout's id and status, or what Telegram told the person (`BALANCE_TOO_LOW`).
   */
  pay(userId: number, input: PayInput): PayOutcome
  /**
   * A checkout as it stands: `awaiting_shipping`, `awaiting_pre_checkout`, `paid` (with its
   * `telegram_payment_charge_id`), `refused` (with the bot's `error_message`) or `expired` (the bot did not answer in
   * time); undefined for an unknown id.
   */
  checkout(checkoutId: string): CheckoutState | undefined
  /** Sets the Stars of a person, a bot or a chat (`{ amount }`), as a world file's `star_balances` does. */
  setStars(ownerId: number, input: StarsInput): StarBalance
  /** The Stars of a person, a bot or a chat (0 when none). */
  stars(ownerId: number): number
}

/** PaymentMethods, for MockTelegram's prototype. */
export const paymentMethods: PaymentMethods & ThisType<HasInternals> = {
  pay(userId, input) {
    const body = orThrow(decodePay(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => pay(world(), userId, body), (outcome) => ({
      action: "pay",
      user_id: userId,
      ...(body.chat_id !== undefined ? { chat_id: body.chat_id } : {}),
      result: outcome.ok ? outcome.status : outcome.description
    }))
  },

  checkout(checkoutId) {
    return checkoutState(this[INTERNALS].world(), checkoutId)
  },

  setStars(ownerId, input) {
    const body = orThrow(decodeStars(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => setStars(world(), ownerId, body.amount),
      () => ({
        action: "set_stars",
        ...(ownerId > 0 ? { user_id: ownerId } : { chat_id: ownerId }),
        result: String(body.amount)
      })
    )
  },

  stars(ownerId) {
    return starBalance(this[INTERNALS].world(), ownerId).amount
  }
}
