/**
 * The files of a world file (WorldSnapshot `files`, `file_urls`): each file's kind, base64 content, names and the
 * file_ids bots know it by, every wrong field on a line of its own; and their references (a file_id belongs to a bot
 * of the world, and to one file only).
 */
import type { StoredFile, WorldSnapshot } from "../WorldSnapshot.js"
import { array, intBetween, literal, optional, pattern, refine, string, struct } from "./decoder.js"

/** A bot's user id (as decode/world.ts reads user ids; not imported from there, which imports this file). */
const botId = intBetween(1, 2 ** 40 - 1, "a user id from 1 to 2^40-1")

/** A file_id as TDLib reads one: base64url whose last byte is 0x04 (its version marker). */
const isFileId = (id: string): boolean => {
  if (!/^[A-Za-z0-9_-]+$/.test(id) || id.length % 4 === 1) return false
  const bytes = Buffer.from(id, "base64url")
  return bytes.length > 0 && bytes[bytes.length - 1] === 4
}

const short = refine(string, "a string of at most 255 characters", (s) => s.length <= 255)

/** One file of a world file. */
export const storedFileDecoder = struct({
  type: literal(
    "thumbnail",
    "profile_photo",
    "photo",
    "voice",
    "video",
    "document",
    "sticker",
    "audio",
    "animation",
    "video_note",
    "story"
  ),
  content_base64: pattern(/^[A-Za-z0-9+/]*={0,2}$/, "base64 text"),
  file_name: optional(short),
  mime_type: optional(short),
  url: optional(string),
  file_unique_id: optional(pattern(/^[A-Za-z0-9_-]{1,64}$/, "a file_unique_id (base64url)")),
  file_ids: optional(array(struct({
    bot_id: botId,
    file_id: refine(string, "a file_id (base64url ending in TDLib's byte 0x04)", isFileId)
  })))
})

/** `file_urls`. */
export const fileUrlsDecoder = literal("stand_in", "refuse")

/** Every file_id names a bot of the world, and one file only. */
export const checkFiles = (world: WorldSnapshot, problems: Array<string>): void => {
  const bots = new Set(world.bots.map((bot) => bot.user_id))
  const seen = new Set<string>()
  for (const [i, file] of (world.files ?? ([] as ReadonlyArray<StoredFile>)).entries()) {
    for (const [j, id] of (file.file_ids ?? []).entries()) {
      const at = `files.${i}.file_ids.${j}`
      if (!bots.has(id.bot_id)) problems.push(`${at}.bot_id: ${id.bot_id} is not a bot of this world`)
      if (seen.has(id.file_id)) problems.push(`${at}.file_id: duplicate file_id ${id.file_id}`)
      seen.add(id.file_id)
    }
  }
}
