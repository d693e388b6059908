import { assert, describe, it } from "@effect/vitest"
import { Deferred, Duration, Effect, Fiber, Layer, Option, Ref } from "effect"
import * as BotApi from "../../src/BotApi.js"
import * as BotApiMetrics from "../../src/BotApiMetrics.js"
import * as ChatId from "../../src/ChatId.js"
import * as ChatMigrations from "../../src/ChatMigrations.js"
import * as FloodGate from "../../src/FloodGate.js"
import * as Policy from "../../src/Policy.js"
import { isInterruptedExit } from "../edition/cause.js"
import { fork, pending } from "../edition/fiber.js"
import { KeyValueStore, storedText } from "../edition/keyValueStore.js"
import { countFor } from "../edition/metric.js"
import { TestClock } from "../edition/testClock.js"
import { reasonName } from "../edition/transportReason.js"
import {
  failure,
  flood,
  hang,
  html502,
  layerFor,
  link,
  makeFake,
  makeRecordingTracer,
  makeScripted,
  migrated,
  networkFailure,
  ok,
  type Reply,
  type Sent
} from "./support.js"

const CHAT = -1001234567890
const OTHER = -1001000000001
const id = ChatId.unsafeMake

/** Collects policy events. */
const makeEvents = Effect.map(Ref.make<ReadonlyArray<Policy.PolicyEvent>>([]), (ref) => ({
  ref,
  onEvent: (event: Policy.PolicyEvent) => Ref.update(ref, (all) => [...all, event])
}))

const count = (sent: Ref.Ref<ReadonlyArray<Sent>>, chatId?: unknown) =>
  Effect.map(
    Ref.get(sent),
    (all) => chatId === undefined ? all.length : all.filter((r) => r.params["chat_id"] === chatId).length
  )

