/**
 * A business account's profile and Stars on every transport (telegram-wire-chats.md §21 Business): its name,
 * username, bio, photos, gift settings and Stars as the bot changes them with the rights the account gave, and the
 * refusals with the real texts.
 */
import { DEFAULT_BOT_TOKEN, defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import { businessWorld, OLGA } from "./businessFixtures.js"
import type { Transport } from "./conformance.js"
import { type Envelope, wireClient } from "./wireClient.js"

export const businessProfileConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, business profiles and Stars (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    beforeEach(() => {
      t = setup()
      businessWorld(t.mock)
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    it("changes the account's name, username and bio; getBusinessConnection and the world show them", async () => {
      const id = { business_connection_id: "olga-shop" }
      await wire.refusal("setBusinessAccountName", id, 400, `Bad Request: parameter "first_name" is required`)
      await wire.refusal(
        "setBusinessAccountName",
        { first_name: "O" },
        400,
        "Bad Request: business connection not found"
      )
      expect(await wire.result("setBusinessAccountName", { ...id, first_name: "  Olga  ", last_name: "Shop" })).toBe(
        true
      )
      expect(await wire.result("setBusinessAccountUsername", { ...id, username: "olga_shop" })).toBe(true)
      const user = (await wire.result("getBusinessConnection", id)).user
      expect(user).toEqual({ id: OLGA, is_bot: false, first_name: "Olga", last_name: "Shop", username: "olga_shop" })
      await wire.refusal(
        "setBusinessAccountUsername",
        { ...id, username: "ab" },
        400,
        "Bad Request: username is invalid"
      )
      await wire.refusal(
        "setBusinessAccountUsername",
        { ...id, username: "olga_shop" },
        400,
        "Bad Request: USERNAME_NOT_MODIFIED"
      )
      await wire.refusal(
        "setBusinessAccountUsername",
        { ...id, username: "carol" },
        400,
        "Bad Request: USERNAME_OCCUPIED"
      )
      await wire.refusal(
        "setBusinessAccountName",
        { business_connection_id: "carol-shop", first_name: "C" },
        400,
        "Bad Request: BOT_ACCESS_FORBIDDEN"
      )
      expect(await wire.result("setBusinessAccountBio", { ...id, bio: "Handmade" })).toBe(true)
      await wire.refusal("setBusinessAccountBio", { ...id, bio: "x".repeat(141) }, 400, "Bad Request: ABOUT_TOO_LONG")
      expect(t.mock.snapshot().business_connections![0]).toMatchObject({ id: "olga-shop", bio: "Handmade" })
    })

    it("moves the account's Stars to the bot", async () => {
      const id = { business_connection_id: "olga-shop" }
      expect(await wire.result("getBusinessAccountStarBalance", id)).toEqual({ amount: 500 })
      await wire.refusal(
        "transferBusinessAccountStars",
        id,
        400,
        "Bad Request: invalid amount of Telegram Stars to transfer specified"
      )
      await wire.refusal(
        "transferBusinessAccountStars",
        { ...id, star_count: 501 },
        400,
        "Bad Request: BALANCE_TOO_LOW"
      )
      expect(await wire.result("transferBusinessAccountStars", { ...id, star_count: 200 })).toBe(true)
      expect(await wire.result("getBusinessAccountStarBalance", id)).toEqual({ amount: 300 })
      expect(t.mock.snapshot().star_balances).toEqual([{ owner_id: OLGA, amount: 300 }, {
        owner_id: 123456,
        amount: 200
      }])
      await wire.refusal(
        "getBusinessAccountStarBalance",
        { business_connection_id: "carol-shop" },
        400,
        "Bad Request: BOT_ACCESS_FORBIDDEN"
      )
    })

    it("sets the account's profile photo (uploaded only) and its gift settings", async () => {
      const id = { business_connection_id: "olga-shop" }
      await wire.refusal("setBusinessAccountProfilePhoto", id, 400, "Bad Request: photo isn't specified")
      await wire.refusal(
        "setBusinessAccountProfilePhoto",
        { ...id, photo: "{" },
        400,
        "Bad Request: can't parse photo JSON object"
      )
      await wire.refusal(
        "setBusinessAccountProfilePhoto",
        { ...id, photo: { type: "gif" } },
        400,
        "Bad Request: invalid profile photo type specified"
      )
      await wire.refusal(
        "setBusinessAccountProfilePhoto",
        { ...id, photo: { type: "static", photo: "AgACAgIAAx" } },
        400,
        "Bad Request: photo must be uploaded as a file"
      )
      const form = new FormData()
      form.append("business_connection_id", "olga-shop")
      form.append("photo", JSON.stringify({ type: "static", photo: "attach://pic" }))
      form.append("pic", new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])]), "me.jpg")
      const response = await t.request(`/bot${DEFAULT_BOT_TOKEN}/setBusinessAccountProfilePhoto`, {
        method: "POST",
        body: form
      })
      expect((await response.json()) as Envelope).toMatchObject({ ok: true, result: true })
      expect(await wire.result("removeBusinessAccountProfilePhoto", { ...id, is_public: true })).toBe(true)
      await wire.refusal("setBusinessAccountGiftSettings", id, 400, "Bad Request: accepted gift types aren't specified")
      await wire.refusal(
        "setBusinessAccountGiftSettings",
        { ...id, accepted_gift_types: { unlimited_gifts: true } },
        400,
        `Bad Request: can't find field "limited_gifts"`
      )
      const types = { unlimited_gifts: true, limited_gifts: false, unique_gifts: true, premium_subscription: false }
      expect(
        await wire.result("setBusinessAccountGiftSettings", {
          ...id,
          show_gift_button: true,
          accepted_gift_types: types
        })
      ).toBe(true)
    })
  })
}
