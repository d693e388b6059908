/**
 * A person joins through an invite link, or leaves (telegram-wire-bots.md §12). What the person's app is told when
 * Telegram refuses (MTProto's messages.importChatInvite errors) is the mock's own rule, seeded from that section:
 * unknown → INVITE_HASH_INVALID; revoked, expired or used up → 406 INVITE_HASH_EXPIRED; banned → CHANNEL_PRIVATE;
 * already in → USER_ALREADY_PARTICIPANT; an unpaid subscription → STARS_PAYMENT_REQUIRED, one the person's Stars
 * do not cover → BALANCE_TOO_LOW (people/paidJoins.ts).
 */
import { announceJoinRequest } from "../events/announce.js"
import { isInChat } from "../events/recipients.js"
import { changeStanding } from "../events/standing.js"
import { standing } from "../world/members.js"
import type { ChatRecord, JoinRequestRecord, World } from "../world/World.js"
import { payToJoin } from "./paidJoins.js"

/** What joining gave: in, or asked to join; or what Telegram told the person. */
export type JoinOutcome =
  | { readonly ok: true; readonly status: "member" | "requested"; readonly chat_id: number }
  | { readonly ok: false; readonly error_code: number; readonly description: string }

const refused = (code: number, description: string): JoinOutcome => ({ ok: false, error_code: code, description })

/** A person (a known user, not a bot) uses an invite link. */
export const joinByLink = (world: World, userId: number, url: string, payStars: boolean): JoinOutcome => {
  const link = world.linksByUrl.get(url)
  if (link === undefined) return refused(400, "INVITE_HASH_INVALID")
  const chat = world.chats.get(link.chatId)
  if (chat === undefined || chat.deleted || chat.migratedTo !== undefined) return refused(406, "INVITE_HASH_EXPIRED")
  const now = Math.floor(world.clock.now() / 1000)
  const usedUp = link.memberLimit !== 0 && link.joinedCount >= link.memberLimit
  if (link.isRevoked || (link.expireDate !== 0 && link.expireDate <= now) || usedUp) {
    return refused(406, "INVITE_HASH_EXPIRED")
  }
  const member = standing(chat, userId)
  if (member.status === "kicked") return refused(400, "CHANNEL_PRIVATE")
  if (isInChat(member)) return refused(400, "USER_ALREADY_PARTICIPANT")
  if (link.subscriptionPeriod !== 0 && !payStars) return refused(400, "STARS_PAYMENT_REQUIRED")
  if (link.createsJoinRequest) {
    if (!chat.joinRequests.has(userId)) {
      const request: JoinRequestRecord = { userId, date: now, link, bio: "" }
      chat.joinRequests.set(userId, request)
      link.pendingRequests++
      announceJoinRequest(world, chat, request)
    }
    return { ok: true, status: "requested", chat_id: chat.id }
  }
  const unpaid = link.subscriptionPeriod !== 0 ? payToJoin(world, userId, chat, link) : undefined
  if (unpaid !== undefined) return refused(400, unpaid)
  link.joinedCount++
  const rights = link.subscriptionPeriod !== 0 ? { until_date: now + link.subscriptionPeriod } : {}
  changeStanding(world, chat, userId, { status: "member", rights }, userId, { link })
  return { ok: true, status: "member", chat_id: chat.id }
}

/** A person leaves a chat they are in; the problem line when they cannot. */
export const leave = (world: World, userId: number, chat: ChatRecord): string | undefined => {
  const member = standing(chat, userId)
  if (!isInChat(member)) return `chat_id: user ${userId} is not in chat ${chat.id}`
  if (member.status === "creator") {
    return `chat_id: user ${userId} created chat ${chat.id} and cannot leave it in the mock`
  }
  changeStanding(world, chat, userId, { status: "left", rights: {} }, userId)
  return undefined
}
