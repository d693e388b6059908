/**
 * The control token on every control route: this file walks the table the router is built from (CONTROL_ROUTES), so a
 * route cannot be added without being tried here. With a token set, each route refuses a request without it and one
 * with a wrong one (401, the documented text, nothing changed), and works with it; a path outside the table is not
 * served. The live stream (`GET /__mock/events`, served beside the table by the standalone server) is walked too.
 */
import { DEFAULT_BOT_ID, DEFAULT_OWNER_ID, MockTelegram, startMockServer } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { CONTROL_ROUTES } from "../../mock-server/src/control/router.js"

const TOKEN = "s3cret-control"
const SUPERGROUP = -1001234567890
const BASIC_GROUP = -555555555
const ALICE = 42
const REFUSED = `{"ok":false,"error_code":401,"description":"control API: missing or wrong X-Mock-Control-Token"}`

/**
 * A request that works for each route (its path with the `:name`s filled in, and a body), on a fresh default world.
 * `prepare` puts the world in the state the request needs.
 */
const SAMPLES: Readonly<Record<string, { path: string; body?: unknown; prepare?: (mock: MockTelegram) => void }>> = {
  "POST /__mock/reset": { path: "/__mock/reset" },
  "GET /__mock/world": { path: "/__mock/world" },
  "PUT /__mock/world": { path: "/__mock/world", body: MockTelegram.make().snapshot() },
  "POST /__mock/upgrade": { path: "/__mock/upgrade", body: { chat_id: BASIC_GROUP } },
  "POST /__mock/faults": { path: "/__mock/faults", body: { method: "getMe", reply: { drop: true } } },
  "DELETE /__mock/faults": { path: "/__mock/faults" },
  "GET /__mock/limits": { path: "/__mock/limits" },
  "PUT /__mock/limits": { path: "/__mock/limits", body: [{ max_calls: 5, per_seconds: 1 }] },
  "GET /__mock/journal": { path: "/__mock/journal" },
  "POST /__mock/users": { path: "/__mock/users", body: { id: 77, first_name: "Zoe" } },
  "POST /__mock/users/:user_id/send": { path: `/__mock/users/${ALICE}/send`, body: { text: "/start" } },
  "POST /__mock/users/:user_id/press": {
    path: `/__mock/users/${ALICE}/press`,
    body: { message_id: 2, data: "go" },
    prepare: (mock) => {
      mock.send(ALICE, { text: "hi" })
      const response = mock.handle({
        method: "POST",
        target: `/bot${mock.snapshot().bots[0]!.token}/sendMessage`,
        contentType: "application/json",
        body: new TextEncoder().encode(JSON.stringify({
          chat_id: ALICE,
          text: "press",
          reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
        }))
      })
      if (response._tag !== "Json" || response.status !== 200) throw new Error("the bot could not send its button")
    }
  },
  "POST /__mock/users/:user_id/join": {
    path: `/__mock/users/${ALICE}/join`,
    body: { invite_link: "https://t.me/+OwnerSuperGrp01" }
  },
  "POST /__mock/users/:user_id/leave": {
    path: `/__mock/users/${ALICE}/leave`,
    body: { chat_id: SUPERGROUP },
    prepare: (mock) => void mock.join(ALICE, { invite_link: "https://t.me/+OwnerSuperGrp01" })
  },
  "POST /__mock/users/:user_id/block": { path: `/__mock/users/${ALICE}/block` },
  "PUT /__mock/chats/:chat_id/members/:user_id": {
    path: `/__mock/chats/${SUPERGROUP}/members/${ALICE}`,
    body: { status: "member" }
  },
  "GET /__mock/chats/:chat_id/messages": { path: `/__mock/chats/${ALICE}/messages` },
  "GET /__mock/chats/:chat_id/members/:user_id": { path: `/__mock/chats/${SUPERGROUP}/members/${ALICE}` },
  "POST /__mock/chats/:chat_id/invite_links": { path: `/__mock/chats/${SUPERGROUP}/invite_links`, body: { name: "x" } },
  "GET /__mock/events": { path: "/__mock/events?after=0" },
  "GET /__mock/callback_queries/:callback_query_id": {
    path: "/__mock/callback_queries/4000000000000000001",
    prepare: (mock) => {
      SAMPLES["POST /__mock/users/:user_id/press"]!.prepare!(mock)
      mock.press(ALICE, { message_id: 2, data: "go" })
    }
  },
  "POST /__mock/chats/:chat_id/join_requests/:user_id/approve": {
    path: `/__mock/chats/${SUPERGROUP}/join_requests/${ALICE}/approve`,
    prepare: requestToJoin
  },
  "POST /__mock/chats/:chat_id/join_requests/:user_id/decline": {
    path: `/__mock/chats/${SUPERGROUP}/join_requests/${ALICE}/decline`,
    prepare: requestToJoin
  },
  "POST /__mock/users/:user_id/edit": {
    path: `/__mock/users/${ALICE}/edit`,
    body: { message_id: 1, text: "hi again" },
    prepare: (mock) => void mock.send(ALICE, { text: "hi" })
  },
  "POST /__mock/users/:user_id/forward": {
    path: `/__mock/users/${ALICE}/forward`,
    body: { from_chat_id: ALICE, message_id: 1 },
    prepare: (mock) => void mock.send(ALICE, { text: "hi" })
  },
  "POST /__mock/users/:user_id/vote": {
    path: `/__mock/users/${ALICE}/vote`,
    body: { message_id: 1, option_ids: [0] },
    prepare: (mock) => botSends(mock, "sendPoll", { chat_id: ALICE, question: "Tea?", options: ["yes", "no"] })
  },
  "POST /__mock/users/:user_id/react": {
    path: `/__mock/users/${ALICE}/react`,
    body: { message_id: 1, reaction: [{ type: "emoji", emoji: "👍" }] },
    prepare: (mock) => void mock.send(ALICE, { text: "hi" })
  },
  "PUT /__mock/chats/:chat_id/forum": { path: `/__mock/chats/${SUPERGROUP}/forum`, body: { is_forum: true } },
  "POST /__mock/chats/:chat_id/topics": {
    path: `/__mock/chats/${SUPERGROUP}/topics`,
    body: { name: "Announcements" },
    prepare: (mock) => void mock.setForum(SUPERGROUP, { is_forum: true })
  },
  "POST /__mock/users/:user_id/emoji_status_access": { path: `/__mock/users/${ALICE}/emoji_status_access` },
  "GET /__mock/bots/:bot_id/profile": { path: `/__mock/bots/${DEFAULT_BOT_ID}/profile` },
  "GET /__mock/bots/:bot_id/commands": { path: `/__mock/bots/${DEFAULT_BOT_ID}/commands?user_id=${ALICE}` },
  "POST /__mock/users/:user_id/send_file": {
    path: `/__mock/users/${ALICE}/send_file`,
    body: { kind: "document", file: Buffer.from("hello").toString("base64"), file_name: "hello.txt" }
  },
  "POST /__mock/users/:user_id/send_location": {
    path: `/__mock/users/${ALICE}/send_location`,
    body: { latitude: 51.5, longitude: -0.12 }
  },
  "POST /__mock/users/:user_id/send_contact": {
    path: `/__mock/users/${ALICE}/send_contact`,
    body: { phone_number: "+15550100", first_name: "Zoe" }
  },
  "POST /__mock/users/:user_id/send_dice": { path: `/__mock/users/${ALICE}/send_dice`, body: { emoji: "🎯" } },
  "POST /__mock/dice": { path: "/__mock/dice", body: { values: [6] } },
  "GET /__mock/chat_actions": { path: "/__mock/chat_actions" },
  "PUT /__mock/business_connections/:id": {
    path: "/__mock/business_connections/olga-shop",
    body: { user_id: DEFAULT_OWNER_ID, rights: { can_reply: true } }
  },
  "POST /__mock/business_connections/:id/messages": {
    path: "/__mock/business_connections/olga-shop/messages",
    body: { user_id: ALICE, text: "open today?" },
    prepare: connectOlga
  },
  "GET /__mock/business_connections/:id/chats/:chat_id/messages": {
    path: `/__mock/business_connections/olga-shop/chats/${ALICE}/messages`,
    prepare: connectOlga
  },
  "POST /__mock/managed_bots": {
    path: "/__mock/managed_bots",
    body: { user_id: ALICE, bot: { id: 5_000_001, first_name: "Alice's Bot", username: "alices_helper_bot" } }
  },
  "GET /__mock/bots/:bot_id/settings": { path: `/__mock/bots/${DEFAULT_BOT_ID}/settings` },
  "PUT /__mock/bots/:bot_id/settings": {
    path: `/__mock/bots/${DEFAULT_BOT_ID}/settings`,
    body: { supports_inline_queries: true, inline_feedback: true }
  },
  "POST /__mock/users/:user_id/inline_query": {
    path: `/__mock/users/${ALICE}/inline_query`,
    body: { query: "cats", chat_type: "private" },
    prepare: inlineOn
  },
  "GET /__mock/inline_queries/:inline_query_id": later((mock) => {
    inlineOn(mock)
    return { path: `/__mock/inline_queries/${mock.sendInlineQuery(ALICE, { query: "cats" }).inline_query_id}` }
  }),
  "POST /__mock/users/:user_id/choose_inline_result": later((mock) => ({
    path: `/__mock/users/${ALICE}/choose_inline_result`,
    body: { inline_query_id: answeredQuery(mock), result_id: "1" }
  })),
  "GET /__mock/inline_messages/:inline_message_id": later((mock) => {
    const sent = mock.chooseInlineResult(ALICE, { inline_query_id: answeredQuery(mock), result_id: "1" })
    return { path: `/__mock/inline_messages/${sent.inline_message_id}` }
  }),
  "POST /__mock/users/:user_id/web_app": { path: `/__mock/users/${ALICE}/web_app` },
  "GET /__mock/web_app_queries/:web_app_query_id": later((mock) => ({
    path: `/__mock/web_app_queries/${mock.openWebApp(ALICE, {}).web_app_query_id}`
  })),
  "GET /__mock/users/:user_id/prepared_messages": { path: `/__mock/users/${ALICE}/prepared_messages` },
  "POST /__mock/users/:user_id/send_prepared": later((mock) => {
    const prepared = botCalls(mock, "savePreparedInlineMessage", {
      user_id: ALICE,
      result: JSON.stringify(ARTICLE),
      allow_bot_chats: true
    })
    return { path: `/__mock/users/${ALICE}/send_prepared`, body: { id: prepared.id } }
  }),
  "GET /__mock/users/:user_id/prepared_buttons": { path: `/__mock/users/${ALICE}/prepared_buttons` },
  "POST /__mock/users/:user_id/guest_message": later((mock) => {
    addGuestBot(mock)
    return { path: `/__mock/users/${DEFAULT_OWNER_ID}/guest_message`, body: GUEST_MENTION }
  }),
  "GET /__mock/guest_queries/:guest_query_id": later((mock) => {
    addGuestBot(mock)
    const mention = mock.sendGuestMessage(DEFAULT_OWNER_ID, GUEST_MENTION)
    return { path: `/__mock/guest_queries/${mention.guest_query_ids[0]}` }
  }),
  "POST /__mock/users/:user_id/pay": {
    path: `/__mock/users/${ALICE}/pay`,
    body: { message_id: 1 },
    prepare: sendInvoice
  },
  "GET /__mock/checkouts/:checkout_id": {
    path: "/__mock/checkouts/5000000000000000001",
    prepare: (mock) => {
      sendInvoice(mock)
      mock.pay(ALICE, { message_id: 1 })
    }
  },
  "GET /__mock/stars/:owner_id": { path: `/__mock/stars/${ALICE}` },
  "PUT /__mock/stars/:owner_id": { path: `/__mock/stars/${ALICE}`, body: { amount: 100 } }
}

