/**
 * The ioredis plumbing of the Effect 3 edition: the client options that keep every command bounded, and the Lua
 * scripts defined on the client as commands (the gate's, from the shared core, and the rate limiter's store).
 *
 * @internal
 */
import type * as Duration from "effect/Duration"
import type { Redis, RedisOptions } from "ioredis"
import { closeGateScript } from "../core/keys.js"
import { clientMillis, reconnectDelay } from "./connectionSettings.js"

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
  commandTimeout: clientMillis(options.commandTimeout),
  connectTimeout: clientMillis(options.connectTimeout),
  retryStrategy: (times) => options.isClosing() ? null : reconnectDelay(times)
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
