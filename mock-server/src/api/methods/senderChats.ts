/**
 * banChatSenderChat and unbanChatSenderChat (telegram-wire-chats.md §16.6): the chat checked, then `sender_chat_id`
 * as check_chat_no_fail reads it (an unknown chat is not refused there), then TDLib (private chats, basic groups, the
 * kind of the sender, the right to restrict). No update tells of it (only user members are reported); the world file
 * keeps the banned chats (`banned_sender_chat_ids`).
 */
import { isInChat } from "../../events/recipients.js"
import { changeStanding } from "../../events/standing.js"
import { toSafeInt64 } from "../../internal/Params.js"
import { standing } from "../../world/members.js"
import type { ChatRecord, World } from "../../world/World.js"
import { holds } from "../adminRights.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, methods, type Verdict } from "../table/method.js"
import { chat, custom, int, raw } from "../table/params.js"
import { fixUntilDate } from "./restrict.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)
const NOT_ENOUGH = bad("not enough rights to restrict/unrestrict chat member")

/** sender_chat_id, read after chat_id (check_chat_no_fail): empty, not an integer; any integer goes on. */
const senderChatId = custom<number>("Integer", (input) => {
  const value = raw(input) ?? ""
  if (value === "") return bad("sender_chat_id is empty")
  const id = toSafeInt64(value)
  return id === undefined ? bad("sender_chat_id is not a valid Integer") : id
}, { required: true })

/** What a sender id names for TDLib: a user, a basic group, a channel or supergroup of the world, or nothing. */
const senderKind = (world: World, id: number): "user" | "group" | "channel" | "unknown" | "invalid" => {
  if (id === 0) return "invalid"
  if (id > 0) return world.users.has(id) ? "user" : "unknown"
  const chat = world.chats.get(id)
  if (chat === undefined) return id > -1_000_000_000_000 ? "group" : "unknown"
  return chat.type === "group" ? "group" : "channel"
}

/** TDLib's path of a (un)ban of a sender in a supergroup or channel, up to the change itself. */
const senderRefusal = (call: Call, chat: ChatRecord, id: number): ApiError | undefined => {
  const kind = senderKind(call.world, id)
  if (kind === "invalid") return bad("invalid chat identifier specified")
  if (kind === "unknown") return bad("member not found")
  if (kind === "group") return bad("can't restrict the chat")
  if (id === call.botId) return bad("can't restrict self")
  if (!holds(chat, call.botId, "can_restrict_members")) return NOT_ENOUGH
  if (kind === "user" && standing(chat, id).status === "creator") return bad("can't remove chat owner")
  if (kind === "user" && standing(chat, id).status === "administrator") {
    return bad("user is an administrator of the chat")
  }
  return undefined
}

/** A positive sender id is a user: TDLib bans or unbans them as banChatMember / unbanChatMember would. */
const changeUser = (call: Call, chat: ChatRecord, userId: number, until: number | undefined): Verdict =>
  commit(chat, () => {
    const after = until === undefined
      ? { status: "left" as const, rights: {} }
      : { status: "kicked" as const, rights: { until_date: until } }
    changeStanding(call.world, chat, userId, after, call.botId)
    return "true"
  })

/** banChatSenderChat, unbanChatSenderChat. */
export const senderChatMethods = methods({
  banChatSenderChat: method({
    family: "administration",
    summary: "bans a channel from posting as itself in a supergroup or channel (kept in the world file)",
    params: {
      chat_id: chat("write"),
      sender_chat_id: senderChatId,
      until_date: int({ min: -(2 ** 31), max: 2 ** 31 - 1 })
    },
    run: (p, call) => {
      const chat = p.chat_id
      if (chat.type === "private") return bad("can't ban members in private chats")
      if (chat.type === "group") {
        if (p.sender_chat_id <= 0) return bad("can't ban chats in basic groups")
        // A user in a basic group is removed, as banChatMember does.
        if (standing(chat, p.sender_chat_id).status === "creator") return bad("can't remove chat owner")
        if (!holds(chat, call.botId, "can_restrict_members")) return bad("CHAT_ADMIN_REQUIRED")
        if (!isInChat(standing(chat, p.sender_chat_id))) return bad("USER_NOT_PARTICIPANT")
        return changeUser(call, chat, p.sender_chat_id, 0)
      }
      const refusal = senderRefusal(call, chat, p.sender_chat_id)
      if (refusal !== undefined) return refusal
      const now = Math.floor(call.world.clock.now() / 1000)
      if (p.sender_chat_id > 0) return changeUser(call, chat, p.sender_chat_id, fixUntilDate(p.until_date, now))
      return commit(chat, () => {
        chat.profile.bannedSenderChats.add(p.sender_chat_id)
        return "true"
      })
    }
  }),

  unbanChatSenderChat: method({
    family: "administration",
    summary: "lifts a ban of a channel posting as itself",
    params: { chat_id: chat("write"), sender_chat_id: senderChatId },
    run: (p, call) => {
      const chat = p.chat_id
      if (chat.type === "private") return bad("chat member status can't be changed in private chats")
      if (chat.type === "group") return "true"
      const refusal = senderRefusal(call, chat, p.sender_chat_id)
      if (refusal !== undefined) return refusal
      if (p.sender_chat_id > 0) {
        return standing(chat, p.sender_chat_id).status === "kicked"
          ? changeUser(call, chat, p.sender_chat_id, undefined)
          : "true"
      }
      return commit(chat, () => {
        chat.profile.bannedSenderChats.delete(p.sender_chat_id)
        return "true"
      })
    }
  })
})