/** A sample whose path and body are known once `prepare` made the world's state (ids the mock gives out). */
function later(make: (mock: MockTelegram) => { path: string; body?: unknown }) {
  const sample: { path: string; body?: unknown; prepare: (mock: MockTelegram) => void } = {
    path: "",
    prepare: (mock) => Object.assign(sample, make(mock))
  }
  return sample
}

const ARTICLE = {
  type: "article",
  id: "1",
  title: "Cats",
  input_message_content: { message_text: "cats" },
  reply_markup: { inline_keyboard: [[{ text: "More", callback_data: "more" }]] }
}
const GUEST_MENTION = { text: "@guest_test_bot what is the weather?", chat_id: SUPERGROUP }

/** The default bot's inline mode on. */
function inlineOn(mock: MockTelegram): void {
  mock.setBotSettings(DEFAULT_BOT_ID, { supports_inline_queries: true })
}

/** Alice's inline query, answered by the default bot with one article; its id. */
function answeredQuery(mock: MockTelegram): string {
  inlineOn(mock)
  const id = mock.sendInlineQuery(ALICE, { query: "cats" }).inline_query_id
  botSends(mock, "answerInlineQuery", { inline_query_id: id, results: JSON.stringify([ARTICLE]) })
  return id
}

/** A second bot of the world, in guest mode, in no chat. */
function addGuestBot(mock: MockTelegram): void {
  const world = structuredClone(mock.snapshot()) as any
  world.users.push({ id: 777001, is_bot: true, first_name: "Guest", username: "guest_test_bot" })
  world.bots.push({ token: "777001:GuestBotSecretABCDEFGHIJKLMNOP", user_id: 777001, supports_guest_queries: true })
  mock.replaceWorld(world)
}

