/**
 * effect-telegram-invite: a Telegram Bot API client for Effect (invite links), with typed flood-wait, migration and
 * transient-failure policies.
 *
 * @since 0.1.0
 */

/** The client service and its one request path. */
export * as BotApi from "./BotApi.js"

/** The closed union of failures. */
export * as BotApiError from "./BotApiError.js"

/** Counters of requests, flood waits, migrations and transient retries. */
export * as BotApiMetrics from "./BotApiMetrics.js"

/** The `ChatFullInfo` object (getChat). */
export * as ChatFullInfo from "./ChatFullInfo.js"

/** Chat ids: safe integers and `@usernames`. */
export * as ChatId from "./ChatId.js"

/** The `ChatInviteLink` object. */
export * as ChatInviteLink from "./ChatInviteLink.js"

/** The registry of chat migrations. */
export * as ChatMigrations from "./ChatMigrations.js"

/** The shared flood gate. */
export * as FloodGate from "./FloodGate.js"

/** Flood-wait, gate, migration and transient-retry policies. */
export * as Policy from "./Policy.js"

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
