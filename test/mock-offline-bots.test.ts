/**
 * Whole bots, unmodified real clients, against the standalone mock: a grammY bot by long polling (`bot.start()`), a
 * telegraf bot over a webhook with its secret token. A person (driven through the control API, over HTTP) asks for a
 * link, joins through it, or asks to join and is approved; the bots see it all as updates. Nothing sleeps: every wait
 * is for an event.
 */
import { Bot, InlineKeyboard } from "grammy"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { Telegraf } from "telegraf"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"

const SUPERGROUP = -1001234567890

let server: RunningMockServer
beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make() })
})
afterAll(() => server.close())
afterEach(() => server.mock.reset())

/** A control request over HTTP: the envelope. */
const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/__mock/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  })
  return (await response.json()) as { ok: boolean; result?: any; error_code?: number; description?: string }
}

/** A promise resolved from outside, and a queue of values waited for one at a time. */
const events = <A>() => {
  const values: Array<A> = []
  const waiters: Array<(value: A) => void> = []
  return {
    push: (value: A) => {
      const waiter = waiters.shift()
      if (waiter !== undefined) waiter(value)
      else values.push(value)
    },
    next: (): Promise<A> =>
      values.length > 0 ? Promise.resolve(values.shift()!) : new Promise<A>((resolve) => waiters.push(resolve))
  }
}

/** The URL of the first URL button in a bot's message. */
const buttonUrl = (message: any): string => message.reply_markup.inline_keyboard[0][0].url

describe("a grammY bot by long polling (bot.start)", () => {
  it("answers /invite with a link button; the person joins through it; the bot sees chat_member", async () => {
    const bot = new Bot(DEFAULT_BOT_TOKEN, { client: { apiRoot: server.url } })
    const replies = events<any>()
    const joins = events<any>()
    bot.command("invite", async (ctx) => {
      const link = await ctx.api.exportChatInviteLink(SUPERGROUP)
      replies.push(await ctx.reply("Here is your link", { reply_markup: new InlineKeyboard().url("Join", link) }))
    })
    bot.command("ask", async (ctx) => {
      const link = await ctx.api.createChatInviteLink(SUPERGROUP, { creates_join_request: true, name: "ask" })
      replies.push(await ctx.reply("Ask here", { reply_markup: new InlineKeyboard().url("Ask", link.invite_link) }))
    })
    bot.on("chat_join_request", async (ctx) => {
      await ctx.approveChatJoinRequest(ctx.chatJoinRequest.from.id)
    })
    bot.on("chat_member", (ctx) => joins.push(ctx.chatMember))
    const started = events<void>()
    const running = bot.start({
      allowed_updates: ["message", "chat_member", "chat_join_request"],
      onStart: () => started.push()
    })
    await started.next()
    try {
      // Bob has not started the bot: his /start-less /invite opens the chat, as any first message does.
      expect((await control("POST", "users/43/send", { text: "/invite" })).ok).toBe(true)
      const reply = await replies.next()
      expect(reply.chat.id).toBe(43)
      const url = buttonUrl(reply)
      expect(url).toMatch(/^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/)
      expect(url).toBe(server.mock.primaryLink(SUPERGROUP, 123456))
      expect(await control("POST", "users/43/join", { invite_link: url })).toEqual({
        ok: true,
        result: { status: "member", chat_id: SUPERGROUP }
      })
      const joined = await joins.next()
      expect(joined).toMatchObject({
        chat: { id: SUPERGROUP, type: "supergroup" },
        from: { id: 43 },
        old_chat_member: { status: "left", user: { id: 43 } },
        new_chat_member: { status: "member", user: { id: 43 } },
        invite_link: { invite_link: url, is_primary: true, creator: { id: 123456 } }
      })
      // A join-request link: Carol asks, the bot approves, she is a member.
      await control("POST", "users/44/send", { text: "/ask" })
      const askUrl = buttonUrl(await replies.next())
      expect(await control("POST", "users/44/join", { invite_link: askUrl })).toEqual({
        ok: true,
        result: { status: "requested", chat_id: SUPERGROUP }
      })
      const approved = await joins.next()
      expect(approved).toMatchObject({
        from: { id: 44 },
        new_chat_member: { status: "member" },
        via_join_request: true
      })
      expect((await bot.api.getChatMember(SUPERGROUP, 44)).status).toBe("member")
    } finally {
      await bot.stop()
      await running
    }
    // bot.stop() confirmed what it had handled: nothing is left for the next start.
    expect(server.mock.pendingUpdateCount(123456)).toBe(0)
  })
})