describe("Policy: flood wait", () => {
  it.effect("waits exactly retry_after: still pending at retry_after − 1 ms, done at retry_after", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([flood(30), ok(link(2))])
      const events = yield* makeEvents
      const fiber = yield* Policy.exportChatInviteLink(CHAT, { onEvent: events.onEvent }).pipe(
        Effect.provide(layerFor(client)),
        fork
      )
      yield* TestClock.adjust("29999 millis")
      assert.isTrue(yield* pending(fiber))
      assert.strictEqual(yield* count(sent), 1)
      yield* TestClock.adjust("1 millis")
      const result = yield* Fiber.join(fiber)
      assert.deepStrictEqual(result, { link: link(2), chatId: id(CHAT), attempts: 2 })
      const requests = yield* Ref.get(sent)
      assert.deepStrictEqual(requests.map((r) => r.at), [0, 30_000])
      assert.deepStrictEqual(yield* Ref.get(events.ref), [{
        _tag: "FloodWait",
        source: "server",
        method: "exportChatInviteLink",
        chatId: id(CHAT),
        retryAfter: Duration.seconds(30),
        attempt: 2,
        maxAttempts: 5
      }])
    }))

  it.effect("a retry_after longer than maxFloodWait (73414 s) fails at once with the FloodWaitError", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([flood(73414), ok(link(2))])
      const error = yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.flip, Effect.provide(layerFor(client)))
      assert.strictEqual(error._tag, "FloodWaitError")
      assert.isTrue(error._tag === "FloodWaitError" && Duration.equals(error.retryAfter, Duration.seconds(73414)))
      assert.strictEqual(yield* count(sent), 1)
    }))

  it.effect("maxFloodWait is overridable: 60 s passes by default, fails at 59 s", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([flood(60), ok(link(2))])
      const layer = layerFor(client)
      const fiber = yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.provide(layer), fork)
      yield* TestClock.adjust("60 seconds")
      assert.strictEqual((yield* Fiber.join(fiber)).link, link(2))
      const { client: client2 } = yield* makeScripted([flood(60), ok(link(2))])
      const error = yield* Policy.exportChatInviteLink(CHAT, { maxFloodWait: "59 seconds" }).pipe(
        Effect.flip,
        Effect.provide(layerFor(client2))
      )
      assert.strictEqual(error._tag, "FloodWaitError")
      assert.strictEqual(yield* count(sent), 2)
    }))

  it.effect("bounded by maxAttempts: five 429s in a row → five requests, then the FloodWaitError", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([flood(2)])
      const fiber = yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.provide(layerFor(client)), fork)
      yield* TestClock.adjust("8 seconds")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag, "FloodWaitError")
      assert.deepStrictEqual((yield* Ref.get(sent)).map((r) => r.at), [0, 2000, 4000, 6000, 8000])
    }))

  it.effect("a wait is interruptible: no request after the interruption, and the gate empties after its deadline", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([flood(30), ok(link(2))])
      const gate = yield* FloodGate.makeMemory
      const layer = layerFor(client, {}, { gate })
      const fiber = yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.provide(layer), fork)
      yield* TestClock.adjust("10 seconds")
      assert.isTrue(yield* pending(fiber))
      yield* Fiber.interrupt(fiber)
      assert.isTrue(isInterruptedExit(yield* Fiber.await(fiber)))
      // The server's deadline still holds for others until it passes.
      assert.strictEqual(yield* gate.size, 1)
      yield* TestClock.adjust("1 hour")
      assert.strictEqual(yield* count(sent), 1)
      assert.isTrue(Option.isNone(yield* gate.closedUntil(FloodGate.scopeOf("chat", ChatId.unsafeMake(CHAT)))))
      assert.strictEqual(yield* gate.size, 0)
    }))

  it.effect("retry_after 0 / negative / not a number is a TelegramApiError and is not retried", () =>
    Effect.gen(function*() {
      for (const retryAfter of [0, -1, "5"]) {
        const { client, sent } = yield* makeScripted([
          failure(429, "Too Many Requests", { retry_after: retryAfter }),
          ok(link(2))
        ])
        const error = yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.flip, Effect.provide(layerFor(client)))
        assert.strictEqual(error._tag, "TelegramApiError")
        assert.strictEqual(yield* count(sent), 1)
      }
    }))

  it.effect("floodWaitSchedule: Effect.retry waits exactly retry_after and respects the cap", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([flood(5), flood(7), ok(link(3))])
      const fiber = yield* BotApi.exportChatInviteLink(CHAT).pipe(
        Effect.retry(Policy.floodWaitSchedule()),
        Effect.provide(layerFor(client)),
        fork
      )
      yield* TestClock.adjust("11999 millis")
      assert.isTrue(yield* pending(fiber))
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(yield* Fiber.join(fiber), link(3))
      assert.deepStrictEqual((yield* Ref.get(sent)).map((r) => r.at), [0, 5000, 12000])

      const { client: capped, sent: sentCapped } = yield* makeScripted([flood(73414), ok(link(3))])
      const error = yield* BotApi.exportChatInviteLink(CHAT).pipe(
        Effect.retry(Policy.floodWaitSchedule()),
        Effect.flip,
        Effect.provide(layerFor(capped))
      )
      assert.strictEqual(error._tag, "FloodWaitError")
      assert.strictEqual(yield* count(sentCapped), 1)
    }))
})

