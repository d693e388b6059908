/**
 * The files of sticker sets as TDLib takes them (StickersManager prepare_input_file, get_sticker_input_document): a
 * new sticker's or thumbnail's file in its format (uploaded TGS as a sticker, anything else as a document; within
 * the size limits of its format; TGS and WebM never by URL), and the set sticker a `sticker` parameter names.
 */
import type { InputFileRef } from "../../input/inputFile.js"
import { type ApiError, isApiError } from "../../internal/apiError.js"
import type { FileRecord } from "../../world/files.js"
import { stickerMimeType } from "../../world/stickerSets.js"
import type { World } from "../../world/World.js"
import type { StickerFormat, StickerType } from "../../WorldSnapshotTail.js"
import { tdlibError } from "../tdlibError.js"
import { resolveInputFile } from "./resolve.js"

/** TDLib's largest sticker file of a format (get_max_sticker_file_size). */
const maxBytes = (format: StickerFormat, type: StickerType, thumbnail: boolean): number => {
  const customEmoji = type === "custom_emoji"
  switch (format) {
    case "static":
      return thumbnail || customEmoji ? 1 << 17 : 1 << 19
    case "animated":
      return thumbnail ? 1 << 15 : 1 << 16
    case "video":
      return thumbnail ? 1 << 15 : customEmoji ? 1 << 16 : 1 << 18
  }
}

/** What a sticker file becomes: a set's sticker, a set's thumbnail, or an upload kept as TDLib keeps it. */
export type StickerFileRole = "sticker" | "thumbnail" | "upload"

/**
 * The file of a new sticker (or thumbnail, or upload) in its format; undefined format is TDLib's "unknown" (`auto`
 * it could not guess).
 */
export const stickerFile = (
  world: World,
  botId: number,
  ref: InputFileRef,
  format: StickerFormat | undefined,
  type: StickerType,
  role: StickerFileRole
): FileRecord | ApiError => {
  const thumbnail = role === "thumbnail"
  if (format === undefined) return tdlibError("Sticker format must be non-empty")
  const file = resolveInputFile(world, botId, ref, format === "animated" ? "sticker" : "document")
  if (isApiError(file)) return file
  if (file.url !== undefined) {
    if (format === "animated") return tdlibError("Animated stickers can't be uploaded by URL")
    if (format === "video") return tdlibError("Video stickers can't be uploaded by URL")
  } else if (ref.kind === "upload" && file.bytes.length > maxBytes(format, type, thumbnail)) {
    return tdlibError("File is too big")
  }
  if (role === "upload") return file
  return world.files.add({
    type: thumbnail ? "thumbnail" : "sticker",
    bytes: file.bytes,
    fileName: "",
    mimeType: stickerMimeType(format),
    url: file.url
  })
}

/** The file a `sticker` (file_id) parameter names, as TDLib finds a set's sticker (a URL is no sticker). */
export const namedStickerFile = (world: World, botId: number, fileId: string): FileRecord | ApiError => {
  const file = resolveInputFile(world, botId, { kind: "remote", value: fileId }, "sticker")
  if (isApiError(file)) return file
  return file.url !== undefined ? tdlibError("Wrong sticker file specified") : file
}
