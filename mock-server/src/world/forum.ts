/**
 * Forum topics as state (telegram-wire-chats.md §17): which chats are forums, their topics, and who may write in a
 * closed one. Changes that bots hear of (a topic created, edited, closed…) are in events/topics.ts.
 */
import { GENERAL_TOPIC_ID, type TopicRecord } from "./chatProfile.js"
import { standing } from "./members.js"
import type { ChatRecord } from "./World.js"

/** A supergroup with topics switched on. */
export const isForum = (chat: ChatRecord): boolean => chat.type === "supergroup" && chat.profile.isForum

/** A topic of a forum by id (not the General topic, which has no record of its own). */
export const findTopic = (chat: ChatRecord, id: number): TopicRecord | undefined =>
  isForum(chat) ? chat.profile.topics.get(id) : undefined

/** Switches a supergroup's topics on or off; its message ids then start after the General topic's. */
export const setForum = (chat: ChatRecord, on: boolean): void => {
  chat.profile.isForum = on
  if (on && chat.log.nextId <= GENERAL_TOPIC_ID) chat.log.nextId = GENERAL_TOPIC_ID + 1
}

/** The chat's creator, or an administrator with can_manage_topics. */
export const canManageTopics = (chat: ChatRecord, userId: number): boolean => {
  const member = standing(chat, userId)
  return member.status === "creator" || (member.status === "administrator" && member.rights.can_manage_topics === true)
}

/**
 * True when the topic a message goes to (`threadId` undefined: General) is closed to this sender: everyone but its
 * creator and those who manage topics (the rule TDLib applies for users; Telegram applies it to bots).
 */
export const closedTo = (chat: ChatRecord, threadId: number | undefined, userId: number): boolean => {
  if (!isForum(chat)) return false
  const topic = threadId === undefined ? undefined : findTopic(chat, threadId)
  const closed = threadId === undefined ? chat.profile.general.isClosed : topic?.isClosed === true
  return closed && topic?.creatorId !== userId && !canManageTopics(chat, userId)
}
