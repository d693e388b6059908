/**
 * Gifts and Telegram Stars: the catalogue of gifts (what getAvailableGifts shows), the gifts users and chats own
 * (sent by bots with sendGift, or declared in the world file), and who holds how many Stars.
 */
import type { Gift, OwnedGift } from "../WorldSnapshotTail.js"
import type { Entity } from "./content.js"
import type { FileRecord } from "./files.js"
import type { World } from "./World.js"

/** A gift of the catalogue, with its (stand-in) sticker file. */
export interface GiftRecord {
  readonly id: string
  readonly starCount: number
  readonly upgradeStarCount: number
  /** Limited gifts: how many there are in all (0: unlimited), and how many are left. */
  readonly totalCount: number
  remainingCount: number
  readonly emoji: string
  readonly sticker: FileRecord
  /** How many unique gifts were made of it (their numbers). */
  uniqueCount: number
}

/** A gift someone owns. */
export interface OwnedGiftRecord {
  readonly ownedGiftId: string
  ownerId: number
  readonly gift: GiftRecord
  readonly senderId: number | undefined
  readonly date: number
  readonly text: string
  readonly entities: ReadonlyArray<Entity>
  readonly convertStarCount: number
  readonly prepaidUpgradeStarCount: number
  /** Set once upgraded: its number among the unique gifts of its kind. */
  uniqueNumber: number | undefined
}

/** The most owned gifts a world keeps (each costs Stars, but a world file may give a bot any number). */
export const MAX_OWNED_GIFTS = 10_000

/** The Stars an owner holds (0 when none). */
export const starsOf = (world: World, ownerId: number): number => world.tail.stars.get(ownerId) ?? 0

/** Moves Stars: adds `amount` (negative: takes) to an owner's balance. */
export const addStars = (world: World, ownerId: number, amount: number): void => {
  world.tail.stars.set(ownerId, starsOf(world, ownerId) + amount)
}

/** The gifts an owner holds, newest first. */
export const giftsOf = (world: World, ownerId: number): Array<OwnedGiftRecord> =>
  world.tail.ownedGifts.filter((gift) => gift.ownerId === ownerId).reverse()

/** A new owned gift's identifier: a number, as Telegram names a user's gifts (the message that brought it). */
export const newOwnedGiftId = (world: World): string => String(world.tail.nextOwnedGift++)

/** Adds a catalogue gift from its world-file form. */
export const restoreGift = (world: World, gift: Gift): void => {
  world.tail.gifts.set(gift.id, {
    id: gift.id,
    starCount: gift.star_count,
    upgradeStarCount: gift.upgrade_star_count ?? 0,
    totalCount: gift.total_count ?? 0,
    remainingCount: gift.remaining_count ?? 0,
    emoji: gift.emoji ?? "🎁",
    sticker: world.files.add({
      type: "sticker",
      bytes: new TextEncoder().encode(`gift ${gift.id}`),
      fileName: "",
      mimeType: "application/x-tgsticker"
    }),
    uniqueCount: 0
  })
}

/** Adds an owned gift from its world-file form. */
export const restoreOwnedGift = (world: World, owned: OwnedGift): void => {
  const gift = world.tail.gifts.get(owned.gift_id)!
  if (owned.unique_number !== undefined) gift.uniqueCount = Math.max(gift.uniqueCount, owned.unique_number)
  if (owned.owned_gift_id !== undefined) {
    world.tail.nextOwnedGift = Math.max(world.tail.nextOwnedGift, Number(owned.owned_gift_id) + 1)
  }
  world.tail.ownedGifts.push({
    ownedGiftId: owned.owned_gift_id ?? newOwnedGiftId(world),
    ownerId: owned.owner_id,
    gift,
    senderId: owned.sender_id,
    date: owned.date,
    text: owned.text ?? "",
    entities: [],
    convertStarCount: owned.convert_star_count ?? 0,
    prepaidUpgradeStarCount: owned.prepaid_upgrade_star_count ?? 0,
    uniqueNumber: owned.unique_number
  })
}

/** A catalogue gift in its world-file form. */
export const giftData = (gift: GiftRecord): Gift => ({
  id: gift.id,
  star_count: gift.starCount,
  ...(gift.upgradeStarCount > 0 ? { upgrade_star_count: gift.upgradeStarCount } : {}),
  ...(gift.totalCount > 0 ? { total_count: gift.totalCount, remaining_count: gift.remainingCount } : {}),
  ...(gift.emoji !== "🎁" ? { emoji: gift.emoji } : {})
})

/** An owned gift in its world-file form. */
export const ownedGiftData = (owned: OwnedGiftRecord): OwnedGift => ({
  owner_id: owned.ownerId,
  owned_gift_id: owned.ownedGiftId,
  gift_id: owned.gift.id,
  ...(owned.senderId !== undefined ? { sender_id: owned.senderId } : {}),
  date: owned.date,
  ...(owned.text !== "" ? { text: owned.text } : {}),
  ...(owned.convertStarCount > 0 ? { convert_star_count: owned.convertStarCount } : {}),
  ...(owned.prepaidUpgradeStarCount > 0 ? { prepaid_upgrade_star_count: owned.prepaidUpgradeStarCount } : {}),
  ...(owned.uniqueNumber !== undefined ? { unique_number: owned.uniqueNumber } : {})
})
