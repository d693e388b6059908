/**
 * One InlineQueryResult as the Bot API reads it (Client.cpp get_inline_query_result, telegram-wire-chats.md §18.3):
 * `type` (any case) and `id`, the message content (`input_message_content`, or the legacy `message_text`), the
 * caption, the keyboard, the thumbnail (the legacy `thumb_*` names only when no new one is there), then the type's
 * own fields in the real order; an unknown type is `type "<t>" is unsupported for the inline query result`. Errors
 * are TDLib's inner texts (the caller adds `Can't parse inline query result: ` where the real server does).
 */
import { FieldError, type JsonValue } from "../../internal/JsonValue.js"
import type { PointRecord } from "../../world/places.js"
import { jsonText } from "../formatted.js"
import { type MarkupInput, readMarkup } from "../replyMarkup.js"
import { type FormattedText, formattedText } from "../text.js"
import { Fields, formattedOrThrow, innerError, type JsonObject, readFields } from "./fields.js"
import {
  type InlineContentInput,
  legacyLinkPreview,
  readInputMessageContent,
  readLiveFields,
  readMessageText,
  readPointFields,
  readVenueFields,
  type VenueInput
} from "./messageContent.js"

/** What every result has. */
export interface ResultCommon {
  readonly id: string
  /** The message a pick sends, when the result names one; undefined: the result's own media. */
  readonly content: InlineContentInput | undefined
  readonly caption: FormattedText
  readonly showCaptionAboveMedia: boolean
  readonly markup: MarkupInput | undefined
  readonly thumbnailUrl: string
  /** The bot's JSON object, as the person's app lists it. */
  readonly item: JsonObject
}

/** A media value: a URL when it holds a dot, else a file_id (TDLib's rule). */
interface Media {
  readonly media: string
}

/** Each type's own fields. */
export type ResultKind =
  | { readonly type: "article"; readonly url: string; readonly title: string; readonly description: string }
  | Media & { readonly type: "audio"; readonly title: string; readonly performer: string; readonly duration: number }
  | {
    readonly type: "contact"
    readonly phoneNumber: string
    readonly firstName: string
    readonly lastName: string
    readonly vcard: string
  }
  | Media & { readonly type: "document"; readonly title: string; readonly mimeType: string }
  | { readonly type: "game"; readonly shortName: string }
  | Media & {
    readonly type: "gif" | "mpeg4_gif"
    readonly duration: number
    readonly width: number
    readonly height: number
  }
  | { readonly type: "location"; readonly point: PointRecord; readonly title: string }
  | Media & { readonly type: "photo"; readonly width: number; readonly height: number }
  | Media & { readonly type: "sticker" }
  | { readonly type: "venue"; readonly venue: VenueInput }
  | Media & {
    readonly type: "video"
    readonly title: string
    readonly mimeType: string
    readonly width: number
    readonly height: number
    readonly duration: number
    readonly startTimestamp: number
  }
  | Media & { readonly type: "voice"; readonly title: string; readonly duration: number }

/** A result as read. */
export type InlineResultInput = ResultCommon & ResultKind

/** The legacy message of a result without `input_message_content` (an article's is required). */
const legacyContent = (fields: Fields, isArticle: boolean): InlineContentInput | undefined => {
  const messageText = fields.string("message_text", isArticle)
  const preview = legacyLinkPreview(fields.bool("disable_web_page_preview"))
  const parseMode = fields.string("parse_mode")
  const entities = fields.raw("entities")
  return isArticle || messageText !== ""
    ? readMessageText(messageText, parseMode, entities, preview)
    : undefined
}

/** The media value: the URL field, else the file id field (required then). */
const media = (fields: Fields, url: string, fileIdName: string): string =>
  url !== "" ? url : fields.string(fileIdName, true)

