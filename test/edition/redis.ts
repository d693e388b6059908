/**
 * Redis as the Effect 3 edition's tests reach it: the test's own admin connection over ioredis, the edition's
 * `RedisConnection.make` (it gives the connection's service), `@effect/experimental`'s RateLimiter and its
 * `RateLimitExceeded`, and how far a second "machine's" clock may run ahead. The Effect 4 edition's file of the same
 * name uses node-redis and Effect 4's `effect/persistence`.
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import { Effect, type Scope } from "effect"
import { Redis } from "ioredis"
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
  const client = new Redis(url, { lazyConnect: true })
  // ioredis prints "Unhandled error event" when the server goes away (the restart test stops it) and no one listens;
  // the admin's commands still fail on their own.
  client.on("error", () => {})
  await client.connect()
  return {
    flushAll: () => client.flushall(),
    pttl: (key) => client.pttl(key),
    exists: (key) => client.exists(key),
    keys: (pattern) => client.keys(pattern),
    get: (key) => client.get(key),
    set: (key, value) => client.set(key, value),
    close: () => client.disconnect()
  }
}

/** A "process": its own connection to Redis (closed with the scope). */
export const connect = (
  options: RedisConnection.Options
): Effect.Effect<RedisConnection.RedisConnection.Service, never, Scope.Scope> => RedisConnection.make(options)

/** Waits (bounded: 10 s) until the connection is up again, so that the next command reaches Redis. */
export const awaitConnected = (connection: RedisConnection.RedisConnection.Service): Effect.Effect<void> =>
  Effect.gen(function*() {
    for (let i = 0; i < 100 && connection.client.status !== "ready"; i++) yield* Effect.sleep("100 millis")
  })

/** Whether a rate limiter's error says the limit was exceeded. */
export const isLimitExceeded = (error: RateLimiter.RateLimiterError): boolean => error.reason === "Exceeded"

/** How far ahead of the first "machine" the second one's clock is set: 30 years. */
export const clockSkewMillis = 1_000_000_000_000
