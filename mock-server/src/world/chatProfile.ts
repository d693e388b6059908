/**
 * What administration changes in a chat besides its members: the description, the default permissions, the sticker
 * set, the chats banned from posting as themselves, and, in a supergroup that is a forum, its topics. Built from the
 * world file and written back to it.
 */
import type { Chat, ChatPermissions } from "../WorldSnapshot.js"
import type { PhotoSizeRecord } from "./content.js"
import { DEFAULT_CHAT_PERMISSIONS, PERMISSION_KEYS, type Permissions, permissionsFrom } from "./permissions.js"

/** A forum topic; its id is the id of the message that created it. */
export interface TopicRecord {
  readonly id: number
  name: string
  /** An RGB number. */
  readonly iconColor: number
  /** "" when the topic has no custom emoji icon. */
  iconCustomEmojiId: string
  /** Who created it (undefined: unknown, e.g. made by the world file without a creator). */
  readonly creatorId: number | undefined
  isClosed: boolean
}

/** The General topic of a forum (id 1): it has no creation message. */
export interface GeneralTopicRecord {
  name: string
  isClosed: boolean
  isHidden: boolean
}

/** A chat's settings that administrators change. */
export interface ChatProfile {
  /** "" when the chat has none. */
  description: string
  /** What members may do by default (groups and supergroups). */
  permissions: Permissions
  /** "" when the supergroup has no sticker set. */
  stickerSetName: string
  /** The chat's photo (the upload itself: the mock does not make the small and big sizes). */
  photo: PhotoSizeRecord | undefined
  /** Chats banned from posting as themselves. */
  readonly bannedSenderChats: Set<number>
  /** A supergroup whose messages live in topics. */
  isForum: boolean
  /** The forum's topics besides General, by id (kept while topics are switched off, as Telegram keeps them). */
  readonly topics: Map<number, TopicRecord>
  readonly general: GeneralTopicRecord
}

/** The id of the General topic. */
export const GENERAL_TOPIC_ID = 1

/** A chat's profile from its world-file form. */
export const profileFromData = (chat: Omit<Chat, "members">): ChatProfile => ({
  description: chat.description ?? "",
  permissions: chat.permissions === undefined ? DEFAULT_CHAT_PERMISSIONS : permissionsFrom(chat.permissions),
  stickerSetName: chat.sticker_set_name ?? "",
  photo: undefined,
  bannedSenderChats: new Set(chat.banned_sender_chat_ids ?? []),
  isForum: chat.is_forum === true,
  topics: new Map((chat.forum_topics ?? []).map((topic) => [topic.message_thread_id, {
    id: topic.message_thread_id,
    name: topic.name,
    iconColor: topic.icon_color ?? 0,
    iconCustomEmojiId: topic.icon_custom_emoji_id ?? "",
    creatorId: topic.creator_id,
    isClosed: topic.is_closed === true
  }])),
  general: {
    name: chat.general_forum_topic?.name ?? "General",
    isClosed: chat.general_forum_topic?.is_closed === true,
    isHidden: chat.general_forum_topic?.is_hidden === true
  }
})

const permissionsData = (permissions: Permissions): ChatPermissions =>
  Object.fromEntries(PERMISSION_KEYS.map((key) => [key, permissions[key]]))

/** The fields of a chat's world-file form that its profile holds (only those that differ from a new chat's). */
export const profileToData = (profile: ChatProfile): Partial<Chat> => {
  const g = profile.general
  const defaults = PERMISSION_KEYS.every((key) => profile.permissions[key] === DEFAULT_CHAT_PERMISSIONS[key])
  return {
    ...(profile.description !== "" ? { description: profile.description } : {}),
    ...(defaults ? {} : { permissions: permissionsData(profile.permissions) }),
    ...(profile.stickerSetName !== "" ? { sticker_set_name: profile.stickerSetName } : {}),
    ...(profile.bannedSenderChats.size > 0 ? { banned_sender_chat_ids: [...profile.bannedSenderChats] } : {}),
    ...(profile.isForum ? { is_forum: true } : {}),
    ...(profile.topics.size > 0
      ? {
        forum_topics: [...profile.topics.values()].map((topic) => ({
          message_thread_id: topic.id,
          name: topic.name,
          ...(topic.iconColor !== 0 ? { icon_color: topic.iconColor } : {}),
          ...(topic.iconCustomEmojiId !== "" ? { icon_custom_emoji_id: topic.iconCustomEmojiId } : {}),
          ...(topic.creatorId !== undefined ? { creator_id: topic.creatorId } : {}),
          ...(topic.isClosed ? { is_closed: true } : {})
        }))
      }
      : {}),
    ...(g.name !== "General" || g.isClosed || g.isHidden
      ? {
        general_forum_topic: {
          ...(g.name !== "General" ? { name: g.name } : {}),
          ...(g.isClosed ? { is_closed: true } : {}),
          ...(g.isHidden ? { is_hidden: true } : {})
        }
      }
      : {})
  }
}
