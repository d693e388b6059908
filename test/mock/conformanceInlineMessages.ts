/**
 * Inline mode on every transport, what follows an answer (telegram-wire-chats.md §18.1, §20; telegram-wire-messages.md
 * §M7; Client.cpp JsonChosenInlineResult, the inline form of the edit and game score methods): a person's pick is sent
 * from them `via_bot` and told to the bot as `chosen_inline_result` when its inline feedback is on; the bot edits it by
 * its inline_message_id (text, caption, keyboard, media, live location, a game's score) and is refused as the real
 * server refuses. Every text is the real one.
 */
import { DEFAULT_BOT_ID, DEFAULT_OWNER_ID, defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { ALICE, ARTICLE, inlineHelpers, KEYBOARD, NOT_MODIFIED, PLAIN, SUPERGROUP } from "./inlineFixtures.js"
import { wireClient } from "./wireClient.js"

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

export const inlineMessageConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, inline messages (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    const { control, refusal, result } = wire
    const { answered, inlineMessage, ok, pick, updates } = inlineHelpers(wire)
    beforeEach(async () => {
      t = setup()
      t.mock.replaceWorld(defaultWorld)
      await control("PUT", `bots/${DEFAULT_BOT_ID}/settings`, { supports_inline_queries: true, inline_feedback: true })
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

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

    it("a game sent inline gets its scores by inline_message_id; the inline form answers true", async () => {
      const world = structuredClone(defaultWorld) as any
      world.games = [{ bot_id: DEFAULT_BOT_ID, short_name: "tetris", title: "Tetris", description: "Falling blocks" }]
      t.mock.replaceWorld(world)
      await control("PUT", `bots/${DEFAULT_BOT_ID}/settings`, { supports_inline_queries: true })
      const sent = await pick(await answered([{ type: "game", id: "g1", game_short_name: "tetris" }]), "g1")
      expect(sent.message).toMatchObject({ game: { title: "Tetris" }, via_bot: { id: DEFAULT_BOT_ID } })
      const score = { inline_message_id: sent.inline_message_id, user_id: ALICE, score: 10 }
      await refusal(
        "setGameScore",
        { user_id: ALICE, score: 1 },
        400,
        "Bad Request: message identifier is not specified"
      )
      await refusal(
        "setGameScore",
        { ...score, inline_message_id: "abc" },
        400,
        "Bad Request: invalid inline message identifier specified"
      )
      await refusal("setGameScore", { ...score, user_id: "x" }, 400, "Bad Request: invalid user_id specified")
      expect(await result("setGameScore", score)).toBe(true)
      await refusal("setGameScore", score, 400, "Bad Request: BOT_SCORE_NOT_MODIFIED")
      expect(await result("setGameScore", { ...score, score: 5, force: true })).toBe(true)
      expect((await inlineMessage(sent.inline_message_id)).edit_date).toBeTypeOf("number")
      const table = await result("getGameHighScores", { inline_message_id: sent.inline_message_id, user_id: ALICE })
      expect(table).toEqual([{ position: 1, user: expect.objectContaining({ id: ALICE }), score: 5 }])
      await refusal(
        "getGameHighScores",
        { inline_message_id: "abc", user_id: ALICE },
        400,
        "Bad Request: invalid inline message identifier specified"
      )
    })

    it("an invoice sent inline gets a Pay button and is paid in the chat it landed in", async () => {
      const invoice = {
        title: "Tea",
        description: "A cup of tea",
        payload: "tea-1",
        currency: "XTR",
        prices: [{ label: "Tea", amount: 5 }]
      }
      const item = (content: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
        type: "article",
        id: "i1",
        title: "Buy tea",
        input_message_content: content,
        ...extra
      })
      const id = (await ok("POST", `users/${ALICE}/inline_query`, { query: "buy" })).inline_query_id
      const refused = (results: unknown, description: string) =>
        refusal("answerInlineQuery", { inline_query_id: id, results: [results] }, 400, `Bad Request: ${description}`)
      const parsing = "can't parse inline query result"
      const { description: _, ...undescribed } = invoice
      await refused(item(undescribed), `${parsing}: Can't find field "description"`)
      await refused(item({ ...invoice, prices: {} }), `${parsing}: Field "prices" must be of type Array`)
      await refused(item({ ...invoice, prices: [] }), `${parsing}: There must be at least one price`)
      await refused(
        item({ ...invoice, prices: [{ label: "", amount: 5 }] }),
        `${parsing}: Can't parse labeled price: LabeledPrice label must be non-empty`
      )
      await refused(item({ ...invoice, prices: [{ label: "Tea", amount: 0 }] }), "total price must be positive")
      const { api } = wire
      expect(
        (await api("answerInlineQuery", { inline_query_id: id, results: [item(invoice, { reply_markup: KEYBOARD })] }))
          .body
      ).toMatchObject({ ok: false, error_code: 400 })
      expect(await result("answerInlineQuery", { inline_query_id: id, results: [item(invoice)] })).toBe(true)
      const sent = await pick(id, "i1")
      expect(sent.message).toMatchObject({
        from: { id: ALICE },
        invoice: { title: "Tea", description: "A cup of tea", currency: "XTR", total_amount: 5 },
        via_bot: { id: DEFAULT_BOT_ID }
      })
      expect(sent.message.reply_markup.inline_keyboard[0][0].pay).toBe(true)
      await control("PUT", `stars/${ALICE}`, { amount: 10 })
      const paying = await ok("POST", `users/${ALICE}/pay`, { message_id: sent.message.message_id })
      const [[, query]] = await updates(["pre_checkout_query"])
      expect(query).toMatchObject({
        id: paying.checkout_id,
        from: { id: ALICE },
        total_amount: 5,
        invoice_payload: "tea-1"
      })
      expect(await result("answerPreCheckoutQuery", { pre_checkout_query_id: query.id, ok: true })).toBe(true)
      expect(await ok("GET", `checkouts/${query.id}`)).toMatchObject({ status: "paid" })
    })
  })
}
