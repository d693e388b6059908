/**
 * The second half of every send (telegram-wire-messages.md §M3, steps 5–6): the replied-to message, the bot's right
 * to write, the keyboard's TDLib checks, the content's own checks and permission, Telegram's refusals of a private
 * chat; then, counted against flood control, the message stored and answered as a Message.
 */
import { finishKeyboard, finishReplyMarkup, type InputButton } from "../../input/replyMarkup.js"
import { messageJson } from "../../wire/message.js"
import { conversation } from "../../world/chats.js"
import type { Content } from "../../world/content.js"
import { closedTo, isForum } from "../../world/forum.js"
import { addMessage, findMessage, type MessageLog, type MessageRecord } from "../../world/messages.js"
import type { ChatRecord } from "../../world/World.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { conversationOf, privateRefusal, sendRightsRefusal } from "../sendAccess.js"
import { type Call, commit, type Verdict } from "../table/method.js"
import { sendBusinessContent } from "./business.js"
import type { SendValues } from "./params.js"
import { suggestedPostSendRefusal } from "./suggestedPost.js"
import { TOPIC_CLOSED } from "./topic.js"

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
  /** The inline keyboard a send gets when it names no markup (sendGame's Play button). */
  readonly defaultKeyboard?: ReadonlyArray<ReadonlyArray<InputButton>> | undefined
  /** Runs once the message is stored (a poll starts its closing timer). */
  readonly onStored?: ((message: MessageRecord) => void) | undefined
}

/** Sends `content` as the bot: every check in the real order, then the message stored and rendered. */
export const sendContent = (call: Call, p: SendValues, what: ContentOf): Verdict => {
  if (p.business_connection_id !== "") return sendBusinessContent(call, p, what)
  const { botId, world } = call
  const chat = p.chat_id
  const replyTo = replyTarget(chat, botId, p.reply_parameters)
  if (isApiError(replyTo)) return replyTo
  const rights = sendRightsRefusal(chat, botId, Math.floor(world.clock.now() / 1000))
  if (rights !== undefined) return rights
  // Every kind of markup (reply_markup as sent: the parameter read only its inline keyboard).
  const markup = finishReplyMarkup(call.params.get("reply_markup"), chat.type)
  if ("refusal" in markup) return apiError(400, markup.refusal)
  let keyboard = markup.keyboard
  if (keyboard === undefined && markup.replyKeyboard === undefined && what.defaultKeyboard !== undefined) {
    const finished = finishKeyboard(what.defaultKeyboard, chat.type === "channel")
    if ("refusal" in finished) return apiError(400, finished.refusal)
    keyboard = finished
  }
  const post = suggestedPostSendRefusal(p.suggested_post_parameters)
  if (post !== undefined) return post
  const content = what.content()
  if (isApiError(content)) return content
  const refusal = what.permission?.(chat, botId) ?? privateRefusal(world, chat, botId)
  if (refusal !== undefined) return refusal
  // A reply without a topic goes to the topic of the message it replies to.
  const thread = p.message_thread_id !== 0 ? p.message_thread_id : isForum(chat) ? replyTo?.threadId : undefined
  if (closedTo(chat, thread, botId)) return TOPIC_CLOSED
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
      replyToId: replyTo?.id,
      replyKeyboard: markup.replyKeyboard,
      threadId: thread
    })
    what.onStored?.(record)
    return messageJson(world, record, botId, replyTo)
  })
}
