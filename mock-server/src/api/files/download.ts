/**
 * The download route, `GET /file/bot<token>/<file_path>` (api.telegram.org's file front end, which the open-source
 * server does not serve: telegram-wire-messages.md §M4): the bytes of a file getFile gave that bot that path.
 * Anything else is `404 Not Found`.
 */
import { percentDecode } from "../../internal/Params.js"
import type { WireRequest, WireResponse } from "../../Wire.js"
import type { World } from "../../world/World.js"
import { NOT_FOUND } from "../envelope.js"

const OCTETS = "application/octet-stream"

/** The file's bytes, or 404. */
export const answerDownload = (world: World, request: WireRequest): WireResponse => {
  if (request.method !== "GET" && request.method !== "HEAD") return NOT_FOUND
  // The whole path is percent-decoded, the token included, as api.telegram.org's front end decodes it:
  // python-telegram-bot 13 quotes the path it downloads, so the token's `:` arrives as `%3A`.
  const raw = Buffer.from(request.target.split("?")[0]!, "latin1")
  const target = percentDecode(raw, 0, raw.length, false)
  const slash = target.indexOf("/", "/file/bot".length)
  if (slash === -1) return NOT_FOUND
  const botId = world.botsByToken.get(target.slice("/file/bot".length, slash))
  if (botId === undefined) return NOT_FOUND
  const file = world.files.byPath(botId, target.slice(slash + 1))
  if (file === undefined) return NOT_FOUND
  return { _tag: "File", contentType: file.mimeType !== "" ? file.mimeType : OCTETS, body: file.bytes }
}
