/**
 * pinChatMessage, unpinChatMessage, unpinAllChatMessages (telegram-wire-messages.md §M8.2): write access, the message,
 * then TDLib's rights (private chats always; a basic group or supergroup: can_pin_messages; a channel:
 * can_edit_messages) and `service messages can't be pinned`. A pin adds a `pinned_message` service message; getChat
 * shows the latest pin.
 */
import { pinServiceMessage } from "../../events/pins.js"
import { standing } from "../../world/members.js"
import { findMessage, type MessageLog, type MessageRecord } from "../../world/messages.js"
import { latestPin, pin, unpin, unpinAll } from "../../world/pins.js"
import type { ChatRecord } from "../../world/World.js"
import { writableChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { logFor } from "../send/sendContent.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { bool, messageId, text } from "../table/params.js"
import { businessRefusal } from "./editing.js"

const NOT_ENOUGH_RIGHTS = apiError(400, "Bad Request: not enough rights to manage pinned messages in the chat")

/** TDLib's can_pin_messages for a bot. */
const pinRightsRefusal = (chat: ChatRecord, botId: number): ApiError | undefined => {
  if (chat.type === "private") return undefined
  const member = standing(chat, botId)
  if (member.status === "creator") return undefined
  const right = chat.type === "channel" ? member.rights.can_edit_messages : member.rights.can_pin_messages
  return member.status === "administrator" && right === true ? undefined : NOT_ENOUGH_RIGHTS
}

/** TDLib's can_pin_message: the rights, then the message's kind. */
const pinRefusal = (chat: ChatRecord, botId: number, message: MessageRecord): ApiError | undefined =>
  pinRightsRefusal(chat, botId) ??
    (message.content.kind === "service" ? apiError(400, "Bad Request: service messages can't be pinned") : undefined)

/** The chat (write access), its log for the bot, and the message `what` names. */
const pinTarget = (
  call: Call,
  chatParam: string,
  id: number,
  what: string
): { chat: ChatRecord; log: MessageLog; message: MessageRecord } | ApiError => {
  const chat = writableChat(call.world, chatParam, call.botId)
  if (isApiError(chat)) return chat
  const log = logFor(chat, call.botId)
  const message = id > 0 && log !== undefined ? findMessage(log, id) : undefined
  return message === undefined ? apiError(400, `Bad Request: ${what} not found`) : { chat, log: log!, message }
}

/** pinChatMessage, unpinChatMessage, unpinAllChatMessages. */
export const pinMethods = methods({
  pinChatMessage: method({
    family: "pins",
    summary: "pins a message; a `pinned_message` service message follows (the bot gets it too)",
    params: { business_connection_id: text, chat_id: text, message_id: messageId, disable_notification: bool },
    run: (p, call) => {
      const business = businessRefusal(p.business_connection_id, p.chat_id)
      if (business !== undefined) return business
      const target = pinTarget(call, p.chat_id, p.message_id, "message to pin")
      if (isApiError(target)) return target
      const { chat, log, message } = target
      const refusal = pinRefusal(chat, call.botId, message)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        pin(log, message.id)
        pinServiceMessage(call.world, chat, log, call.botId, message.id)
        return "true"
      })
    }
  }),

  unpinChatMessage: method({
    family: "pins",
    summary: "unpins a message, or without message_id the latest pinned one",
    params: { business_connection_id: text, chat_id: text, message_id: messageId },
    run: (p, call) => {
      const business = businessRefusal(p.business_connection_id, p.chat_id)
      if (business !== undefined) return business
      let target: ReturnType<typeof pinTarget>
      if (p.message_id > 0) target = pinTarget(call, p.chat_id, p.message_id, "message to unpin")
      else {
        const chat = writableChat(call.world, p.chat_id, call.botId)
        if (isApiError(chat)) return chat
        const log = logFor(chat, call.botId)
        const latest = log === undefined ? undefined : latestPin(log)
        target = pinTarget(call, p.chat_id, latest ?? 0, "message to unpin")
      }
      if (isApiError(target)) return target
      const { chat, log, message } = target
      const refusal = pinRefusal(chat, call.botId, message)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        unpin(log, message.id)
        return "true"
      })
    }
  }),

  unpinAllChatMessages: method({
    family: "pins",
    summary: "unpins every message of the chat",
    params: { chat_id: text },
    run: (p, call) => {
      const chat = writableChat(call.world, p.chat_id, call.botId)
      if (isApiError(chat)) return chat
      const refusal = pinRightsRefusal(chat, call.botId)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        const log = logFor(chat, call.botId)
        if (log !== undefined) unpinAll(log)
        return "true"
      })
    }
  })
})
