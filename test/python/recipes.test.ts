/**
 * The mock README's Python recipe runs as written: `python3 -m unittest test_bot.py` with Debian's python3 and
 * python-telegram-bot 13 (the server found through TG_MOCK_SERVER, run from this repository's source). Skipped only
 * when python-telegram-bot is missing (a skip CI refuses unless ALLOW_SKIPPED=python).
 */
import { spawnSync } from "node:child_process"
import { describe, expect, it } from "vitest"
import { recipeFolder, run, serverWrapper, sourceEnv } from "../mock/recipeSupport.js"

const PYTHON = process.env["PYTHON_BOTS"] ?? "/usr/bin/python3"
const hasBotLibrary = spawnSync(PYTHON, ["-c", "import telegram"], { stdio: "ignore" }).status === 0
if (!hasBotLibrary) {
  console.warn(
    `${PYTHON} cannot import telegram: the Python bot tests are skipped (apt-get install python3-python-telegram-bot)`
  )
}

describe("the mock README's recipes (Python, python-telegram-bot 13)", () => {
  it.skipIf(!hasBotLibrary)("python3 -m unittest test_bot.py passes, as written", async () => {
    const folder = recipeFolder("recipe-py", ["bot.py", "test_bot.py"])
    try {
      const env = { ...sourceEnv(), TG_MOCK_SERVER: serverWrapper(folder.dir) }
      const { code, output } = await run(PYTHON, ["-m", "unittest", "test_bot.py"], { cwd: folder.dir, env })
      expect(output).toMatch(/Ran 1 test/)
      expect(output).toMatch(/\nOK\b/)
      expect(code, output).toBe(0)
    } finally {
      folder.remove()
    }
  }, 120_000)
})