describe("Policy: shared flood gate", () => {
  /**
   * A fake that floods `CHAT` like Telegram: its first request gets 429 retry_after 7, and any request for it before
   * the deadline gets 429 too (so a call that ignored the gate would show up as an extra request and an extra 429).
   */
  const makeFlooding = Effect.gen(function*() {
    const floodUntil = yield* Ref.make<number | undefined>(undefined)
    return yield* makeFake((request) =>
      Effect.gen(function*() {
        if (request.params["chat_id"] !== CHAT) return ok(link(9))
        const until = yield* Ref.get(floodUntil)
        if (until === undefined) {
          yield* Ref.set(floodUntil, request.at + 7000)
          return flood(7)
        }
        return request.at < until ? flood(Math.ceil((until - request.at) / 1000)) : ok(link(1))
      })
    )
  })

  it.effect("N concurrent exports to one chat, one 429: the others wait for the same deadline, one extra request", () =>
    Effect.gen(function*() {
      const N = 20
      const { client, sent } = yield* makeFlooding
      const gate = yield* FloodGate.makeMemory
      const layer = layerFor(client, {}, { gate })
      const events = yield* makeEvents
      const firstWaiting = yield* Deferred.make<void>()
      // The first call meets the 429 and starts its wait...
      const first = yield* Policy.exportChatInviteLink(CHAT, {
        onEvent: (event) => Effect.andThen(events.onEvent(event), Deferred.succeed(firstWaiting, void 0))
      }).pipe(Effect.provide(layer), fork)
      yield* Deferred.await(firstWaiting)
      // ...then N − 1 more start concurrently for the same chat, and one for another chat.
      const others = yield* Effect.all(
        Array.from({ length: N - 1 }, () => Policy.exportChatInviteLink(CHAT, { onEvent: events.onEvent })),
        { concurrency: "unbounded" }
      ).pipe(Effect.provide(layer), fork)
      const elsewhere = yield* Policy.exportChatInviteLink(OTHER).pipe(Effect.provide(layer), fork)
      yield* TestClock.adjust("1 millis")
      // Another scope goes on.
      assert.strictEqual((yield* Fiber.join(elsewhere)).link, link(9))
      yield* TestClock.adjust("6998 millis")
      assert.isTrue(yield* pending(first))
      assert.isTrue(yield* pending(others))
      assert.strictEqual(yield* count(sent, CHAT), 1)
      yield* TestClock.adjust("1 millis")
      const results = [yield* Fiber.join(first), ...(yield* Fiber.join(others))]
      assert.isTrue(results.every((r) => r.link === link(1)))
      // N calls, N + 1 requests for the chat: the one 429 and the retry of its call; no other 429.
      const forChat = (yield* Ref.get(sent)).filter((r) => r.params["chat_id"] === CHAT)
      assert.strictEqual(forChat.length, N + 1)
      assert.isTrue(forChat.slice(1).every((r) => r.at === 7000))
      const gateEvents = (yield* Ref.get(events.ref)).filter((e) => e._tag === "FloodWait" && e.source === "gate")
      assert.strictEqual(gateEvents.length, N - 1)
      assert.strictEqual(yield* gate.size, 0)
    }))

  it.effect("scope \"bot\": a 429 in one chat makes calls for other chats wait too", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeFlooding
      const gate = yield* FloodGate.makeMemory
      const layer = layerFor(client, {}, { gate })
      const waiting = yield* Deferred.make<void>()
      const first = yield* Policy.exportChatInviteLink(CHAT, {
        floodGateScope: "bot",
        onEvent: () => Deferred.succeed(waiting, void 0)
      }).pipe(Effect.provide(layer), fork)
      yield* Deferred.await(waiting)
      const elsewhere = yield* Policy.exportChatInviteLink(OTHER, { floodGateScope: "bot" }).pipe(
        Effect.provide(layer),
        fork
      )
      yield* TestClock.adjust("6999 millis")
      assert.isTrue(yield* pending(elsewhere))
      assert.strictEqual(yield* count(sent, OTHER), 0)
      yield* TestClock.adjust("1 millis")
      assert.strictEqual((yield* Fiber.join(elsewhere)).link, link(9))
      assert.strictEqual((yield* Fiber.join(first)).link, link(1))
      assert.strictEqual(yield* gate.size, 0)
    }))

  it.effect("a gate closed for longer than the caller's maxFloodWait fails at once, without a request", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([flood(600), ok(link(1))])
      const gate = yield* FloodGate.makeMemory
      const layer = layerFor(client, {}, { gate })
      // This caller accepts 10 minutes and waits; it closed the gate for 600 s.
      const patient = yield* Policy.exportChatInviteLink(CHAT, { maxFloodWait: "10 minutes" }).pipe(
        Effect.provide(layer),
        fork
      )
      yield* TestClock.adjust("1 millis")
      const error = yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.flip, Effect.provide(layer))
      assert.strictEqual(error._tag, "FloodWaitError")
      assert.isTrue(error._tag === "FloodWaitError" && Duration.equals(error.retryAfter, Duration.millis(599_999)))
      assert.strictEqual(yield* count(sent), 1)
      yield* TestClock.adjust("600 seconds")
      assert.strictEqual((yield* Fiber.join(patient)).attempts, 2)
      assert.strictEqual(yield* gate.size, 0)
    }))

  it.effect("a 429 over the cap still closes the gate for the others", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([flood(73414), ok(link(1))])
      const gate = yield* FloodGate.makeMemory
      const layer = layerFor(client, {}, { gate })
      yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.flip, Effect.provide(layer))
      const error = yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.flip, Effect.provide(layer))
      assert.strictEqual(error._tag, "FloodWaitError")
      assert.strictEqual(yield* count(sent), 1)
    }))
})

