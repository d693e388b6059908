/**
 * Webhook delivery on a driven clock (telegram-wire-bots.md §10): the request the mock sends, the real backoff
 * (at once, then 2, 4, 8 … s, capped; Retry-After), last_error_* texts, ordering per chat and per user with
 * head-of-line blocking, one connection until a delivery succeeds, expiry, 23 hours of 410 Gone, and a method
 * answered in a 2xx body run as the bot and journaled. Deliveries go to a function: no socket, no real time.
 */
import {
  DEFAULT_BOT_TOKEN,
  handlerDeliverer,
  manualClock,
  MockTelegram,
  type WebhookDelivery,
  type WebhookReply
} from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"

const HOOK = "http://127.0.0.1:8443/hook"
const SUPERGROUP = -1001234567890

/** Lets the deliveries' promises settle (no time passes). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** A mock on a manual clock whose webhook deliveries go to `answer`, recorded with the time they were sent. */
const setup = (answer: (delivery: WebhookDelivery) => WebhookReply | Promise<WebhookReply>, retryCapSeconds = 60) => {
  const clock = manualClock()
  const sent: Array<{ at: number; delivery: WebhookDelivery; update: any }> = []
  const mock = MockTelegram.make({
    clock,
    webhooks: {
      retryCapSeconds,
      deliver: async (delivery) => {
        sent.push({ at: clock.now(), delivery, update: JSON.parse(delivery.body) })
        return answer(delivery)
      }
    }
  })
  const api = (method: string, params: Record<string, unknown> = {}) => {
    const response = mock.handle({
      method: "POST",
      target: `/bot${DEFAULT_BOT_TOKEN}/${method}`,
      contentType: "application/json",
      body: new TextEncoder().encode(JSON.stringify(params))
    })
    if (response._tag !== "Json") throw new Error(response._tag)
    return JSON.parse(response.body)
  }
  return { api, clock, mock, sent, seconds: () => sent.map((s) => (s.at - Date.UTC(2026, 0, 1)) / 1000) }
}

const ok: WebhookReply = { status: 200, statusText: "OK" }
const fail: WebhookReply = { status: 500, statusText: "Internal Server Error" }

