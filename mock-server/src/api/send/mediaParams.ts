/**
 * Parameter kinds the media sends share besides the file, thumbnail and caption (api/send/media.ts): an optional
 * file (sendVideo's `cover`), and the clamped integers of Client.cpp (durations and start timestamps 0-86400,
 * widths, heights and lengths 0-10000: MAX_DURATION, MAX_LENGTH).
 */
import { type InputFileRef, readInputFile } from "../../input/inputFile.js"
import { MAX_DURATION, MAX_LENGTH } from "../../input/inputMedia.js"
import type { Param } from "../table/method.js"
import { custom, int } from "../table/params.js"

/** An optional file (a file_id, a URL or an upload), undefined when the request has none. */
export const optionalInputFile: Param<InputFileRef | undefined> = custom(
  "InputFile or String",
  (input) => readInputFile(input.call.params, input.name),
  { note: "a file_id, an HTTP URL, or an upload" }
)

/** A duration or a start timestamp in seconds (0-86400). */
export const duration: Param<number> = int({ min: 0, max: MAX_DURATION })

/** A width, a height or a video note's length (0-10000). */
export const length: Param<number> = int({ min: 0, max: MAX_LENGTH })
