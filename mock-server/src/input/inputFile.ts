/**
 * How a file parameter is read (telegram-wire-messages.md §M4, Client.cpp get_input_file): a non-empty text value is
 * `attach://<part>` (a file part of the request) or a "remote" file — a file_id, or an HTTP URL when it holds a dot;
 * no text value means the file part of the parameter's own name; neither means no file. Thumbnails are upload-only: a
 * text value that is not `attach://` is ignored. What the reference names is looked up later, in TDLib's order.
 */
import type { FilePart, Params } from "../internal/Params.js"

/** A file as a request names it: an uploaded part, or a remote string (a file_id, or a URL). */
export type InputFileRef =
  | { readonly kind: "upload"; readonly part: FilePart }
  | { readonly kind: "remote"; readonly value: string }

/**
 * The file parameter `name` (or a JSON object's field value `text`), or undefined when the request has none.
 * `uploadOnly` (thumbnails): a text value that is not `attach://` does not count, the part of that name does.
 */
export const readInputFile = (
  params: Params,
  name: string,
  text = params.get(name),
  uploadOnly = false
): InputFileRef | undefined => {
  let partName = name
  if (text !== undefined && text !== "") {
    if (text.startsWith("attach://")) partName = text.slice("attach://".length)
    else if (!uploadOnly) return { kind: "remote", value: text }
  }
  const part = params.file(partName)
  return part === undefined ? undefined : { kind: "upload", part }
}

/** A thumbnail (`thumbnail`, else the legacy `thumb`): uploads only. */
export const readThumbnail = (params: Params): FilePart | undefined => {
  const ref = readInputFile(params, "thumbnail", undefined, true) ?? readInputFile(params, "thumb", undefined, true)
  return ref?.kind === "upload" ? ref.part : undefined
}
