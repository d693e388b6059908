/**
 * Inline mode on every transport, what follows an answer (telegram-wire-chats.md §18.1, §18.4; telegram-wire-messages.md
 * §M7; Client.cpp JsonChosenInlineResult, the inline form of the edit methods, process_answer_web_app_query_query,
 * process_save_prepared_*, process_answer_guest_query_query): a person's pick is sent from them `via_bot` and told to
 * the bot as `chosen_inline_result` when its inline feedback is on; the bot edits it by its inline_message_id (text,
 * caption, keyboard, media, live location) and is refused as the real server refuses; a Mini App's answer, a prepared
 * message a person sends, a prepared keyboard button, a guest bot's answer. Every text is the real one.
 */
import { DEFAULT_BOT_ID, DEFAULT_OWNER_ID, defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const SUPERGROUP = -1001234567890
const QUERY_ID_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
const NOT_MODIFIED = "Bad Request: message is not modified: specified new message content and reply markup are " +
  "exactly the same as a current content and reply markup of the message"
const KEYBOARD = { inline_keyboard: [[{ text: "More tea", callback_data: "more" }]] }
const ARTICLE = {
  type: "article",
  id: "a1",
  title: "Tea",
  input_message_content: { message_text: "Green tea" },
  reply_markup: KEYBOARD
}
const PLAIN = { type: "article", id: "a2", title: "Plain", input_message_content: { message_text: "Plain tea" } }
const PHOTO = {
  type: "photo",
  id: "p1",
  photo_url: "https://example.com/tea.jpg",
  thumbnail_url: "https://example.com/tea-small.jpg",
  caption: "A cup",
  reply_markup: KEYBOARD
}
const LIVE = {
  type: "location",
  id: "l1",
  title: "The tea shop",
  latitude: 52.5,
  longitude: 13.4,
  live_period: 600,
  reply_markup: KEYBOARD
}
const GUEST_BOT = 777_001
const GUEST_TOKEN = "777001:GuestBotSecretABCDEFGHIJKLMNOP"

export const inlineMessageConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, inline messages, Mini Apps, prepared messages, guests (${name})`, () => {
    let t: Transport
    const { control, refusal, result } = wireClient(() => t)
    const guest = wireClient(() => t, GUEST_TOKEN)
    beforeEach(async () => {
      t = setup()
      t.mock.replaceWorld(defaultWorld)
      await control("PUT", `bots/${DEFAULT_BOT_ID}/settings`, { supports_inline_queries: true, inline_feedback: true })
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    /** The updates of the given types the bot has, each as `[type, object]`; all it has are confirmed. */
    const updates = async (types: Array<string>, bot = { result }) => {
      const allowed = ["message", "edited_message", "inline_query", "chosen_inline_result", "guest_message"]
      const all = (await bot.result("getUpdates", { allowed_updates: allowed })) as Array<any>
      if (all.length > 0) await bot.result("getUpdates", { offset: all[all.length - 1].update_id + 1, timeout: 0 })
      return all.map((update) => {
        const type = Object.keys(update).find((key) => key !== "update_id")!
        return [type, update[type]] as const
      }).filter(([type]) => types.includes(type))
    }
    const ok = async (method: string, path: string, body?: unknown) => {
      const answer = await control(method, path, body)
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      return answer.body.result
    }
    /** A person's query answered by the bot with `results`: the query's id. */
    const answered = async (results: Array<unknown>, body: Record<string, unknown> = {}, userId = ALICE) => {
      const { inline_query_id: id } = await ok("POST", `users/${userId}/inline_query`, { query: "tea", ...body })
      await result("answerInlineQuery", { inline_query_id: id, results, cache_time: 0 })
      return id as string
    }
    const pick = (id: string, resultId: string, userId = ALICE) =>
      ok("POST", `users/${userId}/choose_inline_result`, { inline_query_id: id, result_id: resultId })
    const inlineMessage = async (id: string) => (await ok("GET", `inline_messages/${id}`)).message

    it("a pick is sent from the person via the bot; chosen_inline_result with feedback on, in the real keys", async () => {
      const location = { latitude: 52.5, longitude: 13.4 }
      const id = await answered([ARTICLE, PLAIN], { location })
      await updates(["inline_query"])
      const sent = await pick(id, "a1")
      expect(sent.message).toMatchObject({
        from: { id: ALICE },
        chat: { id: ALICE, type: "private" },
        text: "Green tea",
        reply_markup: KEYBOARD,
        via_bot: { id: DEFAULT_BOT_ID, is_bot: true, username: "seed_invite_bot" }
      })
      expect(Object.keys(sent.message).slice(-2)).toEqual(["reply_markup", "via_bot"])
      expect(sent.inline_message_id).toMatch(/^[A-Za-z0-9_-]+$/)
      const [[type, message], [chosenType, chosen]] = await updates(["message", "chosen_inline_result"])
      expect([type, chosenType]).toEqual(["message", "chosen_inline_result"])
      expect(message).toEqual(sent.message)
      expect(Object.keys(chosen)).toEqual(["from", "location", "inline_message_id", "query", "result_id"])
      expect(chosen).toMatchObject({ from: { id: ALICE }, inline_message_id: sent.inline_message_id, result_id: "a1" })
      expect(chosen.location).toEqual(location)
      expect(await ok("GET", `inline_queries/${id}`)).toMatchObject({ chosen_result_id: "a1" })
      const [shown] = (await ok("GET", `chats/${ALICE}/messages?bot_id=${DEFAULT_BOT_ID}`)).slice(-1)
      expect(shown).toEqual(sent.message)

      // Without a keyboard the message has no inline_message_id (and chosen_inline_result none either).
      const plain = await pick(await answered([PLAIN]), "a2")
      expect(plain.inline_message_id).toBeUndefined()
      const [, [, chosenPlain]] = await updates(["message", "chosen_inline_result"])
      expect(Object.keys(chosenPlain)).toEqual(["from", "query", "result_id"])
      // Inline feedback off: the message still goes, the bot is not told of the pick.
      await control("PUT", `bots/${DEFAULT_BOT_ID}/settings`, { inline_feedback: false })
      await pick(await answered([ARTICLE]), "a1")
      expect((await updates(["message", "chosen_inline_result"])).map(([kind]) => kind)).toEqual(["message"])
    })

    it("a pick in a group goes to the group; the control API refuses a pick that can't be", async () => {
      const id = await answered([ARTICLE], { chat_id: SUPERGROUP }, DEFAULT_OWNER_ID)
      const sent = await pick(id, "a1", DEFAULT_OWNER_ID)
      expect(sent.message).toMatchObject({
        from: { id: DEFAULT_OWNER_ID },
        chat: { id: SUPERGROUP, type: "supergroup" },
        via_bot: { id: DEFAULT_BOT_ID }
      })
      expect((await inlineMessage(sent.inline_message_id)).via_bot.id).toBe(DEFAULT_BOT_ID)
      const [shown] = (await ok("GET", `chats/${SUPERGROUP}/messages`)).slice(-1)
      expect(shown).toMatchObject({ message_id: sent.message.message_id, via_bot: { id: DEFAULT_BOT_ID } })
      // Typed in a chat the world does not have: nothing lands anywhere the world can show.
      const elsewhere = await answered([ARTICLE], { chat_type: "private" })
      expect((await pick(elsewhere, "a1")).message).toBeNull()
      const open = (await ok("POST", `users/${ALICE}/inline_query`, { query: "unanswered" })).inline_query_id
      for (
        const [userId, body] of [
          [ALICE, { inline_query_id: open, result_id: "a1" }],
          [ALICE, { inline_query_id: id, result_id: "a1" }],
          [DEFAULT_OWNER_ID, { inline_query_id: id, result_id: "zz" }],
          [ALICE, { inline_query_id: "", result_id: "a1" }]
        ] as const
      ) {
        expect((await control("POST", `users/${userId}/choose_inline_result`, body)).status).toBe(400)
      }
    })

    it("edits by inline_message_id: text, keyboard, caption, media; refusals in TDLib's order", async () => {
      const text = (await pick(await answered([ARTICLE]), "a1")).inline_message_id
      const edit = { inline_message_id: text }
      await refusal("editMessageText", { text: "x" }, 400, "Bad Request: message identifier is not specified")
      await refusal(
        "editMessageText",
        { text: "x", inline_message_id: "abc" },
        400,
        "Bad Request: invalid inline message identifier specified"
      )
      // The keyboard is checked before the id, the id before the text.
      const replyKeyboard = { keyboard: [["Yes"]] }
      await refusal(
        "editMessageText",
        { text: "x", inline_message_id: "abc", reply_markup: replyKeyboard },
        400,
        "Bad Request: inline keyboard expected"
      )
      await refusal(
        "editMessageText",
        { text: "   ", inline_message_id: "abc" },
        400,
        "Bad Request: invalid inline message identifier specified"
      )
      await refusal("editMessageText", { ...edit, text: "   " }, 400, "Bad Request: text must be non-empty")
      await refusal("editMessageText", { ...edit, text: "Green tea", reply_markup: KEYBOARD }, 400, NOT_MODIFIED)
      await refusal(
        "editMessageCaption",
        { ...edit, caption: "x" },
        400,
        "Bad Request: there is no caption in the message to edit"
      )
      await refusal(
        "editMessageLiveLocation",
        { ...edit, latitude: 1, longitude: 2 },
        400,
        "Bad Request: there is no live location in the message to edit"
      )
      expect(await result("editMessageText", { ...edit, text: "Black tea", reply_markup: KEYBOARD })).toBe(true)
      expect(await inlineMessage(text)).toMatchObject({
        text: "Black tea",
        reply_markup: KEYBOARD,
        edit_date: expect.any(Number)
      })
      const keyboard = { inline_keyboard: [[{ text: "Sold out", url: "https://example.com/" }]] }
      expect(await result("editMessageReplyMarkup", { ...edit, reply_markup: keyboard })).toBe(true)
      expect((await inlineMessage(text)).reply_markup).toEqual(keyboard)
      await refusal("editMessageReplyMarkup", { ...edit, reply_markup: keyboard }, 400, NOT_MODIFIED)
      // The bot's own edits never come back as updates; the person's chat shows them.
      expect((await updates(["message", "edited_message"])).map(([kind]) => kind)).toEqual(["message"])

      const photo = (await pick(await answered([PHOTO]), "p1")).inline_message_id
      expect(await inlineMessage(photo)).toMatchObject({ caption: "A cup", photo: expect.any(Array) })
      expect(
        await result("editMessageCaption", { inline_message_id: photo, caption: "A *big* cup", parse_mode: "Markdown" })
      )
        .toBe(true)
      expect(await inlineMessage(photo)).toMatchObject({
        caption: "A big cup",
        caption_entities: [{ type: "bold", offset: 2, length: 3 }]
      })
      expect((await inlineMessage(photo)).reply_markup).toBeUndefined()
      const media = { type: "photo", media: "https://example.com/pot.jpg", caption: "A pot" }
      await refusal("editMessageMedia", { inline_message_id: photo }, 400, `Bad Request: parameter "media" is required`)
      expect(await result("editMessageMedia", { inline_message_id: photo, media })).toBe(true)
      expect(await inlineMessage(photo)).toMatchObject({ caption: "A pot" })
    })

    it("a live location sent inline moves and stops on the mock's clock by its inline_message_id", async () => {
      const id = (await pick(await answered([LIVE]), "l1")).inline_message_id
      const edit = { inline_message_id: id }
      expect(await inlineMessage(id)).toMatchObject({ location: { latitude: 52.5, longitude: 13.4, live_period: 600 } })
      await refusal(
        "editMessageLiveLocation",
        { ...edit, latitude: 91, longitude: 13 },
        400,
        "Bad Request: invalid location specified"
      )
      await refusal("editMessageLiveLocation", { ...edit, longitude: 13 }, 400, "Bad Request: latitude is empty")
      expect(
        await result("editMessageLiveLocation", { ...edit, latitude: 52.51, longitude: 13.41, reply_markup: KEYBOARD })
      )
        .toBe(true)
      expect((await inlineMessage(id)).location).toMatchObject({ latitude: 52.51, longitude: 13.41 })
      expect(await result("stopMessageLiveLocation", edit)).toBe(true)
      await refusal("stopMessageLiveLocation", edit, 400, "Bad Request: message can't be edited")
      const later = (await pick(await answered([{ ...LIVE, id: "l2" }]), "l2")).inline_message_id
      t.clock.advance(601_000)
      await refusal(
        "editMessageLiveLocation",
        { inline_message_id: later, latitude: 1, longitude: 2 },
        400,
        "Bad Request: message can't be edited"
      )
    })

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