describe("webhook delivery", () => {
  it("POSTs each update with the real headers in order and the same body as getUpdates", async () => {
    const { api, mock, sent } = setup(() => ok)
    expect(api("setWebhook", { url: HOOK, secret_token: "Secret_1" }).description).toBe("Webhook was set")
    mock.send(42, { text: "hello" })
    await settle()
    expect(sent).toHaveLength(1)
    const { delivery } = sent[0]!
    expect(delivery.url).toBe(HOOK)
    expect(delivery.headers.map(([name]) => name)).toEqual([
      "Host",
      "X-Telegram-Bot-Api-Secret-Token",
      "Content-Type",
      "Content-Length",
      "Connection",
      "Accept-Encoding"
    ])
    expect(Object.fromEntries(delivery.headers)).toMatchObject({
      Host: "127.0.0.1:8443",
      "X-Telegram-Bot-Api-Secret-Token": "Secret_1",
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(delivery.body)),
      "Accept-Encoding": "gzip, deflate"
    })
    expect(delivery.body).toMatch(/^\{"update_id":2000001,\n"message":\{"message_id":1,/)
    expect(api("getWebhookInfo").result.pending_update_count).toBe(0)
  })

  it("sends no secret header without a secret token", async () => {
    const { api, mock, sent } = setup(() => ok)
    api("setWebhook", { url: HOOK })
    mock.send(42, { text: "hello" })
    await settle()
    expect(sent[0]!.delivery.headers.map(([name]) => name)).not.toContain("X-Telegram-Bot-Api-Secret-Token")
  })

  it("retries a failing update at once, then after 2, 4, 8 … s, capped; reports the last error", async () => {
    const { api, clock, mock, seconds } = setup(() => fail, 10)
    api("setWebhook", { url: HOOK })
    mock.send(42, { text: "hello" })
    await settle()
    for (let i = 0; i < 30; i++) {
      clock.advance(1000)
      await settle()
    }
    expect(seconds()).toEqual([0, 0, 2, 6, 14, 24])
    expect(api("getWebhookInfo").result).toMatchObject({
      pending_update_count: 1,
      last_error_date: Date.UTC(2026, 0, 1) / 1000 + 24,
      last_error_message: "Wrong response from the webhook: 500 Internal Server Error"
    })
  })

  it("a new setWebhook (a new secret, as after fixing it) is a new webhook: a held update goes out at once", async () => {
    let secretAccepted = "old"
    const { api, clock, mock, sent } = setup((delivery) =>
      delivery.headers.some(([name, value]) => name === "X-Telegram-Bot-Api-Secret-Token" && value === secretAccepted)
        ? ok
        : fail
    )
    api("setWebhook", { url: HOOK, secret_token: "wrong" })
    mock.send(42, { text: "hello" })
    await settle()
    // Refused at 0, 0, 2, 6 s: the next try of the old webhook would be at 14 s.
    for (let i = 0; i < 7; i++) {
      clock.advance(1000)
      await settle()
    }
    expect(sent.map((s) => s.at - sent[0]!.at)).toEqual([0, 0, 2000, 6000])
    secretAccepted = "fixed"
    expect(api("setWebhook", { url: HOOK, secret_token: "fixed" })).toMatchObject({
      ok: true,
      description: "Webhook was set"
    })
    await settle()
    expect(sent).toHaveLength(5)
    expect(sent[4]!.at - sent[0]!.at).toBe(7000)
    expect(sent[4]!.update.message.text).toBe("hello")
    expect(api("getWebhookInfo").result.pending_update_count).toBe(0)
  })

  it("a Retry-After header sets the next wait, without doubling; errors of the connection are reported as such", async () => {
    let reply: WebhookReply = { status: 503, statusText: "Service Unavailable", retryAfter: "7" }
    const { api, clock, mock, seconds } = setup(() => reply)
    api("setWebhook", { url: HOOK })
    mock.send(42, { text: "hello" })
    await settle()
    clock.advance(7_000)
    await settle()
    reply = { error: "Connection refused" }
    for (let i = 0; i < 10; i++) {
      clock.advance(1_000)
      await settle()
    }
    // 0 (Retry-After 7) → 7 (Retry-After 7) → 14 (refused: the delay doubles from 1, to 2) → 16 …
    expect(seconds()).toEqual([0, 7, 14, 16])
    expect(api("getWebhookInfo").result.last_error_message).toBe("Connection refused")
  })

  it("keeps the order per chat: a failing update blocks the later ones of its chat, not other chats", async () => {
    const failing = new Set([42])
    const { api, clock, mock, sent } = setup((delivery) => {
      const update = JSON.parse(delivery.body)
      return failing.has(update.message?.chat.id) ? fail : ok
    })
    api("setWebhook", { url: HOOK })
    mock.send(43, { text: "bob first" })
    await settle()
    mock.send(42, { text: "alice 1" })
    mock.send(42, { text: "alice 2" })
    mock.send(44, { text: "carol" })
    await settle()
    const texts = () => sent.map((s) => s.update.message.text)
    expect(texts().filter((t) => t === "alice 2")).toEqual([])
    expect(texts()).toContain("carol")
    failing.clear()
    clock.advance(2_000)
    await settle()
    expect(texts().slice(-2)).toEqual(["alice 1", "alice 2"])
    expect(api("getWebhookInfo").result.pending_update_count).toBe(0)
  })

  it("uses one connection until a delivery succeeds, then up to max_connections", async () => {
    const pending: Array<() => void> = []
    const { api, mock, sent } = setup(() => new Promise<WebhookReply>((resolve) => pending.push(() => resolve(ok))))
    api("setWebhook", { url: HOOK, max_connections: 2 })
    for (const userId of [42, 43, 44]) mock.send(userId, { text: "hi" })
    await settle()
    expect(sent).toHaveLength(1)
    pending.shift()!()
    await settle()
    expect(sent).toHaveLength(3)
  })

  it("drops an update whose next try would come after it expires (a callback query lives 150 s)", async () => {
    let answer: WebhookReply = ok
    const { api, clock, mock } = setup(() => answer, 60)
    api("setWebhook", { url: HOOK })
    const sent = api("sendMessage", {
      chat_id: 42,
      text: "press",
      reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
    })
    await settle()
    answer = fail
    mock.press(42, { message_id: sent.result.message_id, data: "go" })
    await settle()
    for (let i = 0; i < 200 && api("getWebhookInfo").result.pending_update_count > 0; i++) {
      clock.advance(1_000)
      await settle()
    }
    expect(api("getWebhookInfo").result.pending_update_count).toBe(0)
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeLessThanOrEqual(150_000)
  })

  it("removes a webhook that answered 410 Gone for more than 23 hours; its updates stay for getUpdates", async () => {
    const { api, clock, mock } = setup(() => ({ status: 410, statusText: "Gone" }), 3600)
    api("setWebhook", { url: HOOK })
    mock.send(42, { text: "anyone?" })
    await settle()
    for (let hour = 0; hour < 24 && api("getWebhookInfo").result.url !== ""; hour++) {
      clock.advance(3600 * 1000)
      await settle()
    }
    expect(api("getWebhookInfo").result.url).toBe("")
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThan(23 * 3600 * 1000)
    expect(api("getUpdates").result).toHaveLength(1)
  })

  it("runs a method answered in a 2xx body as the bot (not get*, not setWebhook), result discarded, journaled", async () => {
    let body: unknown = { method: "sendMessage", chat_id: 42, text: "answered in the hook" }
    const { api, mock } = setup(() => ({
      status: 200,
      statusText: "OK",
      contentType: "application/json",
      body: new TextEncoder().encode(JSON.stringify(body))
    }))
    api("setWebhook", { url: HOOK })
    mock.send(42, { text: "hi" })
    await settle()
    expect(mock.messages(42).map((m) => m["text"])).toEqual(["hi", "answered in the hook"])
    expect(mock.journal().at(-1)).toMatchObject({
      method: "sendMessage",
      chat_id: "42",
      status: 200,
      webhook_reply: true
    })
    body = { method: "sendMessage", chat_id: 43, text: "to a stranger" }
    mock.send(42, { text: "again" })
    await settle()
    expect(mock.journal().at(-1)).toMatchObject({
      method: "sendMessage",
      status: 403,
      webhook_reply: true,
      description: "Forbidden: bot can't initiate conversation with a user"
    })
    expect(api("getWebhookInfo").result.last_error_message).toBeUndefined()
    const journaled = mock.journal().length
    for (const method of ["getMe", "GETUPDATES", "setWebhook", "deleteWebhook", "logOut", "close"]) {
      body = { method, url: "" }
      mock.send(42, { text: method })
      await settle()
    }
    expect(mock.journal()).toHaveLength(journaled)
    expect(api("getWebhookInfo").result.url).toBe(HOOK)
  })

  it("reads a form-encoded answer too", async () => {
    const { api, mock } = setup(() => ({
      status: 200,
      statusText: "OK",
      contentType: "application/x-www-form-urlencoded",
      body: new TextEncoder().encode("method=sendMessage&chat_id=42&text=form+reply")
    }))
    api("setWebhook", { url: HOOK })
    mock.send(42, { text: "hi" })
    await settle()
    expect(mock.messages(42).at(-1)?.["text"]).toBe("form reply")
  })

  it("updates wait without a deliverer, and go out once one is set; a web handler delivers in-process", async () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock })
    mock.handle({ method: "GET", target: `/bot${DEFAULT_BOT_TOKEN}/setWebhook?url=${HOOK}`, body: new Uint8Array() })
    mock.send(42, { text: "waiting" })
    expect(mock.pendingUpdateCount(123456)).toBe(1)
    const received: Array<{ secret: string | null; body: any }> = []
    mock.setWebhookDeliverer(handlerDeliverer(async (request) => {
      received.push({ secret: request.headers.get("x-telegram-bot-api-secret-token"), body: await request.json() })
      return new Response("ok")
    }))
    await settle()
    expect(received).toEqual([{ secret: null, body: expect.objectContaining({ update_id: 2000001 }) }])
    expect(mock.pendingUpdateCount(123456)).toBe(0)
  })

  it("a join through a link reaches the bot as message and chat_member, in order per key", async () => {
    const { api, mock, sent } = setup(() => ok)
    api("setWebhook", { url: HOOK, allowed_updates: ["message", "chat_member"] })
    const link = api("exportChatInviteLink", { chat_id: SUPERGROUP }).result
    mock.join(43, { invite_link: link })
    await settle()
    expect(sent.map((s) => Object.keys(s.update)[1])).toEqual(["message", "chat_member"])
  })
})
