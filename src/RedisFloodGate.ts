/**
 * A {@link FloodGate} shared by every process of a bot through Redis: when one process is told to wait for a scope
 * (a chat, or the whole bot), every other process waits for the same deadline before calling that scope.
 *
 * A closed scope is one key, `tg:<botId>:gate:<scope>`, set with an expiry (`SET … PX <ms>`) by a small Lua script
 * that keeps an already longer expiry, so a later deadline wins and the key cleans itself up. Only durations cross
 * the wire: `close` sends the time left until its deadline, `closedUntil` reads the time left (`PTTL`) and adds it to
 * this process's clock. Redis's own clock measures the wait, so the machines' clocks do not have to agree.
 *
 * Each process also keeps its own in-memory gate, written on every `close` and read alongside Redis (the later
 * deadline counts). When Redis fails or is slow, the gate goes on with the in-memory one alone and logs one warning
 * per outage; a call never fails or hangs because of Redis.
 *
 * @since 0.1.0
 */
import { Clock, Effect, Layer, Option } from "effect"
import * as FloodGate from "./FloodGate.js"
import type { ScriptedRedis } from "./internal/redis.js"
import { orFallback } from "./internal/redis.js"
import { RedisConnection } from "./RedisConnection.js"

/**
 * The Redis key of a scope, under the connection's bot prefix.
 *
 * @since 0.1.0
 */
export const keyOf = (prefix: string, scope: string): string => `${prefix}gate:${scope}`

/**
 * Builds the gate over the connection in context.
 *
 * @since 0.1.0
 */
export const make: Effect.Effect<FloodGate.FloodGate.Service, never, RedisConnection> = Effect.gen(function*() {
  const connection = yield* RedisConnection
  const client = connection.client as ScriptedRedis
  const health = connection
  const local = yield* FloodGate.makeMemory

  const later = (a: Option.Option<number>, b: Option.Option<number>): Option.Option<number> =>
    Option.isNone(a) ? b : Option.isNone(b) ? a : Option.some(Math.max(a.value, b.value))

  return FloodGate.make({
    close: (scope, until) =>
      Effect.gen(function*() {
        yield* local.close(scope, until)
        const ms = Math.ceil(until - (yield* Clock.currentTimeMillis))
        if (ms <= 0) return
        yield* orFallback(
          health,
          "close the flood gate",
          () => client.tgCloseGate(keyOf(connection.prefix, scope), ms).then(() => undefined),
          Effect.void
        )
      }),
    closedUntil: (scope) =>
      Effect.gen(function*() {
        const mine = yield* local.closedUntil(scope)
        const remaining = yield* orFallback(
          health,
          "read the flood gate",
          () => client.pttl(keyOf(connection.prefix, scope)),
          Effect.succeed(-2)
        )
        if (remaining <= 0) return mine
        const now = yield* Clock.currentTimeMillis
        return later(mine, Option.some(now + remaining))
      })
  })
})

/**
 * The gate as a layer over a {@link RedisConnection}.
 *
 * @since 0.1.0
 */
export const layer: Layer.Layer<FloodGate.FloodGate, never, RedisConnection> = Layer.effect(FloodGate.FloodGate, make)
