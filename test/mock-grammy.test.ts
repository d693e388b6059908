/** grammY, a real Bot API client nobody here wrote, unmodified against the standalone mock through `apiRoot`. */
import { Bot, GrammyError } from "grammy"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

let server: RunningMockServer
let bot: Bot

beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make() })
  bot = new Bot(DEFAULT_BOT_TOKEN, { client: { apiRoot: server.url } })
})
afterAll(() => server.close())
beforeEach(() => server.mock.reset())

const failure = async (promise: Promise<unknown>): Promise<GrammyError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(GrammyError)
  return error as GrammyError
}

describe("grammY against the standalone mock", () => {
  it("gets a link, and getChat shows it", async () => {
    const link = await bot.api.exportChatInviteLink(-1001234567890)
    expect(link).toMatch(/^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/)
    expect((await bot.api.getChat(-1001234567890)).invite_link).toBe(link)
    expect((await bot.api.getMe()).username).toBe("seed_invite_bot")
  })

  it("sees a 429 with parameters.retry_after", async () => {
    server.mock.injectFault({ method: "exportChatInviteLink", reply: { error_code: 429, retry_after: 7 } })
    const error = await failure(bot.api.exportChatInviteLink(-1001234567890))
    expect(error.error_code).toBe(429)
    expect(error.description).toBe("Too Many Requests: retry after 7")
    expect(error.parameters.retry_after).toBe(7)
  })

  it("sees a 429 from the flood limits", async () => {
    server.mock.setFloodLimits([{ method: "exportChatInviteLink", max_calls: 1, per_seconds: 60 }])
    await bot.api.exportChatInviteLink(-1001234567890)
    const error = await failure(bot.api.exportChatInviteLink(-1001234567890))
    expect(error.error_code).toBe(429)
    expect(error.parameters.retry_after).toBeGreaterThanOrEqual(59)
    expect(error.parameters.retry_after).toBeLessThanOrEqual(60)
  })

  it("sees a migration with parameters.migrate_to_chat_id", async () => {
    const error = await failure(bot.api.exportChatInviteLink(-987654321))
    expect(error.error_code).toBe(400)
    expect(error.description).toBe("Bad Request: group chat was upgraded to a supergroup chat")
    expect(error.parameters.migrate_to_chat_id).toBe(-1009876543210)
    expect(await bot.api.exportChatInviteLink(error.parameters.migrate_to_chat_id!)).toMatch(/^https:\/\/t\.me\/\+/)
  })

  it("creates, edits and revokes links", async () => {
    const created = await bot.api.createChatInviteLink(-1001234567890, { name: "Promo", member_limit: 10 })
    expect(created).toMatchObject({ name: "Promo", member_limit: 10, is_primary: false, is_revoked: false })
    const edited = await bot.api.editChatInviteLink(-1001234567890, created.invite_link, { name: "Renamed" })
    expect(edited.name).toBe("Renamed")
    const revoked = await bot.api.revokeChatInviteLink(-1001234567890, created.invite_link)
    expect(revoked.is_revoked).toBe(true)
  })

  it("gets the real refusals", async () => {
    const rights = await failure(bot.api.exportChatInviteLink(-1002000000002))
    expect(rights.description).toBe("Bad Request: not enough rights to manage chat invite link")
    const kicked = await failure(bot.api.exportChatInviteLink(-1002000000004))
    expect(kicked.error_code).toBe(403)
  })
})
