/**
 * Gifts and stories on every transport (telegram-wire-chats.md §21 Gifts, Stories): the catalogue, gifts the bot sends
 * for its Stars (the recipient's list shows them, the Stars and the stock go down), Premium paid in Stars, a business
 * account's gifts converted, upgraded and transferred, and its stories posted, reposted, edited and deleted; each
 * method's refusals with the real texts.
 */
import { DEFAULT_BOT_TOKEN, defaultWorld, type MockTelegram } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { type Envelope, wireClient } from "./wireClient.js"

const OLGA = 1000
const ALICE = 42
const CAROL = 44
const CHANNEL = -1001000000001
const GIFT_RIGHTS = {
  can_view_gifts_and_stars: true,
  can_convert_gifts_to_stars: true,
  can_transfer_and_upgrade_gifts: true,
  can_manage_stories: true
}

/** A catalogue of three gifts, the bot with 1000 Stars, and Olga's and Carol's accounts connected to the bot. */
const giftWorld = (mock: MockTelegram) => {
  const world = structuredClone(defaultWorld) as any
  world.gifts = [
    { id: "5170145012310081615", star_count: 15, emoji: "💝" },
    { id: "5170233102089322756", star_count: 25, upgrade_star_count: 50, total_count: 2, remaining_count: 1 },
    { id: "5168103777563050263", star_count: 50 }
  ]
  world.star_balances = [{ owner_id: 123456, amount: 1000 }, { owner_id: OLGA, amount: 60 }]
  world.business_connections = [
    { id: "olga", bot_id: 123456, user_id: OLGA, date: 1_767_225_600, rights: GIFT_RIGHTS },
    { id: "carol", bot_id: 123456, user_id: CAROL, date: 1_767_225_600, rights: GIFT_RIGHTS }
  ]
  mock.replaceWorld(world)
}

