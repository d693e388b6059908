/**
 * What TDLib does with a file a send names, in its order (telegram-wire-messages.md §M4): an upload is checked (empty,
 * too big for its kind) and stored; a remote string with a dot is a URL (parsed; the mock never fetches it: a stand-in
 * file is made, whose content is the URL's text); one without is a file_id (base64url, TDLib's last byte, known to this
 * bot, of a usable type). The file, or the exact refusal.
 */
import type { InputFileRef } from "../../input/inputFile.js"
import { type ApiError, apiError } from "../../internal/apiError.js"
import { parseUrl } from "../../internal/HttpUrl.js"
import { sniffMimeType } from "../../internal/sniff.js"
import { FILE_TYPES, type FileRecord, type FileType, isDocumentLike } from "../../world/files.js"
import type { World } from "../../world/World.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

/** TDLib's local checks of an uploaded file's size, by the kind it is sent as (FileLoaderUtils.cpp). */
const uploadRefusal = (type: FileType, size: number): ApiError | undefined => {
  if (size === 0) return bad("file must be non-empty")
  const limit = type === "photo"
    ? ["a photo", 10_485_760]
    : type === "thumbnail"
    ? ["a thumbnail", 204_799]
    : type === "video_note"
    ? ["a video note", 12_582_912]
    : undefined
  if (limit !== undefined && size > (limit[1] as number)) {
    return bad(`file of size ${size} bytes is too big for ${limit[0]}; the maximum size is ${limit[1]} bytes`)
  }
  if (size > 4_194_304_000) return bad(`file of size ${size} bytes is too big; the maximum size is 4194304000 bytes`)
  return undefined
}

const BASE64URL = /^[A-Za-z0-9_-]*$/

/** A file_id the bot may use as `type`, or TDLib's and Telegram's refusal. */
const fromFileId = (world: World, botId: number, id: string, type: FileType): FileRecord | ApiError => {
  if (!BASE64URL.test(id)) return bad("wrong remote file identifier specified: Wrong character in the string")
  if (id.length % 4 === 1) return bad("wrong remote file identifier specified: Wrong string length")
  const bytes = Buffer.from(id, "base64url")
  if (bytes.length === 0 || bytes[bytes.length - 1] !== 4) {
    return bad("wrong remote file identifier specified: can't unserialize it. Wrong last symbol")
  }
  const entry = world.files.lookup(id)
  // Another bot's file_id, or a file the world forgot: Telegram's MEDIA_EMPTY.
  if (entry === undefined || entry.botId !== botId) return bad("wrong file identifier/HTTP URL specified")
  const real = entry.file.type
  if (real !== type && !(isDocumentLike(real) && isDocumentLike(type))) {
    return bad(`can't use file of type ${FILE_TYPES[real].name} as ${FILE_TYPES[type].name}`)
  }
  return entry.file
}

/** The file a reference names, as a `type` (photo, document, …), or the refusal. */
export const resolveInputFile = (
  world: World,
  botId: number,
  ref: InputFileRef,
  type: FileType
): FileRecord | ApiError => {
  if (ref.kind === "upload") {
    const refusal = uploadRefusal(type, ref.part.bytes.length)
    if (refusal !== undefined) return refusal
    return world.files.add({
      type,
      bytes: ref.part.bytes,
      fileName: ref.part.filename,
      mimeType: sniffMimeType(ref.part.bytes, ref.part.contentType, ref.part.filename)
    })
  }
  if (!ref.value.includes(".")) return fromFileId(world, botId, ref.value, type)
  if (!isUtf8(ref.value)) return bad("URL must be in UTF-8")
  const url = parseUrl(ref.value)
  if ("error" in url) return bad(`invalid file HTTP URL specified: ${url.error}`)
  // The offline rule (world file `file_urls`): refuse every URL as Telegram refuses one it can't use (MEDIA_EMPTY).
  if (world.media.fileUrls === "refuse") return bad("wrong file identifier/HTTP URL specified")
  const bytes = new TextEncoder().encode(ref.value)
  const name = /\/([^/?#]+)(?:[?#].*)?$/.exec(url.query)?.[1] ?? ""
  return world.files.add({ type, bytes, fileName: name, mimeType: "", url: ref.value })
}

/** False when the text holds a lone surrogate (it could not have come as UTF-8). */
const isUtf8 = (text: string): boolean =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)
