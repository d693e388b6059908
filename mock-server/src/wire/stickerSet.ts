/**
 * Sticker set JSON, keys in the real server's order (Client.cpp JsonStickerSet, JsonSticker, JsonMaskPosition): a
 * sticker of a set (its size, first emoji, set name, format flags, type and the type's own keys, then its file keys),
 * and the set (name, title, thumbnail, sticker_type, contains_masks, stickers).
 */
import type { SetStickerRecord, StickerSetRecord } from "../world/stickerSets.js"
import { stickerSize } from "../world/stickerSets.js"
import type { World } from "../world/World.js"
import type { MaskPosition } from "../WorldSnapshotTail.js"
import { fileKeys } from "./file.js"

const json = JSON.stringify

/** A MaskPosition. */
export const maskPositionJson = (mask: MaskPosition): string =>
  `{"point":${json(mask.point)},"x_shift":${mask.x_shift},"y_shift":${mask.y_shift},"scale":${mask.scale}}`

/** The keys of a sticker's type (`type` and what goes with it). */
const typeKeys = (set: StickerSetRecord, sticker: SetStickerRecord): string => {
  switch (set.type) {
    case "regular":
      return `,"type":"regular"`
    case "mask":
      return `,"type":"mask"` + (sticker.mask !== undefined ? `,"mask_position":${maskPositionJson(sticker.mask)}` : "")
    case "custom_emoji":
      return `,"type":"custom_emoji","custom_emoji_id":${json(sticker.customEmojiId)}` +
        (set.needsRepainting ? `,"needs_repainting":true` : "")
  }
}

/** A Sticker of a set, for the bot `viewer` (its own file_id). */
export const setStickerJson = (
  world: World,
  set: StickerSetRecord,
  sticker: SetStickerRecord,
  viewer: number
): string => {
  const size = stickerSize(set.type)
  const emoji = sticker.emojis[0]
  return `{"width":${size},"height":${size}${emoji !== undefined ? `,"emoji":${json(emoji)}` : ""}` +
    `,"set_name":${json(set.name)},"is_animated":${sticker.format === "animated"}` +
    `,"is_video":${sticker.format === "video"}${typeKeys(set, sticker)},${fileKeys(world, sticker.file, viewer)}}`
}

/** A StickerSet, for the bot `viewer`. */
export const stickerSetJson = (world: World, set: StickerSetRecord, viewer: number): string => {
  let out = `{"name":${json(set.name)},"title":${json(set.title)}`
  if (set.thumbnail !== undefined) {
    const thumbnail = `{${fileKeys(world, set.thumbnail.file, viewer)},"width":100,"height":100}`
    out += `,"thumbnail":${thumbnail},"thumb":${thumbnail}`
  }
  out += `,"sticker_type":${json(set.type)},"contains_masks":${set.type === "mask"}`
  return out + `,"stickers":[${set.stickers.map((sticker) => setStickerJson(world, set, sticker, viewer)).join(",")}]}`
}
