/** examples/many-processes.ts as a process: real redis-server, the standalone mock, the fleet's layers. */
import { Redis } from "ioredis"
import { execFile } from "node:child_process"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { announceSkip, redisAvailable, type RedisServer, startRedis } from "./redisServer.js"

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
    new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "examples/many-processes.ts"],
        {
          env: {
            ...process.env,
            REDIS_URL: redis.url,
            TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN,
            TELEGRAM_API_ROOT: server.url,
            TELEGRAM_CHAT_ID: chatId
          },
          timeout: 30_000
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })
      )
    })

  it("exports a link, and a second process uses the migration the first one stored in Redis", async () => {
    const first = await run("-987654321")
    expect(first.code).toBe(0)
    expect(first.output).toContain("chat -987654321 has been migrated to -1009876543210")
    expect(first.output).toMatch(/https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}/)
    const admin = new Redis(redis.url)
    try {
      expect(await admin.get("tg:123456:migration:-987654321")).toBe("-1009876543210")
      expect((await admin.keys("*")).join(" ")).not.toContain(DEFAULT_BOT_TOKEN.split(":")[1])
    } finally {
      admin.disconnect()
    }
    const second = await run("-987654321")
    expect(second.code).toBe(0)
    expect(second.output).toContain("chat -987654321 was migrated to -1009876543210")
    const oldIdCalls = server.mock.journal().filter((e) =>
      e.method === "exportChatInviteLink" && e.chat_id === "-987654321"
    )
    expect(oldIdCalls).toHaveLength(1)
  })
})
