/**
 * createChatSubscriptionInviteLink and editChatSubscriptionInviteLink (telegram-wire-bots.md §13): the name cut (not
 * refused), period and price clamped then checked before the rights, then Telegram's rules (a 30-day period, or 60 or
 * 300 s in the test environment; at most 10000 Stars).
 */
import { toLenientInt } from "../../internal/Params.js"
import { cleanLinkName } from "../../internal/text.js"
import { linkJson } from "../../wire/inviteLink.js"
import { createLink, findLink } from "../../world/inviteLinks.js"
import { canManageInviteLinks } from "../../world/members.js"
import type { ChatRecord } from "../../world/World.js"
import { writableChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { type Call, floodRefusal, type MethodFamily } from "./common.js"

const MAX_PRICE = 10_000

const rightsRefusal = (chat: ChatRecord, botId: number): ApiError | undefined =>
  chat.type === "private"
    ? apiError(400, "Bad Request: can't invite members to a private chat")
    : canManageInviteLinks(chat, botId)
    ? undefined
    : apiError(400, "Bad Request: not enough rights to manage chat invite link")

const clamp = (raw: string | undefined, max: number): number => Math.max(0, Math.min(max, toLenientInt(raw)))

const create = (call: Call) => {
  const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
  if (isApiError(chat)) return chat
  const period = clamp(call.params.get("subscription_period"), 1_000_000_000)
  const price = clamp(call.params.get("subscription_price"), 1_000_000)
  if (period <= 0 || price <= 0) return apiError(400, "Bad Request: invalid subscription pricing specified")
  const refusal = rightsRefusal(chat, call.botId)
  if (refusal !== undefined) return refusal
  const periods = call.testEnvironment === true ? [60, 300] : [2_592_000]
  if (!periods.includes(period)) return apiError(400, "Bad Request: SUBSCRIPTION_PERIOD_INVALID")
  if (price > MAX_PRICE) return apiError(400, "Bad Request: PRICING_CHAT_INVALID")
  const flood = floodRefusal(call, chat)
  if (flood !== undefined) return flood
  const link = createLink(call.world, chat, call.botId, {
    name: cleanLinkName(call.params.get("name") ?? ""),
    expireDate: 0,
    memberLimit: 0,
    createsJoinRequest: false,
    subscriptionPeriod: period,
    subscriptionPrice: price
  })
  return linkJson(call.world, link)
}

const edit = (call: Call) => {
  const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
  if (isApiError(chat)) return chat
  const refusal = rightsRefusal(chat, call.botId)
  if (refusal !== undefined) return refusal
  const url = call.params.get("invite_link") ?? ""
  if (url === "") return apiError(400, "Bad Request: invite link must be non-empty")
  const link = findLink(call.world, url)
  if (link === undefined || link.chatId !== chat.id || link.isRevoked || link.subscriptionPeriod === 0) {
    return apiError(400, "Bad Request: INVITE_HASH_EXPIRED")
  }
  if (link.creatorId !== call.botId) return apiError(400, "Bad Request: CHAT_ADMIN_REQUIRED")
  const flood = floodRefusal(call, chat)
  if (flood !== undefined) return flood
  link.name = cleanLinkName(call.params.get("name") ?? "")
  return linkJson(call.world, link)
}

/** createChatSubscriptionInviteLink, editChatSubscriptionInviteLink. */
export const subscriptionLinkMethods: MethodFamily = {
  createChatSubscriptionInviteLink: create,
  editChatSubscriptionInviteLink: edit
}
