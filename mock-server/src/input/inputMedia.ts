/**
 * InputMedia as the Bot API reads it (Client.cpp get_input_media, get_input_thumbnail; telegram-wire-messages.md
 * §M5.9, §M7): the caption first (caption, parse_mode, caption_entities), show_caption_above_media, has_spoiler, the
 * type, then the media (`attach://<part>` or a file_id/URL), the thumbnail (`attach://` only, else the request's own
 * `thumbnail`/`thumb` part), then each type's fields. A refusal is the reason TDLib's reader gives (`media not found`,
 * `Can't find field "type"`), which the caller prefixes (`can't parse InputMedia: …`).
 */
import { boolField, field, FieldError, intField, type JsonValue, stringField } from "../internal/JsonValue.js"
import type { FilePart, Params } from "../internal/Params.js"
import { type InputFileRef, readInputFile } from "./inputFile.js"
import { type FormattedText, formattedText } from "./text.js"

type Obj = Extract<JsonValue, { kind: "object" }>

/** The most a duration or a start timestamp may be (MAX_DURATION), and a width, height or length (MAX_LENGTH). */
export const MAX_DURATION = 86_400
export const MAX_LENGTH = 10_000

/** The media types of InputMedia. */
export type InputMediaType = "photo" | "live_photo" | "video" | "animation" | "audio" | "document"

/** One InputMedia, read. */
export interface InputMediaItem {
  readonly type: InputMediaType
  readonly media: InputFileRef
  /** live_photo: the still. */
  readonly photo: InputFileRef | undefined
  readonly thumbnail: FilePart | undefined
  readonly caption: FormattedText
  readonly showCaptionAboveMedia: boolean
  readonly hasSpoiler: boolean
  readonly width: number
  readonly height: number
  readonly duration: number
  readonly cover: InputFileRef | undefined
  readonly startTimestamp: number
  readonly supportsStreaming: boolean
  readonly title: string
  readonly performer: string
  readonly disableContentTypeDetection: boolean
}

