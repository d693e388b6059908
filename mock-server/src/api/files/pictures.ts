/**
 * What Telegram makes of a photo (telegram-wire-messages.md §M5.1, §M11): one PhotoSize, the picture as uploaded with
 * the width and height its header gives (world/pictures.ts); and Telegram's refusals of an upload that is no picture
 * (`IMAGE_PROCESS_FAILED`) or whose dimensions it does not take (`PHOTO_INVALID_DIMENSIONS`: width + height over
 * 10000, or a side over 20 times the other). A file_id's or a URL's picture is taken as it is.
 */
import { type ApiError, apiError } from "../../internal/apiError.js"
import type { PhotoSizeRecord } from "../../world/content.js"
import type { FileRecord } from "../../world/files.js"
import { headerSize, UNKNOWN_PICTURE } from "../../world/pictures.js"

/** A photo's sizes; `uploaded`: the request's own file, checked as Telegram checks pictures. */
export const photoSizes = (file: FileRecord, uploaded: boolean): ReadonlyArray<PhotoSizeRecord> | ApiError => {
  const size = headerSize(file)
  if (size === null && uploaded) return apiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
  const { width, height } = size ?? UNKNOWN_PICTURE
  const invalid = width === 0 || height === 0 || width + height > 10_000 ||
    Math.max(width, height) > 20 * Math.min(width, height)
  if (uploaded && invalid) return apiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
  return [{ file, width, height }]
}
