/**
 * The flood gate and the migration registry shared through Redis, for one bot run by many processes: the Redis
 * counterpart of `Policy.layerMemory` (which stays the default; a single process needs nothing of Redis).
 *
 * ```ts
 * const MainLayer = Layer.mergeAll(BotApi.layerConfig(), RedisPolicy.layerConfig()).pipe(
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 *
 * @since 0.1.0
 */
import * as Layer from "effect/Layer"
import type * as ChatMigrations from "../ChatMigrations.js"
import type { ConfigError } from "../edition/config.js"
import type * as FloodGate from "../FloodGate.js"
import type { ConfigOptions } from "./connectionSettings.js"
import * as RedisChatMigrations from "./RedisChatMigrations.js"
import * as RedisConnection from "./RedisConnection.js"
import * as RedisFloodGate from "./RedisFloodGate.js"

/**
 * Both services over a {@link RedisConnection.RedisConnection} in context.
 *
 * @since 0.1.0
 */
export const layerShared: Layer.Layer<
  FloodGate.FloodGate | ChatMigrations.ChatMigrations,
  never,
  RedisConnection.RedisConnection
> = Layer.merge(RedisFloodGate.layer(), RedisChatMigrations.layer)

/**
 * Both services over one connection opened with `options`.
 *
 * @since 0.1.0
 */
export const layer = (
  options: RedisConnection.Options
): Layer.Layer<FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  Layer.provide(layerShared, RedisConnection.layer(options))

/**
 * Both services over one connection configured from `REDIS_URL` and the bot id of `TELEGRAM_BOT_TOKEN`
 * (see {@link RedisConnection.layerConfig}).
 *
 * @since 0.1.0
 */
export const layerConfig = (
  options?: ConfigOptions
): Layer.Layer<FloodGate.FloodGate | ChatMigrations.ChatMigrations, ConfigError> =>
  Layer.provide(layerShared, RedisConnection.layerConfig(options))
