/**
 * The client through the mock Bot API (MSW handlers over `MockTelegram`, default world) with FetchHttpClient.
 * The mock reads the same TestClock as the client (`mockClockFromEffect`), and its delay fault sleeps on that clock
 * too, so every wait here is virtual: the test moves the clock only after the client has reported (through its
 * policy events) that it is waiting.
 */
import { afterAll, afterEach, assert, beforeAll, describe, it } from "@effect/vitest"
import { Clock, Duration, Effect, Fiber, Layer, Option, Queue, Redacted } from "effect"
import { setupServer } from "msw/node"
import { inspect } from "node:util"
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"
import * as BotApi from "../../src/BotApi.js"
import * as ChatId from "../../src/ChatId.js"
import { mockClockFromEffect } from "../../src/MockHttpClient.js"
import * as Policy from "../../src/Policy.js"
import { fork, poll } from "../edition/fiber.js"
import { FetchHttpClient } from "../edition/http.js"
import { runPromiseHere } from "../edition/runtime.js"
import { TestClock } from "../edition/testClock.js"
import { reasonName } from "../edition/transportReason.js"

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: "error" }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SUPERGROUP = -1001234567890
const CHANNEL_ID = -1001000000001
const UPGRADED = -987654321
const UPGRADED_TO = -1009876543210
const BASIC = -555555555
const NO_RIGHTS = -1002000000002
const KICKED = -1002000000004
const PRIVATE = 42
const LINK = /^https:\/\/t\.me\/\+[A-Za-z0-9_-]+$/
const id = ChatId.unsafeMake

/**
 * A fresh default-world mock on this test's clock, served through MSW; `delays` receives each delay fault's length
 * when it starts waiting (on the TestClock).
 */
const setup = Effect.gen(function*() {
  const clock = yield* Clock.clockWith(Effect.succeed)
  const run = yield* runPromiseHere
  const delays = yield* Queue.unbounded<number>()
  const mock = MockTelegram.make({ clock: mockClockFromEffect(clock) })
  server.use(
    ...telegramHandlers(mock, {
      sleep: (ms) => run(Effect.andThen(Queue.offer(delays, ms), Effect.sleep(ms)))
    })
  )
  const events = yield* Queue.unbounded<Policy.PolicyEvent>()
  const layer = Layer.mergeAll(
    BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(Layer.provide(FetchHttpClient.layer)),
    Policy.layerMemory
  )
  const options: Policy.Options = { jitter: false, onEvent: (event) => Queue.offer(events, event) }
  return { mock, layer, events, delays, options }
})

const journalOf = (mock: MockTelegram, chatId: number) =>
  mock.journal().filter((entry) => entry.chat_id === String(chatId)).map((entry) => entry.status)

