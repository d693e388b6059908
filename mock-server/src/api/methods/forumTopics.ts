/**
 * Forum topics (telegram-wire-chats.md §17.2–17.3): createForumTopic, editForumTopic, closeForumTopic,
 * reopenForumTopic, deleteForumTopic, unpinAllForumTopicMessages. The chat must be a forum; then the topic id; then the
 * right (a bot may edit, close, reopen and delete the topics it created without it); then Telegram's refusals
 * (`TOPIC_ID_INVALID`, `TOPIC_NOT_MODIFIED`). Each change posts its service message in the topic.
 */
import { createTopic, deleteTopic, editTopic, setTopicClosed } from "../../events/topics.js"
import { cleanName } from "../../internal/text.js"
import { forumTopicJson } from "../../wire/chatService.js"
import type { TopicRecord } from "../../world/chatProfile.js"
import { findTopic, isForum } from "../../world/forum.js"
import { unpinWhere } from "../../world/pins.js"
import type { ChatRecord } from "../../world/World.js"
import { holds } from "../adminRights.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { chat, custom, int, int64Text, raw, text, threadId } from "../table/params.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)
export const NOT_A_FORUM = bad("the chat is not a forum")
export const INVALID_TOPIC_ID = bad("invalid forum topic identifier specified")
export const TOPIC_ID_INVALID = bad("TOPIC_ID_INVALID")
export const TOPIC_NOT_MODIFIED = bad("TOPIC_NOT_MODIFIED")

/** A topic's name as TDLib keeps it: cleaned and cut to 128 characters. */
export const topicName = (name: string): string => cleanName(name, 128)

/** The chat's forum check, then the topic id's (TDLib's order): the topic, or the refusal. */
const topicIn = (chat: ChatRecord, id: number): { topic: TopicRecord | undefined } | ApiError => {
  if (!isForum(chat)) return NOT_A_FORUM
  if (id <= 0) return INVALID_TOPIC_ID
  return { topic: findTopic(chat, id) }
}

/** A bot may change a topic it created, or any with the right. */
const mayChange = (
  chat: ChatRecord,
  call: Call,
  topic: TopicRecord | undefined,
  right: "can_manage_topics" | "can_delete_messages"
) => holds(chat, call.botId, right) || topic === undefined || topic.creatorId === call.botId

/** TDLib's checks of unpinning a topic's messages: the pin right (a channel's: editing), then topics. */
export const unpinAllRefusal = (chat: ChatRecord, botId: number): ApiError | undefined => {
  if (
    chat.type !== "private" && !holds(chat, botId, chat.type === "channel" ? "can_edit_messages" : "can_pin_messages")
  ) {
    return bad("not enough rights to manage pinned messages in the chat")
  }
  return isForum(chat) ? undefined : bad("chat doesn't have topics")
}

/** closeForumTopic and reopenForumTopic. */
const toggleClosed = (closed: boolean) =>
  method({
    family: "forumTopics",
    summary: closed
      ? "closes a topic (only administrators may write in it); a forum_topic_closed message follows"
      : "reopens a closed topic; a forum_topic_reopened message follows",
    params: { message_thread_id: threadId, chat_id: chat("write") },
    run: ({ chat_id: chat, message_thread_id: id }, call) => {
      const found = topicIn(chat, id)
      if ("_tag" in found) return found
      if (!mayChange(chat, call, found.topic, "can_manage_topics")) {
        return bad("not enough rights to close or open the topic")
      }
      if (found.topic === undefined) return TOPIC_ID_INVALID
      if (found.topic.isClosed === closed) return TOPIC_NOT_MODIFIED
      return commit(chat, () => {
        setTopicClosed(call.world, chat, call.botId, id, closed)
        return "true"
      })
    }
  })

