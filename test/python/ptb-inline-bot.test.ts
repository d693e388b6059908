/**
 * Inline mode end to end with an unmodified python-telegram-bot 13 bot (Debian's; test/python/bots/inline_bot.py,
 * written as PTB's inlinebot.py example with inline feedback), run as a child process with
 * `Updater(token, base_url=root + "/bot")` against the standalone mock: a person's query, the bot's answer, the pick,
 * the message with `via_bot` in the group and the bot's edit of it (test/mock/inlineScenario.ts, the same scenario the
 * grammY bot passes). Skipped only when python-telegram-bot is missing (a skip CI refuses unless ALLOW_SKIPPED=python).
 */
import { spawn, spawnSync } from "node:child_process"
import { join } from "node:path"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mockOverHttp } from "../mock/botsOverHttp.js"
import { inlineScenario } from "../mock/inlineScenario.js"
import { ROOT } from "../mock/recipeSupport.js"

const PYTHON = process.env["PYTHON_BOTS"] ?? "/usr/bin/python3"
const hasBotLibrary = spawnSync(PYTHON, ["-c", "import telegram"], { stdio: "ignore" }).status === 0
if (!hasBotLibrary) {
  console.warn(
    `${PYTHON} cannot import telegram: the Python inline bot test is skipped (apt-get install python3-python-telegram-bot)`
  )
}

let server: RunningMockServer
beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make() })
})
afterAll(() => server.close())

describe.skipIf(!hasBotLibrary)("a python-telegram-bot 13 inline bot against the standalone mock", () => {
  it("query → answer → pick → the message via the bot in the group → chosen_inline_result → the bot's edit", async () => {
    const mock = mockOverHttp(server.url)
    const seq = await mock.lastSeq()
    const child = spawn(PYTHON, [join(ROOT, "test", "python", "bots", "inline_bot.py")], {
      env: { ...process.env, TELEGRAM_API_ROOT: server.url, TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve))
    try {
      // It polls once `start_polling` has deleted the webhook; its long poll would hold a clean stop, so it is killed.
      const ended = exited.then((code) => Promise.reject(new Error(`inline_bot.py ended (${code}) before polling`)))
      await Promise.race([mock.requestAfter("deleteWebhook", seq), ended])
      await inlineScenario(mock)
    } catch (error) {
      throw new Error(`${error}\n--- inline_bot.py's log:\n${output}`)
    } finally {
      child.kill("SIGKILL")
      await exited
    }
    // PTB 13 logs a handler's exception and goes on: its log must have none.
    expect(output).not.toMatch(/ - (ERROR|CRITICAL) - |Traceback/)
  })
})
