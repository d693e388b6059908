/**
 * Inline mode end to end with an unmodified grammY bot (test/mock/bots/grammyInlineBot.ts) run with `bot.start()`
 * against the standalone mock: a person's query (the control API over HTTP), the bot's answer, the person's pick, the
 * message with `via_bot` in the group, and the bot's edit of it by its inline_message_id (test/mock/inlineScenario.ts).
 */
import { MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { inlineBot } from "./mock/bots/grammyInlineBot.js"
import { mockOverHttp } from "./mock/botsOverHttp.js"
import { inlineScenario } from "./mock/inlineScenario.js"

let server: RunningMockServer
beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make() })
})
afterAll(() => server.close())

describe("a grammY inline bot against the standalone mock, with a person querying and picking", () => {
  it("query → answer → pick → the message via the bot in the group → chosen_inline_result → the bot's edit", async () => {
    const bot = inlineBot(server.url)
    const failures: Array<unknown> = []
    bot.catch((error) => void failures.push(error.error))
    let started!: () => void
    const onStart = new Promise<void>((resolve) => (started = resolve))
    const polling = bot.start({
      allowed_updates: ["message", "inline_query", "chosen_inline_result"],
      onStart: started
    })
    await onStart
    try {
      await inlineScenario(mockOverHttp(server.url))
    } finally {
      await bot.stop()
      await polling
    }
    expect(failures).toEqual([])
  })
})