/** A telegraf bot behind a real HTTP server on loopback: its webhook callback checks the secret token. */
const telegrafBot = async (secretToken: string) => {
  const bot = new Telegraf(DEFAULT_BOT_TOKEN, { telegram: { apiRoot: server.url } })
  const http: Server = createServer(bot.webhookCallback("/hook", { secretToken }))
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`
  return { bot, url, close: () => new Promise<void>((resolve) => http.close(() => resolve())) }
}

describe("a telegraf bot over a webhook", () => {
  it("does the same, answers a button from its webhook reply, and the secret token is checked", async () => {
    const { bot, close, url } = await telegrafBot("s3cret-Token_1")
    const replies = events<any>()
    const joins = events<any>()
    const presses = events<string>()
    bot.command("invite", async (ctx) => {
      const link = await ctx.telegram.exportChatInviteLink(SUPERGROUP)
      replies.push(
        await ctx.reply("Here", {
          reply_markup: {
            inline_keyboard: [[{ text: "Join", url: link }, { text: "Thanks", callback_data: "thanks" }]]
          }
        })
      )
    })
    bot.action("thanks", async (ctx) => {
      presses.push(ctx.callbackQuery.id)
      await ctx.answerCbQuery("You are welcome") // telegraf sends this in the webhook's answer
    })
    bot.on("chat_join_request", (ctx) => ctx.approveChatJoinRequest(ctx.chatJoinRequest.from.id))
    bot.on("chat_member", (ctx) => joins.push(ctx.chatMember))
    try {
      expect(
        await bot.telegram.setWebhook(url, {
          secret_token: "s3cret-Token_1",
          allowed_updates: ["message", "callback_query", "chat_member", "chat_join_request"]
        })
      ).toBe(true)
      await control("POST", "users/43/send", { text: "/invite" })
      const reply = await replies.next()
      const url0 = buttonUrl(reply)
      const press = await control("POST", "users/43/press", { message_id: reply.message_id, data: "thanks" })
      expect(await presses.next()).toBe(press.result.callback_query_id)
      await control("POST", "users/43/join", { invite_link: url0 })
      expect(await joins.next()).toMatchObject({ from: { id: 43 }, new_chat_member: { status: "member" } })
      // The webhook's answer carried answerCallbackQuery: run as the bot, result discarded, journaled.
      expect(server.mock.callbackQuery(press.result.callback_query_id)?.answer?.text).toBe("You are welcome")
      expect(server.mock.journal().find((entry) => entry.webhook_reply === true)).toMatchObject({
        method: "answerCallbackQuery",
        status: 200
      })
      const requestLink = await bot.telegram.createChatInviteLink(SUPERGROUP, { creates_join_request: true })
      await control("POST", "users/45/join", { invite_link: requestLink.invite_link })
      expect(await joins.next()).toMatchObject({ from: { id: 45 }, via_join_request: true })
      const info = await bot.telegram.getWebhookInfo()
      expect(info).toMatchObject({ url, pending_update_count: 0, ip_address: "127.0.0.1" })
      expect(info.last_error_message).toBeUndefined()
    } finally {
      await close()
    }
  })

  it("a wrong secret token is refused by the bot: the update stays pending and the error is reported", async () => {
    const { bot, close, url } = await telegrafBot("the-right-one")
    try {
      await bot.telegram.setWebhook(url, { secret_token: "a-wrong-one" })
      await control("POST", "users/42/send", { text: "hello" })
      // The first failure is retried at once; the second waits 2 s on the mock's (real) clock: we look before that.
      for (;;) {
        const info = await bot.telegram.getWebhookInfo()
        if (info.last_error_message !== undefined) {
          expect(info.last_error_message).toBe("Wrong response from the webhook: 403 Forbidden")
          expect(info.pending_update_count).toBe(1)
          break
        }
        await new Promise((resolve) => setImmediate(resolve))
      }
    } finally {
      await close()
    }
  })
})
