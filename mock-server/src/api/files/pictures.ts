/**
 * What Telegram makes of a picture, as the mock infers it from the file's header instead of decoding it
 * (telegram-wire-messages.md §M11): a photo's sizes (one PhotoSize: the picture as uploaded, its width and height
 * read from the header; a picture whose header does not say is UNKNOWN_PICTURE), Telegram's refusals of an upload that is no picture (`IMAGE_PROCESS_FAILED`) or whose
 * dimensions it does not take (`PHOTO_INVALID_DIMENSIONS`: width + height over 10000, or a side over 20 times the
 * other), and a sticker's format and size.
 */
import { type ApiError, apiError } from "../../internal/apiError.js"
import type { PhotoSizeRecord } from "../../world/content.js"
import type { FileRecord } from "../../world/files.js"
import type { StickerFormat } from "../../world/media.js"
import { pictureSize, sniffMimeType } from "./sniff.js"

/** The size of a picture whose header the mock can't read (a URL's stand-in, a TIFF). */
export const UNKNOWN_PICTURE = { width: 320, height: 320 } as const

const starts = (bytes: Uint8Array, ...prefix: ReadonlyArray<number>): boolean =>
  prefix.every((byte, i) => bytes[i] === byte)

/** A BMP's width and height (its info header), or undefined. */
const bmpSize = (bytes: Uint8Array): { width: number; height: number } | undefined => {
  if (!starts(bytes, 0x42, 0x4d) || bytes.length < 26) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) }
}

/** True for a picture Telegram reads: PNG, JPEG, GIF, WebP (their signatures), BMP or TIFF. */
const isPicture = (bytes: Uint8Array): boolean =>
  sniffMimeType(bytes, "", "").startsWith("image/") || starts(bytes, 0x42, 0x4d) ||
  starts(bytes, 0x49, 0x49, 0x2a, 0x00) || starts(bytes, 0x4d, 0x4d, 0x00, 0x2a)

/** The picture's size from its header; undefined when the header does not say; null for no picture at all. */
const headerSize = (bytes: Uint8Array): { width: number; height: number } | undefined | null =>
  isPicture(bytes) ? pictureSize(bytes) ?? bmpSize(bytes) : null

/**
 * A photo's sizes; for a file the request uploaded (`uploaded`), Telegram's refusals of what it can't use as a
 * photo. A file_id's or a URL's picture is taken as it is (the URL is never fetched: its size is UNKNOWN_PICTURE).
 */
export const photoSizes = (file: FileRecord, uploaded: boolean): ReadonlyArray<PhotoSizeRecord> | ApiError => {
  const size = file.url === undefined ? headerSize(file.bytes) : undefined
  if (size === null && uploaded) return apiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
  const { width, height } = size ?? UNKNOWN_PICTURE
  if (
    uploaded &&
    (width + height > 10_000 || width === 0 || height === 0 || Math.max(width, height) > 20 * Math.min(width, height))
  ) {
    return apiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
  }
  return [{ file, width, height }]
}

/** A picture's size for people's photos and covers: from the header, else UNKNOWN_PICTURE (never refused). */
export const pictureOrDefault = (file: FileRecord): { width: number; height: number } =>
  (file.url === undefined ? headerSize(file.bytes) : undefined) ?? UNKNOWN_PICTURE

/** A sticker's format (TGS is gzip, WebM is EBML; anything else is a static picture) and size (512×512 unless read). */
export const stickerShape = (file: FileRecord): { format: StickerFormat; width: number; height: number } => {
  const bytes = file.bytes
  if (starts(bytes, 0x1f, 0x8b)) return { format: "animated", width: 512, height: 512 }
  if (starts(bytes, 0x1a, 0x45, 0xdf, 0xa3)) return { format: "video", width: 512, height: 512 }
  const size = file.url === undefined ? pictureSize(bytes) : undefined
  return { format: "static", width: size?.width ?? 512, height: size?.height ?? 512 }
}
