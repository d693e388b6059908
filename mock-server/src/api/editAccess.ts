/**
 * What the media edits share (telegram-wire-messages.md §M7; Client.cpp check_message with Edit access, TDLib
 * can_edit_message, get_inline_reply_markup): the inline form's refusal, the message a chat_id and message_id name,
 * whether the bot may edit it (its own, without a reply keyboard; a channel's posts by its rights; a live
 * location while it runs), the new inline keyboard, "message is not modified", and the answer (the Message with its
 * edit_date and without its reply).
 */
import { finishKeyboard, readMarkup } from "../input/replyMarkup.js"
import { messageJson } from "../wire/message.js"
import { standing } from "../world/members.js"
import { findMessage, type MessageLog, type MessageRecord } from "../world/messages.js"
import { isLive } from "../world/places.js"
import type { ChatRecord, World } from "../world/World.js"
import { resolveChat } from "./chatAccess.js"
import { type ApiError, apiError, isApiError } from "./envelope.js"
import { logFor } from "./send/sendContent.js"
import type { Call } from "./table/method.js"

export const NOT_MODIFIED = apiError(
  400,
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
)
export const CANT_EDIT = apiError(400, "Bad Request: message can't be edited")

/** The inline form (no chat_id, no message_id): the mock sends no inline messages, so any id is unknown. */
export const inlineRefusal = (chatParam: string, messageId: number, inlineMessageId: string): ApiError | undefined => {
  if (chatParam !== "" || messageId > 0) return undefined
  return inlineMessageId === ""
    ? apiError(400, "Bad Request: message identifier is not specified")
    : apiError(400, "Bad Request: invalid inline message identifier specified")
}

/** The edit access of check_chat_access: the write access, except that a gone basic group is not refused. */
const editAccessRefusal = (chat: ChatRecord, botId: number): ApiError | undefined => {
  if (chat.type === "private" || (chat.type === "group" && (chat.migratedTo !== undefined || chat.deleted))) {
    return undefined
  }
  const { status } = standing(chat, botId)
  if (status === "kicked") return apiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`)
  if (status === "left") return apiError(403, `Forbidden: bot is not a member of the ${chat.type} chat`)
  return undefined
}

/** A message an edit names, with its chat and log. */
export interface EditTarget {
  readonly chat: ChatRecord
  readonly log: MessageLog
  readonly message: MessageRecord
}

/** The message `chat_id` and `message_id` name, with the bot's edit access (`message to edit not found`). */
export const editTarget = (call: Call, chatParam: string, messageId: number): EditTarget | ApiError => {
  const chat = resolveChat(call.world, chatParam)
  if (isApiError(chat)) return chat
  const refusal = editAccessRefusal(chat, call.botId)
  if (refusal !== undefined) return refusal
  const log = logFor(chat, call.botId)
  const message = messageId > 0 && log !== undefined ? findMessage(log, messageId) : undefined
  return message === undefined ? apiError(400, "Bad Request: message to edit not found") : { chat, log: log!, message }
}

/** The contents an edit may change (TDLib is_editable_message_content), besides a live location while it runs. */
const EDITABLE = new Set([
  "text",
  "animation",
  "audio",
  "document",
  "paid_media",
  "photo",
  "video",
  "voice",
  "checklist"
])

/** TDLib's can_edit_message for a bot: no time limit on its own messages. */
export const mayEdit = (world: World, chat: ChatRecord, botId: number, message: MessageRecord): boolean => {
  if (message.replyKeyboard !== undefined) return false
  const outgoing = message.authorId === botId
  if (chat.type === "channel") {
    const member = standing(chat, botId)
    const admin = member.status === "administrator"
    const canEdit = member.status === "creator" || (admin && member.rights.can_edit_messages === true)
    const canPost = member.status === "creator" || (admin && member.rights.can_post_messages === true)
    if (!canEdit && !(canPost && outgoing)) return false
  } else if (!outgoing) return false
  const content = message.content
  if (EDITABLE.has(content.kind)) return true
  return content.kind === "location" && isLive(content, Math.floor(world.clock.now() / 1000))
}

/** The new inline keyboard of an edit (get_inline_reply_markup: `inline keyboard expected` for any other kind). */
export const editKeyboard = (call: Call, chat: ChatRecord): MessageRecord["keyboard"] | ApiError => {
  const markup = readMarkup(call.params.get("reply_markup"))
  if (markup === undefined) return undefined
  if ("refusal" in markup) return apiError(400, markup.refusal)
  if (markup.kind !== "inline") return apiError(400, "Bad Request: inline keyboard expected")
  const keyboard = finishKeyboard(markup.rows, chat.type === "channel")
  return "refusal" in keyboard ? apiError(400, keyboard.refusal) : keyboard
}

/** True when two keyboards show the same buttons. */
export const sameKeyboard = (a: MessageRecord["keyboard"], b: MessageRecord["keyboard"]): boolean =>
  JSON.stringify(a?.map((row) => row.map((button) => button.json))) ===
    JSON.stringify(b?.map((row) => row.map((button) => button.json)))

/** The edited message as the answer: its edit_date set now, no reply_to_message. */
export const editedAnswer = (world: World, message: MessageRecord, botId: number): string => {
  message.editDate = Math.floor(world.clock.now() / 1000)
  return messageJson(world, message, botId, undefined)
}
