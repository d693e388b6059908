/**
 * Inline mode end to end with an unmodified python-telegram-bot 13 bot (Debian's; test/python/bots/inline_bot.py,
 * written as PTB's inlinebot.py example with inline feedback), run as a child process with
 * `Updater(token, base_url=root + "/bot")` against the standalone mock: a person's query, the bot's answer, the pick,
 * the message with `via_bot` in the group and the bot's edit of it (test/mock/inlineScenario.ts, the same scenario the
 * grammY bot passes). Skipped only when python-telegram-bot is missing (a skip CI refuses unless ALLOW_SKIPPED=python).
 */
import { MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, it } from "vitest"
import { mockOverHttp } from "../mock/botsOverHttp.js"
import { inlineScenario } from "../mock/inlineScenario.js"
import { hasBotLibrary as pythonBotLibrary, runningPythonBot } from "./pythonBots.js"

const hasBotLibrary = pythonBotLibrary("the Python inline bot test is")

let server: RunningMockServer
beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make() })
})
afterAll(() => server.close())

describe.skipIf(!hasBotLibrary)("a python-telegram-bot 13 inline bot against the standalone mock", () => {
  it("query → answer → pick → the message via the bot in the group → chosen_inline_result → the bot's edit", async () => {
    const mock = mockOverHttp(server.url)
    await runningPythonBot(server.url, mock, "inline_bot.py", inlineScenario)
  })
})
