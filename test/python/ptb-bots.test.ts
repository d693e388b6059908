/**
 * python-telegram-bot 13 bots (Debian's `python3-python-telegram-bot`), written as its own examples write them
 * (test/python/bots/: a menu that edits its keyboard, photos and documents both ways, a quiz that reads `poll_answer`
 * and a group vote, commands set at start-up, a helper in forum topics), each run unmodified as a child process with
 * `Updater(token, base_url=root + "/bot")` against the standalone mock. People act through the control API over HTTP
 * (test/mock/botScenarios.ts, the same scenarios the grammY and telegraf bots pass). Skipped only when
 * python-telegram-bot is missing (a skip CI refuses unless ALLOW_SKIPPED=python).
 */
import { spawn, spawnSync } from "node:child_process"
import { join } from "node:path"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
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
import { ROOT } from "../mock/recipeSupport.js"

const PYTHON = process.env["PYTHON_BOTS"] ?? "/usr/bin/python3"
const hasBotLibrary = spawnSync(PYTHON, ["-c", "import telegram"], { stdio: "ignore" }).status === 0
if (!hasBotLibrary) {
  console.warn(
    `${PYTHON} cannot import telegram: the Python bot tests are skipped (apt-get install python3-python-telegram-bot)`
  )
}

let server: RunningMockServer
let mock: MockOverHttp
beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make() })
  mock = mockOverHttp(server.url)
})
afterAll(() => server.close())
afterEach(() => server.mock.reset())

/**
 * Runs `python3 test/python/bots/<file>` around `use`, from the moment it polls (`start_polling` deletes the webhook
 * first, after the bot's own start-up calls), then kills it (its long poll would hold a clean stop). Its log must have
 * no error: PTB 13 logs a handler's exception and goes on.
 */
const runningPython = async (file: string, use: (mock: MockOverHttp) => Promise<void>): Promise<void> => {
  const seq = await mock.lastSeq()
  const child = spawn(PYTHON, [join(ROOT, "test", "python", "bots", file)], {
    env: { ...process.env, TELEGRAM_API_ROOT: server.url, TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve))
  try {
    const ended = exited.then((code) => Promise.reject(new Error(`${file} ended (${code}) before polling`)))
    await Promise.race([mock.requestAfter("deleteWebhook", seq), ended])
    await use(mock)
  } catch (error) {
    throw new Error(`${error}\n--- ${file}'s log:\n${output}`)
  } finally {
    child.kill("SIGKILL")
    await exited
  }
  expect(output).not.toMatch(/ - (ERROR|CRITICAL) - |Traceback/)
}

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
