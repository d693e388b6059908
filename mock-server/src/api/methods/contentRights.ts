/**
 * The per-content rights of a restricted bot (TDLib can_send_message_content): a restricted member may send a kind
 * only with its right (`can_send_polls` for polls and checklists, …); absent means false, as everywhere in the world
 * file. Administrators and members are not restricted. Also each content kind's right and rules, in one switch.
 */
import type { Content } from "../../world/content.js"
import { standing } from "../../world/members.js"
import type { ChatRecord } from "../../world/World.js"
import { type ApiError, apiError } from "../envelope.js"

/** True when the bot may send content needing this right in the chat. */
export const hasSendRight = (chat: ChatRecord, botId: number, right: string): boolean => {
  const member = standing(chat, botId)
  return member.status !== "restricted" || (member.rights as Readonly<Record<string, unknown>>)[right] === true
}

/** `not enough rights to send <what> to the chat` when the bot lacks the right. */
export const sendRightRefusal = (
  chat: ChatRecord,
  botId: number,
  right: string,
  what: string
): ApiError | undefined =>
  hasSendRight(chat, botId, right)
    ? undefined
    : apiError(400, `Bad Request: not enough rights to send ${what} to the chat`)

/**
 * The right each content kind needs from a restricted bot, and Telegram's own rules of where it may go (TDLib
 * can_send_message_content): what decides whether a forward or a copy of it may enter the chat. Media kinds add
 * their case here.
 */
export const contentPermission = (chat: ChatRecord, botId: number, content: Content): ApiError | undefined => {
  switch (content.kind) {
    case "text":
      return sendRightRefusal(chat, botId, "can_send_messages", "text messages")
    case "poll":
      return sendRightRefusal(chat, botId, "can_send_polls", "polls") ??
        (chat.type === "channel" && !content.poll.isAnonymous
          ? apiError(400, "Bad Request: non-anonymous polls can't be sent to channel chats")
          : undefined)
    case "checklist":
      return sendRightRefusal(chat, botId, "can_send_polls", "checklists") ??
        (chat.type === "channel" ? apiError(400, "Bad Request: checklists can't be sent to channel chats") : undefined)
    case "service":
      return apiError(400, "Bad Request: service messages can't be sent")
  }
}
