/**
 * Joining through a subscription link by paying (telegram-wire-chats.md §19.8, telegram-wire-bots.md §13): the price
 * moves from the person's Stars to the chat's (BALANCE_TOO_LOW when they lack it: what Telegram tells a payer short of
 * Stars), the person is a member until the period ends on the mock's clock, and then the membership ends as a leave:
 * `chat_member` (member → left) to the administering bots that asked, and in a group the `left_chat_member` message.
 * The bot sees no payment of its own (no pre_checkout_query, no successful_payment, no transaction).
 */
import { changeStanding } from "../events/standing.js"
import { addStars, starsOf } from "../world/gifts.js"
import { startTimer } from "../world/timers.js"
import type { ChatRecord, LinkRecord, World } from "../world/World.js"

/** Ends a paid membership whose period is over, unless it changed since (the person left, was promoted, rejoined). */
const endPaidMembership = (world: World, chatId: number, userId: number, until: number): void => {
  const chat = world.chats.get(chatId)
  const member = chat?.members.get(userId)
  if (chat === undefined || member?.status !== "member" || member.rights.until_date !== until) return
  changeStanding(world, chat, userId, { status: "left", rights: {} }, userId)
}

/** The person pays for a period of the link's subscription; Telegram's refusal when they cannot. */
export const payToJoin = (world: World, userId: number, chat: ChatRecord, link: LinkRecord): string | undefined => {
  const price = link.subscriptionPrice
  if (starsOf(world, userId) < price) return "BALANCE_TOO_LOW"
  addStars(world, userId, -price)
  addStars(world, chat.id, price)
  const until = Math.floor(world.clock.now() / 1000) + link.subscriptionPeriod
  startTimer(world, until * 1000, () => endPaidMembership(world, chat.id, userId, until))
  return undefined
}
