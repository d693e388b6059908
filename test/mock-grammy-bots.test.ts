/**
 * grammY bots written as grammY's own examples write them (test/mock/bots/grammyBots.ts: a menu that edits its
 * keyboard, photos, an album and documents both ways, a quiz that reads `poll_answer` and a group vote, commands set at
 * start-up, a helper in forum topics), run unmodified with `bot.start()` against the standalone mock. People act
 * through the control API over HTTP (test/mock/botScenarios.ts), and see what they would see in their app.
 */
import type { Bot } from "grammy"
import { MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { commandsBot, forumBot, mediaBot, menuBot, pollBot } from "./mock/bots/grammyBots.js"
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

/** Runs a bot by long polling (`bot.start()`, as its author would) around `use`, stops it; its handlers must not fail. */
const running = async (bot: Bot, use: (mock: MockOverHttp) => Promise<void>): Promise<void> => {
  const failures: Array<unknown> = []
  bot.catch((error) => void failures.push(error.error))
  let started!: () => void
  const onStart = new Promise<void>((resolve) => (started = resolve))
  const polling = bot.start({ allowed_updates: ["message", "callback_query", "poll", "poll_answer"], onStart: started })
  await onStart
  try {
    await use(mock)
  } finally {
    await bot.stop()
    await polling
  }
  expect(failures).toEqual([])
}

describe("grammY bots against the standalone mock, with people acting", () => {
  it("a menu: each press edits the keyboard (editMessageReplyMarkup); Order replaces the menu", async () => {
    await running(menuBot(server.url), menuScenario)
  })

  it("files: a photo, an album and a document sent, a person's photo and document fetched and answered", async () => {
    await running(mediaBot(server.url), mediaScenario)
  })

  it("a quiz: the person's answer (poll_answer) is judged", async () => {
    await running(pollBot(server.url), quizScenario)
  })

  it("a group vote: people vote, /results stops the poll, everyone sees the tally", async () => {
    await groupMembers(mock)
    await running(pollBot(server.url), groupVoteScenario)
  })

  it("commands set at start-up: a person's app shows them by chat and language; /help lists them", async () => {
    await running(await commandsBot(server.url), commandsScenario)
  })

  it("forum topics: a topic opened, answers in the topic written to, the topic closed", async () => {
    await forumWorld(mock)
    await running(forumBot(server.url), forumScenario)
  })
})
