/**
 * A business account's gifts, managed by its bot (Client.cpp process_get_business_account_gifts_query,
 * process_convert_gift_to_stars_query, process_upgrade_gift_query, process_transfer_gift_query; StarGiftManager,
 * StarGiftId): list them with their `owned_gift_id`, convert a regular one to Stars, upgrade it to a unique gift (its
 * prepaid upgrade, or `star_count` from the account's Stars), transfer a unique one to a user or chat.
 */
import { addStars, giftsOf, newOwnedGiftId, type OwnedGiftRecord, starsOf } from "../../world/gifts.js"
import type { World } from "../../world/World.js"
import { botsConnection, businessChatId, connectionParam, connectionRefusal } from "../business.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { giftList, giftListParams } from "../giftListing.js"
import { commit, method, methods } from "../table/method.js"
import { bool, custom, int, raw, text } from "../table/params.js"
import { tdlibError } from "../tdlibError.js"

/** StarGiftId: a user's gift is named by a canonical positive number; anything else is no gift identifier. */
const giftIdRefusal = (id: string): ApiError | undefined =>
  /^[1-9][0-9]{0,9}$/.test(id) && Number(id) < 2 ** 31 ? undefined : tdlibError("Invalid gift identifier specified")

/** The account's gift of this id (Telegram: STARGIFT_NOT_FOUND for any other). */
const ownedGift = (world: World, ownerId: number, id: string): OwnedGiftRecord | ApiError =>
  giftsOf(world, ownerId).find((gift) => gift.ownedGiftId === id) ?? apiError(400, "Bad Request: STARGIFT_NOT_FOUND")

/** getBusinessAccountGifts, convertGiftToStars, upgradeGift, transferGift. */
export const businessGiftMethods = methods({
  getBusinessAccountGifts: method({
    family: "business",
    summary: "the account's gifts with their owned_gift_id (needs can_view_gifts_and_stars)",
    params: {
      business_connection_id: connectionParam,
      exclude_unsaved: bool,
      exclude_saved: bool,
      exclude_limited: bool,
      ...giftListParams
    },
    run: (p, call) => {
      const refusal = connectionRefusal(p.business_connection_id, "can_view_gifts_and_stars")
      if (refusal !== undefined) return refusal
      const limited = p.exclude_limited
        ? { exclude_limited_upgradable: true, exclude_limited_non_upgradable: true }
        : {}
      return giftList(call.world, p.business_connection_id.userId, { ...p, ...limited }, true, call.botId)
    }
  }),
  convertGiftToStars: method({
    family: "gifts",
    summary: "turns the account's regular gift into its Stars (needs can_convert_gifts_to_stars)",
    params: { business_connection_id: connectionParam, owned_gift_id: text },
    run: (p, call) => {
      const connection = p.business_connection_id
      const refusal = connectionRefusal(connection, "can_convert_gifts_to_stars") ?? giftIdRefusal(p.owned_gift_id)
      if (refusal !== undefined) return refusal
      const gift = ownedGift(call.world, connection.userId, p.owned_gift_id)
      if (isApiError(gift)) return gift
      if (gift.uniqueNumber !== undefined) return apiError(400, "Bad Request: STARGIFT_ALREADY_UPGRADED")
      return commit(undefined, () => {
        call.world.tail.ownedGifts.splice(call.world.tail.ownedGifts.indexOf(gift), 1)
        addStars(call.world, connection.userId, gift.convertStarCount)
        return "true"
      })
    }
  }),
  upgradeGift: method({
    family: "gifts",
    summary: "makes the account's regular gift unique: prepaid, or paid `star_count` of its Stars",
    params: {
      business_connection_id: connectionParam,
      owned_gift_id: text,
      keep_original_details: bool,
      star_count: int({ min: 0, max: 1_000_000 })
    },
    run: (p, call) => {
      const connection = p.business_connection_id
      const invalid = giftIdRefusal(p.owned_gift_id)
      if (invalid !== undefined) return invalid
      const refusal = connectionRefusal(connection, "can_transfer_and_upgrade_gifts")
      if (refusal !== undefined) return refusal
      const gift = ownedGift(call.world, connection.userId, p.owned_gift_id)
      if (isApiError(gift)) return gift
      if (gift.uniqueNumber !== undefined) return apiError(400, "Bad Request: STARGIFT_ALREADY_UPGRADED")
      const price = gift.gift.upgradeStarCount
      if (price === 0) return apiError(400, "Bad Request: STARGIFT_UPGRADE_UNAVAILABLE")
      const prepaid = gift.prepaidUpgradeStarCount >= price
      if (!prepaid && p.star_count === 0) return apiError(400, "Bad Request: PAYMENT_REQUIRED")
      if (!prepaid && p.star_count < price) return tdlibError("Wrong upgrade price specified")
      if (!prepaid && starsOf(call.world, connection.userId) < price) {
        return apiError(400, "Bad Request: BALANCE_TOO_LOW")
      }
      return commit(undefined, () => {
        if (!prepaid) addStars(call.world, connection.userId, -price)
        gift.uniqueNumber = ++gift.gift.uniqueCount
        return "true"
      })
    }
  }),
  transferGift: method({
    family: "gifts",
    summary: "gives the account's unique gift to another user or chat (needs can_transfer_and_upgrade_gifts)",
    params: {
      business_connection_id: text,
      owned_gift_id: text,
      new_owner_chat_id: custom("Integer", (input) => businessChatId(raw(input)), { required: true }),
      star_count: int({ min: 0, max: 1_000_000 })
    },
    run: (p, call) => {
      const world = call.world
      const connection = botsConnection(world, call.botId, p.business_connection_id)
      if (isApiError(connection)) return connection
      if (!world.users.has(p.new_owner_chat_id) && !world.chats.has(p.new_owner_chat_id)) {
        return tdlibError("Have no access to the new gift owner")
      }
      const invalid = giftIdRefusal(p.owned_gift_id)
      if (invalid !== undefined) return invalid
      const refusal = connectionRefusal(connection, "can_transfer_and_upgrade_gifts")
      if (refusal !== undefined) return refusal
      const gift = ownedGift(world, connection.userId, p.owned_gift_id)
      if (isApiError(gift)) return gift
      if (gift.uniqueNumber === undefined) return apiError(400, "Bad Request: STARGIFT_NOT_UNIQUE")
      // The mock's unique gifts transfer for free: a price is one Telegram would not ask.
      if (p.star_count !== 0) return tdlibError("Wrong transfer price specified")
      return commit(undefined, () => {
        world.tail.ownedGifts.splice(world.tail.ownedGifts.indexOf(gift), 1)
        world.tail.ownedGifts.push({ ...gift, ownedGiftId: newOwnedGiftId(world), ownerId: p.new_owner_chat_id })
        return "true"
      })
    }
  })
})
