/**
 * Sticker sets: the sets of the world (declared in the world file or made by bots with createNewStickerSet), each
 * with its stickers, their files, emoji, keywords, mask positions and custom emoji ids; found by name in any case, or
 * by a sticker's file.
 */
import type { MaskPosition, SetSticker, StickerFormat, StickerSet, StickerType } from "../WorldSnapshotTail.js"
import type { FileRecord } from "./files.js"
import type { World } from "./World.js"

/** A sticker of a set. */
export interface SetStickerRecord {
  readonly file: FileRecord
  readonly format: StickerFormat
  emojis: ReadonlyArray<string>
  keywords: ReadonlyArray<string>
  mask: MaskPosition | undefined
  /** Custom emoji sets: its custom emoji id (decimal); "" in other sets. */
  readonly customEmojiId: string
}

/** A sticker set. */
export interface StickerSetRecord {
  readonly name: string
  title: string
  readonly type: StickerType
  readonly needsRepainting: boolean
  readonly ownerId: number
  readonly botId: number
  readonly stickers: Array<SetStickerRecord>
  /** An uploaded thumbnail (regular and mask sets). */
  thumbnail: { readonly file: FileRecord; readonly format: StickerFormat } | undefined
  /** Custom emoji sets: the custom emoji shown as the thumbnail ("" for the first sticker). */
  thumbnailCustomEmojiId: string
}

/** The most sticker sets a world keeps (sets grow with traffic; a bot making more is refused). */
export const MAX_STICKER_SETS = 1000

/** Telegram's most stickers in a set: 200 custom emoji, 120 others. */
export const maxStickers = (type: StickerType): number => type === "custom_emoji" ? 200 : 120

/** A sticker's size in pixels: custom emoji are 100×100, other stickers 512 on their long side. */
export const stickerSize = (type: StickerType): number => type === "custom_emoji" ? 100 : 512

/** The MIME type a sticker file of this format has. */
export const stickerMimeType = (format: StickerFormat): string =>
  format === "animated" ? "application/x-tgsticker" : format === "video" ? "video/webm" : "image/webp"

/** The set of this name (any case), if the world has it. */
export const stickerSetByName = (world: World, name: string): StickerSetRecord | undefined =>
  world.tail.stickerSets.get(name.toLowerCase())

/** The set holding a sticker file, and the sticker. */
export const stickerByFile = (
  world: World,
  file: FileRecord
): { readonly set: StickerSetRecord; readonly sticker: SetStickerRecord } | undefined => {
  for (const set of world.tail.stickerSets.values()) {
    const sticker = set.stickers.find((candidate) => candidate.file.uniqueId === file.uniqueId)
    if (sticker !== undefined) return { set, sticker }
  }
  return undefined
}

/** The sticker of a custom emoji id, in whichever set has it. */
export const stickerByCustomEmoji = (world: World, id: string): SetStickerRecord | undefined => {
  for (const set of world.tail.stickerSets.values()) {
    if (set.type !== "custom_emoji") continue
    const sticker = set.stickers.find((candidate) => candidate.customEmojiId === id)
    if (sticker !== undefined) return sticker
  }
  return undefined
}

/** A new custom emoji id, as Telegram's look (a 19-digit decimal). */
export const newCustomEmojiId = (world: World): string =>
  (5_000_000_000_000_000_000n + BigInt(world.tail.nextCustomEmoji++)).toString()

/** The stand-in file of a sticker a world file declares (its file is not kept there). */
const standInFile = (world: World, set: StickerSet, index: number, format: StickerFormat): FileRecord =>
  world.files.add({
    type: "sticker",
    bytes: new TextEncoder().encode(`sticker ${set.name} ${index}`),
    fileName: "",
    mimeType: stickerMimeType(format)
  })

/** Adds a set from its world-file form. */
export const restoreStickerSet = (world: World, set: StickerSet): void => {
  const stickers = set.stickers.map((sticker, index): SetStickerRecord => {
    const format = sticker.format ?? "static"
    return {
      file: standInFile(world, set, index, format),
      format,
      emojis: sticker.emoji_list,
      keywords: sticker.keywords ?? [],
      mask: sticker.mask_position,
      customEmojiId: set.sticker_type === "custom_emoji" ? sticker.custom_emoji_id ?? newCustomEmojiId(world) : ""
    }
  })
  world.tail.stickerSets.set(set.name.toLowerCase(), {
    name: set.name,
    title: set.title,
    type: set.sticker_type,
    needsRepainting: set.needs_repainting === true,
    ownerId: set.owner_id,
    botId: set.bot_id,
    stickers,
    thumbnail: undefined,
    thumbnailCustomEmojiId: set.thumbnail_custom_emoji_id ?? ""
  })
}

/** A sticker in its world-file form. */
const stickerData = (sticker: SetStickerRecord): SetSticker => ({
  emoji_list: [...sticker.emojis],
  format: sticker.format,
  ...(sticker.keywords.length > 0 ? { keywords: [...sticker.keywords] } : {}),
  ...(sticker.mask !== undefined ? { mask_position: { ...sticker.mask } } : {}),
  ...(sticker.customEmojiId !== "" ? { custom_emoji_id: sticker.customEmojiId } : {})
})

/** A set in its world-file form (a copy; its files are not kept). */
export const stickerSetData = (set: StickerSetRecord): StickerSet => ({
  name: set.name,
  title: set.title,
  sticker_type: set.type,
  owner_id: set.ownerId,
  bot_id: set.botId,
  ...(set.needsRepainting ? { needs_repainting: true } : {}),
  stickers: set.stickers.map(stickerData),
  ...(set.thumbnailCustomEmojiId !== "" ? { thumbnail_custom_emoji_id: set.thumbnailCustomEmojiId } : {})
})
