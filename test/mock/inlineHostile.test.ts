/**
 * Inline mode under hostile input: every inline method, and the inline form of every edit method, gets junk, bad and
 * deep JSON, huge and negative numbers and plausible-but-wrong values, in a world where a person's inline query waits
 * for its answer, an inline message, a Mini App query and a guest query are open. Each call is answered in the
 * envelope (status = error_code), never a defect (the mock throws in "throw" mode), and a refused call changes
 * nothing; the inline control routes refuse hostile bodies with a 400 and change nothing either.
 */
import { DEFAULT_BOT_ID, DEFAULT_OWNER_ID, defaultWorld, MockTelegram } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { METHODS } from "../../mock-server/src/api/methods/index.js"
import { controlCaller, formCaller, nestedArrays } from "./hostileInput.js"

const INLINE_FORMS = [
  "editMessageText",
  "editMessageCaption",
  "editMessageMedia",
  "editMessageReplyMarkup",
  "editMessageLiveLocation",
  "stopMessageLiveLocation",
  "setGameScore",
  "getGameHighScores"
]
const NAMES = METHODS.filter((m) => m.family === "inline" || INLINE_FORMS.includes(m.name))
const ALICE = 42
const SUPERGROUP = -1001234567890
const GUEST_TOKEN = "777001:GuestBotSecretABCDEFGHIJKLMNOP"

const ARTICLE = JSON.stringify({
  type: "article",
  id: "a1",
  title: "Tea",
  input_message_content: { message_text: "Green tea" },
  reply_markup: { inline_keyboard: [[{ text: "More", callback_data: "more" }]] }
})
const JUNK: ReadonlyArray<string> = [
  "",
  "x",
  "-1",
  "0",
  "99999999999999999999999",
  "1e308",
  "{\"a\":",
  nestedArrays(2000),
  nestedArrays(101),
  "null",
  "[{\"type\":\"article\",\"id\":\"1\",\"title\":\"T\",\"input_message_content\":{\"latitude\":1e999,\"longitude\":\"x\"}}]",
  "[{\"type\":\"photo\",\"id\":\"\",\"photo_file_id\":\"AgACAgQAAxkBAAIB\"},{\"type\":\"location\",\"id\":1}]",
  "{\"type\":\"venue\",\"id\":\"v\",\"latitude\":-91,\"longitude\":181,\"title\":\"\",\"address\":\"\"}",
  "{\"type\":\"game\",\"id\":\"g\",\"game_short_name\":\"../../etc\",\"reply_markup\":{\"inline_keyboard\":[[{}]]}}",
  "{\"text\":\"Go\",\"start_parameter\":\"\\u0000\",\"web_app\":{\"url\":\"javascript:alert(1)\"}}",
  "{\"type\":\"photo\",\"media\":\"attach://nothing\",\"caption\":\"" + "x".repeat(5000) + "\"}",
  ARTICLE.replace("Green tea", "x".repeat(5000)),
  "{\"type\":\"photo\",\"media\":\"https://example.com/pot.jpg\"}"
]

/** The default bot's world with inline mode on, a guest bot, and something open of every kind. */
const hostileWorld = () => {
  const world = structuredClone(defaultWorld) as any
  world.bots[0].supports_inline_queries = true
  world.bots[0].inline_feedback = true
  world.users.push({ id: 777_001, is_bot: true, first_name: "Guest", username: "guest_test_bot" })
  world.bots.push({ token: GUEST_TOKEN, user_id: 777_001, supports_guest_queries: true })
  return world
}

