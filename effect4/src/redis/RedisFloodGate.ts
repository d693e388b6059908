/**
 * A {@link FloodGate} shared by every process of a bot through Redis: when one process is told to wait for a scope
 * (a chat, or the whole bot), every other process waits for the same deadline before calling that scope.
 *
 * A closed scope is one key, `tg:<botId>:gate:<scope>`, set with an expiry (`SET … PX <ms>`) by a small Lua script
 * (the shared core's, the Effect 3 edition's too) that keeps an already longer expiry, so a later deadline wins and
 * the key cleans itself up. It runs through Effect's `Redis.eval` (`SCRIPT LOAD` once, then `EVALSHA`). Only durations
 * cross the wire: `close` sends the time left until its deadline, `closedUntil` reads the time left (`PTTL`) and adds
 * it to this process's clock, so the machines' clocks do not have to agree.
 *
 * Each process also keeps its own in-memory gate, written on every `close` and read alongside Redis (the later
 * deadline counts). When Redis fails or is slow, the gate goes on with the in-memory one alone and logs one warning
 * per outage; a call never fails or hangs because of Redis.
 *
 * @since 0.2.0
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redis from "effect/persistence/Redis"
import * as Random from "effect/Random"
import * as Keys from "../core/keys.js"
import * as FloodGate from "../FloodGate.js"
import { orFallback } from "./internal.js"
import { RedisConnection } from "./RedisConnection.js"

/**
 * The Redis key of a scope, under the connection's bot prefix.
 *
 * @since 0.2.0
 */
export const keyOf: (prefix: string, scope: string) => string = Keys.gateKey

/**
 * The gate's Lua rule as an Effect `Redis.Script`: close `key` for `ms` unless it is closed for longer; returns the
 * remaining ms.
 *
 * @since 0.2.0
 */
export const closeGateScript: Redis.Script<{ params: [key: string, ms: number]; result: number }> = Redis.script(
  (key: string, ms: number) => [key, ms],
  { lua: Keys.closeGateScript, numberOfKeys: 1 }
).withReturnType<number>()

/**
 * Options of {@link make}.
 *
 * @since 0.2.0
 */
export interface Options {
  /**
   * The waiters of a fleet wake up spread over this much time after the deadline (a random delay each, at most a
   * tenth of the wait), so that a reopened scope is not hit by every process in the same millisecond: the first
   * ones learn whether the server still refuses, and close the gate again before the others go. Default 100 ms;
   * 0 wakes everyone at the deadline.
   */
  readonly wakeUpSpread?: Duration.Input | undefined
}

/**
 * The default {@link Options.wakeUpSpread}.
 *
 * @since 0.2.0
 */
export const defaultWakeUpSpread: Duration.Duration = Duration.millis(100)

/**
 * Builds the gate over the connection in context.
 *
 * @since 0.2.0
 */
export const make = (options?: Options): Effect.Effect<FloodGate.FloodGate.Service, never, RedisConnection> =>
  Effect.gen(function*() {
    const connection = yield* RedisConnection
    const { redis } = connection
    const local = yield* FloodGate.makeMemory
    const closeGate = redis.eval(closeGateScript)

    const later = (a: Option.Option<number>, b: Option.Option<number>): Option.Option<number> =>
      Option.isNone(a) ? b : Option.isNone(b) ? a : Option.some(Math.max(a.value, b.value))

    const spread = Duration.toMillis(Duration.fromInputUnsafe(options?.wakeUpSpread ?? defaultWakeUpSpread))
    const gate = FloodGate.make({
      close: (scope, until) =>
        Effect.gen(function*() {
          yield* local.close(scope, until)
          const ms = Math.ceil(until - (yield* Clock.currentTimeMillis))
          if (ms <= 0) return
          yield* orFallback(
            connection,
            "close the flood gate",
            Effect.asVoid(closeGate(keyOf(connection.prefix, scope), ms)),
            Effect.void
          )
        }),
      closedUntil: (scope) =>
        Effect.gen(function*() {
          const mine = yield* local.closedUntil(scope)
          const remaining = yield* orFallback(
            connection,
            "read the flood gate",
            redis.send<number>("PTTL", keyOf(connection.prefix, scope)),
            Effect.succeed(-2)
          )
          if (remaining <= 0) return mine
          const now = yield* Clock.currentTimeMillis
          return later(mine, Option.some(now + remaining))
        })
    })

    // Like FloodGate.make's, plus the spread wake-up.
    const waitIfClosed = (scope: string): Effect.Effect<void> =>
      Effect.gen(function*() {
        while (true) {
          const until = yield* gate.closedUntil(scope)
          if (Option.isNone(until)) return
          const now = yield* Clock.currentTimeMillis
          if (until.value <= now) return
          const wait = until.value - now
          const jitter = spread <= 0 ? 0 : yield* Random.nextBetween(0, Math.min(spread, wait / 10))
          yield* Effect.sleep(Duration.millis(wait + jitter))
        }
      })
    return FloodGate.FloodGate.of({ ...gate, waitIfClosed })
  })

/**
 * The gate as a layer over a {@link RedisConnection}.
 *
 * @since 0.2.0
 */
export const layer = (options?: Options): Layer.Layer<FloodGate.FloodGate, never, RedisConnection> =>
  Layer.effect(FloodGate.FloodGate, make(options))
