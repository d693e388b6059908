/**
 * `effect-telegram-invite/redis`: one bot run by many processes shares its flood gate, its migrations and its rate
 * limits through Redis. Needs the optional peers `ioredis` (5) and, for the rate limits, `@effect/experimental`.
 * The main entry never loads this module.
 *
 * @since 0.2.0
 *
 * @module effect-telegram-invite/redis
 */

/** One Redis connection (ioredis) per bot, with its key prefix `tg:<botId>:`. */
export * as RedisConnection from "./RedisConnection.js"

/** The flood gate shared by many processes through Redis. */
export * as RedisFloodGate from "./RedisFloodGate.js"

/** The migration registry shared by many processes through Redis. */
export * as RedisChatMigrations from "./RedisChatMigrations.js"

/** Proactive rate limits shared through Redis (@effect/experimental's RateLimiter). */
export * as RedisRateLimit from "./RedisRateLimit.js"

/** The flood gate and migration registry over Redis, from `REDIS_URL`. */
export * as RedisPolicy from "./RedisPolicy.js"
