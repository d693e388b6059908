/**
 * The parameters media sends share (telegram-wire-messages.md §M4–M5): the file itself (`there is no <kind> in the
 * request` when it is missing), the thumbnail (uploads only), and the caption with its parse_mode and entities; and
 * the TDLib side of each: a file resolved in its order, a thumbnail stored, a caption trimmed and measured.
 */
import { type InputFileRef, readInputFile, readThumbnail } from "../../input/inputFile.js"
import { finishCaption, type FormattedText, formattedText } from "../../input/text.js"
import type { FilePart } from "../../internal/Params.js"
import { pictureSize } from "../../internal/sniff.js"
import type { Caption, ThumbnailRecord } from "../../world/content.js"
import type { FileRecord, FileType } from "../../world/files.js"
import type { World } from "../../world/World.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { resolveInputFile } from "../files/resolve.js"
import type { Param } from "../table/method.js"
import { badRequest, custom, raw } from "../table/params.js"

/** A required file parameter; `what` names it in the refusal (`photo`, `video note`, `live photo`). */
export const inputFile = (what: string): Param<InputFileRef> =>
  custom(
    "InputFile or String",
    (input) => readInputFile(input.call.params, input.name) ?? badRequest(`there is no ${what} in the request`),
    {
      required: true,
      note: "a file_id, an HTTP URL, or an upload (multipart, or attach://<part>)"
    }
  )

/** The thumbnail (`thumbnail`, or the legacy `thumb`): an upload only; anything else is ignored. */
export const thumbnail: Param<FilePart | undefined> = custom(
  "InputFile",
  (input) => readThumbnail(input.call.params),
  { note: "an upload only (JPEG, at most 200 kB and 320×320)" }
)

/** caption, parse_mode and caption_entities, read as the Bot API reads a text (get_caption). */
export const caption: Param<FormattedText> = custom("String", (input) => {
  const text = formattedText(raw(input) ?? "", raw(input, "parse_mode") ?? "", raw(input, "caption_entities"))
  return "refusal" in text ? apiError(400, text.refusal) : text
}, { note: "0-1024 characters after entities parsing; with parse_mode, caption_entities" })

/** TDLib's caption: trimmed, at most 1024 characters (empty: none). */
export const finishedCaption = (text: FormattedText): Caption | ApiError => {
  const finished = finishCaption(text)
  return "refusal" in finished ? apiError(400, finished.refusal) : finished
}

/** A thumbnail stored as a picture (its size read from its header; 320×320 at most, as Telegram keeps them). */
export const storedThumbnail = (world: World, part: FilePart | undefined): ThumbnailRecord | ApiError | undefined => {
  if (part === undefined) return undefined
  const file = resolveInputFile(world, 0, { kind: "upload", part }, "thumbnail")
  if (isApiError(file)) return file
  const size = pictureSize(part.bytes) ?? { width: 320, height: 320 }
  return { file, width: Math.min(320, size.width), height: Math.min(320, size.height) }
}

/** The file a send names, as `type`, or TDLib's refusal. */
export const sentFile = (world: World, botId: number, ref: InputFileRef, type: FileType): FileRecord | ApiError =>
  resolveInputFile(world, botId, ref, type)
