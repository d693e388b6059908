/**
 * The policies' side effects, pinned down where the mutation run (`npm run mutate`) found them unchecked: how
 * requests are numbered on their spans, what a gate closed too long says, the gate a flood wait over the cap still
 * closes, the move a give-up still records, what is left in the gate and the registry after a call, a call that
 * starts at a closed gate, jitter when options are given without it, and the bare flood-wait schedule's bounds.
 */
import { assert, describe, it } from "@effect/vitest"
import { Cause, Duration, Effect, Exit, Fiber, Layer, Option, Random, Ref, Schedule, TestClock } from "effect"
import * as BotApi from "../../src/BotApi.js"
import * as ChatId from "../../src/ChatId.js"
import * as ChatMigrations from "../../src/ChatMigrations.js"
import * as FloodGate from "../../src/FloodGate.js"
import * as Policy from "../../src/Policy.js"
import {
  failure,
  flood,
  layerFor,
  link,
  makeFake,
  makeRecordingTracer,
  makeScripted,
  migrated,
  ok,
  type Reply
} from "../client/support.js"

const CHAT = -1001234567890
const B = -1001000000002
const C = -1001000000003
const id = ChatId.unsafeMake
const scope = (chat: number) => FloodGate.scopeOf("chat", id(chat))

/** The policy services, held so that a test can look into them. */
const held = Effect.gen(function*() {
  const gate = yield* FloodGate.makeMemory
  const registry = yield* ChatMigrations.makeMemory
  return { gate, registry, services: { gate, migrations: Layer.succeed(ChatMigrations.ChatMigrations, registry) } }
})

const recorder = Effect.map(Ref.make<ReadonlyArray<Policy.PolicyEvent>>([]), (ref) => ({
  ref,
  onEvent: (event: Policy.PolicyEvent) => Ref.update(ref, (all) => [...all, event])
}))

describe("spans number the requests", () => {
  it.effect("a retry is attempt 2; the policy's first request is attempt 1 whatever the caller's fiber says", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([flood(1), ok(link(1))])
      const { spans, tracer } = makeRecordingTracer()
      const fiber = yield* Policy.exportChatInviteLink(CHAT).pipe(
        BotApi.withAttempt(3),
        Effect.provide(layerFor(client)),
        Effect.withTracer(tracer),
        Effect.fork
      )
      yield* TestClock.adjust("1 second")
      yield* Fiber.join(fiber)
      const requests = spans.filter((span) => span.name === "BotApi.exportChatInviteLink")
      assert.deepStrictEqual(requests.map((span) => span.attributes.get("telegram.attempt")), [1, 2])
    }))
})

describe("the policy's span", () => {
  it.effect("a failed call's span carries no stack trace", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([failure(400, "Bad Request: chat not found")])
      const { spans, tracer } = makeRecordingTracer()
      yield* Effect.flip(
        Policy.exportChatInviteLink(CHAT).pipe(Effect.provide(layerFor(client)), Effect.withTracer(tracer))
      )
      const span = spans.find((s) => s.name === "Policy.exportChatInviteLink")!
      assert.strictEqual(span.status._tag, "Ended")
      assert.isFalse(span.attributes.has("code.stacktrace"))
    }))
})

describe("the flood gate", () => {
  it.effect("a gate closed for longer than the cap fails at once, without a request, saying so", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      const { gate, services } = yield* held
      yield* gate.close(scope(CHAT), 120_000)
      const failed = yield* Effect.flip(
        Policy.exportChatInviteLink(CHAT).pipe(Effect.provide(layerFor(client, {}, services)))
      )
      assert.strictEqual(failed._tag, "FloodWaitError")
      assert.strictEqual(
        failed._tag === "FloodWaitError" ? failed.description : "",
        `flood gate ${scope(CHAT)} is closed by an earlier flood wait`
      )
      assert.strictEqual((yield* Ref.get(sent)).length, 0)
    }))

  it.effect("a flood wait over the cap gives up, and still closes the gate for the others", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([flood(120)])
      const { gate, services } = yield* held
      const error = yield* Effect.flip(
        Policy.exportChatInviteLink(CHAT).pipe(Effect.provide(layerFor(client, {}, services)))
      )
      assert.strictEqual(error._tag, "FloodWaitError")
      assert.deepStrictEqual(yield* gate.closedUntil(scope(CHAT)), Option.some(120_000))
    }))

  it.effect("a transient retry or a flood wait leaves nothing behind once over: no scope, no recorded move", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([failure(500, "Internal Server Error: restart"), flood(2), ok(link(1))])
      const { gate, registry, services } = yield* held
      const events = yield* recorder
      const fiber = yield* Policy.exportChatInviteLink(CHAT, { onEvent: events.onEvent, jitter: false }).pipe(
        Effect.provide(layerFor(client, {}, services)),
        Effect.fork
      )
      yield* TestClock.adjust("3 seconds")
      assert.strictEqual((yield* Fiber.join(fiber)).attempts, 3)
      assert.strictEqual(yield* gate.size, 0)
      assert.isTrue(Option.isNone(yield* registry.get(id(CHAT))))
      assert.deepStrictEqual((yield* Ref.get(events.ref)).map((e) => e._tag), ["TransientRetry", "FloodWait"])
    }))

  it.effect("a call that starts at a closed gate waits for it before its first request, and tells only that", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      const { gate, services } = yield* held
      yield* gate.close(scope(CHAT), 1_000)
      const events = yield* recorder
      const fiber = yield* Policy.exportChatInviteLink(CHAT, { onEvent: events.onEvent }).pipe(
        Effect.provide(layerFor(client, {}, services)),
        Effect.fork
      )
      yield* TestClock.adjust("999 millis")
      assert.strictEqual((yield* Ref.get(sent)).length, 0, "no request while the gate is closed")
      yield* TestClock.adjust("1 millis")
      assert.strictEqual((yield* Fiber.join(fiber)).attempts, 1)
      assert.deepStrictEqual((yield* Ref.get(events.ref)).map((e) => [e._tag, "source" in e ? e.source : ""]), [
        ["FloodWait", "gate"]
      ])
    }))
})

