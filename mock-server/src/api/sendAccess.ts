/**
 * Where a bot's message may go (telegram-wire-bots.md §11): the chat a `chat_id` names for sending (a private chat
 * with any user the world knows), then TDLib's rights to send there and Telegram's own refusals (a blocked bot, a
 * person who never started it, another bot).
 */
import { toSafeInt64 } from "../internal/Params.js"
import { chatByUsername, privateChat } from "../world/chats.js"
import { joinRequestOpensChat } from "../world/joinRequests.js"
import { standing } from "../world/members.js"
import { effectivePermissions } from "../world/permissions.js"
import type { ChatRecord, Conversation, World } from "../world/World.js"
import { checkWriteAccess } from "./chatAccess.js"
import { type ApiError, apiError } from "./envelope.js"

const CHAT_ID_EMPTY = apiError(400, "Bad Request: chat_id is empty")
const CHAT_NOT_FOUND = apiError(400, "Bad Request: chat not found")

/** The chat to send to, with the bot's write access checked; a private chat with any known user. */
export const sendChat = (world: World, param: string | undefined, botId: number): ChatRecord | ApiError => {
  if (param === undefined || param === "") return CHAT_ID_EMPTY
  let chat: ChatRecord | undefined
  if (param.startsWith("@")) chat = chatByUsername(world, param.slice(1))
  else {
    const id = toSafeInt64(param)
    if (id !== undefined) chat = id > 0 && id < 2 ** 40 ? privateChat(world, id) : world.chats.get(id)
  }
  if (chat === undefined) return CHAT_NOT_FOUND
  return checkWriteAccess(chat, botId) ?? chat
}

/** The bot's conversation in a private chat (undefined elsewhere, or when there is none yet). */
export const conversationOf = (chat: ChatRecord, botId: number): Conversation | undefined =>
  chat.type === "private" ? chat.conversations.get(botId) : undefined

/** TDLib's rights to send text to the chat (its own restrictions and the chat's default permissions). */
export const sendRightsRefusal = (chat: ChatRecord, botId: number, nowSeconds: number): ApiError | undefined => {
  const member = standing(chat, botId)
  if (chat.type === "channel") {
    const may = member.status === "creator" ||
      (member.status === "administrator" && member.rights.can_post_messages === true)
    return may ? undefined : apiError(400, "Bad Request: need administrator rights in the channel chat")
  }
  if (chat.type !== "private" && !effectivePermissions(chat, botId, true, nowSeconds).can_send_messages) {
    return apiError(400, "Bad Request: not enough rights to send text messages to the chat")
  }
  return undefined
}

/** Telegram's refusals of a private chat: another bot, a blocked bot, a person who never started it. */
export const privateRefusal = (world: World, chat: ChatRecord, botId: number): ApiError | undefined => {
  if (chat.type !== "private") return undefined
  if (world.users.get(chat.id)?.is_bot === true) {
    return apiError(403, "Forbidden: the bot can't send messages to the bot")
  }
  const conversation = chat.conversations.get(botId)
  if (conversation?.blocked === true) return apiError(403, "Forbidden: bot was blocked by the user")
  const writable = conversation?.started === true || joinRequestOpensChat(world, chat.id, botId)
  return writable ? undefined : apiError(403, "Forbidden: bot can't initiate conversation with a user")
}

/** A restricted member's send permissions (ChatPermissions' can_send_* fields). */
export type SendRight =
  | "can_send_messages"
  | "can_send_audios"
  | "can_send_documents"
  | "can_send_photos"
  | "can_send_videos"
  | "can_send_video_notes"
  | "can_send_voice_notes"
  | "can_send_polls"
  | "can_send_other_messages"

/** TDLib's per-content right of a restricted bot: `not enough rights to send <what> to the chat`. */
export const restrictedRefusal = (
  chat: ChatRecord,
  botId: number,
  right: SendRight,
  what: string
): ApiError | undefined => {
  const member = standing(chat, botId)
  if (member.status !== "restricted") return undefined
  const rights: Partial<Record<SendRight, boolean | undefined>> = member.rights
  return rights[right] === true
    ? undefined
    : apiError(400, `Bad Request: not enough rights to send ${what} to the chat`)
}
