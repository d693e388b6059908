/**
 * Changes to a bot's sticker sets (telegram-wire-chats.md §21 Stickers; Client.cpp process_set_sticker_set_title_query
 * … process_set_sticker_mask_position_query; StickersManager): the title, the thumbnail (an uploaded file, or a custom
 * emoji for custom emoji sets), deleting a set, and a sticker's position, removal, emoji, keywords and mask position.
 * What they change, getStickerSet shows.
 */
import { readInputFile } from "../../input/inputFile.js"
import {
  isStickerRefusal,
  readEmojiListParam,
  readMaskPositionParam,
  readStickerFormat
} from "../../input/inputSticker.js"
import { parseJson } from "../../internal/JsonValue.js"
import { toLenientInt } from "../../internal/Params.js"
import { stripEmptyCharacters } from "../../internal/stripEmpty.js"
import type { StickerFormat } from "../../WorldSnapshotTail.js"
import { apiError, isApiError } from "../envelope.js"
import { stickerFile } from "../files/stickerFile.js"
import { botsSticker, botsStickerSet, cleanSetName, stickerFileId } from "../stickerSetAccess.js"
import { commit, method, methods } from "../table/method.js"
import { custom, int64Text, raw, text, userId } from "../table/params.js"
import { tdlibError, userRefusal } from "../tdlibError.js"

/** The `sticker` parameter: a sticker's file_id (trimmed; `Sticker is not specified` when empty). */
const stickerId = custom("String", (input) => stickerFileId(raw(input)), {
  required: true,
  note: "the file_id of a sticker of a set the bot created"
})

