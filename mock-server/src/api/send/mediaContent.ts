/**
 * The TDLib side of each media content (MessageContent.cpp get_input_message_content, create_input_message_content):
 * the file resolved as its kind, the caption trimmed and measured, the thumbnail stored, then the kind's own rules
 * (`wrong video note length`) and what Telegram makes of the file (a photo's sizes). Single sends, albums,
 * editMessageMedia and paid media build their contents here.
 */
import type { InputFileRef } from "../../input/inputFile.js"
import type { InputMediaItem } from "../../input/inputMedia.js"
import type { FormattedText } from "../../input/text.js"
import type { FilePart } from "../../internal/Params.js"
import { pictureSize } from "../../internal/sniff.js"
import type { DocumentContent, PhotoSizeRecord } from "../../world/content.js"
import type { FileType } from "../../world/files.js"
import type {
  AnimationContent,
  AudioContent,
  LiveVideoRecord,
  PhotoContent,
  StickerContent,
  VideoContent,
  VideoNoteContent,
  VoiceContent
} from "../../world/media.js"
import { pictureOrDefault, stickerShape } from "../../world/pictures.js"
import type { World } from "../../world/World.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { photoSizes } from "../files/pictures.js"
import { finishedCaption, sentFile, storedThumbnail } from "./media.js"

/** Who sends: the world and the bot (0 for a person, whose files are not a bot's). */
export interface Sender {
  readonly world: World
  readonly botId: number
}

/** What a captioned media send says besides its file. */
export interface CaptionInput {
  readonly caption: FormattedText
  readonly showCaptionAboveMedia: boolean
  readonly hasSpoiler: boolean
}

/** The file a reference names, as `type`, and whether the request uploaded it. */
const fileOf = (sender: Sender, ref: InputFileRef, type: FileType) => sentFile(sender.world, sender.botId, ref, type)

/** A photo's sizes (an upload checked as Telegram checks pictures). */
export const photoOf = (sender: Sender, ref: InputFileRef): ReadonlyArray<PhotoSizeRecord> | ApiError => {
  const file = fileOf(sender, ref, "photo")
  return isApiError(file) ? file : photoSizes(file, ref.kind === "upload")
}

/** A photo (with `live`, the video of a live photo). */
export const photoContent = (
  sender: Sender,
  photo: InputFileRef,
  input: CaptionInput,
  live?: InputFileRef
): PhotoContent | ApiError => {
  const file = fileOf(sender, photo, "photo")
  if (isApiError(file)) return file
  const caption = finishedCaption(input.caption)
  if (isApiError(caption)) return caption
  const sizes = photoSizes(file, photo.kind === "upload")
  if (isApiError(sizes)) return sizes
  let video: LiveVideoRecord | undefined
  if (live !== undefined) {
    const videoFile = fileOf(sender, live, "video")
    if (isApiError(videoFile)) return videoFile
    const still = sizes[sizes.length - 1]!
    video = { file: videoFile, duration: 0, width: still.width, height: still.height }
  }
  return { kind: "photo", sizes, live: video, caption, ...flags(input) }
}

const flags = (input: CaptionInput) => ({
  showCaptionAboveMedia: input.showCaptionAboveMedia,
  hasSpoiler: input.hasSpoiler
})

/** The file, the caption, then the thumbnail: what every file kind with a caption and a thumbnail does first. */
const captioned = (sender: Sender, ref: InputFileRef, type: FileType, caption: FormattedText, thumb?: FilePart) => {
  const file = fileOf(sender, ref, type)
  if (isApiError(file)) return file
  const text = finishedCaption(caption)
  if (isApiError(text)) return text
  const thumbnail = storedThumbnail(sender.world, thumb)
  if (isApiError(thumbnail)) return thumbnail
  return { file, caption: text, thumbnail }
}

/** A document. */
export const documentContent = (
  sender: Sender,
  ref: InputFileRef,
  caption: FormattedText,
  thumb: FilePart | undefined
): DocumentContent | ApiError => {
  const parts = captioned(sender, ref, "document", caption, thumb)
  return isApiError(parts) ? parts : { kind: "document", ...parts }
}

/** The size of a video or an animation: the request's, else (0) what a GIF's header says. */
export interface Dimensions {
  readonly duration: number
  readonly width: number
  readonly height: number
}

