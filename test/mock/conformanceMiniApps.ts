/**
 * Inline mode's single-result relatives on every transport (telegram-wire-chats.md §18.4; Client.cpp
 * process_answer_web_app_query_query, process_save_prepared_inline_message_query,
 * process_save_prepared_keyboard_button_query, process_answer_guest_query_query): a Mini App's answer sent from the
 * person via the bot, a prepared message a person sends, a prepared keyboard button, a guest bot's answer posted with
 * its caller. Every text is the real one.
 */
import { DEFAULT_BOT_ID, DEFAULT_OWNER_ID, defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { ALICE, ARTICLE, inlineHelpers, PLAIN, QUERY_ID_INVALID, SUPERGROUP } from "./inlineFixtures.js"
import { wireClient } from "./wireClient.js"

const GUEST_BOT = 777_001
const GUEST_TOKEN = "777001:GuestBotSecretABCDEFGHIJKLMNOP"

export const miniAppConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, Mini Apps, prepared messages, guests (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    const { control, refusal, result } = wire
    const guest = wireClient(() => t, GUEST_TOKEN)
    const { inlineMessage, ok, updates } = inlineHelpers(wire)
    beforeEach(async () => {
      t = setup()
      t.mock.replaceWorld(defaultWorld)
      await control("PUT", `bots/${DEFAULT_BOT_ID}/settings`, { supports_inline_queries: true, inline_feedback: true })
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    it("answerWebAppQuery answers a Mini App once: the message via the bot where it was opened", async () => {
      const { web_app_query_id: id } = await ok("POST", `users/${ALICE}/web_app`, {})
      const query = { web_app_query_id: id }
      await refusal("answerWebAppQuery", query, 400, "Bad Request: result isn't specified")
      await refusal(
        "answerWebAppQuery",
        { ...query, result: "{" },
        400,
        "Bad Request: can't parse JSON encoded web view query results Unexpected string end"
      )
      await refusal(
        "answerWebAppQuery",
        { ...query, result: [] },
        400,
        "Bad Request: inline query result must be an object"
      )
      const { title: _, ...untitled } = ARTICLE
      await refusal("answerWebAppQuery", { ...query, result: untitled }, 400, `Bad Request: can't find field "title"`)
      await refusal("answerWebAppQuery", { web_app_query_id: "AAAA", result: ARTICLE }, 400, QUERY_ID_INVALID)
      const sent = await result("answerWebAppQuery", { ...query, result: ARTICLE })
      expect(Object.keys(sent)).toEqual(["inline_message_id"])
      await refusal("answerWebAppQuery", { ...query, result: ARTICLE }, 400, QUERY_ID_INVALID)
      const state = await ok("GET", `web_app_queries/${id}`)
      expect(state).toMatchObject({ answered: true, result_id: "a1", inline_message_id: sent.inline_message_id })
      const [[, message]] = await updates(["message"])
      expect(message).toMatchObject({
        message_id: state.message_id,
        from: { id: ALICE },
        via_bot: { id: DEFAULT_BOT_ID }
      })
      // Without a keyboard: no inline_message_id, the key left out.
      const plain = (await ok("POST", `users/${ALICE}/web_app`, {})).web_app_query_id
      expect(await result("answerWebAppQuery", { web_app_query_id: plain, result: PLAIN })).toEqual({})
    })

    it("savePreparedInlineMessage and savePreparedKeyboardButton keep what a person's Mini App may use", async () => {
      const prepare = { user_id: ALICE, result: ARTICLE, allow_bot_chats: true }
      await refusal(
        "savePreparedInlineMessage",
        { ...prepare, user_id: "x" },
        400,
        "Bad Request: invalid user_id specified"
      )
      await refusal("savePreparedInlineMessage", { user_id: ALICE }, 400, "Bad Request: result isn't specified")
      await refusal(
        "savePreparedInlineMessage",
        { ...prepare, result: 1 },
        400,
        "Bad Request: inline query result must be an object"
      )
      await refusal(
        "savePreparedInlineMessage",
        { ...prepare, allow_bot_chats: false },
        400,
        "Bad Request: at least one chat type must be allowed"
      )
      // TDLib checks the result before the chat types.
      await refusal(
        "savePreparedInlineMessage",
        { user_id: ALICE, result: { ...ARTICLE, reply_markup: { keyboard: [["Yes"]] } } },
        400,
        "Bad Request: inline keyboard expected"
      )
      const prepared = await result("savePreparedInlineMessage", prepare)
      expect(Object.keys(prepared)).toEqual(["id", "expiration_date"])
      expect(prepared.expiration_date).toBeGreaterThan(Math.floor(t.clock.now() / 1000))
      const [kept] = await ok("GET", `users/${ALICE}/prepared_messages`)
      expect(kept).toMatchObject({ id: prepared.id, bot_id: DEFAULT_BOT_ID, allow_bot_chats: true, result: ARTICLE })
      expect((await control("POST", `users/${ALICE}/send_prepared`, { id: prepared.id, chat_id: SUPERGROUP })).status)
        .toBe(400)
      const sent = await ok("POST", `users/${ALICE}/send_prepared`, { id: prepared.id })
      expect(sent.message).toMatchObject({ chat: { id: ALICE }, text: "Green tea", via_bot: { id: DEFAULT_BOT_ID } })

      const button = { user_id: ALICE, button: { text: "Pick a friend", request_users: { request_id: 1 } } }
      await refusal(
        "savePreparedKeyboardButton",
        { ...button, user_id: 0 },
        400,
        "Bad Request: invalid user_id specified"
      )
      await refusal(
        "savePreparedKeyboardButton",
        { ...button, button: "{" },
        400,
        "Bad Request: can't parse keyboard button JSON object"
      )
      await refusal(
        "savePreparedKeyboardButton",
        { ...button, button: [] },
        400,
        "Bad Request: can't parse keyboard button: KeyboardButton must be a String or an Object"
      )
      await refusal(
        "savePreparedKeyboardButton",
        { ...button, button: {} },
        400,
        `Bad Request: can't parse keyboard button: Can't find field "text"`
      )
      const saved = await result("savePreparedKeyboardButton", button)
      expect(Object.keys(saved)).toEqual(["id"])
      expect(await ok("GET", `users/${ALICE}/prepared_buttons`)).toEqual([
        { id: saved.id, bot_id: DEFAULT_BOT_ID, user_id: ALICE, button: button.button }
      ])
    })

    it("answerGuestQuery: a guest bot mentioned in a group answers once; the answer is its own, with the caller", async () => {
      const world = structuredClone(defaultWorld) as any
      world.users.push({ id: GUEST_BOT, is_bot: true, first_name: "Guest", username: "guest_test_bot" })
      world.bots.push({ token: GUEST_TOKEN, user_id: GUEST_BOT, supports_guest_queries: true })
      t.mock.replaceWorld(world)
      expect((await guest.result("getMe")).supports_guest_queries).toBe(true)
      const mention = await ok("POST", `users/${DEFAULT_OWNER_ID}/guest_message`, {
        text: "@guest_test_bot the weather?",
        chat_id: SUPERGROUP
      })
      const [[type, message]] = await updates(["guest_message"], guest)
      expect(type).toBe("guest_message")
      const [id] = mention.guest_query_ids
      expect(message).toMatchObject({
        message_id: mention.message.message_id,
        guest_query_id: id,
        text: "@guest_test_bot the weather?"
      })
      const answer = { guest_query_id: id, result: PLAIN }
      await guest.refusal("answerGuestQuery", { guest_query_id: id }, 400, "Bad Request: result isn't specified")
      await guest.refusal("answerGuestQuery", { ...answer, guest_query_id: "x" }, 400, QUERY_ID_INVALID)
      await refusal("answerGuestQuery", answer, 400, QUERY_ID_INVALID)
      const sent = await guest.result("answerGuestQuery", answer)
      expect(Object.keys(sent)).toEqual(["inline_message_id"])
      await guest.refusal("answerGuestQuery", answer, 400, QUERY_ID_INVALID)
      const posted = await inlineMessage(sent.inline_message_id)
      expect(posted).toMatchObject({
        from: { id: GUEST_BOT },
        chat: { id: SUPERGROUP },
        text: "Plain tea",
        guest_bot_caller_user: { id: DEFAULT_OWNER_ID }
      })
      expect(posted).not.toHaveProperty("via_bot")
      expect(await ok("GET", `guest_queries/${id}`)).toMatchObject({
        answered: true,
        answer_message_id: posted.message_id,
        inline_message_id: sent.inline_message_id
      })
      expect(await guest.result("editMessageText", { inline_message_id: sent.inline_message_id, text: "Sunny" })).toBe(
        true
      )
      expect((await inlineMessage(sent.inline_message_id)).text).toBe("Sunny")
    })
  })
}
