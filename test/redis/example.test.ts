/**
 * examples/many-processes.ts (examples/effect4/many-processes.ts in the Effect 4 edition) as a process: real
 * redis-server, the standalone mock, the fleet's layers.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { connectAdmin } from "../edition/redis.js"
import { runExample } from "../examples/run.js"
import { announceSkip, redisAvailable, type RedisServer, startRedis } from "./redisServer.js"

const SECRET = DEFAULT_BOT_TOKEN.split(":")[1]!

announceSkip()

describe.skipIf(!redisAvailable)("examples/many-processes.ts", () => {
  let redis: RedisServer
  let server: RunningMockServer
  beforeAll(async () => {
    redis = await startRedis()
    server = await startMockServer({ mock: MockTelegram.make() })
  })
  afterAll(async () => {
    await server?.close()
    await redis?.stop()
  })

  const run = (chatId: string) =>
    runExample("many-processes.ts", {
      REDIS_URL: redis.url,
      TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN,
      TELEGRAM_API_ROOT: server.url,
      TELEGRAM_CHAT_ID: chatId
    })

  it("exports a link, and a second process uses the migration the first one stored in Redis", async () => {
    const first = await run("-987654321")
    assert.strictEqual(first.code, 0, first.output)
    assert.include(first.output, "chat -987654321 has been migrated to -1009876543210")
    assert.match(first.output, /https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}/)
    const admin = await connectAdmin(redis.url)
    try {
      // The same key in both editions: processes of either share the registry.
      assert.strictEqual(await admin.get("tg:123456:migration:-987654321"), "-1009876543210")
      assert.notInclude((await admin.keys("*")).join(" "), SECRET)
    } finally {
      admin.close()
    }
    const second = await run("-987654321")
    assert.strictEqual(second.code, 0, second.output)
    assert.include(second.output, "chat -987654321 was migrated to -1009876543210")
    const oldIdCalls = server.mock.journal().filter((e) =>
      e.method === "exportChatInviteLink" && e.chat_id === "-987654321"
    )
    assert.strictEqual(oldIdCalls.length, 1)
  }, 60_000)
})
