/**
 * The inline form of the edit methods (no chat_id, no message_id; telegram-wire-messages.md §M7, TDLib
 * InlineMessageManager): an empty `inline_message_id` is `message identifier is not specified`; TDLib checks the new
 * content and keyboard (an inline one only), then the id's shape (`invalid inline message identifier specified`);
 * Telegram finds the message the bot sent through inline mode (`MESSAGE_ID_INVALID`, inferred, for another id),
 * refuses an edit that changes nothing, and answers `true`. The chat's bots that got the message get its edit.
 */
import { announceEdit, hearers } from "../../events/edits.js"
import { inlineMessage } from "../../events/inlineMessages.js"
import { characters, finishFormatted } from "../../input/formatted.js"
import type { InputMediaItem } from "../../input/inputMedia.js"
import { validPoint } from "../../input/location.js"
import { finishKeyboard, readMarkup } from "../../input/replyMarkup.js"
import { finishCaption, type FormattedText } from "../../input/text.js"
import { messageJson } from "../../wire/message.js"
import { captionOf, type Content, withCaption } from "../../world/content.js"
import { isInlineMessageIdShape } from "../../world/inline.js"
import type { LinkPreviewRecord, MessageRecord } from "../../world/messages.js"
import { isLive, type LocationContent, type PointRecord } from "../../world/places.js"
import { NOT_MODIFIED } from "../editAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { inputMediaContent } from "../send/mediaContent.js"
import { type Call, commit, type Verdict } from "../table/method.js"
import { type Changes, edited } from "./liveLocations.js"

const MESSAGE_ID_INVALID = apiError(400, "Bad Request: MESSAGE_ID_INVALID")
const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

/** The new inline keyboard (get_inline_reply_markup): any other markup is `inline keyboard expected`. */
const inlineKeyboard = (call: Call): MessageRecord["keyboard"] | ApiError => {
  const markup = readMarkup(call.params.get("reply_markup"))
  if (markup === undefined) return undefined
  if ("refusal" in markup) return apiError(400, markup.refusal)
  if (markup.kind !== "inline") return bad("inline keyboard expected")
  const keyboard = finishKeyboard(markup.rows, false)
  if ("refusal" in keyboard) return apiError(400, keyboard.refusal)
  const rows = keyboard.filter((row) => row.length > 0)
  return rows.length === 0 ? undefined : rows
}

/** TDLib's checks of an inline edit's new content, around its own (InlineMessageManager's order). */
interface Prepare<A> {
  /** Before the keyboard (editMessageMedia's get_input_message_content). */
  readonly first?: () => ApiError | undefined
  /** After the keyboard and the id's shape (the text, the live location, an upload): what `change` gets. */
  readonly afterId: () => A | ApiError
}

/**
 * An inline edit after the Bot API's reading: `prepare` does TDLib's checks of the new content (InlineMessageManager:
 * the media's first, then the keyboard, the id's shape, then the text's or the location's), `change` Telegram's of
 * the message; then "not modified", the change, the edit told, and `true`.
 */
const editInline = <A>(
  call: Call,
  id: string,
  prepare: Prepare<A>,
  change: (message: MessageRecord, prepared: A) => Content | ApiError
): Verdict => {
  if (id === "") return bad("message identifier is not specified")
  const early = prepare.first?.()
  if (early !== undefined) return early
  const keyboard = inlineKeyboard(call)
  if (isApiError(keyboard)) return keyboard
  if (!isInlineMessageIdShape(id)) return bad("invalid inline message identifier specified")
  const prepared = prepare.afterId()
  if (isApiError(prepared)) return prepared
  const found = inlineMessage(call.world, call.botId, id)
  if (found === undefined) return MESSAGE_ID_INVALID
  const { message, record } = found
  const content = change(message, prepared)
  if (isApiError(content)) return content
  const world = call.world
  const after = { ...message, content, keyboard }
  if (messageJson(world, after, undefined, undefined) === messageJson(world, message, undefined, undefined)) {
    return NOT_MODIFIED
  }
  return commit(record.chat, () => {
    const told = hearers(world, record.chat, message).filter((botId) => botId !== call.botId)
    message.content = content
    message.keyboard = keyboard
    message.editDate = Math.floor(world.clock.now() / 1000)
    announceEdit(world, record.chat, message, told)
    return "true"
  })
}

