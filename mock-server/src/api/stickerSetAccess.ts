/**
 * What a bot may change of sticker sets: a set it created, named as TDLib cleans a name (trimmed, cut to 64, dots
 * removed, any case), and a sticker of such a set named by its file_id. Telegram answers STICKERSET_INVALID for a set
 * it does not know (or the bot did not create) and STICKER_INVALID for a sticker outside the bot's sets.
 */
import { type ApiError, apiError, isApiError } from "../internal/apiError.js"
import { stripEmptyCharacters } from "../internal/stripEmpty.js"
import { type SetStickerRecord, stickerByFile, stickerSetByName, type StickerSetRecord } from "../world/stickerSets.js"
import type { World } from "../world/World.js"
import { namedStickerFile } from "./files/stickerFile.js"
import { tdlibError } from "./tdlibError.js"

const STICKERSET_INVALID = apiError(400, "Bad Request: STICKERSET_INVALID")
const STICKER_INVALID = apiError(400, "Bad Request: STICKER_INVALID")

/** TDLib's clean_username(strip_empty_characters(name, 64)). */
export const cleanSetName = (name: string): string =>
  stripEmptyCharacters(name, 64).replaceAll(".", "").toLowerCase().trim()

/** The set `name` names, if this bot created it. */
export const botsStickerSet = (world: World, botId: number, name: string): StickerSetRecord | ApiError => {
  const clean = cleanSetName(name)
  if (clean === "") return tdlibError("Sticker set name must be non-empty")
  const set = stickerSetByName(world, clean)
  return set === undefined || set.botId !== botId ? STICKERSET_INVALID : set
}

/** The set a sticker's file_id belongs to and the sticker, if the set is this bot's. */
export const botsSticker = (
  world: World,
  botId: number,
  fileId: string
): { readonly set: StickerSetRecord; readonly sticker: SetStickerRecord } | ApiError => {
  const file = namedStickerFile(world, botId, fileId)
  if (isApiError(file)) return file
  const found = stickerByFile(world, file)
  return found === undefined || found.set.botId !== botId ? STICKER_INVALID : found
}

/** get_sticker_input_file: the trimmed file_id of a `sticker` parameter, or `Sticker is not specified`. */
export const stickerFileId = (value: string | undefined): string | ApiError => {
  const id = (value ?? "").trim()
  return id === "" ? tdlibError("Sticker is not specified") : id
}
