/**
 * The long tail on every transport (telegram-wire-chats.md §20–21): games with their Play button and score table,
 * verification by verifier bots, passport data errors, managed bots (tokens, access settings, the `managed_bot`
 * update), suggested posts (parameters on sends, approve and decline), and the undocumented custom methods; each
 * method's refusals with the real texts, and what a set method stores seen by its getter.
 */
import { defaultWorld, type MockTelegram } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const BOB = 43
const SUPERGROUP = -1001234567890
const HELPER = 5_000_001
const HELPER_TOKEN = "5000001:HelperBotSecretABCDEFGHIJKLMNO"
const OTHER_BOT_TOKEN = "777000:OtherBotSecretABCDEFGHIJKLMNOP"
const HASH = Buffer.alloc(32, 7).toString("base64")

/** A world with a game, a managed bot, and the bot as a verifier (a second bot is none of these). */
const tailWorld = (mock: MockTelegram) => {
  const world = structuredClone(defaultWorld) as any
  world.users.push(
    { id: 777000, is_bot: true, first_name: "Other Bot", username: "other_test_bot" },
    { id: HELPER, is_bot: true, first_name: "Helper", username: "helper_of_seed_bot" }
  )
  world.bots.push({ token: OTHER_BOT_TOKEN, user_id: 777000 })
  world.games = [{ bot_id: 123456, short_name: "tetris", title: "Tetris", description: "Falling blocks" }]
  world.managed_bots = [{ bot_id: HELPER, manager_bot_id: 123456, token: HELPER_TOKEN }]
  world.verifier_bot_ids = [123456]
  mock.replaceWorld(world)
}

