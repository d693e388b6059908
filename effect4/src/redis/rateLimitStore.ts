/**
 * The rate limiter of the Effect 4 edition, Effect's own `RateLimiter` (`effect/persistence/RateLimiter`), and its
 * store: the `RateLimiter`'s Redis store (`RateLimiter.makeStoreRedis`) on the bot's {@link RedisConnection}.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as RateLimiter from "effect/persistence/RateLimiter"
import * as Redis from "effect/persistence/Redis"
import * as Keys from "../core/keys.js"
import { orFallback } from "./health.js"
import { RedisConnection } from "./RedisConnection.js"

export { RateLimiter }

/**
 * A `RateLimiterStore` over the connection in context (the `RateLimiter`'s Redis store), falling back to an
 * in-process store when Redis fails.
 *
 * @since 0.2.0
 */
export const makeStore: Effect.Effect<RateLimiter.RateLimiterStore["Service"], never, RedisConnection> = Effect.gen(
  function*() {
    const connection = yield* RedisConnection
    const shared = yield* RateLimiter.makeStoreRedis({ prefix: Keys.rateKeyPrefix(connection.prefix) }).pipe(
      Effect.provideService(Redis.Redis, connection.redis)
    )
    const memory = yield* Effect.provide(
      RateLimiter.RateLimiterStore.useSync((store) => store),
      RateLimiter.layerStoreMemory
    )
    const what = "count a rate limit"
    return RateLimiter.RateLimiterStore.of({
      fixedWindow: (options) =>
        orFallback(connection, what, shared.fixedWindow(options), Effect.orDie(memory.fixedWindow(options))),
      tokenBucket: (options) =>
        orFallback(connection, what, shared.tokenBucket(options), Effect.orDie(memory.tokenBucket(options))),
      adaptiveConsume: (options) =>
        orFallback(connection, what, shared.adaptiveConsume(options), Effect.orDie(memory.adaptiveConsume(options))),
      adaptiveFeedback: (options) =>
        orFallback(connection, what, shared.adaptiveFeedback(options), Effect.orDie(memory.adaptiveFeedback(options)))
    })
  }
)