describe("integration: the client against the mock (MSW + FetchHttpClient)", () => {
  it.effect("exports a link; a second export revokes the first, as getChat shows", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      const result = yield* Effect.gen(function*() {
        const first = yield* BotApi.exportChatInviteLink(SUPERGROUP)
        const second = yield* BotApi.exportChatInviteLink(SUPERGROUP)
        const chat = yield* BotApi.getChat(SUPERGROUP)
        const revoked = yield* Effect.flip(BotApi.editChatInviteLink(SUPERGROUP, first, { name: "again" }))
        return { first, second, chat, revoked }
      }).pipe(Effect.provide(layer))
      assert.match(result.first, LINK)
      assert.match(result.second, LINK)
      assert.notStrictEqual(result.first, result.second)
      assert.strictEqual(result.chat.invite_link, result.second)
      assert.strictEqual(result.revoked._tag, "TelegramApiError")
      assert.deepStrictEqual(journalOf(mock, SUPERGROUP), [200, 200, 200, 400])
    }))

  it.effect("the one most users call: Policy.exportChatInviteLink, for a channel by @username", () =>
    Effect.gen(function*() {
      const { layer } = yield* setup
      const result = yield* Policy.exportChatInviteLink("@my_test_channel").pipe(Effect.provide(layer))
      assert.match(result.link, LINK)
      assert.deepStrictEqual({ ...result, link: "" }, { link: "", chatId: id("@my_test_channel"), attempts: 1 })
      const chat = yield* BotApi.getChat(CHANNEL_ID).pipe(Effect.provide(layer))
      assert.strictEqual(chat.invite_link, result.link)
    }))

  it.effect("create, edit and revoke an additional link", () =>
    Effect.gen(function*() {
      const { layer } = yield* setup
      const { created, edited, revoked } = yield* Effect.gen(function*() {
        const created = yield* BotApi.createChatInviteLink(SUPERGROUP, { name: "promo", member_limit: 5 })
        const edited = yield* BotApi.editChatInviteLink(SUPERGROUP, created.invite_link, { name: "promo 2" })
        const revoked = yield* BotApi.revokeChatInviteLink(SUPERGROUP, created.invite_link)
        return { created, edited, revoked }
      }).pipe(Effect.provide(layer))
      assert.strictEqual(created.name, "promo")
      assert.strictEqual(created.member_limit, 5)
      assert.isFalse(created.is_primary)
      assert.strictEqual(edited.name, "promo 2")
      assert.isTrue(revoked.is_revoked)
    }))

  it.effect("the world's refusals are typed TelegramApiErrors, sent once each even through the policy", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      const cases: ReadonlyArray<[number, number, string]> = [
        [NO_RIGHTS, 400, "Bad Request: not enough rights to manage chat invite link"],
        [KICKED, 403, "Forbidden: bot was kicked from the supergroup chat"],
        [PRIVATE, 400, "Bad Request: can't invite members to a private chat"]
      ]
      for (const [chatId, code, description] of cases) {
        const error = yield* Policy.exportChatInviteLink(chatId).pipe(Effect.flip, Effect.provide(layer))
        assert.deepStrictEqual(
          error._tag === "TelegramApiError" ? [error.errorCode, error.description] : error._tag,
          [code, description]
        )
        assert.deepStrictEqual(journalOf(mock, chatId), [code])
      }
    }))

  it.effect("an upgraded group: the migration is followed, reported, and remembered", () =>
    Effect.gen(function*() {
      const { events, layer, mock, options } = yield* setup
      const { first, second } = yield* Effect.gen(function*() {
        const first = yield* Policy.exportChatInviteLink(UPGRADED, options)
        const second = yield* Policy.exportChatInviteLink(UPGRADED, options)
        return { first, second }
      }).pipe(Effect.provide(layer))
      assert.match(first.link, LINK)
      assert.deepStrictEqual({ ...first, link: "" }, {
        link: "",
        chatId: id(UPGRADED_TO),
        migratedFrom: id(UPGRADED),
        attempts: 2
      })
      assert.strictEqual(second.attempts, 1)
      assert.deepStrictEqual(journalOf(mock, UPGRADED), [400])
      assert.deepStrictEqual(journalOf(mock, UPGRADED_TO), [200, 200])
      const all = yield* Queue.takeAll(events)
      assert.deepStrictEqual([...all].map((e) => e._tag === "Migrated" && [e.from, e.to, e.remembered]), [
        [id(UPGRADED), id(UPGRADED_TO), false],
        [id(UPGRADED), id(UPGRADED_TO), true]
      ])
    }))

  it.effect("a group upgraded while the client runs (mock.upgradeGroup) is followed too", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      const before = yield* Policy.exportChatInviteLink(BASIC).pipe(Effect.provide(layer))
      assert.strictEqual(before.chatId, id(BASIC))
      const to = mock.upgradeGroup(BASIC)
      const after = yield* Policy.exportChatInviteLink(BASIC).pipe(Effect.provide(layer))
      assert.strictEqual(after.chatId, id(to))
      assert.strictEqual(after.migratedFrom, id(BASIC))
    }))

  it.effect("an injected 429 (retry_after 7) is honoured on the TestClock: pending at 6.999 s, done at 7 s", () =>
    Effect.gen(function*() {
      const { events, layer, mock, options } = yield* setup
      mock.injectFault({
        method: "exportChatInviteLink",
        chat_id: SUPERGROUP,
        reply: { error_code: 429, retry_after: 7 }
      })
      const fiber = yield* Policy.exportChatInviteLink(SUPERGROUP, options).pipe(Effect.provide(layer), fork)
      const event = yield* Queue.take(events)
      assert.deepStrictEqual(event._tag === "FloodWait" && [event.source, Duration.toMillis(event.retryAfter)], [
        "server",
        7000
      ])
      yield* TestClock.adjust("6999 millis")
      assert.isTrue(Option.isNone(yield* poll(fiber)))
      assert.deepStrictEqual(journalOf(mock, SUPERGROUP), [429])
      yield* TestClock.adjust("1 millis")
      const result = yield* Fiber.join(fiber)
      assert.strictEqual(result.attempts, 2)
      assert.deepStrictEqual(journalOf(mock, SUPERGROUP), [429, 200])
      const retried = mock.journal().filter((e) => e.chat_id === String(SUPERGROUP))
      assert.strictEqual(retried[1]!.at - retried[0]!.at, 7000)
    }))

  it.effect("the mock's flood limit and the shared gate: a call started during a wait sends nothing until it ends", () =>
    Effect.gen(function*() {
      const { events, layer, mock, options } = yield* setup
      mock.setFloodLimits([{ method: "exportChatInviteLink", chat_id: SUPERGROUP, max_calls: 1, per_seconds: 10 }])
      const waitFor = (source: "server" | "gate") =>
        Effect.map(Queue.take(events), (event) => {
          assert.strictEqual(event._tag === "FloodWait" && event.source, source)
          return event._tag === "FloodWait" ? event.retryAfter : Duration.zero
        })
      const results = yield* Effect.gen(function*() {
        yield* Policy.exportChatInviteLink(SUPERGROUP)
        const second = yield* fork(Policy.exportChatInviteLink(SUPERGROUP, options))
        const serverWait = yield* waitFor("server")
        assert.isTrue(Duration.equals(serverWait, Duration.seconds(10)))
        const third = yield* fork(Policy.exportChatInviteLink(SUPERGROUP, options))
        yield* waitFor("gate")
        yield* TestClock.adjust("9999 millis")
        assert.deepStrictEqual(journalOf(mock, SUPERGROUP), [200, 429])
        yield* TestClock.adjust("1 millis")
        // Both waiting calls go when the gate opens; the limit lets one through, the other waits once more.
        yield* TestClock.adjust(yield* waitFor("server"))
        return [yield* Fiber.join(second), yield* Fiber.join(third)]
      }).pipe(Effect.provide(layer))
      assert.isTrue(results.every((r) => LINK.test(r.link)))
      // Four requests between the two calls (which of them met the limit again depends on arrival order).
      assert.strictEqual(results[0]!.attempts + results[1]!.attempts, 4)
      const entries = mock.journal().filter((e) => e.chat_id === String(SUPERGROUP))
      assert.deepStrictEqual(entries.map((e) => e.status), [200, 429, 200, 429, 200])
      const t0 = entries[0]!.at
      assert.deepStrictEqual(entries.map((e) => e.at - t0), [0, 0, 10_000, 10_000, 20_000])
    }))

  it.effect("each fault kind: 500, HTML 502, dropped connection, slow answer past the timeout are retried", () =>
    Effect.gen(function*() {
      const { delays, events, layer, mock, options } = yield* setup
      const faults = [
        { error_code: 500, description: "Internal Server Error: restart" },
        { html: 502 },
        { drop: true },
        { delay_ms: 2000 }
      ] as const
      for (const reply of faults) {
        mock.injectFault({ method: "exportChatInviteLink", chat_id: SUPERGROUP, reply })
      }
      const fiber = yield* Policy.exportChatInviteLink(SUPERGROUP, { ...options, requestTimeout: "1 second" }).pipe(
        Effect.provide(layer),
        fork
      )
      const reasons: Array<string> = []
      for (let retry = 0; retry < 4; retry++) {
        if (retry === 3) {
          // The slow answer: its delay starts on the TestClock, the client's timeout (1 s) fires first.
          assert.strictEqual(yield* Queue.take(delays), 2000)
          yield* TestClock.adjust("1 second")
        }
        const event = yield* Queue.take(events)
        assert.strictEqual(event._tag, "TransientRetry")
        if (event._tag !== "TransientRetry") return
        reasons.push(event.reason)
        yield* TestClock.adjust(event.delay)
      }
      const result = yield* Fiber.join(fiber)
      assert.strictEqual(result.attempts, 5)
      assert.match(result.link, LINK)
      assert.deepStrictEqual(reasons.map((r) => r.split(": ")[1]), [
        "500 Internal Server Error",
        "NotJson (HTTP 502)",
        "Network",
        "Timeout"
      ])
      for (const reason of reasons) assert.notInclude(reason, DEFAULT_BOT_TOKEN.split(":")[1]!)
    }))

  it.effect("a slow answer within the timeout arrives when the (virtual) delay has passed", () =>
    Effect.gen(function*() {
      const { delays, layer, mock } = yield* setup
      mock.injectFault({ method: "exportChatInviteLink", chat_id: SUPERGROUP, reply: { delay_ms: 200 } })
      const fiber = yield* BotApi.exportChatInviteLink(SUPERGROUP).pipe(Effect.provide(layer), fork)
      assert.strictEqual(yield* Queue.take(delays), 200)
      yield* TestClock.adjust("200 millis")
      assert.match(yield* Fiber.join(fiber), LINK)
    }))

  it.effect("the real FetchHttpClient's RequestError (dropped connection) leaves no token in the error", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      mock.injectFault({ method: "exportChatInviteLink", reply: { drop: true } })
      const error = yield* BotApi.exportChatInviteLink(SUPERGROUP).pipe(Effect.flip, Effect.provide(layer))
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Network")
      const secret = DEFAULT_BOT_TOKEN.split(":")[1]!
      for (const text of [error.message, inspect(error, { depth: null, showHidden: true }), JSON.stringify(error)]) {
        assert.notInclude(text, secret)
      }
    }))

  it.effect("a wrong token is a typed 401, and the token is not in it", () =>
    Effect.gen(function*() {
      const { mock } = yield* setup
      const wrong = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      const layer = BotApi.layer({ token: Redacted.make(wrong) }).pipe(Layer.provide(FetchHttpClient.layer))
      const error = yield* BotApi.exportChatInviteLink(SUPERGROUP).pipe(Effect.flip, Effect.provide(layer))
      assert.deepStrictEqual(error._tag === "TelegramApiError" && [error.errorCode, error.description], [
        401,
        "Unauthorized"
      ])
      assert.notInclude(inspect(error, { depth: null }), "AAAAAAAAAAAAAAAAAAAAAAAAAAAA")
      assert.strictEqual(mock.journal().length, 1)
    }))
})