/** A video, with its cover (a photo's sizes) and start timestamp. */
export const videoContent = (
  sender: Sender,
  ref: InputFileRef,
  input: CaptionInput & Dimensions & {
    readonly thumbnail: FilePart | undefined
    readonly cover: InputFileRef | undefined
    readonly startTimestamp: number
    readonly supportsStreaming: boolean
  }
): VideoContent | ApiError => {
  const parts = captioned(sender, ref, "video", input.caption, input.thumbnail)
  if (isApiError(parts)) return parts
  let cover: ReadonlyArray<PhotoSizeRecord> | undefined
  if (input.cover !== undefined) {
    const file = fileOf(sender, input.cover, "photo")
    if (isApiError(file)) return file
    cover = [{ file, ...pictureOrDefault(file) }]
  }
  return {
    kind: "video",
    ...parts,
    duration: input.duration,
    width: input.width,
    height: input.height,
    cover,
    startTimestamp: input.startTimestamp,
    supportsStreaming: input.supportsStreaming,
    ...flags(input)
  }
}

/** An animation; without a width and height, a GIF's header gives them. */
export const animationContent = (
  sender: Sender,
  ref: InputFileRef,
  input: CaptionInput & Dimensions & { readonly thumbnail: FilePart | undefined }
): AnimationContent | ApiError => {
  const parts = captioned(sender, ref, "animation", input.caption, input.thumbnail)
  if (isApiError(parts)) return parts
  const header = input.width === 0 && input.height === 0 ? pictureSize(parts.file.bytes) : undefined
  return {
    kind: "animation",
    ...parts,
    duration: input.duration,
    width: header?.width ?? input.width,
    height: header?.height ?? input.height,
    ...flags(input)
  }
}

/** A music file. */
export const audioContent = (
  sender: Sender,
  ref: InputFileRef,
  input: {
    readonly caption: FormattedText
    readonly thumbnail: FilePart | undefined
    readonly duration: number
    readonly title: string
    readonly performer: string
  }
): AudioContent | ApiError => {
  const parts = captioned(sender, ref, "audio", input.caption, input.thumbnail)
  if (isApiError(parts)) return parts
  return { kind: "audio", ...parts, duration: input.duration, title: input.title, performer: input.performer }
}

/** A voice note. */
export const voiceContent = (
  sender: Sender,
  ref: InputFileRef,
  caption: FormattedText,
  duration: number
): VoiceContent | ApiError => {
  const file = fileOf(sender, ref, "voice")
  if (isApiError(file)) return file
  const text = finishedCaption(caption)
  return isApiError(text) ? text : { kind: "voice", file, duration, caption: text }
}

/** A video note (a length over 640 is TDLib's `wrong video note length`). */
export const videoNoteContent = (
  sender: Sender,
  ref: InputFileRef,
  input: { readonly thumbnail: FilePart | undefined; readonly duration: number; readonly length: number }
): VideoNoteContent | ApiError => {
  const file = fileOf(sender, ref, "video_note")
  if (isApiError(file)) return file
  const thumbnail = storedThumbnail(sender.world, input.thumbnail)
  if (isApiError(thumbnail)) return thumbnail
  if (input.length > 640) return apiError(400, "Bad Request: wrong video note length")
  return { kind: "video_note", file, thumbnail, duration: input.duration, length: input.length }
}

/** A sticker: its format and size read from the file. */
export const stickerContent = (sender: Sender, ref: InputFileRef, emoji: string): StickerContent | ApiError => {
  const file = fileOf(sender, ref, "sticker")
  if (isApiError(file)) return file
  return { kind: "sticker", file, thumbnail: undefined, emoji, ...stickerShape(file) }
}

/** The content of one InputMedia (an album's item, editMessageMedia's new media). */
export const inputMediaContent = (
  sender: Sender,
  item: InputMediaItem
): PhotoContent | VideoContent | AnimationContent | AudioContent | DocumentContent | ApiError => {
  switch (item.type) {
    case "photo":
      return photoContent(sender, item.media, item)
    case "live_photo":
      return photoContent(sender, item.photo!, item, item.media)
    case "video":
      return videoContent(sender, item.media, item)
    case "animation":
      return animationContent(sender, item.media, item)
    case "audio":
      return audioContent(sender, item.media, item)
    case "document":
      return documentContent(sender, item.media, item.caption, item.thumbnail)
  }
}