/** The forum-topic methods of §17.2–17.3. */
export const forumTopicMethods = methods({
  createForumTopic: method({
    family: "forumTopics",
    summary: "creates a topic in a forum: the ForumTopic; a forum_topic_created message opens it",
    params: {
      name: text,
      icon_color: int({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      icon_custom_emoji_id: custom("String", (input) => {
        const id = int64Text.read(input) as string
        return id === "0" ? "" : id
      }, { note: "a custom emoji id (junk: none)" }),
      chat_id: chat("write")
    },
    run: (p, call) => {
      const chat = p.chat_id
      if (!isForum(chat)) return NOT_A_FORUM
      if (!holds(chat, call.botId, "can_manage_topics")) return bad("not enough rights to create a topic")
      const name = topicName(p.name)
      if (name === "") return bad("name must be non-empty")
      if (p.icon_color < 0 || p.icon_color > 0xffffff) return bad("invalid icon color specified")
      return commit(chat, () => {
        const topic = createTopic(call.world, chat, call.botId, {
          name,
          iconColor: p.icon_color,
          iconCustomEmojiId: p.icon_custom_emoji_id
        })
        return forumTopicJson(topic.id, topic.name, topic.iconColor, topic.iconCustomEmojiId)
      })
    }
  }),

  editForumTopic: method({
    family: "forumTopics",
    summary: "renames a topic or changes its icon (`\"\"` removes it); a forum_topic_edited message follows",
    params: {
      name: text,
      icon_custom_emoji_id: custom("String", (input) => {
        if (raw(input) === undefined) return undefined
        const id = int64Text.read(input) as string
        return id === "0" ? "" : id
      }, { note: "present: the new icon (\"\" removes it); absent: kept" }),
      message_thread_id: threadId,
      chat_id: chat("write")
    },
    run: (p, call) => {
      const chat = p.chat_id
      const found = topicIn(chat, p.message_thread_id)
      if ("_tag" in found) return found
      if (!mayChange(chat, call, found.topic, "can_manage_topics")) return bad("not enough rights to edit the topic")
      const name = p.name === "" ? undefined : topicName(p.name)
      if (name === "") return bad("name must be non-empty")
      if (name === undefined && p.icon_custom_emoji_id === undefined) return "true"
      const topic = found.topic
      if (topic === undefined) return TOPIC_ID_INVALID
      const change = {
        name: name !== undefined && name !== topic.name ? name : undefined,
        iconCustomEmojiId: p.icon_custom_emoji_id !== topic.iconCustomEmojiId ? p.icon_custom_emoji_id : undefined
      }
      if (change.name === undefined && change.iconCustomEmojiId === undefined) return TOPIC_NOT_MODIFIED
      return commit(chat, () => {
        editTopic(call.world, chat, call.botId, topic, change)
        return "true"
      })
    }
  }),

  closeForumTopic: toggleClosed(true),
  reopenForumTopic: toggleClosed(false),

  deleteForumTopic: method({
    family: "forumTopics",
    summary: "deletes a topic with all its messages",
    params: { message_thread_id: threadId, chat_id: chat("write") },
    run: ({ chat_id: chat, message_thread_id: id }, call) => {
      const found = topicIn(chat, id)
      if ("_tag" in found) return found
      if (!mayChange(chat, call, found.topic, "can_delete_messages")) {
        return bad("not enough rights to delete the topic")
      }
      if (found.topic === undefined) return TOPIC_ID_INVALID
      return commit(chat, () => {
        deleteTopic(chat, id)
        return "true"
      })
    }
  }),

  unpinAllForumTopicMessages: method({
    family: "forumTopics",
    summary: "unpins every pinned message of a topic",
    params: { message_thread_id: threadId, chat_id: chat("write") },
    run: ({ chat_id: chat, message_thread_id: id }, call) => {
      if (id === 0) return INVALID_TOPIC_ID
      return unpinAllRefusal(chat, call.botId) ??
        (findTopic(chat, id) === undefined ? TOPIC_ID_INVALID : commit(chat, () => {
          unpinWhere(chat.log, (thread) => thread === id)
          return "true"
        }))
    }
  })
})
