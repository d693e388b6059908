/**
 * Inline mode on every transport, the query and its answer (telegram-wire-chats.md §18.1–18.3, Client.cpp
 * JsonInlineQuery, get_inline_query_results, get_inline_query_result, get_inline_query_results_button; TDLib's
 * InlineQueriesManager): a person's query → `inline_query` with the real keys; answerInlineQuery read as the real
 * server reads it (TDLib's JSON parser and its texts, each result type's required fields, TDLib's checks, the button,
 * cache_time and next_offset) and refused after the answer window on the mock's clock. Every text is the real one.
 */
import { DEFAULT_BOT_ID, DEFAULT_OWNER_ID } from "telegram-bot-api-mock"
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { nestedArrays } from "./hostileInput.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const SUPERGROUP = -1001234567890
const QUERY_ID_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
const ARTICLE = { type: "article", id: "a1", title: "Tea", input_message_content: { message_text: "Green tea" } }

export const inlineConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, inline queries and answers (${name})`, () => {
    let t: Transport
    const { api, control, refusal, result } = wireClient(() => t)
    beforeEach(async () => {
      t = setup()
      t.mock.reset()
      await control("PUT", `bots/${DEFAULT_BOT_ID}/settings`, { supports_inline_queries: true })
    })

    /** The inline queries the bot has, confirmed. */
    const inlineUpdates = async () => {
      const all = (await result("getUpdates", { allowed_updates: ["inline_query", "chosen_inline_result"] })) as Array<
        any
      >
      if (all.length > 0) await result("getUpdates", { offset: all[all.length - 1].update_id + 1, timeout: 0 })
      return all.map((update) => update.inline_query ?? update.chosen_inline_result)
    }
    const ask = async (body: Record<string, unknown>, userId = ALICE) => {
      const asked = await control("POST", `users/${userId}/inline_query`, body)
      expect(asked.status, JSON.stringify(asked.body)).toBe(200)
      return asked.body.result.inline_query_id as string
    }
    const view = async (id: string) => (await control("GET", `inline_queries/${id}`)).body.result
    const answer = (results: unknown, extra: Record<string, unknown> = {}, id = "1") => ({
      inline_query_id: id,
      results,
      ...extra
    })

    it("a person's query reaches the bot as inline_query, keys in the real order; getMe tells inline mode", async () => {
      expect((await result("getMe")).supports_inline_queries).toBe(true)
      const id = await ask({ query: "tea", location: { latitude: 52.5, longitude: 13.4, horizontal_accuracy: 20 } })
      const [query] = await inlineUpdates()
      expect(Object.keys(query)).toEqual(["id", "from", "location", "chat_type", "query", "offset"])
      expect(query).toMatchObject({ id, from: { id: ALICE }, chat_type: "sender", query: "tea", offset: "" })
      expect(query.location).toEqual({ latitude: 52.5, longitude: 13.4, horizontal_accuracy: 20 })
      // Typed in a supergroup of the world; and the next page of a query.
      await ask({ query: "tea", chat_id: SUPERGROUP, offset: "10" }, DEFAULT_OWNER_ID)
      const [inGroup] = await inlineUpdates()
      expect(Object.keys(inGroup)).toEqual(["id", "from", "chat_type", "query", "offset"])
      expect(inGroup).toMatchObject({ from: { id: DEFAULT_OWNER_ID }, chat_type: "supergroup", offset: "10" })
      // Inline mode off in BotFather: no query reaches the bot.
      await control("PUT", `bots/${DEFAULT_BOT_ID}/settings`, { supports_inline_queries: false })
      expect((await result("getMe")).supports_inline_queries).toBe(false)
      expect((await control("POST", `users/${ALICE}/inline_query`, { query: "tea" })).status).toBe(400)
      expect(await inlineUpdates()).toEqual([])
    })

    it("the answer: results as sent, cache_time clamped (default 300), is_personal, next_offset, the button", async () => {
      const first = await ask({ query: "tea" })
      expect(await view(first)).toMatchObject({ answered: false })
      expect(await result("answerInlineQuery", answer([ARTICLE], {}, first))).toBe(true)
      expect((await view(first)).answer).toEqual({
        results: [ARTICLE],
        cache_time: 300,
        is_personal: false,
        next_offset: ""
      })
      const paged = await ask({ query: "coffee" })
      // The docs hold next_offset to 64 bytes; Telegram's refusal text is not known: a 400, and nothing answered.
      const { body: tooLong } = await api(
        "answerInlineQuery",
        answer([ARTICLE], { next_offset: "x".repeat(65) }, paged)
      )
      expect(tooLong).toMatchObject({ ok: false, error_code: 400 })
      expect(await view(paged)).toMatchObject({ answered: false })
      await result(
        "answerInlineQuery",
        answer([ARTICLE, { ...ARTICLE, id: "a2" }], {
          cache_time: 100_000,
          is_personal: true,
          next_offset: "2",
          button: { text: "Sign in", start_parameter: "login-1_x" }
        }, paged)
      )
      expect((await view(paged)).answer).toMatchObject({
        cache_time: 86_400,
        is_personal: true,
        next_offset: "2",
        button: { text: "Sign in", start_parameter: "login-1_x" }
      })
      const legacy = await ask({ query: "juice" })
      await result("answerInlineQuery", {
        inline_query_id: legacy,
        cache_time: -5,
        switch_pm_text: "Open the bot",
        switch_pm_parameter: "juice"
      })
      expect((await view(legacy)).answer).toMatchObject({
        results: [],
        cache_time: 0,
        button: { text: "Open the bot", start_parameter: "juice" }
      })
      const webApp = await ask({ query: "milk" })
      await result(
        "answerInlineQuery",
        answer(
          "null",
          { cache_time: "junk", button: { text: "Shop", web_app: { url: "https://example.com/shop" } } },
          webApp
        )
      )
      expect((await view(webApp)).answer).toMatchObject({
        results: [],
        cache_time: 0,
        button: { text: "Shop", web_app: { url: "https://example.com/shop" } }
      })
    })

    it("once, within the answer window on the mock's clock; never another's, a junk or an unknown id", async () => {
      const id = await ask({ query: "tea" })
      await refusal("answerInlineQuery", answer([ARTICLE], {}, "abc"), 400, QUERY_ID_INVALID)
      await refusal("answerInlineQuery", answer([ARTICLE], {}, "5000000000000000999"), 400, QUERY_ID_INVALID)
      expect(await result("answerInlineQuery", answer([ARTICLE], {}, id))).toBe(true)
      await refusal("answerInlineQuery", answer([ARTICLE], {}, id), 400, QUERY_ID_INVALID)
      const late = await ask({ query: "late" })
      t.clock.advance(30_001)
      await refusal("answerInlineQuery", answer([ARTICLE], {}, late), 400, QUERY_ID_INVALID)
      expect(await view(late)).toMatchObject({ answered: false })
      // The unread inline_query expires with it (its queue lifetime is 30 s, counted in whole seconds).
      t.clock.advance(1000)
      expect((await inlineUpdates()).map((query) => query.query)).toEqual([])
      const inTime = await ask({ query: "in time" })
      t.clock.advance(29_000)
      expect(await result("answerInlineQuery", answer([ARTICLE], {}, inTime))).toBe(true)
    })

    it("the same query again within cache_time is answered from the cache: the bot sees nothing", async () => {
      const id = await ask({ query: "tea" })
      await result("answerInlineQuery", answer([ARTICLE], { cache_time: 60 }, id))
      await inlineUpdates()
      const again = await ask({ query: "tea" })
      expect(await view(again)).toMatchObject({ cached: true, answered: true, answer: { results: [ARTICLE] } })
      expect(await inlineUpdates()).toEqual([])
      await refusal("answerInlineQuery", answer([ARTICLE], {}, again), 400, QUERY_ID_INVALID)
      t.clock.advance(60_000)
      const expired = await ask({ query: "tea" })
      expect(await view(expired)).toMatchObject({ cached: false, answered: false })
      expect((await inlineUpdates()).map((query) => query.id)).toEqual([expired])
    })

    it("results that TDLib's JSON parser refuses, with the parser's own text", async () => {
      const id = await ask({ query: "tea" })
      const parse = (results: string, detail: string) =>
        refusal(
          "answerInlineQuery",
          answer(results, {}, id),
          400,
          `Bad Request: can't parse JSON encoded inline query results: ${detail}`
        )
      await parse("[", "Unexpected string end")
      await parse("[1,]", "Unexpected symbol ']'")
      await parse("[tru]", "Token starts with 't' -- true expected")
      await parse("[{\"type\" 1}]", "':' expected")
      await parse("[{1:2}]", "Opening '\"' expected")
      await parse("[\"abc", "Closing '\"' not found")
      await parse("[1 2]", "Unexpected symbol while parsing JSON Array")
      await parse("[{\"a\":1 \"b\":2}]", "Unexpected symbol while parsing JSON Object")
      await parse("[] x", "Expected string end")
      await parse("[\"\\u12\"]", "Invalid \\u -- not hex digit")
      await parse(nestedArrays(102), "Too big object depth")
      const items = (results: string, description: string) =>
        refusal("answerInlineQuery", answer(results, {}, id), 400, `Bad Request: ${description}`)
      await items(nestedArrays(101), "can't parse inline query result: Inline query result must be an object")
      await items("{}", "expected an Array of inline query results")
      await items("\"tea\"", "expected an Array of inline query results")
      await items(
        JSON.stringify(Array.from({ length: 51 }, (_, i) => ({ ...ARTICLE, id: `${i}` }))),
        "too many inline query results specified"
      )
      // Nothing was answered: the query is still open, and 50 results are allowed.
      const fifty = Array.from({ length: 50 }, (_, i) => ({ ...ARTICLE, id: `${i}` }))
      expect(await result("answerInlineQuery", answer(fifty, {}, id))).toBe(true)
      expect((await view(id)).answer.results).toHaveLength(50)
    })

    it("each result type's required fields, in the real reading order", async () => {
      const id = await ask({ query: "tea" })
      const wrong = (item: unknown, detail: string) =>
        refusal(
          "answerInlineQuery",
          answer([ARTICLE, item], {}, id),
          400,
          `Bad Request: can't parse inline query result: ${detail}`
        )
      await wrong(1, "Inline query result must be an object")
      await wrong({}, `Can't find field "type"`)
      await wrong({ type: "article" }, `Can't find field "id"`)
      await wrong({ type: [], id: "x" }, `Field "type" must be of type String`)
      await wrong({ type: "tea", id: "x" }, `type "tea" is unsupported for the inline query result`)
      await wrong({ type: "article", id: "x", title: "T" }, `Can't find field "message_text"`)
      await wrong({ type: "article", id: "x", title: "T", message_text: "" }, "Message text is empty")
      await wrong(
        { type: "article", id: "x", input_message_content: "text" },
        `Field "input_message_content" must be of type Object`
      )
      await wrong({ type: "article", id: "x", input_message_content: {} }, "Input message content is not specified")
      await wrong(
        { type: "article", id: "x", input_message_content: { message_text: "hi" } },
        `Can't find field "title"`
      )
      await wrong({ type: "audio", id: "x" }, `Can't find field "audio_file_id"`)
      await wrong({ type: "audio", id: "x", audio_url: "https://example.com/a.mp3" }, `Can't find field "title"`)
      await wrong({ type: "contact", id: "x" }, `Can't find field "phone_number"`)
      await wrong({ type: "contact", id: "x", phone_number: "+4930" }, `Can't find field "first_name"`)
      await wrong({ type: "document", id: "x" }, `Can't find field "title"`)
      await wrong({ type: "document", id: "x", title: "D" }, `Can't find field "document_file_id"`)
      await wrong(
        { type: "document", id: "x", title: "D", document_url: "https://example.com/d.pdf" },
        `Can't find field "mime_type"`
      )
      await wrong({ type: "game", id: "x" }, `Can't find field "game_short_name"`)
      await wrong({ type: "gif", id: "x" }, `Can't find field "gif_file_id"`)
      await wrong({ type: "mpeg4_gif", id: "x" }, `Can't find field "mpeg4_file_id"`)
      await wrong({ type: "location", id: "x" }, `Can't find field "latitude"`)
      await wrong(
        { type: "location", id: "x", latitude: "52.5", longitude: 13.4 },
        `Field "latitude" must be of type Number`
      )
      await wrong({ type: "location", id: "x", latitude: 52.5, longitude: 13.4 }, `Can't find field "title"`)
      await wrong({ type: "photo", id: "x" }, `Can't find field "photo_file_id"`)
      await wrong({ type: "sticker", id: "x" }, `Can't find field "sticker_file_id"`)
      await wrong({ type: "venue", id: "x", latitude: 52.5, longitude: 13.4 }, `Can't find field "title"`)
      await wrong({ type: "venue", id: "x", latitude: 52.5, longitude: 13.4, title: "V" }, `Can't find field "address"`)
      await wrong({ type: "video", id: "x" }, `Can't find field "title"`)
      await wrong({ type: "video", id: "x", title: "V" }, `Can't find field "video_file_id"`)
      await wrong(
        { type: "video", id: "x", title: "V", video_url: "https://example.com/v.mp4" },
        `Can't find field "mime_type"`
      )
      await wrong({ type: "voice", id: "x" }, `Can't find field "title"`)
      await wrong({ type: "voice", id: "x", title: "V" }, `Can't find field "voice_file_id"`)
      await wrong({ ...ARTICLE, reply_markup: [] }, `Field "reply_markup" must be of type Object`)
      await wrong(
        { ...ARTICLE, show_caption_above_media: "true" },
        `Field "show_caption_above_media" must be of type Boolean`
      )
      // The type in any case, a number for an id (its text), the legacy message_text of an article.
      const lenient = [
        { type: "ARTICLE", id: 7, title: "Tea", message_text: "Green tea" },
        { type: "Contact", id: "c", phone_number: "+4930123", first_name: "Tea shop" },
        { type: "location", id: "l", latitude: 52.5, longitude: 13.4, title: "Here" },
        { type: "venue", id: "v", latitude: 52.5, longitude: 13.4, title: "Shop", address: "Main St 1" },
        { type: "photo", id: "p", photo_url: "https://example.com/p.jpg", thumbnail_url: "https://example.com/t.jpg" }
      ]
      expect(await result("answerInlineQuery", answer(lenient, {}, id))).toBe(true)
    })

    it("TDLib's checks of the results, then Telegram's (ids, titles, thumbnails)", async () => {
      const id = await ask({ query: "tea" })
      const refused = (items: Array<unknown>, description: string) =>
        refusal("answerInlineQuery", answer(items, {}, id), 400, `Bad Request: ${description}`)
      const contact = { type: "contact", id: "c", phone_number: " ", first_name: "Tea" }
      await refused([contact], `field "phone_number" must contain a valid phone number`)
      await refused([{ ...contact, phone_number: "+4930", first_name: " " }], `field "first_name" must be non-empty`)
      const document = { type: "document", id: "d", title: "D", document_url: "https://example.com/d.doc" }
      await refused([{ ...document, mime_type: "application/msword" }], "unallowed document MIME type")
      await refused(
        [{ type: "video", id: "v", title: "V", video_url: "https://example.com/v.avi", mime_type: "video/avi" }],
        "unallowed video MIME type"
      )
      await refused(
        [{ type: "sticker", id: "s", sticker_file_id: "https://example.com/s.webp" }],
        "wrong sticker_file_id specified"
      )
      await refused([{ ...ARTICLE, reply_markup: { keyboard: [["Yes"]] } }], "inline keyboard expected")
      // TDLib checks every result before Telegram looks at any: a bad second result wins over a duplicate id.
      await refused([ARTICLE, ARTICLE, contact], `field "phone_number" must contain a valid phone number`)
      await refused([ARTICLE, ARTICLE], "RESULT_ID_DUPLICATE")
      await refused([{ ...ARTICLE, title: "" }], "ARTICLE_TITLE_EMPTY")
      await refused([{ type: "photo", id: "p", photo_url: "https://example.com/p.jpg" }], "PHOTO_THUMB_URL_EMPTY")
      expect(await view(id)).toMatchObject({ answered: false })
      expect(await result("answerInlineQuery", answer([{ ...document, mime_type: "application/pdf" }], {}, id))).toBe(
        true
      )
    })

    it("the button: the Bot API's reading, then TDLib's checks after the results are read", async () => {
      const id = await ask({ query: "tea" })
      const refused = (extra: Record<string, unknown>, description: string, results: unknown = [ARTICLE]) =>
        refusal("answerInlineQuery", answer(results, extra, id), 400, `Bad Request: ${description}`)
      const reading = "can't parse inline query results button"
      await refused({ button: "{" }, `${reading} JSON object`)
      await refused({ button: [] }, `${reading}: InlineQueryResultsButton must be an Object`)
      await refused({ button: {} }, `${reading}: Can't find field "text"`)
      await refused(
        { button: { text: "Go" } },
        `${reading}: InlineQueryResultsButton must have exactly one optional field`
      )
      await refused({ button: { text: "Go", web_app: "x" } }, `${reading}: Field "web_app" must be of type Object`)
      await refused({ button: { text: "Go", web_app: {} } }, `${reading}: Can't find field "url"`)
      // The button is read before the results, but TDLib checks it after the results are read.
      await refused({ button: "{" }, `${reading} JSON object`, "[")
      await refused(
        { button: { text: "Go", start_parameter: "" } },
        "can't parse JSON encoded inline query results: Unexpected string end",
        "["
      )
      await refused({ button: { text: "Go", start_parameter: "" } }, "can't use empty start_parameter")
      await refused({ button: { text: "Go", start_parameter: "x".repeat(65) } }, "too long start_parameter specified")
      await refused(
        { button: { text: "Go", start_parameter: "a b" } },
        "unallowed characters in start_parameter are used"
      )
      await refused({ switch_pm_text: "Go" }, "can't use empty start_parameter")
      await refused(
        { button: { text: "Go", web_app: { url: "http://example.com" } } },
        "inline query button Web App URL 'http://example.com' is invalid: Only HTTPS links are allowed"
      )
      await refused(
        { button: { text: "Go", web_app: { url: "https://localhost" } } },
        "inline query button Web App URL 'https://localhost' is invalid: Wrong HTTP URL"
      )
      await refused(
        { button: { text: "Go", web_app: { url: "tg://user?id=42" } } },
        "link to a user can't be used in the Web App button"
      )
      expect(
        await result(
          "answerInlineQuery",
          answer([ARTICLE], { button: { text: "Go", start_parameter: "x".repeat(64) } }, id)
        )
      )
        .toBe(true)
    })
  })
}
