/**
 * The second half of every send (telegram-wire-messages.md §M3, steps 5–6): the replied-to message, the bot's right
 * to write, the keyboard's TDLib checks, the content's own checks and permission, Telegram's refusals of a private
 * chat; then, counted against flood control, the message stored and answered as a Message.
 */
import { finishKeyboard } from "../../input/replyMarkup.js"
import { messageJson } from "../../wire/message.js"
import { conversation } from "../../world/chats.js"
import type { Content } from "../../world/content.js"
import { addMessage, findMessage, type MessageLog, type MessageRecord } from "../../world/messages.js"
import type { ChatRecord } from "../../world/World.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { conversationOf, privateRefusal, sendRightsRefusal } from "../sendAccess.js"
import { type Call, commit, type Verdict } from "../table/method.js"
import type { SendValues } from "./params.js"

/** The log a bot's messages in this chat live in (private chats: its conversation's, if it exists yet). */
export const logFor = (chat: ChatRecord, botId: number): MessageLog | undefined =>
  chat.type === "private" ? conversationOf(chat, botId)?.log : chat.log

/** The message a send replies to (reply_parameters), or the refusal; undefined when it replies to nothing. */
export const replyTarget = (
  chat: ChatRecord,
  botId: number,
  reply: SendValues["reply_parameters"]
): MessageRecord | ApiError | undefined => {
  if (reply.messageId <= 0) return undefined
  const log = logFor(chat, botId)
  const sameChat = reply.chatId === "" || reply.chatId === String(chat.id)
  const target = sameChat && log !== undefined ? findMessage(log, reply.messageId) : undefined
  if (target !== undefined || reply.allowWithoutReply) return target
  return apiError(400, "Bad Request: message to be replied not found")
}

/** How a send's content is made and checked, after the chat, the reply and the keyboard. */
export interface ContentOf {
  /** The content, or TDLib's refusal of it (a caption too long, a poll without options, …). */
  readonly content: () => Content | ApiError
  /** The per-content right of a restricted bot (`not enough rights to send photos to the chat`), if it needs one. */
  readonly permission?: ((chat: ChatRecord, botId: number) => ApiError | undefined) | undefined
}

/** Sends `content` as the bot: every check in the real order, then the message stored and rendered. */
export const sendContent = (call: Call, p: SendValues, what: ContentOf): Verdict => {
  const { botId, world } = call
  const chat = p.chat_id
  const replyTo = replyTarget(chat, botId, p.reply_parameters)
  if (isApiError(replyTo)) return replyTo
  const rights = sendRightsRefusal(chat, botId)
  if (rights !== undefined) return rights
  let keyboard: MessageRecord["keyboard"]
  if (p.reply_markup !== undefined) {
    const finished = finishKeyboard(p.reply_markup, chat.type === "channel")
    if ("refusal" in finished) return apiError(400, finished.refusal)
    keyboard = finished
  }
  const content = what.content()
  if (isApiError(content)) return content
  const refusal = what.permission?.(chat, botId) ?? privateRefusal(world, chat, botId)
  if (refusal !== undefined) return refusal
  return commit(chat, () => {
    const channel = chat.type === "channel"
    const log = logFor(chat, botId) ?? conversation(world, chat.id, botId)!.log
    const record = addMessage(world, chat, chat.type === "private" ? botId : undefined, log, {
      date: Math.floor(world.clock.now() / 1000),
      fromId: channel ? undefined : botId,
      authorId: botId,
      senderChatId: channel ? chat.id : undefined,
      content,
      keyboard,
      protect: p.protect_content,
      replyToId: replyTo?.id
    })
    return messageJson(world, record, botId, replyTo)
  })
}
