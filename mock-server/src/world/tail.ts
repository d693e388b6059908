/**
 * The long tail's share of the world: sticker sets, games, business connections, gifts and Stars, stories, managed
 * bots and verifications; made from a world file's sections and given back in their form (an empty section is left
 * out of a snapshot).
 */
import type { WorldSnapshot } from "../WorldSnapshot.js"
import type { ManagedBot, Verification, WorldSnapshotTail } from "../WorldSnapshotTail.js"
import { businessConnectionData, type BusinessConnectionRecord, restoreBusinessConnection } from "./business.js"
import type { Caption } from "./content.js"
import type { FileRecord } from "./files.js"
import { gameData, type GameRecord, restoreGame } from "./games.js"
import {
  giftData,
  type GiftRecord,
  ownedGiftData,
  type OwnedGiftRecord,
  restoreGift,
  restoreOwnedGift
} from "./gifts.js"
import { restoreStickerSet, stickerSetData, type StickerSetRecord } from "./stickerSets.js"
import type { World } from "./World.js"

/** A bot another bot of the world manages. */
export interface ManagedBotRecord {
  readonly botId: number
  readonly managerBotId: number
  token: string
  isAccessRestricted: boolean
  addedUserIds: ReadonlyArray<number>
}

/** A story a business account posted (through its bot). */
export interface StoryRecord {
  readonly id: number
  content: { readonly type: "photo" | "video"; readonly file: FileRecord }
  caption: Caption
  readonly activePeriod: number
  readonly date: number
  readonly postedByBotId: number
  /** Set on a repost: the story it reposts (its account and id). */
  readonly repostOf: { readonly chatId: number; readonly storyId: number } | undefined
}

/** A business account's stories, and the id the next one gets. */
export interface StoryAccount {
  readonly stories: Map<number, StoryRecord>
  nextId: number
}

/** The long tail's live state. */
export interface TailState {
  /** By lower-cased name. */
  readonly stickerSets: Map<string, StickerSetRecord>
  /** By `<bot id>:<short name>`. */
  readonly games: Map<string, GameRecord>
  /** By connection id. */
  readonly business: Map<string, BusinessConnectionRecord>
  /** The catalogue, by gift id. */
  readonly gifts: Map<string, GiftRecord>
  /** Every owned gift, oldest first. */
  readonly ownedGifts: Array<OwnedGiftRecord>
  /** Stars by owner (a user, a bot or a chat). */
  readonly stars: Map<number, number>
  /** By the business account's user id. */
  readonly stories: Map<number, StoryAccount>
  /** By the managed bot's user id. */
  readonly managedBots: Map<number, ManagedBotRecord>
  readonly verifierBotIds: Set<number>
  /** By the verified user's or chat's id. */
  readonly verifications: Map<number, Verification>
  /** The number behind the next custom emoji id the mock makes. */
  nextCustomEmoji: number
  /** The number behind the next owned gift id the mock makes. */
  nextOwnedGift: number
}

/** An empty long tail. */
export const emptyTail = (): TailState => ({
  stickerSets: new Map(),
  games: new Map(),
  business: new Map(),
  gifts: new Map(),
  ownedGifts: [],
  stars: new Map(),
  stories: new Map(),
  managedBots: new Map(),
  verifierBotIds: new Set(),
  verifications: new Map(),
  nextCustomEmoji: 1,
  nextOwnedGift: 1
})

/** Fills the world's long tail from a (decoded) snapshot's sections. */
export const restoreTail = (world: World, snapshot: WorldSnapshot): void => {
  for (const set of snapshot.sticker_sets ?? []) restoreStickerSet(world, set)
  for (const game of snapshot.games ?? []) restoreGame(world, game)
  for (const connection of snapshot.business_connections ?? []) restoreBusinessConnection(world, connection)
  for (const gift of snapshot.gifts ?? []) restoreGift(world, gift)
  for (const owned of snapshot.owned_gifts ?? []) restoreOwnedGift(world, owned)
  for (const balance of snapshot.star_balances ?? []) world.tail.stars.set(balance.owner_id, balance.amount)
  for (const managed of snapshot.managed_bots ?? []) {
    world.tail.managedBots.set(managed.bot_id, {
      botId: managed.bot_id,
      managerBotId: managed.manager_bot_id,
      token: managed.token,
      isAccessRestricted: managed.is_access_restricted === true,
      addedUserIds: managed.added_user_ids ?? []
    })
  }
  for (const id of snapshot.verifier_bot_ids ?? []) world.tail.verifierBotIds.add(id)
  for (const verification of snapshot.verifications ?? []) {
    world.tail.verifications.set(verification.target_id, { ...verification })
  }
}

const managedBotData = (record: ManagedBotRecord): ManagedBot => ({
  bot_id: record.botId,
  manager_bot_id: record.managerBotId,
  token: record.token,
  ...(record.isAccessRestricted ? { is_access_restricted: true } : {}),
  ...(record.addedUserIds.length > 0 ? { added_user_ids: [...record.addedUserIds] } : {})
})

/** A section, left out when it is empty. */
const section = <K extends keyof WorldSnapshotTail, A>(
  name: K,
  items: ReadonlyArray<A>
): Partial<Record<K, ReadonlyArray<A>>> => items.length === 0 ? {} : ({ [name]: items } as Record<K, Array<A>>)

/** The long tail in the world-file format (copies). */
export const tailData = (world: World): WorldSnapshotTail => {
  const tail = world.tail
  return {
    ...section("sticker_sets", [...tail.stickerSets.values()].map(stickerSetData)),
    ...section("games", [...tail.games.values()].map(gameData)),
    ...section("business_connections", [...tail.business.values()].map(businessConnectionData)),
    ...section("gifts", [...tail.gifts.values()].map(giftData)),
    ...section("owned_gifts", tail.ownedGifts.map(ownedGiftData)),
    ...section(
      "star_balances",
      [...tail.stars].filter(([, amount]) => amount > 0).map(([owner_id, amount]) => ({ owner_id, amount }))
    ),
    ...section("managed_bots", [...tail.managedBots.values()].map(managedBotData)),
    ...section("verifier_bot_ids", [...tail.verifierBotIds]),
    ...section("verifications", [...tail.verifications.values()].map((verification) => ({ ...verification })))
  }
}