describe("Policy: migrate-then-retry", () => {
  const OLD = -987654321
  const NEW = -1009876543210

  const makeUpgraded = makeFake((request) =>
    Effect.succeed(request.params["chat_id"] === OLD ? migrated(NEW) : ok(link(5)))
  )

  it.effect("follows the migration, returns the new id, and later calls for the old id go straight to the new", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeUpgraded
      const events = yield* makeEvents
      const layer = layerFor(client)
      const program = Effect.gen(function*() {
        const first = yield* Policy.exportChatInviteLink(OLD, { onEvent: events.onEvent })
        const second = yield* Policy.exportChatInviteLink(OLD, { onEvent: events.onEvent })
        return [first, second] as const
      })
      const [first, second] = yield* Effect.provide(program, layer)
      assert.deepStrictEqual(first, { link: link(5), chatId: id(NEW), migratedFrom: id(OLD), attempts: 2 })
      assert.deepStrictEqual(second, { link: link(5), chatId: id(NEW), migratedFrom: id(OLD), attempts: 1 })
      assert.deepStrictEqual((yield* Ref.get(sent)).map((r) => r.params["chat_id"]), [OLD, NEW, NEW])
      assert.deepStrictEqual(yield* Ref.get(events.ref), [
        { _tag: "Migrated", method: "exportChatInviteLink", from: id(OLD), to: id(NEW), remembered: false },
        { _tag: "Migrated", method: "exportChatInviteLink", from: id(OLD), to: id(NEW), remembered: true }
      ])
    }))

  it.effect("a migration loop (A → B → A) fails with the ChatMigratedError after two requests", () =>
    Effect.gen(function*() {
      const A = -111111111
      const B = -1000000000222
      const { client, sent } = yield* makeFake((request) =>
        Effect.succeed(request.params["chat_id"] === A ? migrated(B) : migrated(A))
      )
      const error = yield* Policy.exportChatInviteLink(A).pipe(Effect.flip, Effect.provide(layerFor(client)))
      assert.strictEqual(error._tag, "ChatMigratedError")
      assert.strictEqual(error._tag === "ChatMigratedError" && error.migrateToChatId, A)
      assert.strictEqual(yield* count(sent), 2)
    }))

  it.effect("hops are bounded by maxMigrationHops (A → B → C → D with 2 hops: three requests, then the error)", () =>
    Effect.gen(function*() {
      const chain = new Map([[-1, -2], [-2, -3], [-3, -4]])
      const { client, sent } = yield* makeFake((request) => {
        const next = chain.get(request.params["chat_id"] as number)
        return Effect.succeed(next === undefined ? ok(link(1)) : migrated(next))
      })
      const error = yield* Policy.exportChatInviteLink(-1).pipe(Effect.flip, Effect.provide(layerFor(client)))
      assert.strictEqual(error._tag === "ChatMigratedError" && error.migrateToChatId, -4)
      assert.strictEqual(yield* count(sent), 3)
      const { client: client2 } = yield* makeFake((request) => {
        const next = chain.get(request.params["chat_id"] as number)
        return Effect.succeed(next === undefined ? ok(link(1)) : migrated(next))
      })
      const result = yield* Policy.exportChatInviteLink(-1, { maxMigrationHops: 3 }).pipe(
        Effect.provide(layerFor(client2))
      )
      assert.deepStrictEqual(result, { link: link(1), chatId: id(-4), migratedFrom: id(-1), attempts: 4 })
    }))

  it.effect("maxMigrationHops 0 hands the ChatMigratedError back and records nothing", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeUpgraded
      const registry = yield* ChatMigrations.makeMemory
      const layer = layerFor(client, {}, { migrations: Layer.succeed(ChatMigrations.ChatMigrations, registry) })
      const error = yield* Policy.exportChatInviteLink(OLD, { maxMigrationHops: 0 }).pipe(
        Effect.flip,
        Effect.provide(layer)
      )
      assert.strictEqual(error._tag, "ChatMigratedError")
      assert.strictEqual(yield* count(sent), 1)
      assert.isTrue(Option.isNone(yield* registry.get(ChatId.unsafeMake(OLD))))
    }))

  it.effect("the KeyValueStore registry persists the move: a new registry over the same store knows it", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeUpgraded
      const store = yield* Effect.provide(
        Effect.gen(function*() {
          return yield* KeyValueStore.KeyValueStore
        }),
        KeyValueStore.layerMemory
      )
      const storeLayer = Layer.succeed(KeyValueStore.KeyValueStore, store)
      const registryLayer = ChatMigrations.layerKeyValueStore().pipe(Layer.provide(storeLayer))
      const run = Policy.exportChatInviteLink(OLD).pipe(
        Effect.provide(layerFor(client, {}, { migrations: registryLayer }))
      )
      assert.strictEqual((yield* run).chatId, id(NEW))
      assert.deepStrictEqual(yield* storedText(store, `telegram-chat-migration:${OLD}`), Option.some(String(NEW)))
      // A fresh layer (as after a restart) over the same store.
      const again = yield* run
      assert.deepStrictEqual(again, { link: link(5), chatId: id(NEW), migratedFrom: id(OLD), attempts: 1 })
      assert.deepStrictEqual((yield* Ref.get(sent)).map((r) => r.params["chat_id"]), [OLD, NEW, NEW])
    }))
})

