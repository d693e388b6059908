/**
 * getChatMember, getChatMemberCount, getChatAdministrators, banChatMember, unbanChatMember (telegram-wire-bots.md
 * §12): the Bot API's checks (user_id, chat access for reading members or writing), then TDLib's and Telegram's.
 */
import { isAdmin, isInChat } from "../../events/recipients.js"
import { changeStanding, sameStanding } from "../../events/standing.js"
import { toBool, toLenientInt } from "../../internal/Params.js"
import { chatMemberJson } from "../../wire/member.js"
import { standing } from "../../world/members.js"
import type { ChatRecord, MemberRecord, World } from "../../world/World.js"
import { readableChat, writableChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { type Call, floodRefusal, type MethodFamily } from "./common.js"

const INACCESSIBLE = apiError(400, "Bad Request: member list is inaccessible")
const MEMBER_NOT_FOUND = apiError(400, "Bad Request: member not found")
const NOT_ENOUGH_RIGHTS = apiError(400, "Bad Request: not enough rights to restrict/unrestrict chat member")

/** get_user_id: a positive 64-bit integer (junk reads as 0), else `invalid user_id specified`. */
export const userIdParam = (call: Call): number | ApiError => {
  const id = toLenientInt64(call.params.get("user_id"))
  return id > 0 ? id : apiError(400, "Bad Request: invalid user_id specified")
}

const toLenientInt64 = (raw: string | undefined): number => {
  const match = /^-?[0-9]+/.exec(raw ?? "")
  if (match === null) return 0
  const n = Number(match[0])
  return Number.isSafeInteger(n) ? n : 0
}

/** The bot may see a channel's members only as its administrator. */
const channelRefusal = (chat: ChatRecord, botId: number): ApiError | undefined =>
  chat.type === "channel" && !isAdmin(standing(chat, botId)) ? INACCESSIBLE : undefined

const getChatMember = (call: Call) => {
  const userId = userIdParam(call)
  if (isApiError(userId)) return userId
  const chat = readableChat(call.world, call.params.get("chat_id"), call.botId, userId !== call.botId)
  if (isApiError(chat)) return chat
  if (chat.type === "private") {
    if (userId !== call.botId && userId !== chat.id) return MEMBER_NOT_FOUND
    const refusal = floodRefusal(call, chat)
    return refusal ?? chatMemberJson(call.world, chat, userId, { status: "member", rights: {} })
  }
  const refusal = (userId !== call.botId ? channelRefusal(chat, call.botId) : undefined) ??
    (call.world.users.has(userId) ? undefined : MEMBER_NOT_FOUND) ?? floodRefusal(call, chat)
  return refusal ?? chatMemberJson(call.world, chat, userId, standing(chat, userId))
}

const getChatMemberCount = (call: Call) => {
  const chat = readableChat(call.world, call.params.get("chat_id"), call.botId, true)
  if (isApiError(chat)) return chat
  const refusal = floodRefusal(call, chat)
  if (refusal !== undefined) return refusal
  if (chat.type === "private") return chat.id === call.botId ? "1" : "2"
  let count = 0
  for (const member of chat.members.values()) if (isInChat(member)) count++
  return String(count)
}

const getChatAdministrators = (call: Call) => {
  const chat = readableChat(call.world, call.params.get("chat_id"), call.botId, true)
  if (isApiError(chat)) return chat
  if (chat.type === "private") return apiError(400, "Bad Request: there are no administrators in the private chat")
  const refusal = channelRefusal(chat, call.botId) ?? floodRefusal(call, chat)
  if (refusal !== undefined) return refusal
  const returnBots = toBool(call.params.get("return_bots"))
  const admins = [...chat.members].filter(([userId, member]) =>
    isAdmin(member) && (returnBots || userId === call.botId || call.world.users.get(userId)?.is_bot !== true)
  ).sort(([, a], [, b]) => (a.status === "creator" ? -1 : 0) - (b.status === "creator" ? -1 : 0))
  return `[${admins.map(([userId, member]) => chatMemberJson(call.world, chat, userId, member)).join(",")}]`
}

/** TDLib's and Telegram's refusals of a ban or an unban of `userId` by the bot. */
const restrictRefusal = (world: World, chat: ChatRecord, botId: number, userId: number): ApiError | undefined => {
  const target = standing(chat, userId)
  if (target.status === "creator") return apiError(400, "Bad Request: can't remove chat owner")
  if (userId === botId) return apiError(400, "Bad Request: can't restrict self")
  const bot = standing(chat, botId)
  if (chat.type === "group") {
    if (!isAdmin(bot)) return apiError(400, "Bad Request: CHAT_ADMIN_REQUIRED")
    if (!isInChat(target)) return apiError(400, "Bad Request: USER_NOT_PARTICIPANT")
  } else if (
    bot.status !== "creator" && !(bot.status === "administrator" && bot.rights.can_restrict_members === true)
  ) {
    return NOT_ENOUGH_RIGHTS
  }
  if (target.status === "administrator") return apiError(400, "Bad Request: user is an administrator of the chat")
  return world.users.has(userId) ? undefined : apiError(400, "Bad Request: PARTICIPANT_ID_INVALID")
}

const banChatMember = (call: Call) => {
  const userId = userIdParam(call)
  if (isApiError(userId)) return userId
  const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
  if (isApiError(chat)) return chat
  if (chat.type === "private") return apiError(400, "Bad Request: can't ban members in private chats")
  const now = Math.floor(call.world.clock.now() / 1000)
  const until = toLenientInt(call.params.get("until_date"))
  const forever = until - now < 30 || until - now > 366 * 86_400
  const after: MemberRecord = { status: "kicked", rights: { until_date: forever ? 0 : until } }
  if (sameStanding(standing(chat, userId), after)) return "true"
  const refusal = restrictRefusal(call.world, chat, call.botId, userId) ?? floodRefusal(call, chat)
  if (refusal !== undefined) return refusal
  changeStanding(call.world, chat, userId, after, call.botId)
  return "true"
}

const unbanChatMember = (call: Call) => {
  const userId = userIdParam(call)
  if (isApiError(userId)) return userId
  const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
  if (isApiError(chat)) return chat
  if (chat.type !== "supergroup" && chat.type !== "channel") {
    return apiError(400, "Bad Request: method is available for supergroup and channel chats only")
  }
  const current = standing(chat, userId)
  if (toBool(call.params.get("only_if_banned")) && current.status !== "kicked") return "true"
  if (current.status === "left") return "true"
  const refusal = restrictRefusal(call.world, chat, call.botId, userId) ?? floodRefusal(call, chat)
  if (refusal !== undefined) return refusal
  changeStanding(call.world, chat, userId, { status: "left", rights: {} }, call.botId)
  return "true"
}

/** getChatMember, getChatMemberCount, getChatAdministrators, banChatMember, unbanChatMember. */
export const memberMethods: MethodFamily = {
  getChatMember,
  getChatMemberCount,
  getChatAdministrators,
  banChatMember,
  unbanChatMember
}
