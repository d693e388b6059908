/**
 * Gifts (telegram-wire-chats.md §21 Gifts; Client.cpp process_get_available_gifts_query … process_get_chat_gifts_query;
 * StarGiftManager, Premium.cpp): the catalogue, a gift sent by the bot for its Stars (STARGIFT_INVALID,
 * STARGIFT_USAGE_LIMITED, BALANCE_TOO_LOW), Telegram Premium paid in Stars, and the gifts users and chats own.
 */
import { type FormattedText, formattedText } from "../../input/text.js"
import { giftJson } from "../../wire/gifts.js"
import { addStars, MAX_OWNED_GIFTS, newOwnedGiftId, starsOf } from "../../world/gifts.js"
import type { ChatRecord } from "../../world/World.js"
import { checkReadAccess, resolveChat } from "../chatAccess.js"
import { apiError, isApiError } from "../envelope.js"
import { giftList, giftListParams } from "../giftListing.js"
import { commit, method, methods, type ParamInput } from "../table/method.js"
import { bool, chat, custom, int, int64Text, raw, userId } from "../table/params.js"
import { tdlibError, userRefusal } from "../tdlibError.js"

/** `text` with `text_parse_mode` and `text_entities`, read as any text (get_formatted_text). */
const giftText = custom("String", (input: ParamInput): FormattedText | ReturnType<typeof apiError> => {
  const text = formattedText(raw(input) ?? "", raw(input, "text_parse_mode") ?? "", raw(input, "text_entities"))
  return "refusal" in text ? apiError(400, text.refusal) : text
}, { note: "0-128 characters; with text_parse_mode, text_entities" })

/** The Premium prices in Stars by months (the Bot API documents them). */
const PREMIUM_PRICES: Readonly<Record<number, number>> = { 3: 1000, 6: 1500, 12: 2500 }

/** getAvailableGifts, sendGift, giftPremiumSubscription, getUserGifts, getChatGifts. */
export const giftMethods = methods({
  getAvailableGifts: method({
    family: "gifts",
    summary: "the gift catalogue of the world file (`gifts`), with what is left of limited gifts",
    params: {},
    run: (_, call) =>
      `{"gifts":[${
        [...call.world.tail.gifts.values()].map((gift) => giftJson(call.world, gift, call.botId)).join(",")
      }]}`
  }),
  sendGift: method({
    family: "gifts",
    summary: "gives a user (or a chat, `chat_id`) a gift for the bot's Stars; getUserGifts and getChatGifts show it",
    params: {
      gift_id: int64Text,
      pay_for_upgrade: bool,
      text: giftText,
      user_id: custom("Integer", (input) => {
        const chatId = raw(input, "chat_id") ?? ""
        if (chatId !== "") {
          const found = resolveChat(input.call.world, chatId)
          if (isApiError(found)) return found
          return checkReadAccess(found, input.call.botId, false) ?? found
        }
        return userId.read(input)
      }, { required: true, note: "or chat_id (a non-empty chat_id wins)" })
    },
    run: (p, call) => {
      const world = call.world
      const recipient: number | ChatRecord = p.user_id
      if (typeof recipient === "number") {
        const unknown = userRefusal(world, recipient)
        if (unknown !== undefined) return unknown
      }
      const gift = world.tail.gifts.get(p.gift_id)
      if (gift === undefined) return apiError(400, "Bad Request: STARGIFT_INVALID")
      if (gift.totalCount > 0 && gift.remainingCount === 0) return apiError(400, "Bad Request: STARGIFT_USAGE_LIMITED")
      const prepaid = p.pay_for_upgrade ? gift.upgradeStarCount : 0
      if (starsOf(world, call.botId) < gift.starCount + prepaid) return apiError(400, "Bad Request: BALANCE_TOO_LOW")
      if (world.tail.ownedGifts.length >= MAX_OWNED_GIFTS) return apiError(400, "Bad Request: STARGIFT_USAGE_LIMITED")
      return commit(undefined, () => {
        addStars(world, call.botId, -(gift.starCount + prepaid))
        if (gift.totalCount > 0) gift.remainingCount--
        world.tail.ownedGifts.push({
          ownedGiftId: newOwnedGiftId(world),
          ownerId: typeof recipient === "number" ? recipient : recipient.id,
          gift,
          senderId: call.botId,
          date: Math.floor(world.clock.now() / 1000),
          text: p.text.text,
          entities: p.text.entities,
          convertStarCount: gift.starCount,
          prepaidUpgradeStarCount: prepaid,
          uniqueNumber: undefined
        })
        return "true"
      })
    }
  }),
  giftPremiumSubscription: method({
    family: "gifts",
    summary: "Telegram Premium for 3, 6 or 12 months, paid 1000, 1500 or 2500 of the bot's Stars",
    params: {
      user_id: userId,
      star_count: int64Text,
      month_count: int({ min: 0, max: 1000 }),
      text: giftText
    },
    run: (p, call) => {
      const unknown = userRefusal(call.world, p.user_id)
      if (unknown !== undefined) return unknown
      const stars = Number(p.star_count)
      if (stars <= 0) return tdlibError("Invalid amount of the currency specified")
      if (PREMIUM_PRICES[p.month_count] !== stars) return tdlibError("Wrong Premium subscription price specified")
      if (starsOf(call.world, call.botId) < stars) return apiError(400, "Bad Request: BALANCE_TOO_LOW")
      return commit(undefined, () => {
        addStars(call.world, call.botId, -stars)
        return "true"
      })
    }
  }),
  getUserGifts: method({
    family: "gifts",
    summary: "the gifts a user owns (without their owned_gift_id: the bot does not manage them)",
    params: { user_id: userId, ...giftListParams },
    run: (p, call) => userRefusal(call.world, p.user_id) ?? giftList(call.world, p.user_id, p, false, call.botId)
  }),
  getChatGifts: method({
    family: "gifts",
    summary: "the gifts a chat owns",
    params: { chat_id: chat("read"), exclude_unsaved: bool, exclude_saved: bool, ...giftListParams },
    run: (p, call) => giftList(call.world, p.chat_id.id, p, false, call.botId)
  })
})