describe("Policy: transient retry", () => {
  const noJitter = { jitter: false } as const

  it.effect("500, HTML 502, network failure and timeout are retried with exponential backoff (100, 200, 400 ms)", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([
        failure(500, "Internal Server Error: restart"),
        html502,
        networkFailure,
        hang,
        ok(link(4))
      ])
      const events = yield* makeEvents
      const fiber = yield* Policy.exportChatInviteLink(CHAT, {
        ...noJitter,
        requestTimeout: "1 second",
        onEvent: events.onEvent
      }).pipe(Effect.provide(layerFor(client)), fork)
      yield* TestClock.adjust("99 millis")
      assert.strictEqual(yield* count(sent), 1)
      yield* TestClock.adjust("1 millis")
      assert.strictEqual(yield* count(sent), 2)
      yield* TestClock.adjust("200 millis")
      assert.strictEqual(yield* count(sent), 3)
      yield* TestClock.adjust("400 millis")
      assert.strictEqual(yield* count(sent), 4)
      // The fourth request hangs: 1 s timeout, then 800 ms backoff.
      yield* TestClock.adjust("1799 millis")
      assert.isTrue(yield* pending(fiber))
      yield* TestClock.adjust("1 millis")
      const result = yield* Fiber.join(fiber)
      assert.deepStrictEqual(result, { link: link(4), chatId: id(CHAT), attempts: 5 })
      assert.deepStrictEqual((yield* Ref.get(sent)).map((r) => r.at), [0, 100, 300, 700, 2500])
      const retries = (yield* Ref.get(events.ref)).flatMap((e) =>
        e._tag === "TransientRetry" ? [[Duration.toMillis(e.delay), e.attempt, e.maxAttempts]] : []
      )
      assert.deepStrictEqual(retries, [[100, 2, 5], [200, 3, 5], [400, 4, 5], [800, 5, 5]])
    }))

  it.effect("backoff is capped, and jitter keeps each delay within [0.8, 1.2) of its step", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([networkFailure])
      const capped = yield* makeEvents
      const fiber = yield* Policy.exportChatInviteLink(CHAT, {
        ...noJitter,
        maxAttempts: 6,
        backoffBase: "100 millis",
        backoffCap: "300 millis",
        onEvent: capped.onEvent
      }).pipe(Effect.provide(layerFor(client)), fork)
      yield* TestClock.adjust("10 seconds")
      assert.strictEqual((yield* Effect.flip(Fiber.join(fiber)))._tag, "TransportError")
      const delays = (yield* Ref.get(capped.ref)).flatMap((e) =>
        e._tag === "TransientRetry" ? [Duration.toMillis(e.delay)] : []
      )
      assert.deepStrictEqual(delays, [100, 200, 300, 300, 300])

      const jittered = yield* makeEvents
      const fiber2 = yield* Policy.exportChatInviteLink(CHAT, { onEvent: jittered.onEvent }).pipe(
        Effect.provide(layerFor(client)),
        fork
      )
      yield* TestClock.adjust("10 seconds")
      yield* Effect.flip(Fiber.join(fiber2))
      const steps = (yield* Ref.get(jittered.ref)).flatMap((e) =>
        e._tag === "TransientRetry" ? [Duration.toMillis(e.delay)] : []
      )
      assert.strictEqual(steps.length, 4)
      steps.forEach((delay, i) => {
        const step = 100 * 2 ** i
        assert.isTrue(delay >= Math.round(step * 0.8) && delay <= Math.round(step * 1.2), `${delay} for ${step}`)
      })
    }))

  it.effect("flood waits and transient retries share one attempt budget", () =>
    Effect.gen(function*() {
      const replies: ReadonlyArray<Reply> = [
        flood(1),
        failure(500, "Internal Server Error: restart"),
        flood(1),
        html502,
        networkFailure,
        ok(link(1))
      ]
      const { client, sent } = yield* makeScripted(replies)
      const fiber = yield* Policy.exportChatInviteLink(CHAT, noJitter).pipe(
        Effect.provide(layerFor(client)),
        fork
      )
      yield* TestClock.adjust("1 minute")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Network")
      assert.strictEqual(yield* count(sent), 5)
    }))

  it.effect("not transient (403, 400, wrong result, non-envelope 200) → one request; retryTransient false → one", () =>
    Effect.gen(function*() {
      const notTransient: ReadonlyArray<Reply> = [
        failure(403, "Forbidden: bot was kicked from the supergroup chat"),
        failure(400, "Bad Request: not enough rights to manage chat invite link"),
        ok(42),
        { _tag: "Json", status: 200, body: { foo: 1 } }
      ]
      for (const reply of notTransient) {
        const { client, sent } = yield* makeScripted([reply, ok(link(1))])
        yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.flip, Effect.provide(layerFor(client)))
        assert.strictEqual(yield* count(sent), 1)
      }
      const { client, sent } = yield* makeScripted([networkFailure, ok(link(1))])
      yield* Policy.exportChatInviteLink(CHAT, { retryTransient: false }).pipe(
        Effect.flip,
        Effect.provide(layerFor(client))
      )
      assert.strictEqual(yield* count(sent), 1)
    }))

  it.effect("an invalid chat id fails before any request", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      const error = yield* Policy.exportChatInviteLink("@no__way").pipe(Effect.flip, Effect.provide(layerFor(client)))
      assert.strictEqual(error._tag, "InvalidChatIdError")
      assert.strictEqual(yield* count(sent), 0)
    }))
})

