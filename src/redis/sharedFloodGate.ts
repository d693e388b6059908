/**
 * The flood gate shared through Redis, written once for both editions: each edition's `RedisFloodGate` exports this
 * module (see there for how it works), its Redis commands sent through that edition's client ({@link commandsOf}).
 *
 * Not an entry of the package.
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import * as Keys from "../core/keys.js"
import { decode, type DurationInput } from "../edition/duration.js"
import * as FloodGate from "../FloodGate.js"
import { commandsOf } from "./clientCommands.js"
import { orFallback } from "./health.js"
import { RedisConnection } from "./RedisConnection.js"

/**
 * The Redis key of a scope, under the connection's bot prefix.
 *
 * @since 0.1.0
 */
export const keyOf: (prefix: string, scope: string) => string = Keys.gateKey

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 */
export interface Options {
  /**
   * The waiters of a fleet wake up spread over this much time after the deadline (a random delay each, at most a
   * tenth of the wait), so that a reopened scope is not hit by every process in the same millisecond: the first
   * ones learn whether the server still refuses, and close the gate again before the others go. Default 100 ms;
   * 0 wakes everyone at the deadline.
   */
  readonly wakeUpSpread?: DurationInput | undefined
}

/**
 * The default {@link Options.wakeUpSpread}.
 *
 * @since 0.1.0
 */
export const defaultWakeUpSpread: Duration.Duration = Duration.millis(100)

/** The later of two deadlines, if any. */
const later = (a: Option.Option<number>, b: Option.Option<number>): Option.Option<number> =>
  Option.isNone(a) ? b : Option.isNone(b) ? a : Option.some(Math.max(a.value, b.value))

/**
 * Builds the gate over the connection in context.
 *
 * @since 0.1.0
 */
export const make = (options?: Options): Effect.Effect<FloodGate.FloodGate.Service, never, RedisConnection> =>
  Effect.gen(function*() {
    const connection = yield* RedisConnection
    const commands = commandsOf(connection)
    const local = yield* FloodGate.makeMemory

    const spread = Duration.toMillis(decode(options?.wakeUpSpread ?? defaultWakeUpSpread))
    const gate = FloodGate.make({
      close: (scope, until) =>
        Effect.gen(function*() {
          yield* local.close(scope, until)
          const ms = Math.ceil(until - (yield* Clock.currentTimeMillis))
          if (ms <= 0) return
          yield* orFallback(
            connection,
            "close the flood gate",
            commands.closeGate(keyOf(connection.prefix, scope), ms),
            Effect.void
          )
        }),
      closedUntil: (scope) =>
        Effect.gen(function*() {
          const mine = yield* local.closedUntil(scope)
          const remaining = yield* orFallback(
            connection,
            "read the flood gate",
            commands.remainingMillis(keyOf(connection.prefix, scope)),
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
          const jitter = spread <= 0 ? 0 : Math.min(spread, wait / 10) * (yield* Random.next)
          yield* Effect.sleep(Duration.millis(wait + jitter))
        }
      })
    return FloodGate.FloodGate.of({ ...gate, waitIfClosed })
  })

/**
 * The gate as a layer over a {@link RedisConnection}.
 *
 * @since 0.1.0
 */
export const layer = (options?: Options): Layer.Layer<FloodGate.FloodGate, never, RedisConnection> =>
  Layer.effect(FloodGate.FloodGate, make(options))
