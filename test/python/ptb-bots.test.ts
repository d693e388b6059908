/**
 * python-telegram-bot 13 bots (Debian's `python3-python-telegram-bot`), written as its own examples write them
 * (test/python/bots/: a menu that edits its keyboard, photos and documents both ways, a quiz that reads `poll_answer`
 * and a group vote, commands set at start-up, a helper in forum topics), each run unmodified as a child process with
 * `Updater(token, base_url=root + "/bot")` against the standalone mock. People act through the control API over HTTP
 * (test/mock/botScenarios.ts, the same scenarios the grammY and telegraf bots pass). Skipped only when
 * python-telegram-bot is missing (a skip CI refuses unless ALLOW_SKIPPED=python).
 */
import { MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, afterEach, beforeAll, describe, it } from "vitest"
import {
  commandsScenario,
  forumScenario,
  forumWorld,
  groupMembers,
  groupVoteScenario,
  mediaScenario,
  menuScenario,
  quizScenario
} from "../mock/botScenarios.js"
import { type MockOverHttp, mockOverHttp } from "../mock/botsOverHttp.js"
import { hasBotLibrary as pythonBotLibrary, runningPythonBot } from "./pythonBots.js"

const hasBotLibrary = pythonBotLibrary("the Python bot tests are")

let server: RunningMockServer
let mock: MockOverHttp
beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make() })
  mock = mockOverHttp(server.url)
})
afterAll(() => server.close())
afterEach(() => server.mock.reset())

/** A bot of test/python/bots run around a scenario (test/python/pythonBots.ts). */
const runningPython = (file: string, use: (mock: MockOverHttp) => Promise<void>): Promise<void> =>
  runningPythonBot(server.url, mock, file, use)

describe.skipIf(!hasBotLibrary)("python-telegram-bot 13 bots against the standalone mock, with people acting", () => {
  it("a menu: each press edits the keyboard (edit_message_reply_markup); Order replaces the menu", async () => {
    await runningPython("menu_bot.py", menuScenario)
  })

  it("files: a photo, an album and a document sent, a person's photo and document fetched and answered", async () => {
    await runningPython("media_bot.py", mediaScenario)
  })

  it("a quiz: the person's answer (PollAnswerHandler) is judged", async () => {
    await runningPython("poll_bot.py", quizScenario)
  })

  it("a group vote: people vote, /results stops the poll, everyone sees the tally", async () => {
    await groupMembers(mock)
    await runningPython("poll_bot.py", groupVoteScenario)
  })

  it("commands set at start-up: a person's app shows them by chat and language; /help lists them", async () => {
    await runningPython("commands_bot.py", commandsScenario)
  })

  it("forum topics: a topic opened, answers in the topic written to, the topic closed", async () => {
    await forumWorld(mock)
    await runningPython("forum_bot.py", forumScenario)
  })
})
