/**
 * What the mock reads of a picture or a sticker from the file's header instead of decoding it (a deliberate
 * difference, telegram-wire-messages.md §M11): whether it is a picture Telegram reads (PNG, JPEG, GIF, WebP, BMP,
 * TIFF), its width and height where the header says (a URL's stand-in and a header that does not say:
 * UNKNOWN_PICTURE), and a sticker's format (TGS is gzip, WebM is EBML, anything else static) and size.
 */
import { pictureSize, sniffMimeType } from "../internal/sniff.js"
import type { FileRecord } from "./files.js"
import type { StickerFormat } from "./media.js"

/** The size of a picture whose header the mock can't read. */
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
export const headerSize = (file: FileRecord): { width: number; height: number } | undefined | null => {
  if (file.url !== undefined) return undefined
  return isPicture(file.bytes) ? pictureSize(file.bytes) ?? bmpSize(file.bytes) : null
}

/** A picture's size for people's photos and covers: from the header, else UNKNOWN_PICTURE (never refused). */
export const pictureOrDefault = (file: FileRecord): { width: number; height: number } =>
  headerSize(file) ?? UNKNOWN_PICTURE

/** A sticker's format and size (512×512 unless its header says). */
export const stickerShape = (file: FileRecord): { format: StickerFormat; width: number; height: number } => {
  const bytes = file.bytes
  if (starts(bytes, 0x1f, 0x8b)) return { format: "animated", width: 512, height: 512 }
  if (starts(bytes, 0x1a, 0x45, 0xdf, 0xa3)) return { format: "video", width: 512, height: 512 }
  const size = file.url === undefined ? pictureSize(bytes) : undefined
  return { format: "static", width: size?.width ?? 512, height: size?.height ?? 512 }
}