/** The default bot calls a method that must succeed; its result. */
function botCalls(mock: MockTelegram, method: string, params: Record<string, unknown>): any {
  const response = mock.handle({
    method: "POST",
    target: `/bot${mock.snapshot().bots[0]!.token}/${method}`,
    contentType: "application/json",
    body: new TextEncoder().encode(JSON.stringify(params))
  })
  if (response._tag !== "Json" || response.status !== 200) throw new Error(`the bot could not call ${method}`)
  return JSON.parse(response.body).result
}

/** The default bot sends Alice an invoice of 50 Stars (her first message in its chat), and she has 100 Stars. */
function sendInvoice(mock: MockTelegram): void {
  mock.setStars(ALICE, { amount: 100 })
  botSends(mock, "sendInvoice", {
    chat_id: ALICE,
    title: "Tea",
    description: "A cup of tea",
    payload: "tea-1",
    currency: "XTR",
    prices: [{ label: "Tea", amount: 50 }]
  })
}

/** The default bot calls a method that must succeed. */
function botSends(mock: MockTelegram, method: string, params: Record<string, unknown>): void {
  const response = mock.handle({
    method: "POST",
    target: `/bot${mock.snapshot().bots[0]!.token}/${method}`,
    contentType: "application/json",
    body: new TextEncoder().encode(JSON.stringify(params))
  })
  if (response._tag !== "Json" || response.status !== 200) throw new Error(`the bot could not call ${method}`)
}