/** editMessageText's inline form: a text message's text (Telegram's MESSAGE_TOO_LONG past 4096 characters). */
export const editInlineText = (
  call: Call,
  id: string,
  text: FormattedText,
  linkPreview: LinkPreviewRecord | undefined
): Verdict =>
  editInline(call, id, { afterId: () => finishFormatted(text, false) }, (message, finished) => {
    if (message.content.kind !== "text") return bad("there is no text in the message to edit")
    if (characters(finished.text) > 4096) return bad("MESSAGE_TOO_LONG")
    return { kind: "text", ...finished, linkPreview }
  })

/** editMessageReplyMarkup's inline form. */
export const editInlineReplyMarkup = (call: Call, id: string): Verdict =>
  editInline(call, id, { afterId: () => undefined }, (message) => message.content)

/** editMessageCaption's inline form: a captioned message's caption (MEDIA_CAPTION_TOO_LONG past 1024). */
export const editInlineCaption = (call: Call, id: string, caption: FormattedText, above: boolean): Verdict =>
  editInline(call, id, { afterId: () => undefined }, (message) => {
    if (captionOf(message.content) === undefined) return bad("there is no caption in the message to edit")
    const finished = finishCaption(caption)
    if ("refusal" in finished) return bad("MEDIA_CAPTION_TOO_LONG")
    return withCaption(message.content, finished, above)
  })

const MEDIA_KINDS = new Set(["text", "animation", "audio", "document", "photo", "video"])

/**
 * editMessageMedia's inline form: files already on Telegram (an upload can't reach an inline message's server). TDLib
 * reads the new media before the keyboard; a refused edit's stored files are forgotten by the method table.
 */
export const editInlineMedia = (call: Call, id: string, media: InputMediaItem): Verdict => {
  let content: ReturnType<typeof inputMediaContent> | undefined
  return editInline(
    call,
    id,
    {
      first: () => {
        if (media.media.kind === "upload") return undefined
        content = inputMediaContent(call, media)
        return isApiError(content) ? content : undefined
      },
      // An upload is no file on Telegram's servers: TDLib has no input media to send.
      afterId: () => content ?? bad("invalid message content specified")
    },
    (message) => MEDIA_KINDS.has(message.content.kind) ? content! : bad("message media can't be edited")
  )
}

/** The live location an inline message holds, while it runs (the chat form's texts; Telegram's are not published). */
const liveLocation = (call: Call, message: MessageRecord): LocationContent | ApiError => {
  if (message.content.kind !== "location") return bad("there is no live location in the message to edit")
  return isLive(message.content, Math.floor(call.world.clock.now() / 1000))
    ? message.content
    : bad("message can't be edited")
}

/** editMessageLiveLocation's inline form: moves the location (`invalid location specified` for a bad point). */
export const editInlineLiveLocation = (call: Call, id: string, point: PointRecord, changes: Changes): Verdict =>
  editInline(call, id, { afterId: () => validPoint(point) ?? bad("invalid location specified") }, (message, valid) => {
    const before = liveLocation(call, message)
    return isApiError(before) ? before : edited(before, message.date, valid, changes)
  })

/** stopMessageLiveLocation's inline form: the period ends now. */
export const stopInlineLiveLocation = (call: Call, id: string): Verdict =>
  editInline(call, id, { afterId: () => undefined }, (message) => {
    const before = liveLocation(call, message)
    return isApiError(before) ? before : { ...before, liveUntil: Math.floor(call.world.clock.now() / 1000) }
  })
