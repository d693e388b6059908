/**
 * The per-content right of a restricted bot, by what the content is (TDLib can_send_message_content): the
 * ChatPermissions field it needs and the words of `not enough rights to send <what> to the chat`. Albums and
 * editMessageMedia check their contents here; a single send names its own right.
 */
import type { Content } from "../../world/content.js"
import type { ChatRecord } from "../../world/World.js"
import type { ApiError } from "../envelope.js"
import { restrictedRefusal, type SendRight } from "../sendAccess.js"

const RIGHTS: Readonly<Partial<Record<Content["kind"], readonly [SendRight, string]>>> = {
  photo: ["can_send_photos", "photos"],
  video: ["can_send_videos", "videos"],
  audio: ["can_send_audios", "music"],
  document: ["can_send_documents", "documents"],
  animation: ["can_send_other_messages", "animations"],
  voice: ["can_send_voice_notes", "voice notes"],
  video_note: ["can_send_video_notes", "video notes"],
  sticker: ["can_send_other_messages", "stickers"],
  dice: ["can_send_other_messages", "dice"],
  contact: ["can_send_messages", "contacts"],
  venue: ["can_send_messages", "venues"],
  text: ["can_send_messages", "text messages"]
}

/** The refusal of a restricted bot that lacks the content's right, if it does. */
export const contentRightRefusal = (chat: ChatRecord, botId: number, content: Content): ApiError | undefined => {
  const right = RIGHTS[content.kind]
  return right === undefined ? undefined : restrictedRefusal(chat, botId, right[0], right[1])
}
