/**
 * examples/effect4/*.ts, type-checked by `tsc` (they are in this package's project) and run: the resilient export
 * in-process through the MSW mock on the TestClock and as its own process (tsx) against the standalone mock server;
 * the fleet program as two processes against a real redis-server and the standalone mock.
 */
import { afterAll, afterEach, assert, beforeAll, describe, it } from "@effect/vitest"
import { Clock, ConfigProvider, Duration, Effect, Layer, Logger } from "effect"
import { setupServer } from "msw/node"
import { execFile } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { createClient } from "redis"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"
import { MainLayer, program } from "../../examples/effect4/resilient-export.js"
import * as ChatId from "../src/ChatId.js"
import { mockClockFromEffect } from "../src/MockHttpClient.js"
import * as Policy from "../src/Policy.js"
import { announceSkip, redisAvailable, type RedisServer, startRedis } from "./redis/redisServer.js"

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..")
const SECRET = DEFAULT_BOT_TOKEN.split(":")[1]!

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: "error" }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** Runs an example as its own process (tsx, on this package's Node), from this package's folder. */
const runExample = (file: string, env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join("..", "examples", "effect4", file)],
      { cwd: PACKAGE, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, output: stdout + stderr })
    )
  })

const messageText = (message: unknown): string => Array.isArray(message) ? message.join(" ") : String(message)

describe("examples/effect4/resilient-export.ts", () => {
  it.effect("in-process: exports the link of an upgraded group and logs the move", () =>
    Effect.gen(function*() {
      const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Clock.Clock) })
      server.use(...telegramHandlers(mock))
      const lines: Array<string> = []
      const logger = Logger.layer([Logger.make(({ message }) => lines.push(messageText(message)))])
      const env = ConfigProvider.fromEnv({
        env: { TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN, TELEGRAM_CHAT_ID: "-987654321" }
      })
      const result = yield* program.pipe(
        Effect.provide(MainLayer),
        Effect.provide(Layer.mergeAll(logger, ConfigProvider.layer(env)))
      )
      assert.strictEqual(result.chatId, ChatId.unsafeMake(-1009876543210))
      assert.deepStrictEqual(lines, [
        "chat -987654321 has been migrated to -1009876543210",
        `invite link for -1009876543210: ${result.link}`
      ])
    }))

  it.live("as a process (tsx, Node 22) against the standalone mock server", () =>
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
    }))
})

announceSkip()

describe.skipIf(!redisAvailable)("examples/effect4/many-processes.ts (real redis-server, standalone mock)", () => {
  let redis: RedisServer
  let mock: RunningMockServer
  beforeAll(async () => {
    redis = await startRedis()
    mock = await startMockServer({ mock: MockTelegram.make() })
  })
  afterAll(async () => {
    await mock?.close()
    await redis?.stop()
  })

  const run = (chatId: string) =>
    runExample("many-processes.ts", {
      REDIS_URL: redis.url,
      TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN,
      TELEGRAM_API_ROOT: mock.url,
      TELEGRAM_CHAT_ID: chatId
    })

  it.live(
    "exports a link, and a second process uses the migration the first one stored in Redis",
    () =>
      Effect.gen(function*() {
        const first = yield* Effect.promise(() => run("-987654321"))
        assert.strictEqual(first.code, 0, first.output)
        assert.include(first.output, "chat -987654321 has been migrated to -1009876543210")
        assert.match(first.output, /https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}/)
        const admin = createClient({ url: redis.url })
        admin.on("error", () => {})
        yield* Effect.promise(() => admin.connect())
        // The Effect 3 edition's key: processes of both editions share the registry.
        assert.strictEqual(yield* Effect.promise(() => admin.get("tg:123456:migration:-987654321")), "-1009876543210")
        assert.notInclude((yield* Effect.promise(() => admin.keys("*"))).join(" "), SECRET)
        admin.destroy()
        const second = yield* Effect.promise(() => run("-987654321"))
        assert.strictEqual(second.code, 0, second.output)
        assert.include(second.output, "chat -987654321 was migrated to -1009876543210")
        const oldIdCalls = mock.mock.journal().filter((e) =>
          e.method === "exportChatInviteLink" && e.chat_id === "-987654321"
        )
        assert.strictEqual(oldIdCalls.length, 1)
      }),
    60_000
  )
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
