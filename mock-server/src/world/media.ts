/**
 * The media a message may hold besides a document (telegram-wire-messages.md §M5): photos (and live photos), audio,
 * videos, animations, voice notes, video notes, stickers and paid media. Each keeps its files and what the sender
 * said of them; the metadata Telegram reads from the media itself (sizes, durations) comes from the request or the
 * file's header (api/files/sniff.ts), never from decoding the media. A kind with a caption slot keeps it as
 * `caption`, and `showCaptionAboveMedia` where Telegram can show it above.
 */
import type { Caption, PhotoSizeRecord, ThumbnailRecord } from "./content.js"
import type { FileRecord } from "./files.js"

/** The video of a live photo, or of a paid live photo. */
export interface LiveVideoRecord {
  readonly file: FileRecord
  readonly duration: number
  readonly width: number
  readonly height: number
}

/** A photo (its sizes, smallest first); with `live`, a live photo (its video beside the still). */
export interface PhotoContent {
  readonly kind: "photo"
  readonly sizes: ReadonlyArray<PhotoSizeRecord>
  readonly live: LiveVideoRecord | undefined
  readonly caption: Caption
  readonly showCaptionAboveMedia: boolean
  readonly hasSpoiler: boolean
}

/** A music file. */
export interface AudioContent {
  readonly kind: "audio"
  readonly file: FileRecord
  readonly thumbnail: ThumbnailRecord | undefined
  readonly duration: number
  readonly title: string
  readonly performer: string
  readonly caption: Caption
}

/** A video: its cover (a photo's sizes) and start timestamp when given. */
export interface VideoContent {
  readonly kind: "video"
  readonly file: FileRecord
  readonly thumbnail: ThumbnailRecord | undefined
  readonly duration: number
  readonly width: number
  readonly height: number
  readonly cover: ReadonlyArray<PhotoSizeRecord> | undefined
  readonly startTimestamp: number
  readonly supportsStreaming: boolean
  readonly caption: Caption
  readonly showCaptionAboveMedia: boolean
  readonly hasSpoiler: boolean
}

/** An animation (a GIF or a silent MP4), shown as `animation` and as `document`. */
export interface AnimationContent {
  readonly kind: "animation"
  readonly file: FileRecord
  readonly thumbnail: ThumbnailRecord | undefined
  readonly duration: number
  readonly width: number
  readonly height: number
  readonly caption: Caption
  readonly showCaptionAboveMedia: boolean
  readonly hasSpoiler: boolean
}

/** A voice note. */
export interface VoiceContent {
  readonly kind: "voice"
  readonly file: FileRecord
  readonly duration: number
  readonly caption: Caption
}

/** A round video note (no caption). */
export interface VideoNoteContent {
  readonly kind: "video_note"
  readonly file: FileRecord
  readonly thumbnail: ThumbnailRecord | undefined
  readonly duration: number
  readonly length: number
}

/** A sticker's format, as its file shows it: WebP (static), TGS (animated) or WebM (video). */
export type StickerFormat = "static" | "animated" | "video"

/** A sticker (a regular one: the mock keeps no sticker sets). */
export interface StickerContent {
  readonly kind: "sticker"
  readonly file: FileRecord
  readonly thumbnail: ThumbnailRecord | undefined
  readonly width: number
  readonly height: number
  readonly emoji: string
  readonly format: StickerFormat
}

/** One item of paid media. */
export type PaidItem =
  | {
    readonly kind: "photo"
    readonly sizes: ReadonlyArray<PhotoSizeRecord>
    readonly live: LiveVideoRecord | undefined
  }
  | {
    readonly kind: "video"
    readonly video: Omit<VideoContent, "kind" | "caption" | "showCaptionAboveMedia" | "hasSpoiler">
  }

/** Paid media: the price in Stars, the items, the bot's payload. */
export interface PaidMediaContent {
  readonly kind: "paid_media"
  readonly starCount: number
  readonly items: ReadonlyArray<PaidItem>
  readonly payload: string
  readonly caption: Caption
  readonly showCaptionAboveMedia: boolean
}

/** Every media content of this file. */
export type MediaContent =
  | PhotoContent
  | AudioContent
  | VideoContent
  | AnimationContent
  | VoiceContent
  | VideoNoteContent
  | StickerContent
  | PaidMediaContent