export const giftConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, gifts and stories (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    beforeEach(() => {
      t = setup()
      giftWorld(t.mock)
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    const stars = (owner: number) => t.mock.snapshot().star_balances?.find((b) => b.owner_id === owner)?.amount ?? 0

    it("shows the catalogue and sends gifts for the bot's Stars; the recipient's list shows them", async () => {
      const { gifts } = await wire.result("getAvailableGifts")
      expect(gifts.map((gift: any) => gift.id)).toEqual([
        "5170145012310081615",
        "5170233102089322756",
        "5168103777563050263"
      ])
      expect(Object.keys(gifts[1])).toEqual([
        "id",
        "sticker",
        "star_count",
        "upgrade_star_count",
        "remaining_count",
        "total_count"
      ])
      expect(gifts[0].sticker).toMatchObject({ emoji: "💝", is_animated: true, type: "regular" })
      expect(
        await wire.result("sendGift", {
          user_id: ALICE,
          gift_id: gifts[0].id,
          text: "for *you*",
          text_parse_mode: "MarkdownV2"
        })
      ).toBe(true)
      expect(await wire.result("sendGift", { chat_id: CHANNEL, gift_id: gifts[1].id, pay_for_upgrade: true })).toBe(
        true
      )
      expect(stars(123456)).toBe(1000 - 15 - 75)
      const alices = await wire.result("getUserGifts", { user_id: ALICE })
      expect(alices.total_count).toBe(1)
      expect(alices.gifts[0]).toMatchObject({ type: "regular", sender_user: { id: 123456 }, text: "for you" })
      expect(alices.gifts[0].entities).toEqual([{ offset: 4, length: 3, type: "bold" }])
      expect(alices.gifts[0]).not.toHaveProperty("owned_gift_id")
      const channel = await wire.result("getChatGifts", { chat_id: CHANNEL })
      expect(channel.gifts[0]).toMatchObject({ prepaid_upgrade_star_count: 50, gift: { remaining_count: 0 } })
      await wire.refusal(
        "sendGift",
        { user_id: ALICE, gift_id: gifts[1].id },
        400,
        "Bad Request: STARGIFT_USAGE_LIMITED"
      )
      await wire.refusal("sendGift", { user_id: ALICE, gift_id: "1" }, 400, "Bad Request: STARGIFT_INVALID")
      await wire.refusal("sendGift", { gift_id: gifts[0].id }, 400, "Bad Request: invalid user_id specified")
      await wire.refusal("sendGift", { user_id: 999, gift_id: gifts[0].id }, 400, "Bad Request: user not found")
      await wire.refusal("sendGift", { chat_id: -1009, gift_id: gifts[0].id }, 400, "Bad Request: chat not found")
      await wire.refusal("getUserGifts", { user_id: 999 }, 400, "Bad Request: user not found")
    })

    it("pages gift lists and runs out of Stars", async () => {
      for (let i = 0; i < 3; i++) await wire.result("sendGift", { user_id: ALICE, gift_id: "5168103777563050263" })
      const first = await wire.result("getUserGifts", { user_id: ALICE, limit: 2 })
      expect(first).toMatchObject({ total_count: 3, next_offset: "2" })
      const rest = await wire.result("getUserGifts", { user_id: ALICE, limit: 2, offset: first.next_offset })
      expect(rest.gifts).toHaveLength(1)
      expect(rest).not.toHaveProperty("next_offset")
      expect((await wire.result("getUserGifts", { user_id: ALICE, exclude_unlimited: true })).total_count).toBe(0)
      for (let i = 0; i < 17; i++) await wire.result("sendGift", { user_id: ALICE, gift_id: "5168103777563050263" })
      await wire.refusal(
        "sendGift",
        { user_id: ALICE, gift_id: "5168103777563050263" },
        400,
        "Bad Request: BALANCE_TOO_LOW"
      )
      await wire.refusal(
        "giftPremiumSubscription",
        { user_id: ALICE, month_count: 3, star_count: 999 },
        400,
        "Bad Request: wrong Premium subscription price specified"
      )
      await wire.refusal(
        "giftPremiumSubscription",
        { user_id: ALICE, month_count: 3 },
        400,
        "Bad Request: invalid amount of the currency specified"
      )
      await wire.refusal(
        "giftPremiumSubscription",
        { user_id: ALICE, month_count: 3, star_count: 1000 },
        400,
        "Bad Request: BALANCE_TOO_LOW"
      )
    })

    it("a business account's gifts: listed with ids, converted, upgraded, transferred", async () => {
      await wire.result("sendGift", { user_id: OLGA, gift_id: "5170145012310081615" })
      await wire.result("sendGift", { user_id: OLGA, gift_id: "5170233102089322756" })
      const listed = await wire.result("getBusinessAccountGifts", { business_connection_id: "olga" })
      const [upgradable, plain] = listed.gifts
      expect(upgradable).toMatchObject({
        type: "regular",
        is_saved: true,
        can_be_upgraded: true,
        convert_star_count: 25
      })
      expect(upgradable.owned_gift_id).toMatch(/^[0-9]+$/)
      const olga = { business_connection_id: "olga" }
      expect(await wire.result("convertGiftToStars", { ...olga, owned_gift_id: plain.owned_gift_id })).toBe(true)
      expect(stars(OLGA)).toBe(75)
      await wire.refusal(
        "convertGiftToStars",
        { ...olga, owned_gift_id: plain.owned_gift_id },
        400,
        "Bad Request: STARGIFT_NOT_FOUND"
      )
      await wire.refusal(
        "upgradeGift",
        { ...olga, owned_gift_id: "gift" },
        400,
        "Bad Request: invalid gift identifier specified"
      )
      await wire.refusal(
        "upgradeGift",
        { ...olga, owned_gift_id: upgradable.owned_gift_id },
        400,
        "Bad Request: PAYMENT_REQUIRED"
      )
      await wire.refusal(
        "upgradeGift",
        { ...olga, owned_gift_id: upgradable.owned_gift_id, star_count: 10 },
        400,
        "Bad Request: wrong upgrade price specified"
      )
      await wire.refusal(
        "transferGift",
        { ...olga, owned_gift_id: upgradable.owned_gift_id, new_owner_chat_id: CAROL },
        400,
        "Bad Request: STARGIFT_NOT_UNIQUE"
      )
      expect(await wire.result("upgradeGift", { ...olga, owned_gift_id: upgradable.owned_gift_id, star_count: 50 }))
        .toBe(true)
      expect(stars(OLGA)).toBe(25)
      const unique = (await wire.result("getBusinessAccountGifts", olga)).gifts[0]
      expect(unique).toMatchObject({
        type: "unique",
        can_be_transferred: true,
        gift: { number: 1, name: "Gift5170233102089322756-1" }
      })
      await wire.refusal(
        "transferGift",
        { ...olga, owned_gift_id: unique.owned_gift_id, new_owner_chat_id: "" },
        400,
        "Bad Request: chat identifier is empty"
      )
      await wire.refusal(
        "transferGift",
        { ...olga, owned_gift_id: unique.owned_gift_id, new_owner_chat_id: 999 },
        400,
        "Bad Request: have no access to the new gift owner"
      )
      expect(
        await wire.result("transferGift", { ...olga, owned_gift_id: unique.owned_gift_id, new_owner_chat_id: CAROL })
      ).toBe(true)
      expect((await wire.result("getBusinessAccountGifts", olga)).total_count).toBe(0)
      expect((await wire.result("getBusinessAccountGifts", { business_connection_id: "carol" })).gifts[0])
        .toMatchObject({ type: "unique" })
      await wire.refusal(
        "getBusinessAccountGifts",
        { business_connection_id: "nope" },
        400,
        "Bad Request: business connection not found"
      )
    })

    it("posts, reposts, edits and deletes a business account's stories", async () => {
      const post = async (connection: string, extra: Record<string, string> = {}) => {
        const form = new FormData()
        const fields = {
          business_connection_id: connection,
          content: JSON.stringify({ type: "photo", photo: "attach://pic" }),
          active_period: "86400",
          caption: "Open today",
          ...extra
        }
        for (const [key, value] of Object.entries(fields)) form.append(key, value)
        form.append("pic", new Blob([new Uint8Array([0xff, 0xd8, 0xff, 9])]), "story.jpg")
        const response = await t.request(`/bot${DEFAULT_BOT_TOKEN}/postStory`, { method: "POST", body: form })
        return (await response.json()) as Envelope
      }
      const posted = await post("olga")
      expect(posted).toMatchObject({ ok: true, result: { chat: { id: OLGA, type: "private" }, id: 1 } })
      expect(Object.keys(posted.result)).toEqual(["chat", "id"])
      expect(await post("olga", { active_period: "100" })).toMatchObject({
        ok: false,
        description: "Bad Request: STORY_PERIOD_INVALID"
      })
      const reposted = await wire.result("repostStory", {
        business_connection_id: "carol",
        from_chat_id: OLGA,
        story_id: 1,
        active_period: 86400
      })
      expect(reposted).toMatchObject({ chat: { id: CAROL }, id: 1 })
      await wire.refusal(
        "repostStory",
        { business_connection_id: "carol", from_chat_id: OLGA, story_id: 7, active_period: 86400 },
        400,
        "Bad Request: STORY_ID_INVALID"
      )
      await wire.refusal(
        "repostStory",
        { business_connection_id: "carol" },
        400,
        `Bad Request: parameter "from_chat_id" is required`
      )
      await wire.refusal(
        "editStory",
        { business_connection_id: "olga", story_id: 1 },
        400,
        "Bad Request: story content isn't specified"
      )
      await wire.refusal(
        "editStory",
        { business_connection_id: "olga", story_id: 1, content: { type: "photo", photo: "AgACAgIAAx" } },
        400,
        "Bad Request: story photo must be uploaded as a file"
      )
      await wire.refusal(
        "editStory",
        { business_connection_id: "olga", content: { type: "gif" } },
        400,
        "Bad Request: invalid story content type specified"
      )
      await wire.refusal(
        "deleteStory",
        { business_connection_id: "olga" },
        400,
        "Bad Request: invalid story identifier specified"
      )
      expect(await wire.result("deleteStory", { business_connection_id: "olga", story_id: 1 })).toBe(true)
      await wire.refusal(
        "repostStory",
        { business_connection_id: "carol", from_chat_id: OLGA, story_id: 1, active_period: 86400 },
        400,
        "Bad Request: STORY_ID_INVALID"
      )
      await wire.refusal(
        "deleteStory",
        { business_connection_id: "nope", story_id: 1 },
        400,
        "Bad Request: business connection not found"
      )
    })
  })
}
