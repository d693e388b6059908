/**
 * The service messages of chat administration and forum topics (telegram-wire-chats.md §16.13, §17.6): a new title,
 * a deleted photo, and a topic created, edited, closed, reopened, or the General topic hidden or shown again. The bot
 * gets them even when it caused them.
 */
import type { PhotoSizeRecord } from "./content.js"

export type ChatService =
  | { readonly kind: "new_chat_title"; readonly title: string }
  | { readonly kind: "new_chat_photo"; readonly photo: PhotoSizeRecord }
  | { readonly kind: "delete_chat_photo" }
  | {
    readonly kind: "forum_topic_created"
    readonly name: string
    readonly iconColor: number
    /** "" for none. */
    readonly iconCustomEmojiId: string
  }
  | {
    readonly kind: "forum_topic_edited"
    /** Set only when the name changed. */
    readonly name: string | undefined
    /** Set only when the icon changed ("" when it was removed). */
    readonly iconCustomEmojiId: string | undefined
  }
  | { readonly kind: "forum_topic_closed" | "forum_topic_reopened" }
  | { readonly kind: "general_forum_topic_hidden" | "general_forum_topic_unhidden" }
