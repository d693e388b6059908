/**
 * Messages that reach a chat through a bot without the bot sending them (telegram-wire-chats.md §18.1): a person's
 * pick of an inline result, a Mini App's answer, a prepared message a person sends (each from the person, with
 * `via_bot`), and a guest bot's answer (from the bot, with `guest_bot_caller_user`). The chat's bots hear of it as of
 * any message (the inline bot even in privacy mode); it gets an inline_message_id when it has an inline keyboard (a
 * guest bot's always), by which its bot may edit it later.
 */
import type { InlineDestination, InlineMessageBody, InlineMessageRecord } from "../world/inline.js"
import { keep, newInlineMessageId } from "../world/inline.js"
import { addMessage, findMessage, type MessageRecord } from "../world/messages.js"
import type { World } from "../world/World.js"
import { deliverMessage } from "./announce.js"

export type { InlineDestination }

/** Who the message is from and through which bot. */
export interface InlineAuthor {
  /** The person (or, for a guest bot's answer, the bot). */
  readonly authorId: number
  /** The bot that may edit it by its inline_message_id. */
  readonly botId: number
  /** `via_bot`, unless it is the bot's own message (a guest answer). */
  readonly viaBot: boolean
  /** A guest bot's answer: the person who called it. */
  readonly guestCallerId?: number | undefined
  /** Give it an inline_message_id even without a keyboard (a guest bot's answer). */
  readonly alwaysId?: boolean
}

/** What was posted: the message and its inline_message_id (when it has one). */
export interface InlinePost {
  readonly message: MessageRecord
  readonly inlineMessageId: string | undefined
}

/** Posts the message and tells the chat's bots; registers its inline_message_id. */
export const postInlineMessage = (
  world: World,
  destination: InlineDestination,
  author: InlineAuthor,
  body: InlineMessageBody
): InlinePost => {
  const { chat, log } = destination
  const channel = chat.type === "channel"
  const message = addMessage(world, chat, destination.conversationBotId, log, {
    date: Math.floor(world.clock.now() / 1000),
    fromId: channel ? undefined : author.authorId,
    authorId: author.authorId,
    senderChatId: channel ? chat.id : undefined,
    content: body.content,
    keyboard: body.keyboard,
    protect: false,
    replyToId: undefined,
    ...(author.viaBot ? { viaBotId: author.botId } : {}),
    ...(author.guestCallerId !== undefined ? { guestBotCallerId: author.guestCallerId } : {})
  })
  deliverMessage(world, chat, message)
  if (body.keyboard === undefined && author.alwaysId !== true) return { message, inlineMessageId: undefined }
  const id = newInlineMessageId(world, chat.id, message.id)
  const record: InlineMessageRecord = { id, botId: author.botId, chat, log, messageId: message.id }
  keep(world.inline.messages, id, record)
  return { message, inlineMessageId: id }
}

/** The message an inline_message_id names, for its bot (undefined: unknown, another bot's, or deleted since). */
export const inlineMessage = (
  world: World,
  botId: number,
  id: string
): { readonly record: InlineMessageRecord; readonly message: MessageRecord } | undefined => {
  const record = world.inline.messages.get(id)
  if (record === undefined || record.botId !== botId) return undefined
  const message = findMessage(record.log, record.messageId)
  return message === undefined ? undefined : { record, message }
}
