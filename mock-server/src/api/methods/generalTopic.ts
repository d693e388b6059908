/**
 * The General topic of a forum (telegram-wire-chats.md §17.4): editGeneralForumTopic, closeGeneralForumTopic,
 * reopenGeneralForumTopic, hideGeneralForumTopic, unhideGeneralForumTopic, unpinAllGeneralForumTopicMessages. Every
 * one needs can_manage_topics (General has no creator), except unpinning, which needs can_pin_messages.
 */
import { editTopic, setGeneralHidden, setTopicClosed } from "../../events/topics.js"
import { GENERAL_TOPIC_ID } from "../../world/chatProfile.js"
import { isForum } from "../../world/forum.js"
import { unpinWhere } from "../../world/pins.js"
import type { ChatRecord } from "../../world/World.js"
import { holds } from "../adminRights.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, methods, type Verdict } from "../table/method.js"
import { chat, text } from "../table/params.js"
import { NOT_A_FORUM, TOPIC_NOT_MODIFIED, topicName, unpinAllRefusal } from "./forumTopics.js"

const NOT_ENOUGH_TO_CLOSE = apiError(400, "Bad Request: not enough rights to close or open the topic")

/** The forum check, then the right to manage topics (`refusal` when it is missing). */
const generalRefusal = (chat: ChatRecord, call: Call, refusal: ApiError): ApiError | undefined => {
  if (!isForum(chat)) return NOT_A_FORUM
  return holds(chat, call.botId, "can_manage_topics") ? undefined : refusal
}

/** A General topic method that takes only chat_id and changes one of its flags. */
const toggle = (summary: string, run: (chat: ChatRecord, call: Call) => Verdict) =>
  method({
    family: "forumTopics",
    summary,
    params: { chat_id: chat("write") },
    run: ({ chat_id }, call) => run(chat_id, call)
  })

const close = (closed: boolean) =>
  toggle(
    closed ? "closes the General topic; a forum_topic_closed message follows" : "reopens the General topic",
    (chat, call) => {
      const refusal = generalRefusal(chat, call, NOT_ENOUGH_TO_CLOSE)
      if (refusal !== undefined) return refusal
      if (chat.profile.general.isClosed === closed) return TOPIC_NOT_MODIFIED
      return commit(chat, () => {
        setTopicClosed(call.world, chat, call.botId, GENERAL_TOPIC_ID, closed)
        return "true"
      })
    }
  )

const hide = (hidden: boolean) =>
  toggle(
    hidden
      ? "hides the General topic (closing it if open); a general_forum_topic_hidden message follows"
      : "shows the General topic again; a general_forum_topic_unhidden message follows",
    (chat, call) => {
      const refusal = generalRefusal(chat, call, NOT_ENOUGH_TO_CLOSE)
      if (refusal !== undefined) return refusal
      if (chat.profile.general.isHidden === hidden) return TOPIC_NOT_MODIFIED
      return commit(chat, () => {
        setGeneralHidden(call.world, chat, call.botId, hidden)
        return "true"
      })
    }
  )

/** The General topic's methods. */
export const generalTopicMethods = methods({
  editGeneralForumTopic: method({
    family: "forumTopics",
    summary: "renames the General topic (an empty name changes nothing); a forum_topic_edited message follows",
    params: { name: text, chat_id: chat("write") },
    run: (p, call) => {
      const chat = p.chat_id
      const refusal = generalRefusal(chat, call, apiError(400, "Bad Request: not enough rights to edit the topic"))
      if (refusal !== undefined) return refusal
      if (p.name === "") return "true"
      const name = topicName(p.name)
      if (name === "") return apiError(400, "Bad Request: name must be non-empty")
      if (name === chat.profile.general.name) return TOPIC_NOT_MODIFIED
      return commit(chat, () => {
        editTopic(call.world, chat, call.botId, undefined, { name, iconCustomEmojiId: undefined })
        return "true"
      })
    }
  }),
  closeGeneralForumTopic: close(true),
  reopenGeneralForumTopic: close(false),
  hideGeneralForumTopic: hide(true),
  unhideGeneralForumTopic: hide(false),
  unpinAllGeneralForumTopicMessages: toggle(
    "unpins every pinned message of the General topic",
    (chat, call) =>
      unpinAllRefusal(chat, call.botId) ?? commit(chat, () => {
        // The General topic's messages have no thread id.
        unpinWhere(chat.log, (thread) => thread === undefined)
        return "true"
      })
  )
})
