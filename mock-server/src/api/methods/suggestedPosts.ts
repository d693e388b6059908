/**
 * approveSuggestedPost and declineSuggestedPost (telegram-wire-chats.md §21 Suggested posts; Client.cpp
 * process_approve_suggested_post_query, process_decline_suggested_post_query; MessagesManager process_suggested_post):
 * suggested posts live in channels' direct messages chats, which the mock's worlds do not have, so the message named
 * is never one: `suggested post not found` when the chat has no such message, `message can't be used in the method`
 * when it has.
 */
import { findMessage } from "../../world/messages.js"
import { checkWriteAccess, resolveChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { logFor } from "../send/sendContent.js"
import { type Call, method, methods } from "../table/method.js"
import { int, messageId, text } from "../table/params.js"

/** check_message(…, Write, "suggested post"), then TDLib's refusal of a message that is not a suggested post. */
const suggestedPostRefusal = (call: Call, chatId: string, id: number): ApiError => {
  const chat = resolveChat(call.world, chatId)
  if (isApiError(chat)) return chat
  const refusal = checkWriteAccess(chat, call.botId)
  if (refusal !== undefined) return refusal
  const log = logFor(chat, call.botId)
  const message = id > 0 && log !== undefined ? findMessage(log, id) : undefined
  return message === undefined
    ? apiError(400, "Bad Request: suggested post not found")
    : apiError(400, "Bad Request: message can't be used in the method")
}

/** approveSuggestedPost, declineSuggestedPost. */
export const suggestedPostMethods = methods({
  approveSuggestedPost: method({
    family: "administration",
    summary: "approves a suggested post of a channel's direct messages (the world has none: always refused)",
    params: { chat_id: text, message_id: messageId, send_date: int({ min: -(2 ** 31), max: 2 ** 31 - 1 }) },
    run: (p, call) => suggestedPostRefusal(call, p.chat_id, p.message_id)
  }),
  declineSuggestedPost: method({
    family: "administration",
    summary: "declines a suggested post of a channel's direct messages (the world has none: always refused)",
    params: { chat_id: text, message_id: messageId, comment: text },
    run: (p, call) => suggestedPostRefusal(call, p.chat_id, p.message_id)
  })
})
