/**
 * The rate limiter of the Effect 3 edition, @effect/experimental's `RateLimiter`, and its store over the bot's
 * {@link RedisConnection}: a `RateLimiterStore` of the library's fixed-window and token-bucket contract, run by the
 * Lua scripts of `internal.ts` on the shared connection.
 *
 * Why not the library's `RateLimiter/Redis` store itself: it opens its own connection, which cannot be given an error
 * listener (ioredis then prints every failed reconnection to stderr), its `quit` on shutdown dies when Redis is down,
 * and a refill rate that is not a whole number of milliseconds makes every call fail (`PX 33.333`; 30/s is 33.3 ms per
 * call). This store never needs the client's clock (the window is a key expiry; the token bucket reads Redis's `TIME`).
 *
 * @internal
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { rateKeyPrefix } from "../core/keys.js"
import { scriptedClient, send } from "./clientCommands.js"
import { orFallback } from "./health.js"
import { RedisConnection } from "./RedisConnection.js"

export { RateLimiter }

/**
 * A `RateLimiterStore` over the connection in context, falling back to an in-process store when Redis fails.
 *
 * @since 0.1.0
 */
export const makeStore: Effect.Effect<RateLimiter.RateLimiterStore["Type"], never, RedisConnection> = Effect.gen(
  function*() {
    const connection = yield* RedisConnection
    const client = scriptedClient(connection)
    const memory = yield* Effect.provide(RateLimiter.RateLimiterStore, RateLimiter.layerStoreMemory)
    const keyOf = (key: string) => rateKeyPrefix(connection.prefix) + key
    const what = "count a rate limit"
    return RateLimiter.RateLimiterStore.of({
      fixedWindow: (options) =>
        orFallback(
          connection,
          what,
          send(() =>
            client.tgFixedWindow(
              keyOf(options.key),
              options.tokens,
              Duration.toMillis(options.refillRate),
              options.limit === undefined ? "" : String(options.limit)
            )
          ).pipe(Effect.map(([count, ttl]) => [Number(count), Number(ttl)] as const)),
          Effect.orDie(memory.fixedWindow(options))
        ),
      tokenBucket: (options) =>
        orFallback(
          connection,
          what,
          send(() =>
            client.tgTokenBucket(
              keyOf(options.key),
              options.tokens,
              Duration.toMillis(options.refillRate),
              options.limit,
              options.allowOverflow ? "1" : "0"
            )
          ).pipe(Effect.map(Number)),
          Effect.orDie(memory.tokenBucket(options))
        )
    })
  }
)
