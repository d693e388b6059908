/**
 * InputPaidMedia as the Bot API reads it (Client.cpp get_input_paid_media; telegram-wire-messages.md §M5.16): the
 * media (`attach://<part>` or a file_id/URL), the thumbnail, width and height, the type, then a live photo's still
 * (`photo`, or the request's `photo` part) or a video's duration, streaming flag, cover (or the `cover` part) and
 * start timestamp. A refusal is the reader's reason, which the caller prefixes (`can't parse InputPaidMedia: …`).
 */
import { boolField, FieldError, intField, type JsonValue, stringField } from "../internal/JsonValue.js"
import type { FilePart, Params } from "../internal/Params.js"
import { type InputFileRef, readInputFile } from "./inputFile.js"
import { clampedInt, MAX_DURATION, MAX_LENGTH, objectFile, objectThumbnail } from "./inputMedia.js"

/** One paid media item, read. */
export type PaidMediaInput =
  | {
    readonly type: "photo" | "live_photo"
    /** The still. */
    readonly photo: InputFileRef
    /** A live photo's video. */
    readonly live: InputFileRef | undefined
    readonly width: number
    readonly height: number
  }
  | {
    readonly type: "video"
    readonly media: InputFileRef
    readonly thumbnail: FilePart | undefined
    readonly width: number
    readonly height: number
    readonly duration: number
    readonly supportsStreaming: boolean
    readonly cover: InputFileRef | undefined
    readonly startTimestamp: number
  }

const isError = (value: unknown): value is FieldError => value instanceof FieldError

/** One InputPaidMedia, or the reason. */
export const readInputPaidMedia = (params: Params, value: JsonValue): PaidMediaInput | string => {
  if (value.kind !== "object") return "expected an Object"
  const media = objectFile(params, value, "media")
  if (isError(media)) return media.message
  if (media === undefined) return "media not found"
  const thumbnail = objectThumbnail(params, value)
  if (isError(thumbnail)) return thumbnail.message
  const width = clampedInt(value, "width", MAX_LENGTH)
  if (isError(width)) return width.message
  const height = clampedInt(value, "height", MAX_LENGTH)
  if (isError(height)) return height.message
  const type = stringField(value, "type", true)
  if (isError(type)) return type.message
  if (type === "photo") return { type, photo: media, live: undefined, width, height }
  if (type === "live_photo") {
    const photo = objectFile(params, value, "photo", "photo")
    if (isError(photo)) return photo.message
    return photo === undefined ? "photo not found" : { type, photo, live: media, width, height }
  }
  if (type !== "video") return `type "${type}" is unsupported`
  const duration = clampedInt(value, "duration", MAX_DURATION)
  if (isError(duration)) return duration.message
  const supportsStreaming = boolField(value, "supports_streaming")
  if (isError(supportsStreaming)) return supportsStreaming.message
  const cover = stringField(value, "cover")
  if (isError(cover)) return cover.message
  const startTimestamp = intField(value, "start_timestamp", false)
  if (isError(startTimestamp)) return startTimestamp.message
  return {
    type,
    media,
    thumbnail,
    width,
    height,
    duration,
    supportsStreaming,
    cover: readInputFile(params, "cover", cover),
    startTimestamp: Math.max(0, startTimestamp)
  }
}
