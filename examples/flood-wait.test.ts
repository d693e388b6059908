import { FetchHttpClient } from "@effect/platform"
import { afterAll, afterEach, assert, beforeAll, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Queue, Redacted, TestClock } from "effect"
import { BotApi, Policy } from "effect-telegram-invite"
import { mockClockFromEffect } from "effect-telegram-invite/MockHttpClient"
import { setupServer } from "msw/node"
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"

// One MSW server for the file; each test installs its own mock with server.use(...).
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: "error" }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

it.effect("waits exactly retry_after on the TestClock, then gets the link", () =>
  Effect.gen(function*() {
    // The mock reads the test's own TestClock, so it is made inside the test.
    const telegram = MockTelegram.make({ clock: mockClockFromEffect(yield* Effect.clock) })
    server.use(...telegramHandlers(telegram))
    telegram.injectFault({ method: "exportChatInviteLink", reply: { error_code: 429, retry_after: 7 } })

    const layer = Layer.mergeAll(
      BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(Layer.provide(FetchHttpClient.layer)),
      Policy.layerMemory
    )
    const events = yield* Queue.unbounded<Policy.PolicyEvent>()
    const fiber = yield* Policy.exportChatInviteLink(-1001234567890, {
      onEvent: (event) => Queue.offer(events, event)
    }).pipe(Effect.provide(layer), Effect.fork)

    // The policy says it waits (the 429 came over real I/O); only then move the clock.
    const wait = yield* Queue.take(events)
    assert.strictEqual(wait._tag === "FloodWait" && wait.attempt, 2)
    yield* TestClock.adjust("6999 millis")
    assert.deepStrictEqual(telegram.journal().map((entry) => entry.status), [429])
    yield* TestClock.adjust("1 millis")

    const exported = yield* Fiber.join(fiber)
    assert.match(exported.link, /^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/)
    assert.strictEqual(exported.attempts, 2)
    assert.deepStrictEqual(telegram.journal().map((entry) => entry.status), [429, 200])
  }))
