/**
 * message_thread_id of the send methods (telegram-wire-messages.md §M3, telegram-wire-chats.md §17.6): in a forum a
 * topic (General, 1, is not named: leave the parameter out), in a private chat a topic of the bot's own forum (the
 * mock's bots have none), ignored everywhere else; and Telegram's refusal of a closed topic.
 */
import { findTopic, isForum } from "../../world/forum.js"
import type { ChatRecord } from "../../world/World.js"
import { type ApiError, apiError } from "../envelope.js"
import type { Param } from "../table/method.js"
import { custom, threadId } from "../table/params.js"

const THREAD_NOT_FOUND = apiError(400, "Bad Request: message thread not found")

/** The topic a send goes to in this chat: its id, 0 for none (General, or a chat without topics), or the refusal. */
export const resolveTopic = (chat: ChatRecord, id: number): number | ApiError => {
  if (id === 0) return 0
  if (chat.type === "private") return THREAD_NOT_FOUND
  if (!isForum(chat)) return 0
  return findTopic(chat, id) === undefined ? THREAD_NOT_FOUND : id
}

/** message_thread_id read after chat_id (whose chat it resolves in); 0 when none or ignored. */
export const topicParam: Param<number> = custom("Integer", (input) => {
  const id = threadId.read(input) as number
  const chat = input.earlier["chat_id"] as ChatRecord | undefined
  return chat === undefined ? id : resolveTopic(chat, id)
}, { note: "forums: a topic; ignored in other groups and channels" })

/** Telegram's refusal of a message to a closed topic from someone who is not an administrator. */
export const TOPIC_CLOSED = apiError(400, "Bad Request: TOPIC_CLOSED")
