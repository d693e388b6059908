/** The keys of the administration and forum-topic service messages (Client.cpp JsonMessage, JsonForumTopic*). */
import type { ChatService } from "../world/chatServices.js"

const json = JSON.stringify

/** A ChatService's keys in a Message. */
export const chatServiceJson = (service: ChatService): string => {
  switch (service.kind) {
    case "new_chat_title":
      return `,"new_chat_title":${json(service.title)}`
    case "delete_chat_photo":
      return `,"delete_chat_photo":true`
    case "forum_topic_created": {
      const icon = service.iconCustomEmojiId !== "" ? `,"icon_custom_emoji_id":${json(service.iconCustomEmojiId)}` : ""
      return `,"forum_topic_created":{"name":${json(service.name)},"icon_color":${service.iconColor}${icon}}`
    }
    case "forum_topic_edited": {
      const parts: Array<string> = []
      if (service.name !== undefined) parts.push(`"name":${json(service.name)}`)
      if (service.iconCustomEmojiId !== undefined) {
        parts.push(`"icon_custom_emoji_id":${json(service.iconCustomEmojiId)}`)
      }
      return `,"forum_topic_edited":{${parts.join(",")}}`
    }
    case "forum_topic_closed":
    case "forum_topic_reopened":
    case "general_forum_topic_hidden":
    case "general_forum_topic_unhidden":
      return `,"${service.kind}":{}`
  }
}

/** The ForumTopic object createForumTopic answers (Client.cpp JsonForumTopicInfo). */
export const forumTopicJson = (
  id: number,
  name: string,
  iconColor: number,
  iconCustomEmojiId: string
): string =>
  `{"message_thread_id":${id},"name":${json(name)},"icon_color":${iconColor}${
    iconCustomEmojiId !== "" ? `,"icon_custom_emoji_id":${json(iconCustomEmojiId)}` : ""
  }}`
