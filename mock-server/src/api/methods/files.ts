/**
 * getFile (telegram-wire-messages.md §M4): a file_id the bot received → a File with its `file_path`, which the
 * download route `/file/bot<token>/<file_path>` serves. Any decoding error reads `invalid file_id`; a file over 20 MiB
 * is `file is too big`; a file the bot may not download (another bot's, or one the world forgot) is Telegram's
 * failed download.
 */
import { fileJson } from "../../wire/file.js"
import { apiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { text } from "../table/params.js"

/** The largest file getFile lets a bot download (MAX_DOWNLOAD_FILE_SIZE, without --local). */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024

/** getFile. */
export const fileMethods = methods({
  getFile: method({
    family: "files",
    summary: "a File with its file_path; `/file/bot<token>/<file_path>` serves the bytes",
    params: { file_id: text },
    run: ({ file_id: id }, call) => {
      if (id === "") return apiError(400, "Bad Request: file_id not specified")
      const bytes = /^[A-Za-z0-9_-]*$/.test(id) && id.length % 4 !== 1 ? Buffer.from(id, "base64url") : undefined
      if (bytes === undefined || bytes.length === 0 || bytes[bytes.length - 1] !== 4) {
        return apiError(400, "Bad Request: invalid file_id")
      }
      const entry = call.world.files.lookup(id)
      if (entry !== undefined && entry.file.bytes.length > MAX_DOWNLOAD_BYTES) {
        return apiError(400, "Bad Request: file is too big")
      }
      return commit(undefined, () =>
        entry === undefined || entry.botId !== call.botId
          ? apiError(400, "Bad Request: wrong file_id or the file is temporarily unavailable")
          : fileJson(call.world, entry.file, call.botId))
    }
  })
})
