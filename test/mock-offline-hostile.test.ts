/**
 * Hostile input for what the offline Telegram added, against the standalone server with defects thrown (a bug of the
 * mock fails the test): the people routes' bodies and paths, and the new methods' parameters (markup, entities,
 * keyboards, offsets, webhook URLs, ids). Every answer is an envelope with status = error_code (or a bare status the
 * real server sends), the server stays up, and every refused request leaves the world, the messages and the queue
 * as they were.
 */
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

const T = DEFAULT_BOT_TOKEN
const SUPERGROUP = -1001234567890
let server: RunningMockServer

beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make({ onDefect: "throw" }) })
})
afterAll(() => server.close())
beforeEach(() => server.mock.reset())

/** What a refused request must leave alone. */
const state = () =>
  JSON.stringify([
    server.mock.snapshot(),
    server.mock.messages(42),
    server.mock.messages(SUPERGROUP),
    server.mock.pendingUpdateCount(123456)
  ])

const send = async (path: string, init: RequestInit) => {
  const response = await fetch(`${server.url}${path}`, init)
  const text = await response.text()
  return { status: response.status, text }
}

/** The answer is an envelope whose error_code is the status, or a bare status line; never a 500. */
const expectEnvelope = (answer: { status: number; text: string }, label: string) => {
  expect(answer.status, label).not.toBe(500)
  if (answer.text === "") return
  const body = JSON.parse(answer.text)
  expect(body.ok ? 200 : body.error_code, label).toBe(answer.status)
}

const json = (body: string): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body })

const deep = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth)

const hostileBodies: ReadonlyArray<readonly [string, string]> = [
  ["empty", ""],
  ["not JSON", "{not json"],
  ["an array", "[]"],
  ["null", "null"],
  ["a string", "\"text\""],
  ["a number", "123"],
  ["__proto__", `{"__proto__":{"polluted":true},"text":"x","invite_link":"x","status":"member"}`],
  ["constructor", `{"constructor":{"prototype":{"polluted":true}}}`],
  ["deep nesting", deep(5000, "[", "]")],
  ["huge numbers", `{"id":1e400,"chat_id":-1e400,"message_id":99999999999999999999,"user_id":1e308}`],
  ["fractions", `{"id":1.5,"chat_id":-1001234567890.5,"message_id":0.5}`],
  ["wrong types", `{"id":"43","first_name":5,"text":["x"],"data":{},"invite_link":true,"status":1,"bot_id":"x"}`],
  ["a lone surrogate", `{"text":"\\ud800","first_name":"\\udc00","invite_link":"https://t.me/+\\ud800"}`],
  ["control characters", `{"text":"\\u0000\\u0001","first_name":"\\u0000","username":"a\\u0000"}`],
  ["a long string", `{"text":"${"x".repeat(5000)}","first_name":"${"y".repeat(100_000)}"}`]
]

const routes: ReadonlyArray<readonly [string, string]> = [
  ["POST", "/__mock/users"],
  ["POST", "/__mock/users/43/send"],
  ["POST", "/__mock/users/42/press"],
  ["POST", "/__mock/users/43/join"],
  ["POST", "/__mock/users/43/leave"],
  ["POST", "/__mock/users/43/block"],
  ["PUT", `/__mock/chats/${SUPERGROUP}/members/43`]
]

describe("people routes under hostile bodies", () => {
  for (const [method, path] of routes) {
    it(`${method} ${path}: every hostile body is refused (or harmless) and changes nothing when refused`, async () => {
      for (const [label, body] of hostileBodies) {
        const before = state()
        const answer = await send(path, { method, headers: { "content-type": "application/json" }, body })
        expectEnvelope(answer, label)
        if (answer.status !== 200) expect(state(), `${label} changed the world`).toBe(before)
        server.mock.reset()
      }
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
    })
  }

  it("odd path segments are refused with a line naming the field", async () => {
    const before = state()
    for (const id of ["1e3", "-0", "0", "99999999999999999999", "%00", "__proto__", "constructor", "4.2", "%2F"]) {
      for (
        const path of [
          `/__mock/users/${id}/send`,
          `/__mock/chats/${id}/messages`,
          `/__mock/chats/${SUPERGROUP}/members/${id}`
        ]
      ) {
        const method = path.endsWith("messages") ? "GET" : path.includes("members") ? "PUT" : "POST"
        const body = method === "GET" ? {} : { body: `{"text":"x","status":"member"}` }
        const answer = await send(path, { method, headers: { "content-type": "application/json" }, ...body })
        expectEnvelope(answer, path)
        expect(answer.status, path).not.toBe(200)
      }
    }
    expect((await send("/__mock/users/43/send", { method: "GET" })).status).toBe(405)
    expect((await send("/__mock/users/43/fly", json("{}"))).status).toBe(404)
    expect(state()).toBe(before)
  })
})