export const longTailConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, games, verification, passport, managed bots, the rest (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    const other = wireClient(() => t, OTHER_BOT_TOKEN)
    beforeEach(() => {
      t = setup()
      tailWorld(t.mock)
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    it("sends a game with its Play button; scores go up (or down with force) and the table shows them", async () => {
      const sent = await wire.result("sendGame", { chat_id: ALICE, game_short_name: "tetris" })
      expect(sent.game).toEqual({ title: "Tetris", description: "Falling blocks", photo: [] })
      expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: "Play Tetris", callback_game: {} }]] })
      const at = { chat_id: ALICE, message_id: sent.message_id }
      const scored = await wire.result("setGameScore", { ...at, user_id: ALICE, score: 50 })
      expect(scored).toMatchObject({ message_id: sent.message_id, game: { title: "Tetris" } })
      expect(scored.edit_date).toBeGreaterThan(0)
      await wire.refusal(
        "setGameScore",
        { ...at, user_id: ALICE, score: 40 },
        400,
        "Bad Request: BOT_SCORE_NOT_MODIFIED"
      )
      await wire.result("setGameScore", { ...at, user_id: BOB, score: 70, disable_edit_message: true })
      expect(await wire.result("setGameScore", { ...at, user_id: ALICE, score: 10, force: true })).toHaveProperty(
        "game"
      )
      const table = await wire.result("getGameHighScores", { ...at, user_id: ALICE })
      expect(table).toEqual([
        { position: 1, user: { id: BOB, is_bot: false, first_name: "Bob", username: "bob" }, score: 70 },
        { position: 2, user: { id: ALICE, is_bot: false, first_name: "Alice" }, score: 10 }
      ])
    })

    it("refuses game calls as the real server does", async () => {
      await wire.refusal("sendGame", { chat_id: ALICE }, 400, `Bad Request: parameter "game_short_name" is required`)
      await wire.refusal(
        "sendGame",
        { chat_id: ALICE, game_short_name: "chess" },
        400,
        "Bad Request: wrong game short name specified"
      )
      await wire.refusal(
        "sendGame",
        { chat_id: ALICE, game_short_name: "no way" },
        400,
        "Bad Request: GAME_SHORTNAME_INVALID"
      )
      await other.refusal(
        "sendGame",
        { chat_id: ALICE, game_short_name: "tetris" },
        400,
        "Bad Request: wrong game short name specified"
      )
      const text = await wire.result("sendMessage", { chat_id: ALICE, text: "not a game" })
      await wire.refusal(
        "setGameScore",
        { user_id: ALICE, score: 1 },
        400,
        "Bad Request: message identifier is not specified"
      )
      await wire.refusal(
        "setGameScore",
        { chat_id: ALICE, user_id: ALICE, score: 1 },
        400,
        "Bad Request: message to set game score not found"
      )
      await wire.refusal(
        "setGameScore",
        { chat_id: ALICE, message_id: text.message_id, user_id: ALICE, score: 1 },
        400,
        "Bad Request: game score can't be set"
      )
      await wire.refusal(
        "getGameHighScores",
        { chat_id: ALICE, message_id: 999, user_id: ALICE },
        400,
        "Bad Request: message to get game high scores not found"
      )
      await wire.refusal(
        "getGameHighScores",
        { chat_id: ALICE, message_id: 1 },
        400,
        "Bad Request: invalid user_id specified"
      )
    })

    it("verifies users and chats as a verifier bot; another bot is BOT_VERIFIER_FORBIDDEN", async () => {
      expect(await wire.result("verifyUser", { user_id: ALICE, custom_description: "Verified by us" })).toBe(true)
      expect(await wire.result("verifyChat", { chat_id: SUPERGROUP })).toBe(true)
      expect(t.mock.snapshot().verifications).toEqual([
        { bot_id: 123456, target_id: ALICE, custom_description: "Verified by us" },
        { bot_id: 123456, target_id: SUPERGROUP }
      ])
      expect(await wire.result("removeUserVerification", { user_id: ALICE })).toBe(true)
      expect(await wire.result("removeChatVerification", { chat_id: SUPERGROUP })).toBe(true)
      expect(t.mock.snapshot().verifications).toBeUndefined()
      await other.refusal("verifyUser", { user_id: ALICE }, 400, "Bad Request: BOT_VERIFIER_FORBIDDEN")
      await wire.refusal("verifyUser", { user_id: 999 }, 400, "Bad Request: user not found")
      await wire.refusal("removeChatVerification", {}, 400, "Bad Request: sender_chat_id is empty")
      await wire.refusal(
        "removeChatVerification",
        { chat_id: "@x" },
        400,
        "Bad Request: sender_chat_id is not a valid Integer"
      )
      await wire.refusal(
        "removeChatVerification",
        { chat_id: -1009999 },
        400,
        "Bad Request: can't access the verified entity"
      )
    })

    it("reads passport data errors as the real server does", async () => {
      const error = { type: "passport", source: "data", field_name: "name", data_hash: HASH, message: "Bad name" }
      expect(await wire.result("setPassportDataErrors", { user_id: ALICE, errors: [error] })).toBe(true)
      const refuse = (errors: unknown, description: string) =>
        wire.refusal("setPassportDataErrors", { user_id: ALICE, errors }, 400, description)
      await refuse("[", "Bad Request: can't parse errors JSON object")
      await refuse({}, "Bad Request: expected an Array of PassportElementError")
      await refuse(
        [{ ...error, type: "visa" }],
        "Bad Request: can't parse PassportElementError: wrong Telegram Passport element type specified"
      )
      await refuse(
        [{ ...error, source: "mind" }],
        "Bad Request: can't parse PassportElementError: wrong source specified"
      )
      await refuse(
        [{ ...error, data_hash: "%%" }],
        "Bad Request: can't parse PassportElementError: hash isn't a valid base64-encoded string"
      )
      await refuse(
        [{ type: "email", source: "unspecified", element_hash: HASH }],
        `Bad Request: can't parse PassportElementError: Can't find field "message"`
      )
      await refuse([{ ...error, data_hash: "78EJbNOmoK3Axtg7yzA9cA==" }], "Bad Request: DATA_HASH_SIZE_INVALID")
      await wire.refusal("setPassportDataErrors", { user_id: 999, errors: [] }, 400, "Bad Request: user not found")
    })

    it("manages a bot: its token (replaced), its access settings seen by the getter; managed_bot on creation", async () => {
      expect(await wire.result("getManagedBotToken", { user_id: HELPER })).toBe(HELPER_TOKEN)
      const replaced = await wire.result("replaceManagedBotToken", { user_id: HELPER })
      expect(replaced).toMatch(/^5000001:[A-Za-z0-9_-]{35}$/)
      expect(replaced).not.toBe(HELPER_TOKEN)
      expect(await wire.result("getManagedBotToken", { user_id: HELPER })).toBe(replaced)
      expect(await wire.result("getManagedBotAccessSettings", { user_id: HELPER })).toEqual({
        is_access_restricted: false
      })
      const settings = { user_id: HELPER, is_access_restricted: true, added_user_ids: [ALICE] }
      expect(await wire.result("setManagedBotAccessSettings", settings)).toBe(true)
      expect(await wire.result("getManagedBotAccessSettings", { user_id: HELPER })).toEqual({
        is_access_restricted: true,
        added_users: [{ id: ALICE, is_bot: false, first_name: "Alice" }]
      })
      await wire.refusal("getManagedBotToken", { user_id: 999 }, 400, "Bad Request: user not found")
      await wire.refusal("getManagedBotToken", { user_id: ALICE }, 400, "Bad Request: user is not a bot")
      await other.refusal("getManagedBotToken", { user_id: HELPER }, 400, "Bad Request: BOT_ACCESS_FORBIDDEN")
      await wire.refusal(
        "setManagedBotAccessSettings",
        { ...settings, added_user_ids: Array(11).fill(ALICE) },
        400,
        "Bad Request: too many user identifiers specified"
      )
      await wire.refusal(
        "setManagedBotAccessSettings",
        { ...settings, added_user_ids: [0] },
        400,
        "Bad Request: invalid user identifier specified"
      )
      const created = await wire.control("POST", "managed_bots", {
        user_id: ALICE,
        bot: { id: 5_000_002, first_name: "Alice's Bot", username: "alices_helper_bot" }
      })
      expect(created.body.result).toEqual({
        id: 5_000_002,
        is_bot: true,
        first_name: "Alice's Bot",
        username: "alices_helper_bot"
      })
      const updates = (await wire.result("getUpdates")) as Array<any>
      expect(updates.find((update) => "managed_bot" in update)?.managed_bot).toEqual({
        user: { id: ALICE, is_bot: false, first_name: "Alice" },
        bot: created.body.result
      })
      expect(await wire.result("getManagedBotToken", { user_id: 5_000_002 })).toMatch(/^5000002:/)
    })

    it("refuses suggested posts: parameters outside channel direct messages, and approvals of messages that are none", async () => {
      const send = (suggested_post_parameters: unknown, description: string) =>
        wire.refusal("sendMessage", { chat_id: SUPERGROUP, text: "x", suggested_post_parameters }, 400, description)
      await send("{", "Bad Request: can't parse suggested post parameters JSON object")
      await send([], "Bad Request: object expected as suggested post parameters")
      await send({ price: 5 }, `Bad Request: field "price" must be of type Object`)
      await send(
        { price: { currency: "USD", amount: 5 } },
        "Bad Request: invalid suggested post price currency specified"
      )
      await send(
        { price: { currency: "TON", amount: 5 } },
        "Bad Request: suggested post price must be divisible by 10000000 nanotoncoins"
      )
      await send({ price: { currency: "XTR", amount: 1 } }, "Bad Request: invalid amount of Telegram Stars specified")
      await send(
        { price: { currency: "XTR", amount: 50 } },
        "Bad Request: suggested posts can be sent only to channel direct messages"
      )
      const message = await wire.result("sendMessage", { chat_id: SUPERGROUP, text: "an ordinary post" })
      const at = { chat_id: SUPERGROUP, message_id: message.message_id }
      await wire.refusal("approveSuggestedPost", at, 400, "Bad Request: message can't be used in the method")
      await wire.refusal(
        "declineSuggestedPost",
        { ...at, message_id: 9999 },
        400,
        "Bad Request: suggested post not found"
      )
      await wire.refusal("approveSuggestedPost", { message_id: 1 }, 400, "Bad Request: chat_id is empty")
    })

    it("answers the custom methods as Telegram would offline", async () => {
      await wire.refusal("sendCustomRequest", {}, 400, `Bad Request: parameter "method" is required`)
      await wire.refusal(
        "sendCustomRequest",
        { method: "getStarsRevenue", parameters: "{}" },
        400,
        "Bad Request: METHOD_INVALID"
      )
      await wire.refusal(
        "answerCustomQuery",
        { custom_query_id: "1", data: "{}" },
        400,
        "Bad Request: query is too old and response timeout expired or query ID is invalid"
      )
    })
  })
}
