/**
 * Gift JSON, keys in the real server's order (Client.cpp JsonGift, JsonGifts, JsonUniqueGift and its parts,
 * JsonReceivedGift, JsonReceivedGifts): a catalogue gift with its sticker, a unique (upgraded) gift with the mock's
 * one model, symbol and backdrop, and an owned gift as its owner (`managed`: a business account's bot) or anyone sees it.
 */
import type { GiftRecord, OwnedGiftRecord } from "../world/gifts.js"
import type { World } from "../world/World.js"
import { fileKeys } from "./file.js"
import { entitiesJson } from "./message.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** A gift's sticker (an animated one of 512×512, outside any set). */
const giftStickerJson = (world: World, gift: GiftRecord, viewer: number): string =>
  `{"width":512,"height":512,"emoji":${json(gift.emoji)},"is_animated":true,"is_video":false,"type":"regular",` +
  `${fileKeys(world, gift.sticker, viewer)}}`

/** A Gift of the catalogue. */
export const giftJson = (world: World, gift: GiftRecord, viewer: number): string => {
  let out = `{"id":${json(gift.id)},"sticker":${giftStickerJson(world, gift, viewer)},"star_count":${gift.starCount}`
  if (gift.upgradeStarCount > 0) out += `,"upgrade_star_count":${gift.upgradeStarCount}`
  if (gift.totalCount > 0) out += `,"remaining_count":${gift.remainingCount},"total_count":${gift.totalCount}`
  return out + "}"
}

/** A UniqueGift: what a gift becomes when upgraded (the mock gives every one the same model, symbol and backdrop). */
const uniqueGiftJson = (world: World, gift: GiftRecord, number: number, viewer: number): string => {
  const sticker = giftStickerJson(world, gift, viewer)
  return `{"gift_id":${json(gift.id)},"base_name":${json(`Gift ${gift.id}`)},"name":${
    json(`Gift${gift.id}-${number}`)
  }` +
    `,"number":${number},"model":{"name":"Original","sticker":${sticker},"rarity_per_mille":1000}` +
    `,"symbol":{"name":"Star","sticker":${sticker},"rarity_per_mille":1000}` +
    `,"backdrop":{"name":"Black","colors":{"center_color":3355443,"edge_color":0,"symbol_color":16777215,` +
    `"text_color":16777215},"rarity_per_mille":1000}}`
}

/** An OwnedGift; `managed`: seen by the bot of its owner's business account (its id and what it may do with it). */
export const ownedGiftJson = (world: World, owned: OwnedGiftRecord, managed: boolean, viewer: number): string => {
  const unique = owned.uniqueNumber !== undefined
  let out = `{${managed ? `"owned_gift_id":${json(owned.ownedGiftId)},` : ""}"type":"${unique ? "unique" : "regular"}"`
  out += `,"gift":${
    unique ? uniqueGiftJson(world, owned.gift, owned.uniqueNumber!, viewer) : giftJson(world, owned.gift, viewer)
  }`
  if (owned.senderId !== undefined) out += `,"sender_user":${userJson(world, owned.senderId)}`
  out += `,"send_date":${owned.date}`
  if (!unique && owned.text !== "") out += `,"text":${json(owned.text)}`
  if (!unique && owned.entities.length > 0) out += `,"entities":${entitiesJson(world, owned.entities)}`
  if (managed) out += `,"is_saved":true`
  if (managed && !unique && owned.gift.upgradeStarCount > 0) out += `,"can_be_upgraded":true`
  if (managed && unique) out += `,"can_be_transferred":true`
  if (managed && !unique && owned.convertStarCount > 0) out += `,"convert_star_count":${owned.convertStarCount}`
  if (!unique && owned.prepaidUpgradeStarCount > 0) {
    out += `,"prepaid_upgrade_star_count":${owned.prepaidUpgradeStarCount}`
  }
  return out + "}"
}

/** OwnedGifts: a page of gifts, the total, and the offset of the next page (when there is one). */
export const ownedGiftsJson = (
  world: World,
  page: ReadonlyArray<OwnedGiftRecord>,
  total: number,
  nextOffset: string,
  managed: boolean,
  viewer: number
): string =>
  `{"total_count":${total},"gifts":[${page.map((gift) => ownedGiftJson(world, gift, managed, viewer)).join(",")}]` +
  (nextOffset !== "" ? `,"next_offset":${json(nextOffset)}` : "") + "}"
