/**
 * examples/effect4/invite-bot.ts, type-checked by `tsc` and run in-process against the mock (MockHttpClient) on the
 * TestClock: people act through MockTelegram and the test waits for the bot's log lines, never for time. The same
 * story as the Effect 3 example's test (test/examples/invite-bot.test.ts at the root).
 */
import { assert, describe, it } from "@effect/vitest"
import { Clock, ConfigProvider, Duration, Effect, Fiber, Layer, Logger, Queue } from "effect"
import { TestClock } from "effect/testing"
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { BotLayer, program } from "../../examples/effect4/invite-bot.js"
import { layerMockHttpClient, mockClockFromEffect } from "../src/MockHttpClient.js"

const GROUP = -1001234567890
const BOB = 43 // starts the bot
const CAROL = 44 // never does

/** The buttons of the last message the bot sent `userId`. */
const lastButtons = (mock: MockTelegram, userId: number) => {
  const message = mock.messages(userId).at(-1) as {
    reply_markup?: { inline_keyboard: Array<Array<{ text: string; url?: string; callback_data?: string }>> }
  }
  return message.reply_markup?.inline_keyboard.flat() ?? []
}

describe("examples/effect4/invite-bot.ts", () => {
  it.effect("in-process on the TestClock: Bob starts it, gets a link button, asks to join and is let in; Carol is declined", () =>
    Effect.gen(function*() {
      const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Clock.Clock) })
      const lines = yield* Queue.unbounded<string>()
      const logger = Logger.layer([
        Logger.make(({ message }) => {
          Queue.offerUnsafe(lines, Array.isArray(message) ? message.join(" ") : String(message))
        })
      ])
      const env = ConfigProvider.fromEnv({
        env: { TELEGRAM_BOT_TOKEN: DEFAULT_BOT_TOKEN, TELEGRAM_CHAT_ID: String(GROUP) }
      })
      const bot = yield* program.pipe(
        Effect.provide(BotLayer.pipe(Layer.provide(layerMockHttpClient(mock)))),
        Effect.provide(Layer.mergeAll(logger, ConfigProvider.layer(env))),
        Effect.forkChild
      )
      assert.strictEqual(yield* Queue.take(lines), `invite bot for chat ${GROUP}: polling for updates`)
      // A quiet minute: the long polls come back empty at 30 s and the bot polls again, on the TestClock.
      yield* TestClock.adjust(Duration.minutes(1))

      mock.send(BOB, { text: "/start" })
      assert.strictEqual(yield* Queue.take(lines), "Bob (@bob) started the bot")
      mock.send(BOB, { text: "/invite" })
      const sent = yield* Queue.take(lines)
      const buttons = lastButtons(mock, BOB)
      const link = buttons[0]?.url ?? ""
      assert.strictEqual(sent, `sent Bob (@bob) the link ${link}`)
      assert.deepStrictEqual(buttons, [
        { text: "Join the group", url: link },
        { text: "Another link", callback_data: "invite" }
      ])
      assert.strictEqual(mock.link(link)?.creates_join_request, true)

      assert.deepStrictEqual(mock.join(BOB, { invite_link: link }), { ok: true, status: "requested", chat_id: GROUP })
      assert.strictEqual(yield* Queue.take(lines), "approved the join request of Bob (@bob)")
      assert.strictEqual(yield* Queue.take(lines), "Bob (@bob) joined Seed Supergroup by an approved request")

      assert.strictEqual(mock.join(CAROL, { invite_link: link }).ok, true)
      assert.strictEqual(yield* Queue.take(lines), "declined the join request of Carol (@carol): never started the bot")
      const members = (mock.chat(GROUP)?.members ?? []).map((m): [number, string] => [m.user_id, m.status])
      assert.deepInclude(members, [BOB, "member"])
      assert.notDeepInclude(members, [CAROL, "member"])

      yield* Fiber.interrupt(bot)
      assert.strictEqual(mock.pendingUpdateCount(DEFAULT_BOT_ID), 0)
    }))
})
