/**
 * The mock README's JavaScript recipe runs as written: `node --test bot.test.mjs` starts the server on a free port,
 * starts the bot, acts as a person over HTTP, waits for the bot's reply with a long poll, and stops both.
 */
import { describe, expect, it } from "vitest"
import { recipeFolder, recipes, run, sourceEnv } from "./recipeSupport.js"

describe("the mock README's recipes (JavaScript)", () => {
  it("are in the README, one file each", () => {
    expect([...recipes().keys()].sort()).toEqual(["bot.mjs", "bot.py", "bot.test.mjs", "test_bot.py"])
  })

  it("node --test bot.test.mjs passes, as written", async () => {
    const folder = recipeFolder("recipe-js", ["bot.mjs", "bot.test.mjs"])
    try {
      const { code, output } = await run(process.execPath, ["--test", "bot.test.mjs"], {
        cwd: folder.dir,
        env: sourceEnv()
      })
      expect(output).toMatch(/# pass 1\b/)
      expect(output).toMatch(/# fail 0\b/)
      expect(code, output).toBe(0)
    } finally {
      folder.remove()
    }
  }, 120_000)
})
