/**
 * The decoders of the world file's long-tail sections (WorldSnapshotTail.ts): sticker sets, games, business
 * connections, gifts, Stars, managed bots and verifications. `tailWorldFields` is spread into the world's decoder;
 * the checks at the bottom prove that each decoder produces exactly its interface.
 */
import type {
  BusinessBotRights,
  BusinessConnection,
  Game,
  Gift,
  ManagedBot,
  MaskPosition,
  OwnedGift,
  SetSticker,
  StarBalance,
  StickerSet,
  Verification
} from "../WorldSnapshotTail.js"
import {
  array,
  boolean,
  type Decoder,
  intBetween,
  literal,
  nonEmptyString,
  number,
  optional,
  pattern,
  refine,
  safeInt,
  string,
  stringBetween,
  struct
} from "./decoder.js"

const userId = intBetween(1, 2 ** 40 - 1, "a user id from 1 to 2^40-1")
const optionalBoolean = optional(boolean)
const nonNegative = refine(safeInt, "a non-negative integer", (n) => n >= 0)
const finite = refine(number, "a finite number", Number.isFinite)
/** A 64-bit identifier written as decimal text (custom emoji ids, gift ids). */
const decimalId = pattern(/^[1-9][0-9]{0,18}$/, "a positive integer written as a string")

const maskPositionDecoder = struct({
  point: literal("forehead", "eyes", "mouth", "chin"),
  x_shift: finite,
  y_shift: finite,
  scale: finite
})

const setStickerDecoder = struct({
  emoji_list: refine(array(nonEmptyString), "1 to 20 emoji", (list) => list.length >= 1 && list.length <= 20),
  format: optional(literal("static", "animated", "video")),
  keywords: optional(array(string)),
  mask_position: optional(maskPositionDecoder),
  custom_emoji_id: optional(decimalId)
})

const stickerSetDecoder = struct({
  name: pattern(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "a sticker set name: 1-64 letters, digits or _, a letter first"),
  title: stringBetween(1, 64),
  sticker_type: literal("regular", "mask", "custom_emoji"),
  owner_id: userId,
  bot_id: userId,
  needs_repainting: optionalBoolean,
  stickers: refine(array(setStickerDecoder), "at most 200 stickers", (list) => list.length <= 200),
  thumbnail_custom_emoji_id: optional(decimalId)
})

const gameDecoder = struct({
  bot_id: userId,
  short_name: pattern(/^[A-Za-z0-9_]{1,64}$/, "a game short name: 1-64 letters, digits or _"),
  title: stringBetween(1, 64),
  description: stringBetween(0, 255)
})

const rightsDecoder = struct({
  can_reply: optionalBoolean,
  can_read_messages: optionalBoolean,
  can_delete_sent_messages: optionalBoolean,
  can_delete_all_messages: optionalBoolean,
  can_edit_name: optionalBoolean,
  can_edit_bio: optionalBoolean,
  can_edit_profile_photo: optionalBoolean,
  can_edit_username: optionalBoolean,
  can_view_gifts_and_stars: optionalBoolean,
  can_convert_gifts_to_stars: optionalBoolean,
  can_change_gift_settings: optionalBoolean,
  can_transfer_and_upgrade_gifts: optionalBoolean,
  can_transfer_stars: optionalBoolean,
  can_manage_stories: optionalBoolean
})

/** A business connection's id: what a bot passes as `business_connection_id`. */
export const businessConnectionId = pattern(
  /^[A-Za-z0-9_-]{1,64}$/,
  "a connection id: 1-64 letters, digits, _ or -"
)

const businessConnectionDecoder = struct({
  id: businessConnectionId,
  bot_id: userId,
  user_id: userId,
  date: nonNegative,
  is_enabled: optionalBoolean,
  rights: optional(rightsDecoder),
  bio: optional(stringBetween(0, 140))
})

const starCount = intBetween(1, 1_000_000)
const giftDecoder = struct({
  id: decimalId,
  star_count: starCount,
  upgrade_star_count: optional(starCount),
  total_count: optional(intBetween(1, 1_000_000_000)),
  remaining_count: optional(intBetween(0, 1_000_000_000)),
  emoji: optional(nonEmptyString)
})

const ownedGiftDecoder = struct({
  owner_id: safeInt,
  owned_gift_id: optional(pattern(/^[1-9][0-9]{0,8}$/, "a positive integer written as a string")),
  gift_id: decimalId,
  sender_id: optional(userId),
  date: nonNegative,
  text: optional(stringBetween(0, 255)),
  convert_star_count: optional(nonNegative),
  prepaid_upgrade_star_count: optional(nonNegative),
  unique_number: optional(intBetween(1, 1_000_000_000))
})

const starBalanceDecoder = struct({ owner_id: safeInt, amount: intBetween(0, 1_000_000_000_000) })

const managedBotDecoder = struct({
  bot_id: userId,
  manager_bot_id: userId,
  token: pattern(/^[1-9][0-9]{0,15}:[A-Za-z0-9_-]{24,64}$/, "a token `<bot id>:<secret>`"),
  is_access_restricted: optionalBoolean,
  added_user_ids: optional(refine(array(userId), "at most 10 user ids", (ids) => ids.length <= 10))
})

const verificationDecoder = struct({
  bot_id: userId,
  target_id: safeInt,
  custom_description: optional(stringBetween(0, 70))
})

/** The long tail's fields of the world decoder (each may be left out). */
export const tailWorldFields = {
  sticker_sets: optional(array(stickerSetDecoder)),
  games: optional(array(gameDecoder)),
  business_connections: optional(array(businessConnectionDecoder)),
  gifts: optional(array(giftDecoder)),
  owned_gifts: optional(array(ownedGiftDecoder)),
  star_balances: optional(array(starBalanceDecoder)),
  managed_bots: optional(array(managedBotDecoder)),
  verifier_bot_ids: optional(array(userId)),
  verifications: optional(array(verificationDecoder))
}

/** The rights of a business connection, as the control API takes them too. */
export const businessRightsDecoder: Decoder<BusinessBotRights> = rightsDecoder

// ---- compile-time proof that each decoder produces exactly its public interface --------------------------------

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const sameType = <A, D extends Decoder<unknown>>(_proof: Same<D extends Decoder<infer T> ? T : never, A>): void => {}
sameType<MaskPosition, typeof maskPositionDecoder>(true)
sameType<SetSticker, typeof setStickerDecoder>(true)
sameType<StickerSet, typeof stickerSetDecoder>(true)
sameType<Game, typeof gameDecoder>(true)
sameType<BusinessBotRights, typeof rightsDecoder>(true)
sameType<BusinessConnection, typeof businessConnectionDecoder>(true)
sameType<Gift, typeof giftDecoder>(true)
sameType<OwnedGift, typeof ownedGiftDecoder>(true)
sameType<StarBalance, typeof starBalanceDecoder>(true)
sameType<ManagedBot, typeof managedBotDecoder>(true)
sameType<Verification, typeof verificationDecoder>(true)
