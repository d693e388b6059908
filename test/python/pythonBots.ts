/**
 * Running python-telegram-bot 13 bots (Debian's) against the standalone mock, for the Python bot suites: whether the
 * library is there, and one bot run around a scenario.
 */
import { spawn, spawnSync } from "node:child_process"
import { join } from "node:path"
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { expect } from "vitest"
import type { MockOverHttp } from "../mock/botsOverHttp.js"
import { ROOT } from "../mock/recipeSupport.js"

export const PYTHON = process.env["PYTHON_BOTS"] ?? "/usr/bin/python3"

/** Whether PYTHON imports `telegram`; when not, says which tests (`what`) are skipped and how to install it. */
export const hasBotLibrary = (what: string): boolean => {
  const has = spawnSync(PYTHON, ["-c", "import telegram"], { stdio: "ignore" }).status === 0
  if (!has) {
    console.warn(`${PYTHON} cannot import telegram: ${what} skipped (apt-get install python3-python-telegram-bot)`)
  }
  return has
}

/**
 * Runs `python3 test/python/bots/<file>` against the server at `apiRoot` around `use`, from the moment it polls
 * (`start_polling` deletes the webhook first, after the bot's own start-up calls), then kills it (its long poll would
 * hold a clean stop). Its log must have no error: PTB 13 logs a handler's exception and goes on.
 */
export const runningPythonBot = async (
  apiRoot: string,
  mock: MockOverHttp,
  file: string,
  use: (mock: MockOverHttp) => Promise<void>
): Promise<void> => {
  const seq = await mock.lastSeq()
  const child = spawn(PYTHON, [join(ROOT, "test", "python", "bots", file)], {
    env: { ...process.env, TELEGRAM_API_ROOT: apiRoot, TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN },
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