/** A JSON value back as JSON text (to hand `caption_entities` to the text reader). */
export const jsonText = (value: JsonValue): string => {
  switch (value.kind) {
    case "object":
      return `{${value.fields.map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`).join(",")}}`
    case "array":
      return `[${value.items.map(jsonText).join(",")}]`
    case "string":
      return JSON.stringify(value.value)
    case "number":
      return value.text
    case "boolean":
      return String(value.value)
    case "null":
      return "null"
  }
}

/** A text refusal as TDLib's own message (`Can't parse entities: …`), for a prefixed answer. */
export const innerMessage = (refusal: string): string => {
  const text = refusal.replace(/^Bad Request: /, "")
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The caption fields of an object (get_formatted_text), or the reason. */
export const objectCaption = (object: Obj): FormattedText | string => {
  const text = stringField(object, "caption")
  if (text instanceof FieldError) return text.message
  const mode = stringField(object, "parse_mode")
  if (mode instanceof FieldError) return mode.message
  const entities = field(object, "caption_entities")
  const read = formattedText(text, mode, entities === undefined ? undefined : jsonText(entities))
  return "refusal" in read ? innerMessage(read.refusal) : read
}

/** A file an object's string field names (get_input_file with the field's text; `name` is the part tried when empty). */
export const objectFile = (
  params: Params,
  object: Obj,
  key: string,
  name = ""
): InputFileRef | undefined | FieldError => {
  const text = stringField(object, key)
  if (text instanceof FieldError) return text
  return readInputFile(params, name, text)
}

/** The thumbnail of an object (allow_legacy): its `attach://` reference, else the request's `thumbnail`/`thumb` part. */
export const objectThumbnail = (params: Params, object: Obj): FilePart | undefined | FieldError => {
  let text = stringField(object, "thumbnail")
  if (text instanceof FieldError) return text
  if (text === "") {
    text = stringField(object, "thumb")
    if (text instanceof FieldError) return text
  }
  const ref = readInputFile(params, "", text, true) ?? readInputFile(params, "thumbnail", "", true) ??
    readInputFile(params, "thumb", "", true)
  return ref?.kind === "upload" ? ref.part : undefined
}

/** An int field clamped (get_optional_int_field, then td::clamp). */
export const clampedInt = (object: Obj, key: string, max: number): number | FieldError => {
  const value = intField(object, key, false)
  return value instanceof FieldError ? value : Math.min(max, Math.max(0, value))
}

const isError = (value: unknown): value is FieldError => value instanceof FieldError

/** One InputMedia (`forAlbum`: sendMediaGroup, where animations are refused), or the reason. */
export const readInputMedia = (params: Params, value: JsonValue, forAlbum: boolean): InputMediaItem | string => {
  if (value.kind !== "object") return "expected an Object"
  const caption = objectCaption(value)
  if (typeof caption === "string") return caption
  const showCaptionAboveMedia = boolField(value, "show_caption_above_media")
  if (isError(showCaptionAboveMedia)) return showCaptionAboveMedia.message
  const hasSpoiler = boolField(value, "has_spoiler")
  if (isError(hasSpoiler)) return hasSpoiler.message
  const type = stringField(value, "type", true)
  if (isError(type)) return type.message
  const media = objectFile(params, value, "media")
  if (isError(media)) return media.message
  if (media === undefined) return "media not found"
  const thumbnail = objectThumbnail(params, value)
  if (isError(thumbnail)) return thumbnail.message
  const base = {
    media,
    thumbnail,
    caption,
    showCaptionAboveMedia,
    hasSpoiler,
    photo: undefined,
    width: 0,
    height: 0,
    duration: 0,
    cover: undefined,
    startTimestamp: 0,
    supportsStreaming: false,
    title: "",
    performer: "",
    disableContentTypeDetection: false
  }
  switch (type) {
    case "photo":
      return { ...base, type }
    case "live_photo": {
      const photo = objectFile(params, value, "photo")
      if (isError(photo)) return photo.message
      return photo === undefined ? "photo not found" : { ...base, type, photo }
    }
    case "video":
    case "animation":
      return readVideoFields(params, value, type, base, forAlbum)
    case "audio": {
      const duration = clampedInt(value, "duration", MAX_DURATION)
      if (isError(duration)) return duration.message
      const title = stringField(value, "title")
      if (isError(title)) return title.message
      const performer = stringField(value, "performer")
      if (isError(performer)) return performer.message
      return { ...base, type, duration, title, performer }
    }
    case "document": {
      const disable = boolField(value, "disable_content_type_detection")
      if (isError(disable)) return disable.message
      return { ...base, type, disableContentTypeDetection: disable || forAlbum }
    }
    default:
      return `type "${type}" is unsupported`
  }
}

/** A video's or an animation's own fields, in the real server's order. */
const readVideoFields = (
  params: Params,
  value: Obj,
  type: "video" | "animation",
  base: Omit<InputMediaItem, "type">,
  forAlbum: boolean
): InputMediaItem | string => {
  if (type === "animation" && forAlbum) return `type "animation" can't be used in sendMediaGroup`
  const width = clampedInt(value, "width", MAX_LENGTH)
  if (isError(width)) return width.message
  const height = clampedInt(value, "height", MAX_LENGTH)
  if (isError(height)) return height.message
  const duration = clampedInt(value, "duration", MAX_DURATION)
  if (isError(duration)) return duration.message
  if (type === "animation") return { ...base, type, width, height, duration }
  const cover = stringField(value, "cover")
  if (isError(cover)) return cover.message
  const startTimestamp = clampedInt(value, "start_timestamp", MAX_DURATION)
  if (isError(startTimestamp)) return startTimestamp.message
  const supportsStreaming = boolField(value, "supports_streaming")
  if (isError(supportsStreaming)) return supportsStreaming.message
  const coverRef = readInputFile(params, "", cover)
  return { ...base, type, width, height, duration, cover: coverRef, startTimestamp, supportsStreaming }
}
