/**
 * Forum topics change (telegram-wire-chats.md §17): a topic created (its id is the id of the `forum_topic_created`
 * message that starts it), edited, closed or reopened, deleted with its messages; the General topic closed, reopened,
 * hidden or shown. Each change posts its service message in the topic, which every bot in the chat gets (the one that
 * made the change too). What the bot's methods and the control API share.
 */
import { GENERAL_TOPIC_ID, type TopicRecord } from "../world/chatProfile.js"
import type { ChatRecord, World } from "../world/World.js"
import { postService as post } from "./chatService.js"

/** What a new topic is made of. */
export interface NewTopic {
  readonly name: string
  readonly iconColor: number
  /** "" for none. */
  readonly iconCustomEmojiId: string
}

/** Creates a topic in a forum: its record, and the `forum_topic_created` message that opens it. */
export const createTopic = (world: World, chat: ChatRecord, actorId: number, input: NewTopic): TopicRecord => {
  const id = chat.log.nextId
  const topic: TopicRecord = { id, ...input, creatorId: actorId, isClosed: false }
  chat.profile.topics.set(id, topic)
  post(world, chat, actorId, { kind: "forum_topic_created", ...input }, id)
  return topic
}

/** Renames a topic (General: `topic` undefined) or changes its icon; posts `forum_topic_edited` with what changed. */
export const editTopic = (
  world: World,
  chat: ChatRecord,
  actorId: number,
  topic: TopicRecord | undefined,
  change: { readonly name: string | undefined; readonly iconCustomEmojiId: string | undefined }
): void => {
  if (change.name !== undefined) {
    if (topic === undefined) chat.profile.general.name = change.name
    else topic.name = change.name
  }
  if (topic !== undefined && change.iconCustomEmojiId !== undefined) topic.iconCustomEmojiId = change.iconCustomEmojiId
  post(world, chat, actorId, { kind: "forum_topic_edited", ...change }, topic?.id)
}

/** Closes or reopens a topic (General: id 1). */
export const setTopicClosed = (world: World, chat: ChatRecord, actorId: number, id: number, closed: boolean) => {
  if (id === GENERAL_TOPIC_ID) chat.profile.general.isClosed = closed
  else chat.profile.topics.get(id)!.isClosed = closed
  const kind = closed ? "forum_topic_closed" : "forum_topic_reopened"
  post(world, chat, actorId, { kind }, id === GENERAL_TOPIC_ID ? undefined : id)
}

/** Hides or shows the General topic (hiding closes it too, as Telegram does). */
export const setGeneralHidden = (world: World, chat: ChatRecord, actorId: number, hidden: boolean): void => {
  chat.profile.general.isHidden = hidden
  if (hidden) chat.profile.general.isClosed = true
  post(
    world,
    chat,
    actorId,
    { kind: hidden ? "general_forum_topic_hidden" : "general_forum_topic_unhidden" },
    undefined
  )
}

/** Deletes a topic and every message in it. */
export const deleteTopic = (chat: ChatRecord, id: number): void => {
  chat.profile.topics.delete(id)
  for (const [messageId, message] of chat.log.messages) {
    if (message.threadId === id) chat.log.messages.delete(messageId)
  }
}
