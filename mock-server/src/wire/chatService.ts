/** The keys of the administration and forum-topic service messages (Client.cpp JsonMessage, JsonForumTopic*). */
import type { ChatService } from "../world/chatServices.js"
import type { World } from "../world/World.js"
import { photoSizeJson } from "./file.js"

const json = JSON.stringify

/** A ChatService's keys in a Message, for the bot `viewerBotId` (file ids are per bot). */
export const chatServiceJson = (world: World, service: ChatService, viewerBotId: number | undefined): string => {
  switch (service.kind) {
    case "new_chat_title":
      return `,"new_chat_title":${json(service.title)}`
    case "new_chat_photo":
      return `,"new_chat_photo":[${photoSizeJson(world, service.photo, viewerBotId ?? world.bots[0]?.user_id ?? 0)}]`
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