const api = (method: string, params: Record<string, unknown>) =>
  send(`/bot${T}/${method}`, json(JSON.stringify(params)))

const hostileCalls: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ["sendMessage", { chat_id: 42, text: "<".repeat(20_000), parse_mode: "HTML" }],
  ["sendMessage", { chat_id: 42, text: deep(3000, "<b>", "</b>", "x"), parse_mode: "HTML" }],
  ["sendMessage", { chat_id: 42, text: "&#".repeat(5000) + "9".repeat(5000), parse_mode: "HTML" }],
  ["sendMessage", { chat_id: 42, text: `<a href="${"&amp;".repeat(4000)}">x</a>`, parse_mode: "HTML" }],
  ["sendMessage", { chat_id: 42, text: "[".repeat(10_000) + "x", parse_mode: "MarkdownV2" }],
  ["sendMessage", { chat_id: 42, text: "```".repeat(5000), parse_mode: "Markdown" }],
  ["sendMessage", { chat_id: 42, text: "*_~||`".repeat(3000), parse_mode: "MarkdownV2" }],
  ["sendMessage", {
    chat_id: 42,
    text: "x",
    entities: Array.from({ length: 20_000 }, () => ({ offset: -1, length: 1e9, type: "bold" }))
  }],
  ["sendMessage", { chat_id: 42, text: "x", entities: deep(5000, "[", "]") }],
  ["sendMessage", {
    chat_id: 42,
    text: "x",
    reply_markup: { inline_keyboard: Array.from({ length: 5000 }, () => [{ text: "t", url: "http://[::1" }]) }
  }],
  ["sendMessage", {
    chat_id: 42,
    text: "x",
    reply_markup: deep(5000, `{"inline_keyboard":[[`, "]]}", `{"text":"t","callback_data":"d"}`)
  }],
  ["sendMessage", {
    chat_id: 42,
    text: "x",
    reply_markup: { inline_keyboard: [[{ text: "t", url: `http://${"a.".repeat(10_000)}com` }]] }
  }],
  ["sendMessage", { chat_id: 42, text: "x", reply_parameters: { message_id: "1e400" } }],
  ["sendMessage", { chat_id: 42, text: "x", link_preview_options: { url: 5 } }],
  ["sendMessage", { chat_id: "@", text: "x" }],
  ["sendMessage", { chat_id: "99999999999999999999", text: "x" }],
  ["sendMessage", { chat_id: 42, text: `#${"1".repeat(30_000)} ${"@".repeat(1000)}a` }],
  ["editMessageText", { chat_id: 42, message_id: "-1", text: "x" }],
  ["deleteMessage", { chat_id: 42, message_id: "1e9" }],
  ["answerCallbackQuery", { callback_query_id: "9".repeat(100) }],
  ["getUpdates", {
    offset: "-99999999999999999999",
    limit: "NaN",
    timeout: "-1e9",
    allowed_updates: deep(5000, "[", "]")
  }],
  ["getUpdates", { offset: 2 ** 31, allowed_updates: ["__proto__", "constructor"] }],
  ["setWebhook", { url: "http://[::1", secret_token: "é" }],
  ["setWebhook", { url: `http://127.0.0.1:${"9".repeat(100)}/` }],
  ["setWebhook", { url: "http://127.0.0.1/x", max_connections: "1e999", ip_address: "::::::" }],
  ["setWebhook", { url: "javascript:alert(1)" }],
  ["getChatMember", { chat_id: SUPERGROUP, user_id: "1e308" }],
  ["banChatMember", { chat_id: SUPERGROUP, user_id: "0x10", until_date: "soon" }],
  ["approveChatJoinRequest", { chat_id: SUPERGROUP, user_id: "-43" }],
  ["createChatSubscriptionInviteLink", { chat_id: SUPERGROUP, subscription_period: "1e99", subscription_price: -1 }],
  ["editChatSubscriptionInviteLink", { chat_id: SUPERGROUP, invite_link: "x".repeat(100_000) }]
]

describe("new methods under hostile parameters", () => {
  it.each(hostileCalls.map((entry, i) => [i, ...entry] as const))(
    "#%s %s: answered, nothing changed when refused",
    async (_, method, params) => {
      const before = state()
      const answer = await api(method, params)
      expectEnvelope(answer, method)
      if (answer.status !== 200) expect(state()).toBe(before)
      expect((await api("getMe", {})).status).toBe(200)
    }
  )
})
