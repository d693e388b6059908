/**
 * Sticker sets, made and read (telegram-wire-chats.md §21 Stickers; Client.cpp process_get_sticker_set_query …
 * process_replace_sticker_in_set_query; StickersManager): getStickerSet, getCustomEmojiStickers, uploadStickerFile
 * over the file store, createNewStickerSet, addStickerToSet, replaceStickerInSet. TDLib's checks, then Telegram's
 * (the set name's rules, a name taken, the emoji, the set's size) as the mock's own rules.
 */
import { readInputFile } from "../../input/inputFile.js"
import {
  type InputStickerSpec,
  isStickerRefusal,
  readStickerFormat,
  readStickerParam,
  readStickersParam
} from "../../input/inputSticker.js"
import { parseJson } from "../../internal/JsonValue.js"
import { stripEmptyCharacters } from "../../internal/stripEmpty.js"
import { fileKeys } from "../../wire/file.js"
import { setStickerJson, stickerSetJson } from "../../wire/stickerSet.js"
import {
  MAX_STICKER_SETS,
  maxStickers,
  newCustomEmojiId,
  type SetStickerRecord,
  stickerByCustomEmoji,
  stickerSetByName,
  type StickerSetRecord
} from "../../world/stickerSets.js"
import type { World } from "../../world/World.js"
import type { StickerFormat, StickerType } from "../../WorldSnapshotTail.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { stickerFile } from "../files/stickerFile.js"
import { botsSticker, botsStickerSet, cleanSetName, stickerFileId } from "../stickerSetAccess.js"
import { commit, method, methods, type ParamInput } from "../table/method.js"
import { bool, custom, raw, text, userId } from "../table/params.js"
import { tdlibError, userRefusal } from "../tdlibError.js"

/** A parameter read by a sticker reader: its value, or TDLib's refusal as the wire shows it. */
const stickerParam = <A>(kind: string, read: (input: ParamInput) => A | { readonly refusal: string }) =>
  custom(kind, (input) => {
    const value = read(input)
    return isStickerRefusal(value) ? tdlibError(value.refusal) : value as A
  })

const stickers = stickerParam("Array of InputSticker", (input) => readStickersParam(input.call.params))
const sticker = stickerParam("InputSticker", (input) => readStickerParam(input.call.params))

/** A set's stickers all have one format: what `auto` means for it (else TDLib cannot guess). */
const guessedFormat = (set: StickerSetRecord): StickerFormat | undefined => {
  const formats = new Set(set.stickers.map((s) => s.format))
  return formats.size === 1 ? [...formats][0] : undefined
}

/** A sticker of a set made of a request's sticker: TDLib's file checks, then Telegram's emoji and mask rules. */
const newSetSticker = (
  world: World,
  botId: number,
  spec: InputStickerSpec,
  type: StickerType,
  format: StickerFormat | undefined
): SetStickerRecord | ApiError => {
  const file = stickerFile(world, botId, spec.ref, format, type, "sticker")
  if (isApiError(file)) return file
  if (spec.emojis.length === 0) return apiError(400, "Bad Request: invalid sticker emojis")
  if (spec.mask !== undefined && type !== "mask") {
    return apiError(400, "Bad Request: STICKER_MASK_COORDS_NOT_SUPPORTED")
  }
  return {
    file,
    format: format!,
    emojis: spec.emojis,
    keywords: type === "mask" ? [] : spec.keywords.map((keyword) => keyword.replace(/[,\n]/g, " ")),
    mask: spec.mask,
    customEmojiId: type === "custom_emoji" ? newCustomEmojiId(world) : ""
  }
}

/** Telegram's rule for a bot's set name: a letter first, letters, digits and single `_`, ending `_by_<bot>`. */
const nameFits = (world: World, botId: number, name: string): boolean => {
  const username = world.users.get(botId)?.username
  return username !== undefined && /^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,63}$/.test(name) &&
    name.toLowerCase().endsWith(`_by_${username.toLowerCase()}`)
}

