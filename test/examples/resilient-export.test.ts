/**
 * examples/resilient-export.ts (examples/effect4/resilient-export.ts in the Effect 4 edition), type-checked by `tsc`
 * (it is in the project) and run: in-process through the MSW mock on the TestClock, and as its own process (`tsx`)
 * against the standalone mock server.
 */
import { afterAll, afterEach, assert, beforeAll, describe, it } from "@effect/vitest"
import { Clock, Duration, Effect, Layer } from "effect"
import { setupServer } from "msw/node"
import { DEFAULT_BOT_TOKEN, MockTelegram, startMockServer } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"
import * as ChatId from "../../src/ChatId.js"
import { mockClockFromEffect } from "../../src/MockHttpClient.js"
import * as Policy from "../../src/Policy.js"
import { configLayer } from "../edition/config.js"
import { ResilientExport } from "../edition/examples.js"
import { loggerLayer } from "../edition/logger.js"
import { runExample } from "./run.js"

const SECRET = DEFAULT_BOT_TOKEN.split(":")[1]!

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: "error" }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const messageText = (message: unknown): string => Array.isArray(message) ? message.join(" ") : String(message)

describe("examples/resilient-export.ts", () => {
  it.effect("in-process: exports the link of an upgraded group and logs the move", () =>
    Effect.gen(function*() {
      const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Clock.clockWith(Effect.succeed)) })
      server.use(...telegramHandlers(mock))
      const lines: Array<string> = []
      const logger = loggerLayer(({ message }) => lines.push(messageText(message)))
      const env = configLayer({ TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN, TELEGRAM_CHAT_ID: "-987654321" })
      const result = yield* ResilientExport.program.pipe(
        Effect.provide(ResilientExport.MainLayer),
        Effect.provide(Layer.mergeAll(logger, env))
      )
      assert.strictEqual(result.chatId, ChatId.unsafeMake(-1009876543210))
      assert.deepStrictEqual(lines, [
        "chat -987654321 has been migrated to -1009876543210",
        `invite link for -1009876543210: ${result.link}`
      ])
    }))

  it.live("as a process (tsx) against the standalone mock server", () =>
    Effect.gen(function*() {
      const mock = yield* Effect.acquireRelease(
        Effect.promise(() => startMockServer()),
        (running) => Effect.promise(() => running.close())
      )
      const { code, output, stdout } = yield* Effect.promise(() =>
        runExample("resilient-export.ts", {
          TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN,
          TELEGRAM_API_ROOT: mock.url,
          TELEGRAM_CHAT_ID: "@my_test_channel"
        })
      )
      assert.strictEqual(code, 0, output)
      assert.match(stdout, /invite link for @my_test_channel: https:\/\/t\.me\/\+[A-Za-z0-9_-]+/)
      assert.notInclude(output, SECRET)
    }).pipe(Effect.scoped), 60_000)
})

describe("Policy.formatEvent", () => {
  it("reads as the CLI prints it (the shared core's wording)", () => {
    const chatId = ChatId.unsafeMake(-1001234567890)
    assert.strictEqual(
      Policy.formatEvent({
        _tag: "FloodWait",
        source: "server",
        method: "exportChatInviteLink",
        chatId,
        retryAfter: Duration.seconds(12),
        attempt: 2,
        maxAttempts: 5
      }),
      "retrying exportChatInviteLink in 12 s (attempt 2 of 5)"
    )
    assert.strictEqual(
      Policy.formatEvent({
        _tag: "Migrated",
        method: "exportChatInviteLink",
        from: ChatId.unsafeMake(-987654321),
        to: ChatId.unsafeMake(-1009876543210),
        remembered: false
      }),
      "chat -987654321 has been migrated to -1009876543210"
    )
    assert.strictEqual(
      Policy.formatEvent({
        _tag: "TransientRetry",
        method: "exportChatInviteLink",
        chatId,
        reason: "exportChatInviteLink (chat -1001234567890): Timeout: no answer within 10s",
        delay: Duration.millis(200),
        attempt: 3,
        maxAttempts: 5
      }),
      "retrying exportChatInviteLink in 200 ms (attempt 3 of 5) after: exportChatInviteLink (chat -1001234567890): Timeout: no answer within 10s"
    )
  })
})
