/**
 * Per-call settings are public and travel with the fiber, not with one service: they work on a BotApi the user built
 * (a wrapper around the library's, or one written from scratch over `BotApi.fromCall`).
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Layer, Option, Redacted, Ref } from "effect"
import * as BotApi from "../../src/BotApi.js"
import { TransportError } from "../../src/BotApiError.js"
import { timeoutFail } from "../../src/edition/combinators.js"
import * as Policy from "../../src/Policy.js"
import { fork, poll } from "../edition/fiber.js"
import { HttpClient } from "../edition/http.js"
import { TestClock } from "../edition/testClock.js"
import { reasonName, reasonOf } from "../edition/transportReason.js"
import { hang, makeScripted, TOKEN } from "./support.js"

const CHAT = -1001234567890

/** A user's own BotApi layer: the library's service over the user's HttpClient, wrapped to count calls. */
const userWrappedLayer = (client: HttpClient.HttpClient, calls: Ref.Ref<number>) =>
  Layer.effect(
    BotApi.BotApi,
    BotApi.make({ token: Redacted.make(TOKEN) }).pipe(
      Effect.map((api) =>
        BotApi.fromCall((method, params, result) =>
          Effect.andThen(Ref.update(calls, (n) => n + 1), api.call(method, params, result))
        )
      )
    )
  ).pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))

/** A BotApi written from scratch that never answers, but honours the public request timeout as a BotApi must. */
const handWrittenLayer = (seen: Ref.Ref<ReadonlyArray<{ timeout: number | undefined; attempt: number }>>) =>
  Layer.succeed(
    BotApi.BotApi,
    BotApi.fromCall((method, params) =>
      Effect.gen(function*() {
        const timeout = yield* BotApi.currentRequestTimeout
        const attempt = yield* BotApi.currentAttempt
        yield* Ref.update(
          seen,
          (all) => [...all, { timeout: Option.getOrUndefined(Option.map(timeout, Duration.toMillis)), attempt }]
        )
        return yield* timeoutFail(
          Effect.never,
          Option.getOrElse(timeout, () => Duration.seconds(10)),
          () =>
            new TransportError({
              method,
              chatId: params.chat_id as number,
              reason: reasonOf("Timeout"),
              status: undefined,
              description: "no answer"
            })
        )
      })
    )
  )

describe("BotApi: public per-call settings", () => {
  it.effect("withRequestTimeout times a request out on a user-built layer (the library's service, wrapped)", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([hang])
      const calls = yield* Ref.make(0)
      const fiber = yield* BotApi.exportChatInviteLink(CHAT).pipe(
        BotApi.withRequestTimeout("2 seconds"),
        Effect.provide(userWrappedLayer(client, calls)),
        fork
      )
      yield* TestClock.adjust("1999 millis")
      assert.isTrue(Option.isNone(yield* poll(fiber)))
      yield* TestClock.adjust("1 millis")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Timeout")
      assert.strictEqual(yield* Ref.get(calls), 1)
    }))

  it.effect("Policy's requestTimeout works on that layer too: each attempt times out after exactly 1 s", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([hang])
      const calls = yield* Ref.make(0)
      const fiber = yield* Policy.exportChatInviteLink(CHAT, {
        requestTimeout: "1 second",
        maxAttempts: 2,
        jitter: false
      })
        .pipe(Effect.provide(Layer.merge(userWrappedLayer(client, calls), Policy.layerMemory)), fork)
      yield* TestClock.adjust("1000 millis")
      assert.strictEqual((yield* Ref.get(sent)).length, 1)
      // 100 ms backoff, then the second attempt times out 1 s later.
      yield* TestClock.adjust("1099 millis")
      assert.isTrue(Option.isNone(yield* poll(fiber)))
      yield* TestClock.adjust("1 millis")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Timeout")
      assert.deepStrictEqual((yield* Ref.get(sent)).map((r) => r.at), [0, 1100])
      assert.strictEqual(yield* Ref.get(calls), 2)
    }))

  it.effect("a hand-written BotApi reads the timeout and the attempt number the policy sets", () =>
    Effect.gen(function*() {
      const seen = yield* Ref.make<ReadonlyArray<{ timeout: number | undefined; attempt: number }>>([])
      const fiber = yield* Policy.exportChatInviteLink(CHAT, {
        requestTimeout: "3 seconds",
        maxAttempts: 3,
        jitter: false
      })
        .pipe(Effect.provide(Layer.merge(handWrittenLayer(seen), Policy.layerMemory)), fork)
      yield* TestClock.adjust("20 seconds")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Timeout")
      assert.deepStrictEqual(yield* Ref.get(seen), [
        { timeout: 3000, attempt: 1 },
        { timeout: 3000, attempt: 2 },
        { timeout: 3000, attempt: 3 }
      ])
      // Outside a policy: the defaults (no override, attempt 1).
      yield* Ref.set(seen, [])
      const alone = yield* BotApi.exportChatInviteLink(CHAT).pipe(Effect.provide(handWrittenLayer(seen)), fork)
      yield* TestClock.adjust("10 seconds")
      yield* Effect.flip(Fiber.join(alone))
      assert.deepStrictEqual(yield* Ref.get(seen), [{ timeout: undefined, attempt: 1 }])
    }))
})