describe("migrations", () => {
  it.effect("past the hops allowed, the call gives up but records the move it was told of", () =>
    Effect.gen(function*() {
      const { client } = yield* makeFake((sent) =>
        Effect.succeed<Reply>(sent.params["chat_id"] === CHAT ? migrated(B) : migrated(C))
      )
      const { registry, services } = yield* held
      const error = yield* Effect.flip(
        Policy.exportChatInviteLink(CHAT, { maxMigrationHops: 1 }).pipe(Effect.provide(layerFor(client, {}, services)))
      )
      assert.strictEqual(error._tag, "ChatMigratedError")
      assert.deepStrictEqual(yield* registry.get(id(CHAT)), Option.some(id(B)))
      assert.deepStrictEqual(yield* registry.get(id(B)), Option.some(id(C)))
    }))
})

describe("options", () => {
  it.effect("options given without `jitter` keep the default jitter on", () =>
    Effect.gen(function*() {
      const delays: Array<number> = []
      for (const seed of [1, 2, 3]) {
        const { client } = yield* makeScripted([failure(502, "Bad Gateway"), ok(link(1))])
        const fiber = yield* Policy.exportChatInviteLink(CHAT, {
          maxAttempts: 3,
          onEvent: (event) =>
            event._tag === "TransientRetry"
              ? Effect.sync(() => void delays.push(Duration.toMillis(event.delay)))
              : Effect.void
        }).pipe(Effect.provide(layerFor(client)), Effect.withRandom(Random.make(seed)), Effect.fork)
        yield* TestClock.adjust("1 second")
        yield* Fiber.join(fiber)
      }
      assert.strictEqual(delays.length, 3)
      for (const delay of delays) {
        assert.isAtLeast(delay, 80)
        assert.isBelow(delay, 120)
      }
      assert.isFalse(delays.every((delay) => delay === 100), `jittered delays: ${delays.join(", ")}`)
    }))
})

describe("floodWaitSchedule", () => {
  const retried = (replies: ReadonlyArray<Reply>, options: Parameters<typeof Policy.floodWaitSchedule>[0]) =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted(replies)
      const outputs: Array<[string, number]> = []
      const schedule = Policy.floodWaitSchedule(options).pipe(
        Schedule.tapOutput(([error, n]) => Effect.sync(() => void outputs.push([error._tag, n])))
      )
      const fiber = yield* BotApi.exportChatInviteLink(CHAT).pipe(
        Effect.retry(schedule),
        Effect.provide(layerFor(client)),
        Effect.exit,
        Effect.fork
      )
      yield* TestClock.adjust("1 minute")
      const exit = yield* Fiber.join(fiber)
      return { exit, outputs, requests: (yield* Ref.get(sent)).length }
    })

  it.effect("outputs the error and the retries before it, and stops at maxAttempts", () =>
    Effect.gen(function*() {
      const { exit, outputs, requests } = yield* retried([flood(1)], { maxAttempts: 3 })
      assert.isTrue(Exit.isFailure(exit))
      assert.strictEqual(requests, 3)
      assert.deepStrictEqual(outputs, [["FloodWaitError", 0], ["FloodWaitError", 1], ["FloodWaitError", 2]])
    }))

  it.effect("stops at a retry_after over maxFloodWait", () =>
    Effect.gen(function*() {
      const { requests } = yield* retried([flood(10)], { maxFloodWait: "5 seconds" })
      assert.strictEqual(requests, 1)
    }))

  it.effect("does not retry an error that is not a flood wait", () =>
    Effect.gen(function*() {
      const { exit, requests } = yield* retried([failure(400, "Bad Request: chat not found")], {})
      assert.strictEqual(requests, 1)
      const failed = Exit.isFailure(exit) ? Cause.failureOption(exit.cause) : Option.none()
      assert.strictEqual(Option.getOrThrow(failed)._tag, "TelegramApiError")
    }))
})