describe("Policy: resilient over any operation", () => {
  it.effect("wraps getChat the same way and sets the attempt on each request", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([
        flood(1),
        ok({ id: CHAT, type: "supergroup", invite_link: link(7) })
      ])
      const fiber = yield* Effect.gen(function*() {
        const api = yield* BotApi.BotApi
        return yield* Policy.resilient("getChat", api.getChat)(CHAT)
      }).pipe(
        Effect.provide(layerFor(client)),
        fork
      )
      yield* TestClock.adjust("1 second")
      const outcome = yield* Fiber.join(fiber)
      assert.strictEqual(outcome.value.invite_link, link(7))
      assert.strictEqual(outcome.attempts, 2)
      assert.strictEqual(yield* count(sent), 2)
    }))
})

describe("Policy: tracing and metrics", () => {
  it.effect("one Policy span per call (attempts), one BotApi span per request (attempt number), no HTTP span", () =>
    Effect.gen(function*() {
      const { spans, tracer } = makeRecordingTracer()
      const { client } = yield* makeScripted([flood(1), ok(link(1))])
      const fiber = yield* Policy.exportChatInviteLink(CHAT).pipe(
        Effect.provide(layerFor(client)),
        Effect.withTracer(tracer),
        fork
      )
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      assert.deepStrictEqual(spans.map((s) => s.name), [
        "Policy.exportChatInviteLink",
        "BotApi.exportChatInviteLink",
        "BotApi.exportChatInviteLink"
      ])
      const [policy, first, second] = spans
      assert.strictEqual(policy!.attributes.get("telegram.chat_id"), String(CHAT))
      assert.strictEqual(policy!.attributes.get("telegram.attempts"), 2)
      assert.deepStrictEqual([first, second].map((s) => s!.attributes.get("telegram.attempt")), [1, 2])
      assert.deepStrictEqual([first, second].map((s) => s!.parent._tag === "Some" && s!.parent.value.spanId), [
        policy!.spanId,
        policy!.spanId
      ])
    }))

  it.effect("counts requests, flood waits, migrations and transient retries per method", () =>
    Effect.gen(function*() {
      const value = (counter: typeof BotApiMetrics.requests) => countFor(counter, "exportChatInviteLink")
      const before = yield* Effect.all([
        value(BotApiMetrics.requests),
        value(BotApiMetrics.floodWaits),
        value(BotApiMetrics.migrations),
        value(BotApiMetrics.transientRetries)
      ])
      const { client } = yield* makeFake((request) =>
        Effect.succeed(
          request.params["chat_id"] === -11 ? migrated(-1000000000011) : ok(link(1))
        )
      )
      const { client: flaky } = yield* makeScripted([flood(1), networkFailure, ok(link(1))])
      yield* Policy.exportChatInviteLink(-11).pipe(Effect.provide(layerFor(client)))
      const fiber = yield* Policy.exportChatInviteLink(CHAT, { jitter: false }).pipe(
        Effect.provide(layerFor(flaky)),
        fork
      )
      yield* TestClock.adjust("2 seconds")
      yield* Fiber.join(fiber)
      const after = yield* Effect.all([
        value(BotApiMetrics.requests),
        value(BotApiMetrics.floodWaits),
        value(BotApiMetrics.migrations),
        value(BotApiMetrics.transientRetries)
      ])
      assert.deepStrictEqual(after.map((n, i) => n - before[i]!), [5, 1, 1, 1])
    }))
})