/** getStickerSet … replaceStickerInSet. */
export const stickerSetMethods = methods({
  getStickerSet: method({
    family: "stickers",
    summary: "a set of the world by name (any case); STICKERSET_INVALID for one it does not have",
    params: { name: text },
    run: ({ name }, call) => {
      const set = stickerSetByName(call.world, name.replaceAll(".", "").toLowerCase().trim())
      return set === undefined
        ? apiError(400, "Bad Request: STICKERSET_INVALID")
        : stickerSetJson(call.world, set, call.botId)
    }
  }),
  getCustomEmojiStickers: method({
    family: "stickers",
    summary: "the stickers of known custom emoji ids (unknown ids are left out), at most 200 ids",
    params: {
      custom_emoji_ids: custom("Array of String", (input) => {
        const value = raw(input)
        if (value === undefined || value === "") return tdlibError(`parameter "custom_emoji_ids" is required`)
        const json = parseJson(value)
        if (json === undefined) return tdlibError("Can't parse custom emoji identifiers JSON object")
        if (json.kind !== "array") return tdlibError("Expected an Array of custom emoji identifiers")
        const ids: Array<string> = []
        for (const item of json.items) {
          if (item.kind !== "string") return tdlibError("Custom emoji identifier must be of type String")
          if (!/^-?[0-9]{1,19}$/.test(item.value) || BigInt(item.value) >= 2n ** 63n) {
            return tdlibError("Invalid custom emoji identifier specified")
          }
          ids.push(BigInt(item.value).toString())
        }
        return ids
      }, { required: true, note: "at most 200" })
    },
    run: ({ custom_emoji_ids: ids }, call) => {
      if (ids.length > 200) return tdlibError("Too many custom emoji identifiers specified")
      const found: Array<string> = []
      for (const id of new Set(ids.filter((id) => BigInt(id) > 0n))) {
        const emoji = stickerByCustomEmoji(call.world, id)
        if (emoji === undefined) continue
        const set = [...call.world.tail.stickerSets.values()].find((candidate) => candidate.stickers.includes(emoji))!
        found.push(setStickerJson(call.world, set, emoji, call.botId))
      }
      return `[${found.join(",")}]`
    }
  }),
  uploadStickerFile: method({
    family: "stickers",
    summary: "stores an uploaded sticker file (static, animated or video) and answers its File",
    params: {
      user_id: userId,
      sticker: custom("InputFile", (input) => {
        const params = input.call.params
        if (params.get("sticker") === undefined && params.file("sticker") === undefined) {
          return {
            format: "static" as StickerFormat | undefined,
            ref: readInputFile(params, "png_sticker", undefined, true)
          }
        }
        const format = readStickerFormat(params.get("sticker_format") ?? "")
        if (isStickerRefusal(format)) return tdlibError(format.refusal)
        return { format, ref: readInputFile(params, "sticker", undefined, true) }
      }, { required: true, note: "an upload; with sticker_format static, animated or video" })
    },
    run: (p, call) => {
      const unknown = userRefusal(call.world, p.user_id)
      if (unknown !== undefined) return unknown
      if (p.sticker.format === undefined) return tdlibError("Sticker format must be non-empty")
      if (p.sticker.ref === undefined) return tdlibError("InputFile is not specified")
      const ref = p.sticker.ref
      const format = p.sticker.format
      return commit(undefined, () => {
        const file = stickerFile(call.world, call.botId, ref, format, "regular", "upload")
        return isApiError(file) ? file : `{${fileKeys(call.world, file, call.botId)}}`
      })
    }
  }),
  createNewStickerSet: method({
    family: "stickers",
    summary: "a new set of the bot (`<name>_by_<bot username>`), 1-50 stickers; getStickerSet shows it",
    params: {
      user_id: userId,
      name: text,
      title: text,
      needs_repainting: bool,
      stickers,
      sticker_type: custom("String", (input) => {
        const type = raw(input) ?? ""
        if (type === "" || type === "regular" || type === "mask" || type === "custom_emoji") {
          return (type === "" ? "regular" : type) as StickerType
        }
        return tdlibError("Unsupported sticker type specified")
      }, { note: "regular, mask or custom_emoji" }),
      contains_masks: bool
    },
    run: (p, call) => {
      const world = call.world
      const unknown = userRefusal(world, p.user_id)
      if (unknown !== undefined) return unknown
      const type: StickerType = p.contains_masks ? "mask" : p.sticker_type
      const title = stripEmptyCharacters(p.title, 64)
      if (title === "") return tdlibError("Sticker set title must be non-empty")
      const name = stripEmptyCharacters(p.name, 64)
      if (name === "") return tdlibError("Sticker set name must be non-empty")
      if (p.stickers.length === 0) return tdlibError("At least 1 sticker must be specified")
      if (p.needs_repainting && type !== "custom_emoji") {
        return tdlibError("Only custom emoji stickers support repainting")
      }
      return commit(undefined, () => {
        const made: Array<SetStickerRecord> = []
        for (const spec of p.stickers) {
          const record = newSetSticker(world, call.botId, spec, type, spec.format)
          if (isApiError(record)) return record
          made.push(record)
        }
        if (!nameFits(world, call.botId, name)) {
          return apiError(400, "Bad Request: invalid sticker set name is specified")
        }
        if (stickerSetByName(world, cleanSetName(name)) !== undefined) {
          return apiError(400, "Bad Request: sticker set name is already occupied")
        }
        if (world.tail.stickerSets.size >= MAX_STICKER_SETS) return apiError(400, "Bad Request: STICKERSETS_TOO_MUCH")
        world.tail.stickerSets.set(name.toLowerCase(), {
          name,
          title,
          type,
          needsRepainting: p.needs_repainting,
          ownerId: p.user_id,
          botId: call.botId,
          stickers: made,
          thumbnail: undefined,
          thumbnailCustomEmojiId: ""
        })
        return "true"
      })
    }
  }),
  addStickerToSet: method({
    family: "stickers",
    summary: "adds a sticker to a set of the bot (at most 120, 200 custom emoji; STICKERS_TOO_MUCH past it)",
    params: { user_id: userId, name: text, sticker },
    run: (p, call) => {
      const unknown = userRefusal(call.world, p.user_id)
      if (unknown !== undefined) return unknown
      const set = botsStickerSet(call.world, call.botId, p.name)
      if (isApiError(set)) return set
      return commit(undefined, () => {
        const record = newSetSticker(
          call.world,
          call.botId,
          p.sticker,
          set.type,
          p.sticker.format ?? guessedFormat(set)
        )
        if (isApiError(record)) return record
        if (set.stickers.length >= maxStickers(set.type)) return apiError(400, "Bad Request: STICKERS_TOO_MUCH")
        set.stickers.push(record)
        return "true"
      })
    }
  }),
  replaceStickerInSet: method({
    family: "stickers",
    summary: "replaces a sticker of a set of the bot with a new one, in its place",
    params: {
      user_id: userId,
      name: text,
      old_sticker: custom("String", (input) => stickerFileId(raw(input)), { required: true }),
      sticker
    },
    run: (p, call) => {
      const unknown = userRefusal(call.world, p.user_id)
      if (unknown !== undefined) return unknown
      const set = botsStickerSet(call.world, call.botId, p.name)
      if (isApiError(set)) return set
      const old = botsSticker(call.world, call.botId, p.old_sticker)
      if (isApiError(old)) return old
      return commit(undefined, () => {
        const record = newSetSticker(
          call.world,
          call.botId,
          p.sticker,
          set.type,
          p.sticker.format ?? guessedFormat(set)
        )
        if (isApiError(record)) return record
        const index = set.stickers.indexOf(old.sticker)
        if (old.set !== set || index === -1) return apiError(400, "Bad Request: STICKER_INVALID")
        set.stickers[index] = record
        return "true"
      })
    }
  })
})
