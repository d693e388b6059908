/**
 * telegraf bots written as telegraf's own examples write them (test/mock/bots/telegrafBots.ts: a menu that edits its
 * keyboard, photos, an album and documents both ways, a quiz that reads `poll_answer` and a group vote, commands set at
 * start-up, a helper in forum topics), run unmodified against the standalone mock: the menu on a webhook (telegraf's
 * webhook reply answers the presses), the others by long polling (`bot.launch()`). People act through the control
 * API over HTTP (test/mock/botScenarios.ts), and see what they would see in their app.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import type { Telegraf } from "telegraf"
import { MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { commandsBot, forumBot, mediaBot, menuBot, pollBot } from "./mock/bots/telegrafBots.js"
import {
  commandsScenario,
  forumScenario,
  forumWorld,
  groupMembers,
  groupVoteScenario,
  mediaScenario,
  menuScenario,
  quizScenario
} from "./mock/botScenarios.js"
import { type MockOverHttp, mockOverHttp } from "./mock/botsOverHttp.js"

let server: RunningMockServer
let mock: MockOverHttp
beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make() })
  mock = mockOverHttp(server.url)
})
afterAll(() => server.close())
afterEach(() => server.mock.reset())

const ALLOWED_UPDATES = ["message", "callback_query", "poll", "poll_answer"] as const

/** Collects what the bot's handlers throw (telegraf would log it and go on): none is expected. */
const failuresOf = (bot: Telegraf) => {
  const failures: Array<unknown> = []
  bot.catch((error) => void failures.push(error))
  return failures
}

/** Runs a bot by long polling (`bot.launch()`, as its author would) around `use`, and stops it. */
const polling = async (bot: Telegraf, use: (mock: MockOverHttp) => Promise<void>): Promise<void> => {
  const failures = failuresOf(bot)
  let launched!: () => void
  const onLaunch = new Promise<void>((resolve) => (launched = resolve))
  const running = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, launched)
  await onLaunch
  try {
    await use(mock)
  } finally {
    bot.stop("test over")
    await running
  }
  expect(failures).toEqual([])
}

/** Runs a bot behind its webhook callback on a loopback HTTP server around `use`, and removes it. */
const onWebhook = async (bot: Telegraf, use: (mock: MockOverHttp) => Promise<void>): Promise<void> => {
  const failures = failuresOf(bot)
  const http = createServer(bot.webhookCallback("/telegraf", { secretToken: "webhook-Secret_1" }))
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve))
  try {
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/telegraf`
    await bot.telegram.setWebhook(url, { secret_token: "webhook-Secret_1", allowed_updates: [...ALLOWED_UPDATES] })
    await use(mock)
    await bot.telegram.deleteWebhook()
  } finally {
    await new Promise<void>((resolve) => http.close(() => resolve()))
  }
  expect(failures).toEqual([])
}

describe("telegraf bots against the standalone mock, with people acting", () => {
  it("a menu on a webhook: each press edits the keyboard and is answered in the webhook's reply; Order replaces the menu", async () => {
    await onWebhook(menuBot(server.url), menuScenario)
    const replied = server.mock.journal().filter((entry) => entry.webhook_reply === true)
    // telegraf answers in the webhook's reply only the methods of its allow-list: here each answerCbQuery.
    expect(replied.map((entry) => [entry.method, entry.status])).toEqual(
      Array.from({ length: 4 }, () => ["answerCallbackQuery", 200])
    )
  })

  it("files: a photo, an album and a document sent, a person's photo and document fetched and answered", async () => {
    await polling(mediaBot(server.url), mediaScenario)
  })

  it("a quiz: the person's answer (poll_answer) is judged", async () => {
    await polling(pollBot(server.url), quizScenario)
  })

  it("a group vote: people vote, /results stops the poll, everyone sees the tally", async () => {
    await groupMembers(mock)
    await polling(pollBot(server.url), groupVoteScenario)
  })

  it("commands set at start-up: a person's app shows them by chat and language; /help lists them", async () => {
    await polling(await commandsBot(server.url), commandsScenario)
  })

  it("forum topics: a topic opened, answers in the topic written to, the topic closed", async () => {
    await forumWorld(mock)
    await polling(forumBot(server.url), forumScenario)
  })
})
