/**
 * Messages: each chat's log (one per bot in a private chat) with its own message_ids, bounded (the oldest are
 * forgotten), and the records the Bot API's Message objects are rendered from.
 */
import type { ButtonRecord, Content } from "./content.js"
import type { ForwardOrigin, ReplyKeyboardKind } from "./forwards.js"
import type { ChatRecord, Conversation, World } from "./World.js"

export type { ButtonRecord, Content, Entity, LinkPreviewRecord, Service, TextContent } from "./content.js"

/** A message of a chat. */
export interface MessageRecord {
  readonly id: number
  readonly chatId: number
  /** Private chats: the bot whose conversation it is in. */
  readonly botId: number | undefined
  /** Unix time in seconds. */
  readonly date: number
  editDate: number
  /** The sender (a person or a bot); undefined for a channel's posts, which have `senderChatId`. */
  readonly fromId: number | undefined
  /** Who wrote it, channel posts included: who may edit it. */
  readonly authorId: number
  readonly senderChatId: number | undefined
  /** What it says or shows: text, a photo, a poll, a service message, … (replaced by an edit). */
  content: Content
  /** Its inline keyboard (the only markup a Message shows). */
  keyboard: ReadonlyArray<ReadonlyArray<ButtonRecord>> | undefined
  readonly protect: boolean
  readonly replyToId: number | undefined
  /** A forward's origin (a forward of a forward keeps the first one). */
  readonly forwardOrigin?: ForwardOrigin | undefined
  /** A reply keyboard, its removal or a force reply sent with it: such a message can't be edited. */
  readonly replyKeyboard?: ReplyKeyboardKind | undefined
  /** The forum topic it is in (undefined: the General topic, or a chat without topics). */
  readonly threadId?: number | undefined
  /** The album it was sent in (sendMediaGroup), as the decimal string `media_group_id` shows. */
  readonly mediaGroupId?: string | undefined
  /** A business account's message: the connection it came through (the Message starts with it). */
  readonly businessConnectionId?: string | undefined
  /** A business account's message a bot sent for it: that bot. */
  readonly senderBusinessBotId?: number | undefined
  /** Sent through a bot's inline mode (or its Mini App, a prepared message): that bot (`via_bot`). */
  readonly viaBotId?: number | undefined
  /** A guest bot's message: the person whose mention called it (`guest_bot_caller_user`). */
  readonly guestBotCallerId?: number | undefined
}

/** A chat's messages by id, oldest first, with the id the next one gets. */
export interface MessageLog {
  nextId: number
  readonly messages: Map<number, MessageRecord>
}

/** An empty log. */
export const emptyLog = (): MessageLog => ({ nextId: 1, messages: new Map() })

/** What a new message carries; the log gives it its id. */
export type NewMessage = Omit<MessageRecord, "id" | "chatId" | "botId" | "editDate">

/** The log a message of this chat goes to: the chat's own, or (private chats) the bot's conversation. */
export const logOf = (chat: ChatRecord, conversation: Conversation | undefined): MessageLog =>
  conversation?.log ?? chat.log

/** Adds a message to a log, forgetting the oldest past the cap; returns the stored record. */
export const addMessage = (
  world: World,
  chat: ChatRecord,
  botId: number | undefined,
  log: MessageLog,
  message: NewMessage
): MessageRecord => {
  const record: MessageRecord = { ...message, id: log.nextId++, chatId: chat.id, botId, editDate: 0 }
  log.messages.set(record.id, record)
  if (log.messages.size > world.caps.messagesPerChat) {
    const oldest = log.messages.keys().next()
    if (oldest.done !== true) log.messages.delete(oldest.value)
  }
  return record
}

/** A message by id. */
export const findMessage = (log: MessageLog, id: number): MessageRecord | undefined => log.messages.get(id)

/** The messages of a log, oldest first. */
export const messagesOf = (log: MessageLog): Array<MessageRecord> => [...log.messages.values()]