/** setStickerSetTitle … setStickerMaskPosition. */
export const stickerEditMethods = methods({
  setStickerSetTitle: method({
    family: "stickers",
    summary: "a new title (cut to 64 characters) for a set of the bot",
    params: { name: text, title: text },
    run: (p, call) => {
      if (cleanSetName(p.name) === "") return tdlibError("Sticker set name must be non-empty")
      const title = stripEmptyCharacters(p.title, 64)
      if (title === "") return tdlibError("Sticker set title must be non-empty")
      const set = botsStickerSet(call.world, call.botId, p.name)
      if (isApiError(set)) return set
      return commit(undefined, () => {
        set.title = title
        return "true"
      })
    }
  }),
  setStickerSetThumbnail: method({
    family: "stickers",
    summary: "a set's thumbnail (an upload, file_id or URL; none removes it); not for custom emoji sets",
    params: {
      user_id: userId,
      name: text,
      thumbnail: custom("InputFile or String", (input) => {
        const params = input.call.params
        return readInputFile(params, "thumbnail") ?? readInputFile(params, "thumb")
      }, { note: "or the legacy thumb; absent: the thumbnail is removed" }),
      format: custom("String", (input) => {
        const format = readStickerFormat(raw(input) || "auto")
        return isStickerRefusal(format) ? tdlibError(format.refusal) : format
      }, { note: "static, animated, video; default auto (the set's format)" })
    },
    run: (p, call) => {
      const unknown = userRefusal(call.world, p.user_id)
      if (unknown !== undefined) return unknown
      const set = botsStickerSet(call.world, call.botId, p.name)
      if (isApiError(set)) return set
      if (set.type === "custom_emoji") {
        return tdlibError("The method can't be used to set thumbnail of custom emoji sticker sets")
      }
      const formats = new Set(set.stickers.map((sticker) => sticker.format))
      const format: StickerFormat | undefined = p.format ?? (formats.size === 1 ? [...formats][0] : undefined)
      const ref = p.thumbnail
      return commit(undefined, () => {
        if (ref === undefined) {
          if (format === undefined) return tdlibError("Sticker format must be non-empty")
          set.thumbnail = undefined
          return "true"
        }
        const file = stickerFile(call.world, call.botId, ref, format, set.type, "thumbnail")
        if (isApiError(file)) return file
        set.thumbnail = { file, format: format! }
        return "true"
      })
    }
  }),
  setCustomEmojiStickerSetThumbnail: method({
    family: "stickers",
    summary: "a custom emoji set's thumbnail as one of its custom emoji (empty or 0: the first sticker)",
    params: { name: text, custom_emoji_id: int64Text },
    run: (p, call) => {
      const set = botsStickerSet(call.world, call.botId, p.name)
      if (isApiError(set)) return set
      if (set.type !== "custom_emoji") {
        return tdlibError("The method can be used to set thumbnail only for custom emoji sticker sets")
      }
      return commit(undefined, () => {
        set.thumbnailCustomEmojiId = p.custom_emoji_id === "0" ? "" : p.custom_emoji_id
        return "true"
      })
    }
  }),
  deleteStickerSet: method({
    family: "stickers",
    summary: "deletes a set of the bot (getStickerSet answers STICKERSET_INVALID after)",
    params: { name: text },
    run: (p, call) => {
      const set = botsStickerSet(call.world, call.botId, p.name)
      if (isApiError(set)) return set
      return commit(undefined, () => {
        call.world.tail.stickerSets.delete(set.name.toLowerCase())
        return "true"
      })
    }
  }),
  setStickerPositionInSet: method({
    family: "stickers",
    summary: "moves a sticker of the bot's set to a position (0 first; past the end: last)",
    params: {
      sticker: stickerId,
      position: custom("Integer", (input) => {
        const value = raw(input)
        return value === undefined || value === "" ? -1 : toLenientInt(value)
      }, { required: true, note: "0 or more" })
    },
    run: (p, call) => {
      if (p.position < 0) return tdlibError("Wrong sticker position specified")
      const found = botsSticker(call.world, call.botId, p.sticker)
      if (isApiError(found)) return found
      return commit(undefined, () => {
        const list = found.set.stickers
        list.splice(list.indexOf(found.sticker), 1)
        list.splice(Math.min(p.position, list.length), 0, found.sticker)
        return "true"
      })
    }
  }),
  deleteStickerFromSet: method({
    family: "stickers",
    summary: "removes a sticker from the bot's set",
    params: { sticker: stickerId },
    run: (p, call) => {
      const found = botsSticker(call.world, call.botId, p.sticker)
      if (isApiError(found)) return found
      return commit(undefined, () => {
        found.set.stickers.splice(found.set.stickers.indexOf(found.sticker), 1)
        return "true"
      })
    }
  }),
  setStickerEmojiList: method({
    family: "stickers",
    summary: "a sticker's emoji (1-20 Unicode emoji)",
    params: {
      sticker: stickerId,
      emoji_list: custom("Array of String", (input) => {
        const list = readEmojiListParam(raw(input) ?? "")
        return isStickerRefusal(list) ? tdlibError(list.refusal) : list
      }, { required: true, note: "1-20 emoji" })
    },
    run: (p, call) => {
      const found = botsSticker(call.world, call.botId, p.sticker)
      if (isApiError(found)) return found
      return commit(undefined, () => {
        found.sticker.emojis = p.emoji_list
        return "true"
      })
    }
  }),
  setStickerKeywords: method({
    family: "stickers",
    summary: "a sticker's search keywords (kept in the world file; a Sticker does not show them)",
    params: {
      sticker: stickerId,
      keywords: custom("Array of String", (input) => {
        const value = raw(input)
        if (value === undefined) return []
        const json = parseJson(value)
        if (json === undefined) return tdlibError("Can't parse keywords JSON object")
        if (json.kind !== "array") return tdlibError(`Field "keywords" must be an Array`)
        const keywords: Array<string> = []
        for (const item of json.items) {
          if (item.kind !== "string") return tdlibError("keyword must be a string")
          keywords.push(item.value.replace(/[,\n]/g, " "))
        }
        return keywords
      }, { note: "absent: none" })
    },
    run: (p, call) => {
      const found = botsSticker(call.world, call.botId, p.sticker)
      if (isApiError(found)) return found
      return commit(undefined, () => {
        found.sticker.keywords = p.keywords
        return "true"
      })
    }
  }),
  setStickerMaskPosition: method({
    family: "stickers",
    summary: "a mask sticker's position (none removes it); STICKER_MASK_COORDS_NOT_SUPPORTED outside mask sets",
    params: {
      sticker: stickerId,
      mask_position: custom("MaskPosition", (input) => {
        const mask = readMaskPositionParam(raw(input))
        return isStickerRefusal(mask) ? tdlibError(mask.refusal) : mask
      }, { note: "absent: removed" })
    },
    run: (p, call) => {
      const found = botsSticker(call.world, call.botId, p.sticker)
      if (isApiError(found)) return found
      if (found.set.type !== "mask") return apiError(400, "Bad Request: STICKER_MASK_COORDS_NOT_SUPPORTED")
      return commit(undefined, () => {
        found.sticker.mask = p.mask_position
        return "true"
      })
    }
  })
})