describe("inline mode under hostile parameters", () => {
  const mock = MockTelegram.make({ onDefect: "throw", world: hostileWorld() })
  const token = mock.snapshot().bots[0]!.token
  const call = formCaller(mock, token)
  const picked = mock.sendInlineQuery(ALICE, { query: "tea" }).inline_query_id
  call("answerInlineQuery", { inline_query_id: picked, results: `[${ARTICLE}]` })
  const inlineMessageId = mock.chooseInlineResult(ALICE, { inline_query_id: picked, result_id: "a1" })
    .inline_message_id!
  const open = mock.sendInlineQuery(ALICE, { query: "coffee" }).inline_query_id
  const webApp = mock.openWebApp(ALICE, {}).web_app_query_id
  const guestQuery = mock.sendGuestMessage(DEFAULT_OWNER_ID, { text: "@guest_test_bot hi", chat_id: SUPERGROUP })
    .guest_query_ids[0]!

  /** A plausible value for the parameters that name something of the world. */
  const PLAUSIBLE: Readonly<Record<string, string>> = {
    user_id: String(ALICE),
    inline_query_id: open,
    web_app_query_id: webApp,
    guest_query_id: guestQuery,
    inline_message_id: inlineMessageId,
    result: ARTICLE,
    results: `[${ARTICLE}]`,
    allow_user_chats: "true"
  }

  /** Everything a refused call must leave as it was: the world file and each open inline thing. */
  const state = () =>
    JSON.stringify([
      mock.snapshot(),
      mock.inlineQuery(open),
      mock.inlineMessage(inlineMessageId),
      mock.webAppQuery(webApp),
      mock.guestQuery(guestQuery),
      mock.preparedMessages(ALICE),
      mock.preparedButtons(ALICE)
    ])

  it("covers every inline method and the inline form of the edits; something of every kind is open", () => {
    expect(NAMES.filter((m) => m.family === "inline").map((m) => m.name).sort()).toEqual([
      "answerCallbackQuery",
      "answerGuestQuery",
      "answerInlineQuery",
      "answerWebAppQuery",
      "savePreparedInlineMessage",
      "savePreparedKeyboardButton"
    ])
    expect(NAMES).toHaveLength(14)
    expect(mock.inlineMessage(inlineMessageId)?.message).toMatchObject({ via_bot: { id: DEFAULT_BOT_ID } })
    expect([mock.inlineQuery(open)?.answered, mock.webAppQuery(webApp)?.answered]).toEqual([false, false])
    expect(mock.guestQuery(guestQuery)?.answered).toBe(false)
  })

  for (const method of NAMES) {
    it(`${method.name}: answered in the envelope, nothing changed when refused`, () => {
      const names = Object.keys(method.params).filter((n) => n !== "chat_id" && n !== "message_id")
      for (const junk of JUNK) {
        for (const plausible of [false, true]) {
          const params = Object.fromEntries(names.map((n) => [n, plausible && n in PLAUSIBLE ? PLAUSIBLE[n]! : junk]))
          const before = state()
          const answer = call(method.name, params)
          expect(answer._tag, `${method.name} ${JSON.stringify(params).slice(0, 80)}`).toBe("Json")
          const { body, status } = answer as { status: number; body: string }
          const envelope = JSON.parse(body)
          expect(status).toBe(envelope.ok ? 200 : envelope.error_code)
          if (!envelope.ok) {
            expect(envelope.description, JSON.stringify(params).slice(0, 120)).toMatch(/^Bad Request: /)
            expect(state()).toBe(before)
          }
        }
      }
      expect(call("getMe", {})).toMatchObject({ status: 200 })
    })
  }

  it("the inline control routes answer hostile bodies with a 400 naming each wrong field, changing nothing", () => {
    const control = controlCaller(mock)
    const unanswered = mock.sendInlineQuery(ALICE, { query: "juice" }).inline_query_id
    const common: ReadonlyArray<unknown> = ["", "[", nestedArrays(2000), [], 7, "null", { extra: true }]
    const bodies: Readonly<Record<string, ReadonlyArray<unknown>>> = {
      [`users/${ALICE}/inline_query`]: [
        {},
        { query: 5 },
        { query: "x".repeat(257) },
        { query: "tea", offset: "x".repeat(65) },
        { query: "tea", chat_type: "secret" },
        { query: "tea", chat_id: 1e300 },
        { query: "tea", chat_id: -1009999999999 },
        { query: "tea", chat_id: ALICE, chat_type: "group" },
        { query: "tea", bot_id: 777_001 },
        { query: "tea", bot_id: -5 },
        { query: "tea", location: { latitude: 91, longitude: 0 } },
        { query: "tea", location: { latitude: "52", longitude: 13 } }
      ],
      [`users/${ALICE}/choose_inline_result`]: [
        {},
        { inline_query_id: unanswered, result_id: "a1" },
        { inline_query_id: picked, result_id: "nope" },
        { inline_query_id: picked, result_id: 1 },
        { inline_query_id: "x".repeat(33), result_id: "a1" },
        { inline_query_id: "99999999999999999999", result_id: "a1" }
      ],
      [`users/${ALICE}/web_app`]: [{ bot_id: 999 }, { chat_id: -1009999999999 }, { chat_id: "x" }, { bot_id: 1.5 }],
      [`users/${ALICE}/send_prepared`]: [{}, { id: "" }, { id: "nope" }, { id: "x".repeat(65) }, { id: 1 }],
      [`users/${ALICE}/guest_message`]: [
        {},
        { text: "@guest_test_bot hi" },
        { text: "no mention", chat_id: SUPERGROUP },
        { text: "@guest_test_bot hi", chat_id: ALICE },
        { text: "", chat_id: SUPERGROUP },
        { text: "x".repeat(4097), chat_id: SUPERGROUP }
      ],
      [`bots/${DEFAULT_BOT_ID}/settings`]: [{ supports_inline_queries: "yes" }, { inline_feedback: 1 }]
    }
    for (const [path, own] of Object.entries(bodies)) {
      const method = path.startsWith("bots/") ? "PUT" : "POST"
      for (const body of path.endsWith("/web_app") ? own : [...common, ...own]) {
        const before = state()
        const answer = control(method, path, body)
        expect(answer.status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBe(400)
        expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error_code: 400 })
        expect(state()).toBe(before)
      }
    }
    for (const path of ["users/x/inline_query", "users/0/inline_query", "users/999999/inline_query"]) {
      expect(control("POST", path, { query: "tea" }).status, path).toBe(400)
    }
    expect(control("PUT", "bots/42/settings", { inline_feedback: true }).status).toBe(400)
    for (const path of ["inline_queries/x", "inline_messages/abc", "web_app_queries/x", "guest_queries/1"]) {
      expect(control("GET", path, "").status, path).toBe(404)
    }
    expect(control("GET", "users/x/prepared_messages", "").status).toBe(400)
  })
})
