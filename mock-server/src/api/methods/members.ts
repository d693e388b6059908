/**
 * getChatMember, getChatMemberCount, getChatAdministrators, banChatMember, unbanChatMember (telegram-wire-bots.md
 * §12): the Bot API's checks (user_id, chat access for reading members or writing), then TDLib's and Telegram's.
 */
import { isAdmin, isInChat } from "../../events/recipients.js"
import { changeStanding, sameStanding } from "../../events/standing.js"
import { chatMemberJson } from "../../wire/member.js"
import { standing } from "../../world/members.js"
import { currentStanding } from "../../world/permissions.js"
import type { ChatRecord, MemberRecord, World } from "../../world/World.js"
import { readableChat } from "../chatAccess.js"
import { type ApiError, apiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { bool, chat, custom, int, raw, userId } from "../table/params.js"

const INACCESSIBLE = apiError(400, "Bad Request: member list is inaccessible")
const MEMBER_NOT_FOUND = apiError(400, "Bad Request: member not found")
const NOT_ENOUGH_RIGHTS = apiError(400, "Bad Request: not enough rights to restrict/unrestrict chat member")

/** The bot may see a channel's members only as its administrator. */
const channelRefusal = (chat: ChatRecord, botId: number): ApiError | undefined =>
  chat.type === "channel" && !isAdmin(standing(chat, botId)) ? INACCESSIBLE : undefined

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

/** chat_id read for members: a basic group answers as for writing when the bot would see its members. */
const chatForMember = custom<ChatRecord>("Integer or String", (input) => {
  const userId = input.earlier["user_id"] as number
  return readableChat(input.call.world, raw(input), input.call.botId, userId !== input.call.botId)
}, { required: true })

/** getChatMember, getChatMemberCount, getChatAdministrators, banChatMember, unbanChatMember. */
export const memberMethods = methods({
  getChatMember: method({
    family: "administration",
    summary: "a user's ChatMember (creator, administrator, member, restricted, left, kicked)",
    params: { user_id: userId, chat_id: chatForMember },
    run: ({ chat_id: chat, user_id: userId }, call) => {
      if (chat.type === "private") {
        if (userId !== call.botId && userId !== chat.id) return MEMBER_NOT_FOUND
        return commit(
          chat,
          () => chatMemberJson(call.world, chat, userId, { status: "member", rights: {} }, call.botId)
        )
      }
      const refusal = (userId !== call.botId ? channelRefusal(chat, call.botId) : undefined) ??
        (call.world.users.has(userId) ? undefined : MEMBER_NOT_FOUND)
      return refusal ?? commit(chat, () => {
        // An expired restriction or ban is over (TDLib's update_restrictions), as Telegram shows it.
        const now = Math.floor(call.world.clock.now() / 1000)
        return chatMemberJson(call.world, chat, userId, currentStanding(chat, userId, now), call.botId)
      })
    }
  }),

  getChatMemberCount: method({
    family: "administration",
    summary: "how many people are in the chat",
    params: { chat_id: chat("readMembers") },
    run: ({ chat_id: chat }, call) =>
      commit(chat, () => {
        if (chat.type === "private") return chat.id === call.botId ? "1" : "2"
        let count = 0
        for (const member of chat.members.values()) if (isInChat(member)) count++
        return String(count)
      })
  }),

  getChatAdministrators: method({
    family: "administration",
    summary: "the chat's creator and administrators (bots only with return_bots, the caller always)",
    params: { chat_id: chat("readMembers"), return_bots: bool },
    run: ({ chat_id: chat, return_bots: returnBots }, call) => {
      if (chat.type === "private") return apiError(400, "Bad Request: there are no administrators in the private chat")
      const refusal = channelRefusal(chat, call.botId)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        const admins = [...chat.members].filter(([userId, member]) =>
          isAdmin(member) && (returnBots || userId === call.botId || call.world.users.get(userId)?.is_bot !== true)
        ).sort(([, a], [, b]) => (a.status === "creator" ? -1 : 0) - (b.status === "creator" ? -1 : 0))
        return `[${
          admins.map(([userId, member]) => chatMemberJson(call.world, chat, userId, member, call.botId)).join(",")
        }]`
      })
    }
  }),

  banChatMember: method({
    family: "administration",
    summary: "bans a user (until a date, or for good); my_chat_member / chat_member and a service message follow",
    params: {
      user_id: userId,
      chat_id: chat("write"),
      until_date: int({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      revoke_messages: bool
    },
    run: ({ chat_id: chat, user_id: userId, until_date: until }, call) => {
      if (chat.type === "private") return apiError(400, "Bad Request: can't ban members in private chats")
      const now = Math.floor(call.world.clock.now() / 1000)
      const forever = until - now < 30 || until - now > 366 * 86_400
      const after: MemberRecord = { status: "kicked", rights: { until_date: forever ? 0 : until } }
      if (sameStanding(standing(chat, userId), after)) return "true"
      const refusal = restrictRefusal(call.world, chat, call.botId, userId)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        changeStanding(call.world, chat, userId, after, call.botId)
        return "true"
      })
    }
  }),

  unbanChatMember: method({
    family: "administration",
    summary: "lifts a ban (the user may join again); with only_if_banned, touches no one else",
    params: { user_id: userId, chat_id: chat("write"), only_if_banned: bool },
    run: ({ chat_id: chat, user_id: userId, only_if_banned: onlyIfBanned }, call) => {
      if (chat.type !== "supergroup" && chat.type !== "channel") {
        return apiError(400, "Bad Request: method is available for supergroup and channel chats only")
      }
      const current = standing(chat, userId)
      if (onlyIfBanned && current.status !== "kicked") return "true"
      if (current.status === "left") return "true"
      const refusal = restrictRefusal(call.world, chat, call.botId, userId)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        changeStanding(call.world, chat, userId, { status: "left", rights: {} }, call.botId)
        return "true"
      })
    }
  })
})