/** The type's own fields, with the content it makes when it has none (location, venue, contact). */
const readKind = (
  fields: Fields,
  type: string,
  content: InlineContentInput | undefined
): { readonly kind: ResultKind; readonly content: InlineContentInput | undefined } => {
  switch (type) {
    case "article": {
      const url = fields.string("url")
      const hideUrl = fields.bool("hide_url")
      const title = fields.string("title", true)
      return { kind: { type, url: hideUrl ? "" : url, title, description: fields.string("description") }, content }
    }
    case "audio": {
      const url = fields.string("audio_url")
      const duration = fields.int("audio_duration")
      const title = fields.string("title", url !== "")
      const performer = fields.string("performer")
      return { kind: { type, media: media(fields, url, "audio_file_id"), title, performer, duration }, content }
    }
    case "contact": {
      const card = {
        phoneNumber: fields.string("phone_number", true),
        firstName: fields.string("first_name", true),
        lastName: fields.string("last_name"),
        vcard: fields.string("vcard")
      }
      return { kind: { type, ...card }, content: content ?? { kind: "contact", ...card } }
    }
    case "document": {
      const title = fields.string("title", true)
      fields.string("description")
      const url = fields.string("document_url")
      const mimeType = fields.string("mime_type", url !== "")
      return { kind: { type, title, media: media(fields, url, "document_file_id"), mimeType }, content }
    }
    case "game":
      return { kind: { type, shortName: fields.string("game_short_name", true) }, content }
    case "gif":
    case "mpeg4_gif": {
      const prefix = type === "gif" ? "gif" : "mpeg4"
      fields.string("title")
      const url = fields.string(`${prefix}_url`)
      fields.string(fields.has("thumbnail_mime_type") ? "thumbnail_mime_type" : "thumb_mime_type")
      const duration = fields.int(`${prefix}_duration`)
      const width = fields.int(`${prefix}_width`)
      const height = fields.int(`${prefix}_height`)
      return {
        kind: { type, media: media(fields, url, `${prefix}_file_id`), duration, width, height },
        content
      }
    }
    case "location": {
      const own = content ?? { kind: "location" as const, point: readPointFields(fields), ...readLiveFields(fields) }
      const point = readPointFields(fields)
      fields.int("live_period")
      return { kind: { type, point, title: fields.string("title", true) }, content: own }
    }
    case "photo": {
      fields.string("title")
      fields.string("description")
      const url = fields.string("photo_url")
      const width = fields.int("photo_width")
      const height = fields.int("photo_height")
      return { kind: { type, media: media(fields, url, "photo_file_id"), width, height }, content }
    }
    case "sticker":
      return { kind: { type, media: fields.string("sticker_file_id", true) }, content }
    case "venue": {
      const own = content ?? { kind: "venue" as const, venue: readVenueFields(fields) }
      return { kind: { type, venue: readVenueFields(fields) }, content: own }
    }
    case "video": {
      const title = fields.string("title", true)
      fields.string("description")
      const url = fields.string("video_url")
      const mimeType = fields.string("mime_type", url !== "")
      const width = fields.int("video_width")
      const height = fields.int("video_height")
      const duration = fields.int("video_duration")
      const startTimestamp = fields.int("video_start_timestamp")
      const value = media(fields, url, "video_file_id")
      return {
        kind: { type, title, media: value, mimeType, width, height, duration, startTimestamp },
        content
      }
    }
    case "voice": {
      const title = fields.string("title", true)
      const url = fields.string("voice_url")
      const duration = fields.int("voice_duration")
      return { kind: { type, title, media: media(fields, url, "voice_file_id"), duration }, content }
    }
    default:
      throw new FieldError(`type "${type}" is unsupported for the inline query result`)
  }
}

/** The reply_markup object, read as get_reply_markup reads it (its errors are the inner errors). */
const readResultMarkup = (fields: Fields): MarkupInput | undefined => {
  const object = fields.typed("reply_markup", "object")
  if (object === undefined) return undefined
  const markup = readMarkup(jsonText(object))
  if (markup !== undefined && "refusal" in markup) throw innerError(markup)
  return markup
}

/** One result, or TDLib's inner error (`Inline query result must be an object`, `Can't find field "id"`, …). */
export const readInlineResult = (value: JsonValue): InlineResultInput | FieldError =>
  readFields(() => {
    if (value.kind !== "object") throw new FieldError("Inline query result must be an object")
    const fields = new Fields(value)
    const type = fields.string("type", true).toLowerCase()
    const id = fields.string("id", true)
    const contentObject = fields.typed("input_message_content", "object")
    const declared = contentObject === undefined
      ? legacyContent(fields, type === "article")
      : readInputMessageContent(new Fields(contentObject), type === "article")
    const caption = formattedOrThrow(
      formattedText(fields.string("caption"), fields.string("parse_mode"), rawText(fields, "caption_entities"))
    )
    const showCaptionAboveMedia = fields.bool("show_caption_above_media")
    const markup = readResultMarkup(fields)
    const legacy = !["thumbnail_url", "thumbnail_width", "thumbnail_height"].some((name) => fields.has(name))
    const thumbnailUrl = fields.string(legacy ? "thumb_url" : "thumbnail_url")
    fields.int(legacy ? "thumb_width" : "thumbnail_width")
    fields.int(legacy ? "thumb_height" : "thumbnail_height")
    const { content, kind } = readKind(fields, type, declared)
    return { ...kind, id, content, caption, showCaptionAboveMedia, markup, thumbnailUrl, item: value }
  })

const rawText = (fields: Fields, name: string): string | undefined => {
  const value = fields.raw(name)
  return value === undefined ? undefined : jsonText(value)
}
