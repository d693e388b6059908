/**
 * The business path of every send (telegram-wire-messages.md §M3 step 4): with a `business_connection_id` the
 * message goes out as the business account, to the account's chat with a person. `chat_id` must be an integer
 * (`chat identifier is empty`, `… must be a valid Integer`), then the connection is this bot's (`business connection
 * not found`), the chat a person other than the account; only the reply, the keyboard, protect_content and the
 * notification travel. Telegram's rules: an enabled connection, the `can_reply` right, a person who wrote in the last
 * 24 hours. The Message starts with `business_connection_id` and `sender_business_bot`.
 */
import { finishKeyboard } from "../../input/replyMarkup.js"
import { messageJson } from "../../wire/message.js"
import { addBusinessMessage } from "../../world/business.js"
import { findMessage, type MessageRecord } from "../../world/messages.js"
import type { ChatRecord } from "../../world/World.js"
import { botsConnection, businessChatId, businessTarget, replyRefusal } from "../business.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { type Call, commit, type ParamInput, type Verdict } from "../table/method.js"
import { raw } from "../table/params.js"
import type { SendValues } from "./params.js"
import type { ContentOf } from "./sendContent.js"

/** `chat_id` on the business path: the account's chat with that person (its record is the connection's). */
export const businessSendChat = (input: ParamInput, connectionId: string): ChatRecord | ApiError => {
  const chatId = businessChatId(raw(input))
  if (isApiError(chatId)) return chatId
  const connection = botsConnection(input.call.world, input.call.botId, connectionId)
  if (isApiError(connection)) return connection
  const target = businessTarget(input.call.world, connection, chatId)
  return isApiError(target) ? target : target.chat
}

/** Sends `what` as the business account: the content's checks, Telegram's rules, then the message stored. */
export const sendBusinessContent = (call: Call, p: SendValues, what: ContentOf): Verdict => {
  const { botId, world } = call
  const connection = world.tail.business.get(p.business_connection_id)!
  const business = connection.chats.get(p.chat_id.id)!
  let keyboard: MessageRecord["keyboard"]
  if (p.reply_markup !== undefined) {
    const finished = finishKeyboard(p.reply_markup, false)
    if ("refusal" in finished) return apiError(400, finished.refusal)
    keyboard = finished
  }
  const content = what.content()
  if (isApiError(content)) return content
  const refusal = replyRefusal(world, connection, business)
  if (refusal !== undefined) return refusal
  return commit(p.chat_id, () => {
    const replyTo = p.reply_parameters.messageId > 0
      ? findMessage(business.chat.log, p.reply_parameters.messageId)
      : undefined
    const record = addBusinessMessage(world, connection, business.chat, {
      date: Math.floor(world.clock.now() / 1000),
      fromId: connection.userId,
      authorId: connection.userId,
      senderChatId: undefined,
      content,
      keyboard,
      protect: p.protect_content,
      replyToId: replyTo?.id,
      senderBusinessBotId: botId
    })
    return messageJson(world, record, botId, replyTo)
  })
}
