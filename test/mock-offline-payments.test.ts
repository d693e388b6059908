/**
 * Payments with an unmodified real client against the standalone mock, on the mock's clock: a grammY bot by long
 * polling sells a cup of tea for Stars (invoice → the person pays → pre_checkout_query → the bot's answer →
 * successful_payment → the bot refunds → refunded_payment), and sells a channel subscription through a subscription
 * link (the person pays to join; the membership ends when the period does, with chat_member). The person acts through
 * the control API over HTTP; nothing sleeps: every wait is for an event, and time moves only when the test moves it.
 */
import { Bot } from "grammy"
import {
  DEFAULT_BOT_TOKEN,
  manualClock,
  MockTelegram,
  type RunningMockServer,
  startMockServer
} from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const BOB = 43
const BOT = 123456
const CHANNEL = -1001000000001
const MONTH = 2_592_000

const clock = manualClock()
let server: RunningMockServer
beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make({ clock }) })
})
afterAll(() => server.close())

/** A control request over HTTP: the envelope. */
const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/__mock/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  })
  return (await response.json()) as { ok: boolean; result?: any; error_code?: number; description?: string }
}

/** A queue of values waited for one at a time. */
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

describe("a grammY bot takes Stars offline", () => {
  it("invoice → pre-checkout → answer → successful payment → refund; a paid join that ends with its period", async () => {
    const bot = new Bot(DEFAULT_BOT_TOKEN, { client: { apiRoot: server.url } })
    const replies = events<any>()
    const payments = events<any>()
    const refunds = events<any>()
    const members = events<any>()
    bot.command("tea", async (ctx) => {
      replies.push(await ctx.replyWithInvoice("Tea", "A cup of tea", "tea-1", "XTR", [{ label: "Tea", amount: 50 }]))
    })
    bot.command("club", async (ctx) => {
      const link = await ctx.api.createChatSubscriptionInviteLink(CHANNEL, MONTH, 25, { name: "Club" })
      replies.push(await ctx.reply(link.invite_link))
    })
    bot.on("pre_checkout_query", (ctx) => ctx.answerPreCheckoutQuery(ctx.preCheckoutQuery.invoice_payload === "tea-1"))
    bot.on("message:successful_payment", async (ctx) => {
      payments.push(ctx.message.successful_payment)
      await ctx.refundStarPayment()
    })
    bot.on("message:refunded_payment", (ctx) => refunds.push(ctx.message.refunded_payment))
    bot.on("chat_member", (ctx) => members.push(ctx.chatMember))
    const started = events<void>()
    const running = bot.start({
      allowed_updates: ["message", "pre_checkout_query", "chat_member"],
      onStart: () => started.push()
    })
    await started.next()
    try {
      expect((await control("PUT", `stars/${BOB}`, { amount: 100 })).ok).toBe(true)
      await control("POST", `users/${BOB}/send`, { text: "/tea" })
      const invoice = await replies.next()
      expect(invoice.invoice).toEqual({
        title: "Tea",
        description: "A cup of tea",
        start_parameter: "",
        currency: "XTR",
        total_amount: 50
      })
      const paying = await control("POST", `users/${BOB}/pay`, { message_id: invoice.message_id })
      expect(paying.result.status).toBe("awaiting_pre_checkout")
      const paid = await payments.next()
      expect(paid).toMatchObject({ currency: "XTR", total_amount: 50, invoice_payload: "tea-1" })
      expect((await control("GET", `checkouts/${paying.result.checkout_id}`)).result).toMatchObject({
        status: "paid",
        telegram_payment_charge_id: paid.telegram_payment_charge_id
      })
      const refunded = await refunds.next()
      expect(refunded.telegram_payment_charge_id).toBe(paid.telegram_payment_charge_id)
      expect((await control("GET", `stars/${BOB}`)).result.amount).toBe(100)
      expect((await bot.api.getMyStarBalance()).amount).toBe(0)
      const { transactions } = await bot.api.getStarTransactions()
      expect(transactions.map((transaction) => ["source" in transaction, transaction.amount])).toEqual([
        [true, 50],
        [false, 50]
      ])

      // A channel subscription: Bob pays 25 Stars to join; 30 days later (the mock's clock) he is out.
      await control("POST", `users/${BOB}/send`, { text: "/club" })
      const link = (await replies.next()).text
      expect(await control("POST", `users/${BOB}/join`, { invite_link: link, pay_stars: true })).toEqual({
        ok: true,
        result: { status: "member", chat_id: CHANNEL }
      })
      const until = Math.floor(clock.now() / 1000) + MONTH
      expect(await members.next()).toMatchObject({
        chat: { id: CHANNEL },
        new_chat_member: { status: "member", until_date: until, user: { id: BOB } },
        invite_link: { invite_link: link, name: "Club", subscription_period: MONTH, subscription_price: 25 }
      })
      expect((await control("GET", `stars/${BOB}`)).result.amount).toBe(75)
      expect((await bot.api.getChatMember(CHANNEL, BOB)).status).toBe("member")
      clock.advance(MONTH * 1000)
      expect(await members.next()).toMatchObject({
        old_chat_member: { status: "member", until_date: until },
        new_chat_member: { status: "left", user: { id: BOB } }
      })
      expect((await bot.api.getChatMember(CHANNEL, BOB)).status).toBe("left")
    } finally {
      await bot.stop()
      await running
    }
    expect(server.mock.pendingUpdateCount(BOT)).toBe(0)
  })
})
