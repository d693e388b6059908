/**
 * The Redis plumbing shared by the Redis-backed layers: the ioredis options that keep every command bounded, the key
 * prefix of a bot, the Lua scripts, and the "run a command or fall back" helper that logs a warning once per outage.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type { Redis, RedisOptions } from "ioredis"
import { botIdOf, closeGateScript, describeRedisUrl as describeUrl, keyPrefixOf } from "../core/keys.js"
import { messageOf } from "../core/scrub.js"

export { botIdOf, closeGateScript, describeUrl, keyPrefixOf }

/**
 * ioredis options that never let a call hang on Redis: no offline queue (a command sent while disconnected fails at
 * once), a timeout on every command, one try per command, and reconnection forever in the background with a capped
 * backoff (so a restarted Redis is picked up again).
 */
export const clientOptions = (options: {
  readonly commandTimeout: Duration.Duration
  readonly connectTimeout: Duration.Duration
  readonly isClosing: () => boolean
}): RedisOptions => ({
  lazyConnect: true,
  enableOfflineQueue: false,
  enableReadyCheck: true,
  maxRetriesPerRequest: 1,
  autoResubscribe: false,
  commandTimeout: Math.max(1, Math.round(Duration.toMillis(options.commandTimeout))),
  connectTimeout: Math.max(1, Math.round(Duration.toMillis(options.connectTimeout))),
  retryStrategy: (times) => options.isClosing() ? null : Math.min(50 * 2 ** Math.min(times, 6), 2000)
})

/**
 * A fixed-window counter with the contract of @effect/experimental's `RateLimiterStore.fixedWindow`: adds
 * `ARGV[1]` tokens, each extending the key's expiry by `ARGV[2]` ms (rounded up to a whole ms), and refuses past the
 * limit `ARGV[3]` (empty: no limit). Returns `{ count, pttl }`.
 */
export const fixedWindowScript = `
local key = KEYS[1]
local tokens = tonumber(ARGV[1])
local refillms = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local current = tonumber(redis.call("GET", key))
if not current then
  local nextpttl = math.ceil(refillms * tokens)
  redis.call("SET", key, tokens, "PX", nextpttl)
  return { tokens, nextpttl }
end
local currentpttl = tonumber(redis.call("PTTL", key))
if currentpttl < 0 then currentpttl = 0 end
local nextcount = current + tokens
if limit and nextcount > limit then
  return { nextcount, currentpttl }
end
local nextpttl = math.ceil(currentpttl + refillms * tokens)
redis.call("SET", key, nextcount, "PX", nextpttl)
return { nextcount, nextpttl }
`

/**
 * A token bucket with the contract of `RateLimiterStore.tokenBucket`, timed by Redis's own `TIME` (not the
 * client's clock). `ARGV`: tokens, refill ms, limit, allow overflow ("1"). Returns the tokens left (negative: owed).
 * Both keys expire once the bucket would be full again.
 */
export const tokenBucketScript = `
local key = KEYS[1]
local refillkey = key .. ":refill"
local tokens = tonumber(ARGV[1])
local refillms = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local overflow = ARGV[4] == "1"
local time = redis.call("TIME")
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local current = tonumber(redis.call("GET", key))
local last = tonumber(redis.call("GET", refillkey))
if not current or not last then
  current = limit
  last = now
end
local refill = math.floor((now - last) / refillms)
if refill > 0 then
  current = math.min(current + refill, limit)
  last = last + refill * refillms
end
local nextcount = current - tokens
local stored = nextcount
if nextcount < 0 and not overflow then
  stored = current
end
local ttl = math.ceil((limit - stored + 1) * refillms)
redis.call("SET", key, stored, "PX", ttl)
redis.call("SET", refillkey, last, "PX", ttl)
return nextcount
`

/** The scripts above, defined on a client as commands (ioredis sends EVALSHA, falling back to EVAL). */
export interface ScriptedRedis extends Redis {
  tgCloseGate(key: string, ms: number): Promise<number>
  tgFixedWindow(key: string, tokens: number, refillMs: number, limit: string): Promise<[number, number]>
  tgTokenBucket(key: string, tokens: number, refillMs: number, limit: number, overflow: string): Promise<number>
}

/** Defines the scripts on `client`. */
export const defineScripts = (client: Redis): ScriptedRedis => {
  client.defineCommand("tgCloseGate", { numberOfKeys: 1, lua: closeGateScript })
  client.defineCommand("tgFixedWindow", { numberOfKeys: 1, lua: fixedWindowScript })
  client.defineCommand("tgTokenBucket", { numberOfKeys: 1, lua: tokenBucketScript })
  return client as ScriptedRedis
}

/**
 * Tracks whether Redis is reachable, to log one warning when it is not (not one per call) and one line when it is
 * back.
 */
export interface Health {
  readonly failed: (what: string, error: unknown) => Effect.Effect<void>
  readonly succeeded: Effect.Effect<void>
  readonly isDegraded: () => boolean
}

/** A {@link Health} whose lines name `where` (a URL without credentials). */
export const makeHealth = (where: string): Health => {
  let degraded = false
  return {
    failed: (what, error) =>
      Effect.suspend(() => {
        if (degraded) return Effect.void
        degraded = true
        return Effect.logWarning(
          `Redis at ${where} is unreachable (${what}: ${
            messageOf(error)
          }); falling back to this process's own flood gate, migration registry and rate limits until it is back`
        )
      }),
    succeeded: Effect.suspend(() => {
      if (!degraded) return Effect.void
      degraded = false
      return Effect.logInfo(`Redis at ${where} is reachable again; sharing with the other processes resumes`)
    }),
    isDegraded: () => degraded
  }
}

/**
 * Runs a Redis command; on success reports health, on failure (error or timeout) reports it once and runs
 * `fallback` instead. Never fails.
 */
export const orFallback = <A>(
  health: Pick<Health, "failed" | "succeeded">,
  what: string,
  command: () => Promise<A>,
  fallback: Effect.Effect<A>
): Effect.Effect<A> =>
  Effect.tryPromise({ try: command, catch: (error) => error }).pipe(
    Effect.tap(() => health.succeeded),
    Effect.catchAll((error) => Effect.zipRight(health.failed(what, error), fallback))
  )
