/**
 * `effect-telegram-invite-effect4/redis`: one bot run by many processes shares its flood gate, its migrations and its
 * rate limits through Redis, with Effect 4's own persistence modules (`Redis`, `RateLimiter`, `KeyValueStore`) over
 * `@effect/platform-node`'s `NodeRedis`. Needs the optional peers `@effect/platform-node` and `redis` (node-redis).
 * The main entry never loads this module.
 *
 * @since 0.2.0
 */

/** One Redis connection (NodeRedis) per bot, with its key prefix `tg:<botId>:`. */
export * as RedisConnection from "./RedisConnection.js"

/** The flood gate shared by many processes through Redis. */
export * as RedisFloodGate from "./RedisFloodGate.js"

/** The migration registry shared by many processes through Redis. */
export * as RedisChatMigrations from "./RedisChatMigrations.js"

/** Effect's KeyValueStore over Redis. */
export * as RedisKeyValueStore from "./RedisKeyValueStore.js"

/** Proactive rate limits shared through Redis (Effect's RateLimiter with its Redis store). */
export * as RedisRateLimit from "./RedisRateLimit.js"

/** The flood gate and migration registry over Redis, from `REDIS_URL`. */
export * as RedisPolicy from "./RedisPolicy.js"
