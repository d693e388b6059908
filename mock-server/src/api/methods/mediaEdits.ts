/**
 * editMessageCaption and editMessageMedia (telegram-wire-messages.md §M7): reply_markup and the payload read first,
 * then the inline form, the message (`message to edit not found`) and TDLib's checks (`message can't be edited`,
 * `there is no caption in the message to edit`, `message media can't be edited`, an album's type rules, `inline
 * keyboard expected`), then Telegram's (`MEDIA_CAPTION_TOO_LONG` passes raw on edits; `message is not modified`).
 * The answer is the edited Message, with its edit_date and without its reply.
 */
import { readInputMedia } from "../../input/inputMedia.js"
import { finishCaption } from "../../input/text.js"
import { parseJson } from "../../internal/JsonValue.js"
import { messageJson } from "../../wire/message.js"
import { captionOf, type Content, withCaption } from "../../world/content.js"
import type { MessageRecord } from "../../world/messages.js"
import type { World } from "../../world/World.js"
import { CANT_EDIT, editedAnswer, editKeyboard, editTarget, mayEdit, NOT_MODIFIED } from "../editAccess.js"
import { apiError, isApiError } from "../envelope.js"
import { contentRightRefusal } from "../send/contentRight.js"
import { caption } from "../send/media.js"
import { inputMediaContent } from "../send/mediaContent.js"
import { replyMarkup } from "../send/params.js"
import { commit, method, methods } from "../table/method.js"
import { badRequest, bool, custom, messageId, raw, text } from "../table/params.js"
import { isInlineForm } from "./editing.js"
import { editInlineCaption, editInlineMedia } from "./inlineEdits.js"

/** `media`: one InputMedia (an animation allowed). */
const editedMedia = custom("InputMedia", (input) => {
  const value = raw(input) ?? ""
  if (value === "") return badRequest(`parameter "media" is required`)
  const json = parseJson(value)
  if (json === undefined) return badRequest("can't parse input media JSON object")
  const item = readInputMedia(input.call.params, json, false)
  return typeof item === "string" ? badRequest(`can't parse InputMedia: ${item}`) : item
}, { required: true, note: "a photo, video, animation, audio or document; files by attach://" })

/** True when the message would look the same with this content and keyboard ("message is not modified"). */
const unchanged = (world: World, message: MessageRecord, content: Content, keyboard: MessageRecord["keyboard"]) =>
  messageJson(world, { ...message, content, keyboard }, message.botId, undefined) ===
    messageJson(world, message, message.botId, undefined)

/** The contents editMessageMedia may replace (TDLib can_edit_message_media). */
const MEDIA_KINDS = new Set(["text", "animation", "audio", "document", "photo", "video"])

/** An album keeps photos, videos and live photos together, audio and documents among their own. */
const albumRefusal = (before: Content, after: Content) => {
  if (before.kind === after.kind) return undefined
  if (!["photo", "video", "audio", "document"].includes(after.kind)) {
    return apiError(400, "Bad Request: message content type can't be used in an album")
  }
  const alone = (kind: string) => kind === "audio" || kind === "document"
  return alone(before.kind) || alone(after.kind)
    ? apiError(400, "Bad Request: can't change media type in the album")
    : undefined
}

/** editMessageCaption, editMessageMedia. */
export const mediaEditMethods = methods({
  editMessageCaption: method({
    family: "edits",
    summary: "changes the caption (and inline keyboard) of the bot's media message",
    params: {
      chat_id: text,
      message_id: messageId,
      reply_markup: replyMarkup,
      caption,
      show_caption_above_media: bool,
      inline_message_id: text,
      business_connection_id: text
    },
    run: (p, call) => {
      if (isInlineForm(p.chat_id, p.message_id)) {
        return editInlineCaption(call, p.inline_message_id, p.caption, p.show_caption_above_media)
      }
      const target = editTarget(call, p.chat_id, p.message_id)
      if (isApiError(target)) return target
      const { chat, message } = target
      if (!mayEdit(call.world, chat, call.botId, message)) return CANT_EDIT
      if (captionOf(message.content) === undefined) {
        return apiError(400, "Bad Request: there is no caption in the message to edit")
      }
      const finished = finishCaption(p.caption)
      const keyboard = editKeyboard(call, chat)
      if (isApiError(keyboard)) return keyboard
      if ("refusal" in finished) return apiError(400, "Bad Request: MEDIA_CAPTION_TOO_LONG")
      const content = withCaption(message.content, finished, p.show_caption_above_media)
      if (unchanged(call.world, message, content, keyboard)) return NOT_MODIFIED
      return commit(chat, () => {
        message.content = content
        message.keyboard = keyboard
        return editedAnswer(call.world, message, call.botId)
      })
    }
  }),

  editMessageMedia: method({
    family: "edits",
    summary: "replaces the media (photo, video, animation, audio, document) of the bot's message, or its text",
    params: {
      chat_id: text,
      message_id: messageId,
      reply_markup: replyMarkup,
      media: editedMedia,
      inline_message_id: text,
      business_connection_id: text
    },
    run: (p, call) => {
      if (isInlineForm(p.chat_id, p.message_id)) return editInlineMedia(call, p.inline_message_id, p.media)
      const target = editTarget(call, p.chat_id, p.message_id)
      if (isApiError(target)) return target
      const { chat, message } = target
      if (!mayEdit(call.world, chat, call.botId, message) || !MEDIA_KINDS.has(message.content.kind)) {
        return apiError(400, "Bad Request: message media can't be edited")
      }
      const content = inputMediaContent(call, p.media)
      if (isApiError(content)) return content
      const refusal = contentRightRefusal(chat, call.botId, content) ??
        (message.mediaGroupId !== undefined ? albumRefusal(message.content, content) : undefined)
      if (refusal !== undefined) return refusal
      const keyboard = editKeyboard(call, chat)
      if (isApiError(keyboard)) return keyboard
      if (unchanged(call.world, message, content, keyboard)) return NOT_MODIFIED
      return commit(chat, () => {
        message.content = content
        message.keyboard = keyboard
        return editedAnswer(call.world, message, call.botId)
      })
    }
  })
})