/** Olga connects her business account to the default bot. */
function connectOlga(mock: MockTelegram): void {
  mock.accounts.connectBusiness("olga-shop", { user_id: DEFAULT_OWNER_ID })
}

/** Alice asks to join the supergroup through a link that needs approval (made by its owner through the control API). */
function requestToJoin(mock: MockTelegram): void {
  const world = structuredClone(mock.snapshot()) as any
  world.invite_links.push({
    invite_link: "https://t.me/+AskFirstLink01",
    chat_id: SUPERGROUP,
    creator_id: DEFAULT_OWNER_ID,
    is_primary: false,
    creates_join_request: true,
    created_at: 1767225600
  })
  mock.replaceWorld(world)
  const outcome = mock.join(ALICE, { invite_link: "https://t.me/+AskFirstLink01" })
  if (!outcome.ok || outcome.status !== "requested") throw new Error("Alice could not ask to join")
}

const call = (mock: MockTelegram, method: string, path: string, body: unknown, token: string | undefined) => {
  const response = mock.handle({
    method,
    target: path,
    ...(body === undefined ? {} : { contentType: "application/json" }),
    body: body === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(body)),
    ...(token === undefined ? {} : { controlToken: token })
  })
  if (response._tag !== "Json") throw new Error(`${method} ${path} answered ${response._tag}`)
  return response
}

