/**
 * The gift lists (getUserGifts, getChatGifts, getBusinessAccountGifts; Client.cpp process_get_*_gifts_query): the
 * exclusion flags, `sort_by_price`, and paging by `offset` (the mock's offsets are positions) and `limit` (1-100,
 * default 100).
 */
import { ownedGiftsJson } from "../wire/gifts.js"
import { giftsOf, type OwnedGiftRecord } from "../world/gifts.js"
import type { World } from "../world/World.js"
import { bool, int, text } from "./table/params.js"

/** The parameters every gift list reads. */
export const giftListParams = {
  exclude_unlimited: bool,
  exclude_limited_upgradable: bool,
  exclude_limited_non_upgradable: bool,
  exclude_unique: bool,
  exclude_from_blockchain: bool,
  sort_by_price: bool,
  offset: text,
  limit: int({ min: 1, max: 100, default: 100 })
}

/** The values of `giftListParams`, and the flags only some lists read. */
export interface GiftListValues {
  readonly exclude_unlimited: boolean
  readonly exclude_limited_upgradable: boolean
  readonly exclude_limited_non_upgradable: boolean
  readonly exclude_unique: boolean
  readonly exclude_from_blockchain: boolean
  readonly sort_by_price: boolean
  readonly offset: string
  readonly limit: number
  readonly exclude_unsaved?: boolean
  readonly exclude_saved?: boolean
}

/** Whether a gift passes the exclusions (every gift of the mock is saved and none is on the blockchain). */
const kept = (gift: OwnedGiftRecord, p: GiftListValues): boolean => {
  const unique = gift.uniqueNumber !== undefined
  if (unique) return !p.exclude_unique
  if (p.exclude_saved === true) return false
  if (gift.gift.totalCount === 0) return !p.exclude_unlimited
  return gift.gift.upgradeStarCount > 0 ? !p.exclude_limited_upgradable : !p.exclude_limited_non_upgradable
}

/** An owner's gifts as OwnedGifts, filtered, sorted and paged. */
export const giftList = (
  world: World,
  ownerId: number,
  p: GiftListValues,
  managed: boolean,
  viewer: number
): string => {
  const gifts = giftsOf(world, ownerId).filter((gift) => kept(gift, p))
  if (p.sort_by_price) gifts.sort((a, b) => b.gift.starCount - a.gift.starCount)
  const start = /^[0-9]{1,9}$/.test(p.offset) ? Number(p.offset) : 0
  const page = gifts.slice(start, start + p.limit)
  const next = start + p.limit < gifts.length ? String(start + p.limit) : ""
  return ownedGiftsJson(world, page, gifts.length, next, managed, viewer)
}
