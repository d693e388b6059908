/**
 * Redis as the Effect 4 edition's tests reach it: the test's own admin connection over node-redis, the edition's
 * `RedisConnection.make` (it gives a context holding the connection's service), `effect/persistence`'s RateLimiter and
 * its tagged `RateLimitExceeded` reason, and how far a second "machine's" clock may run ahead. The Effect 3 edition's
 * file of the same name uses ioredis and `@effect/experimental`.
 */
import { Context, Effect, Exit, type Scope } from "effect"
import { RateLimiter } from "effect/persistence"
import { createClient } from "redis"
import * as RedisConnection from "../../src/redis/RedisConnection.js"

export { RateLimiter }

/** The test's own connection to the test server, to read and clear what the layers wrote. */
export interface RedisAdmin {
  readonly flushAll: () => Promise<unknown>
  /** The key's remaining time to live in ms (-2: no such key; -1: no expiry). */
  readonly pttl: (key: string) => Promise<number>
  readonly exists: (key: string) => Promise<number>
  readonly keys: (pattern: string) => Promise<ReadonlyArray<string>>
  readonly get: (key: string) => Promise<string | null>
  readonly set: (key: string, value: string) => Promise<unknown>
  readonly close: () => void
}

/** Connects an admin client to `url`. */
export const connectAdmin = async (url: string): Promise<RedisAdmin> => {
  const client = createClient({ url })
  // node-redis emits `error` when the server goes away (the restart test stops it): with no listener, that throws.
  client.on("error", () => {})
  await client.connect()
  return {
    flushAll: () => client.flushAll(),
    pttl: (key) => client.pTTL(key),
    exists: (key) => client.exists(key),
    keys: (pattern) => client.keys(pattern),
    get: (key) => client.get(key),
    set: (key, value) => client.set(key, value),
    close: () => client.destroy()
  }
}

/** A "process": its own connection to Redis (closed with the scope). */
export const connect = (
  options: RedisConnection.Options
): Effect.Effect<RedisConnection.RedisConnection.Service, never, Scope.Scope> =>
  Effect.map(RedisConnection.make(options), (context) => Context.get(context, RedisConnection.RedisConnection))

/** Waits (bounded: 10 s) until the connection is up again, so that the next command reaches Redis. */
export const awaitConnected = (connection: RedisConnection.RedisConnection.Service): Effect.Effect<void> =>
  Effect.gen(function*() {
    for (let i = 0; i < 100; i++) {
      if (Exit.isSuccess(yield* Effect.exit(connection.redis.send("PING")))) return
      yield* Effect.sleep("100 millis")
    }
  })

/** Whether a rate limiter's error says the limit was exceeded. */
export const isLimitExceeded = (error: RateLimiter.RateLimiterError): boolean =>
  error.reason._tag === "RateLimitExceeded"

/**
 * How far ahead of the first "machine" the second one's clock is set: a day. (Not 30 years, as in the Effect 3 suite:
 * NodeRedis's connection pool wakes every 60 s on the Clock, and the TestClock would wake it each time on the way.)
 */
export const clockSkewMillis = 86_400_000