describe("the control token guards every control route (walked from the router's own table)", () => {
  it("has a working sample request for every route of the table, and nothing else", () => {
    const table = CONTROL_ROUTES.map((route) => `${route.method} ${route.path}`)
    expect(new Set(table).size).toBe(table.length)
    expect(table.sort()).toEqual(Object.keys(SAMPLES).sort())
    for (const route of CONTROL_ROUTES) expect(route.summary.length, route.path).toBeGreaterThan(10)
  })

  for (const route of CONTROL_ROUTES) {
    const key = `${route.method} ${route.path}`
    it(key, () => {
      const sample = SAMPLES[key]!
      const mock = MockTelegram.make({ controlToken: TOKEN })
      sample.prepare?.(mock)
      const before = JSON.stringify(mock.snapshot())
      for (const token of [undefined, "", "wrong", `${TOKEN}x`, TOKEN.toUpperCase()]) {
        const refused = call(mock, route.method, sample.path, sample.body, token)
        expect(refused.status, `token ${JSON.stringify(token)}`).toBe(401)
        expect(refused.body).toBe(REFUSED)
      }
      expect(JSON.stringify(mock.snapshot())).toBe(before)
      const accepted = call(mock, route.method, sample.path, sample.body, TOKEN)
      expect(accepted.status, accepted.body).toBe(200)
      expect(JSON.parse(accepted.body).ok).toBe(true)
    })
  }

  it("serves no path outside the table, with or without the token", () => {
    const mock = MockTelegram.make({ controlToken: TOKEN })
    for (const path of ["/__mock/nothing", "/__mock/users/42/fly", "/__mock/chats/1/members", "/__mock"]) {
      expect(call(mock, "GET", path, undefined, undefined).status).toBe(401)
      expect(call(mock, "POST", path, {}, TOKEN).status).toBe(404)
    }
  })

  it("guards the live stream the same way (standalone server)", async () => {
    const server = await startMockServer({ mock: MockTelegram.make({ controlToken: TOKEN }) })
    try {
      for (const headers of [{}, { "x-mock-control-token": "wrong" }]) {
        const refused = await fetch(`${server.url}/__mock/events`, { headers })
        expect(refused.status).toBe(401)
        expect(await refused.text()).toBe(REFUSED)
      }
      const controller = new AbortController()
      const stream = await fetch(`${server.url}/__mock/events`, {
        headers: { "x-mock-control-token": TOKEN },
        signal: controller.signal
      })
      expect(stream.status).toBe(200)
      expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/)
      controller.abort()
    } finally {
      await server.close()
    }
  })

  it("the default world's owner and bot are who the samples assume", () => {
    expect(DEFAULT_OWNER_ID).toBe(1000)
    expect(DEFAULT_BOT_ID).toBe(123456)
  })
})
