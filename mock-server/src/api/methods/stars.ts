/**
 * The bot's Stars (telegram-wire-chats.md §19.5-19.6; Client.cpp process_get_my_star_balance_query,
 * process_get_star_transactions_query, process_refund_star_payment_query, process_edit_user_star_subscription_query):
 * its balance (the long tail's `world.tail.stars`, which gifts and business transfers spend too), the transactions of
 * its invoices (payments in, refunds out, oldest first), a refund, and a subscription's renewal canceled or re-enabled.
 * The user is never looked up by the server (check_user_no_fail): Telegram answers USER_ID_INVALID for one it does
 * not know; CHARGE_NOT_FOUND, CHARGE_ALREADY_REFUNDED and CHARGE_ID_INVALID are Telegram's, BALANCE_TOO_LOW the mock's.
 */
import { refund } from "../../events/payments.js"
import { starAmountJson, starTransactionJson } from "../../wire/payments.js"
import { starsOf } from "../../world/gifts.js"
import { type ChargeRecord, isStars } from "../../world/payments.js"
import type { World } from "../../world/World.js"
import { type ApiError, apiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { bool, int, requiredText, text, userId } from "../table/params.js"

const telegram = (code: string): ApiError => apiError(400, `Bad Request: ${code}`)

/** A charge of this bot's paid by this user, in the Stars the bot received. */
const chargeOf = (world: World, botId: number, userId: number, id: string): ChargeRecord | undefined => {
  const charge = world.payments.charges.get(id)
  return charge !== undefined && charge.botId === botId && charge.userId === userId && isStars(charge.invoice) &&
      charge.invoice.businessUserId === undefined
    ? charge
    : undefined
}

/** getMyStarBalance, getStarTransactions, refundStarPayment, editUserStarSubscription. */
export const starMethods = methods({
  getMyStarBalance: method({
    family: "payments",
    summary: "the bot's Stars: the world file's `star_balances`, with what people paid and the bot spent",
    params: {},
    run: (_, call) => starAmountJson(starsOf(call.world, call.botId))
  }),
  getStarTransactions: method({
    family: "payments",
    summary: "the bot's invoice payments in and refunds out, oldest first (`offset`, `limit`)",
    params: { offset: int({ min: 0, max: 2 ** 31 - 1 }), limit: int({ min: 1, max: 100, default: 100 }) },
    run: (p, call) => {
      const own = call.world.payments.transactions.filter((transaction) => transaction.botId === call.botId)
      const page = own.slice(p.offset, p.offset + p.limit)
      return `{"transactions":[${page.map((transaction) => starTransactionJson(call.world, transaction)).join(",")}]}`
    }
  }),
  refundStarPayment: method({
    family: "payments",
    summary: "gives a person back the Stars of a payment; `refunded_payment` follows in their chat",
    params: { user_id: userId, telegram_payment_charge_id: requiredText },
    run: (p, call) => {
      const { world } = call
      if (!world.users.has(p.user_id)) return telegram("USER_ID_INVALID")
      const charge = chargeOf(world, call.botId, p.user_id, p.telegram_payment_charge_id)
      if (charge === undefined) return telegram("CHARGE_NOT_FOUND")
      if (charge.refunded) return telegram("CHARGE_ALREADY_REFUNDED")
      if (starsOf(world, call.botId) < charge.totalAmount) return telegram("BALANCE_TOO_LOW")
      return commit(undefined, () => {
        refund(world, charge)
        return "true"
      })
    }
  }),
  editUserStarSubscription: method({
    family: "payments",
    summary: "cancels (`is_canceled`) or re-enables the renewal of a person's Stars subscription to the bot",
    params: { user_id: userId, telegram_payment_charge_id: text, is_canceled: bool },
    run: (p, call) => {
      const { world } = call
      if (p.telegram_payment_charge_id === "") return telegram("CHARGE_ID_INVALID")
      if (!world.users.has(p.user_id)) return telegram("USER_ID_INVALID")
      const subscription = chargeOf(world, call.botId, p.user_id, p.telegram_payment_charge_id)?.subscription
      if (subscription === undefined) return telegram("CHARGE_ID_INVALID")
      return commit(undefined, () => {
        subscription.canceled = p.is_canceled
        return "true"
      })
    }
  })
})
