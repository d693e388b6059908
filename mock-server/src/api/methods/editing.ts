/**
 * What every edit method shares (telegram-wire-messages.md §M7; Client.cpp check_message with Edit access, TDLib
 * MessagesManager can_edit_message): the message a `chat_id` and `message_id` name, the inline form's refusal, the
 * new inline keyboard (`inline keyboard expected` for any other markup), whether the bot may edit the message, and
 * the answer (the Message without its reply). editMessageCaption, editMessageMedia and editMessageLiveLocation plug
 * into the same rules: a content kind's editability is named in EDITABLE_KINDS.
 */
import { markupKind } from "../../input/markupKind.js"
import { finishKeyboard, type InputButton } from "../../input/replyMarkup.js"
import { toInt64 } from "../../internal/Params.js"
import { messageJson } from "../../wire/message.js"
import { standing } from "../../world/members.js"
import { findMessage, type MessageLog, type MessageRecord } from "../../world/messages.js"
import type { ChatRecord, World } from "../../world/World.js"
import { resolveChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { logFor } from "../send/sendContent.js"
import type { Call } from "../table/method.js"

export const NOT_MODIFIED = apiError(
  400,
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
)
export const CANT_EDIT = apiError(400, "Bad Request: message can't be edited")

/** Content kinds whose content an edit may change (TDLib is_editable_message_content); others: the keyboard only. */
export const EDITABLE_KINDS: ReadonlySet<string> = new Set([
  "text",
  "game",
  "animation",
  "audio",
  "document",
  "paid_media",
  "photo",
  "video",
  "voice",
  "checklist"
])

/**
 * The edit access of check_chat_access: as the write access, except that an upgraded or deleted basic group is not
 * refused here (the edit methods never answer `migrate_to_chat_id`).
 */
const editAccessRefusal = (chat: ChatRecord, botId: number): ApiError | undefined => {
  if (chat.type === "private" || (chat.type === "group" && (chat.migratedTo !== undefined || chat.deleted))) {
    return undefined
  }
  const { status } = standing(chat, botId)
  if (status === "kicked") return apiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`)
  if (status === "left") return apiError(403, `Forbidden: bot is not a member of the ${chat.type} chat`)
  return undefined
}

/** A message found for an edit: its chat and its log. */
export interface EditTarget {
  readonly chat: ChatRecord
  readonly log: MessageLog
  readonly message: MessageRecord
}

/** The message `chat_id` and `message_id` name, with edit access; `what` names it in the refusal. */
export const editTarget = (
  call: Call,
  chatParam: string,
  messageId: number,
  what = "message to edit"
): EditTarget | ApiError => {
  const chat = resolveChat(call.world, chatParam)
  if (isApiError(chat)) return chat
  const refusal = editAccessRefusal(chat, call.botId)
  if (refusal !== undefined) return refusal
  const log = logFor(chat, call.botId)
  const message = messageId > 0 && log !== undefined ? findMessage(log, messageId) : undefined
  return message === undefined ? apiError(400, `Bad Request: ${what} not found`) : { chat, log: log!, message }
}

/**
 * The inline form (no chat_id, no message_id): `message identifier is not specified` without an
 * `inline_message_id`; the mock sends no inline messages, so any id is refused as TDLib refuses an unknown one.
 */
export const inlineRefusal = (inlineMessageId: string): ApiError =>
  inlineMessageId === ""
    ? apiError(400, "Bad Request: message identifier is not specified")
    : apiError(400, "Bad Request: invalid inline message identifier specified")

/** True when the chat and message_id are both left out: the inline form. */
export const isInlineForm = (chatParam: string, messageId: number): boolean => chatParam === "" && messageId <= 0

/**
 * TDLib's can_edit_message for a bot: never a forward or a message with a reply keyboard; its own messages in private
 * chats, groups and supergroups; in a channel, posts with can_edit_messages, its own with can_post_messages. Bots
 * have no time limit on their own messages. `onlyKeyboard` (editMessageReplyMarkup) allows any non-service content.
 */
export const mayEdit = (chat: ChatRecord, botId: number, message: MessageRecord, onlyKeyboard = false): boolean => {
  if (message.forwardOrigin !== undefined || message.replyKeyboard !== undefined) return false
  const outgoing = message.authorId === botId
  if (chat.type === "channel") {
    const member = standing(chat, botId)
    const creator = member.status === "creator"
    const admin = member.status === "administrator"
    const canEdit = creator || (admin && member.rights.can_edit_messages === true)
    const canPost = creator || (admin && member.rights.can_post_messages === true)
    if (!canEdit && !(canPost && outgoing)) return false
  } else if (!outgoing) return false
  const kind = message.content.kind
  if (EDITABLE_KINDS.has(kind)) return true
  if (onlyKeyboard && kind !== "service") return true
  if (message.content.kind === "poll") return !message.content.poll.isClosed
  return false
}

/**
 * The new inline keyboard of an edit (TDLib get_inline_reply_markup): any other markup is `inline keyboard expected`;
 * the buttons' own checks follow; none (or no button left) removes the keyboard.
 */
export const editKeyboard = (
  call: Call,
  rows: ReadonlyArray<ReadonlyArray<InputButton>> | undefined,
  chat: ChatRecord
): MessageRecord["keyboard"] | ApiError => {
  const kind = markupKind(call.params.get("reply_markup"))
  if (kind !== undefined && kind !== "inline") return apiError(400, "Bad Request: inline keyboard expected")
  if (rows === undefined) return undefined
  const finished = finishKeyboard(rows, chat.type === "channel")
  if ("refusal" in finished) return apiError(400, finished.refusal)
  const kept = finished.filter((row) => row.length > 0)
  return kept.length === 0 ? undefined : kept
}

/** Two keyboards show the same buttons. */
export const sameKeyboard = (a: MessageRecord["keyboard"], b: MessageRecord["keyboard"]): boolean =>
  JSON.stringify(a?.map((row) => row.map((button) => button.json))) ===
    JSON.stringify(b?.map((row) => row.map((button) => button.json)))

/** An edit's answer: the Message with its `edit_date`, without `reply_to_message`. */
export const editedJson = (world: World, message: MessageRecord, botId: number): string =>
  messageJson(world, message, botId, undefined)

/** Marks the message edited now. */
export const touch = (world: World, message: MessageRecord): void => {
  message.editDate = Math.floor(world.clock.now() / 1000)
}

/**
 * A `business_connection_id` takes the business path (Client.cpp check_business_connection_chat_id): `chat_id` must
 * be an integer (`chat identifier is empty`, `chat identifier must be a valid Integer`), then the connection must
 * exist; the mock's worlds have no business connections yet, so any is `business connection not found`.
 */
export const businessRefusal = (businessConnectionId: string, chatParam: string): ApiError | undefined => {
  if (businessConnectionId === "") return undefined
  if (chatParam === "") return apiError(400, "Bad Request: chat identifier is empty")
  if (toInt64(chatParam) === undefined) return apiError(400, "Bad Request: chat identifier must be a valid Integer")
  return apiError(400, "Bad Request: business connection not found")
}
