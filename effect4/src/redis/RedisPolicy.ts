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
 * @since 0.2.0
 */
import type * as Config from "effect/Config"
import type * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import type * as ChatMigrations from "../ChatMigrations.js"
import type * as FloodGate from "../FloodGate.js"
import * as RedisChatMigrations from "./RedisChatMigrations.js"
import * as RedisConnection from "./RedisConnection.js"
import * as RedisFloodGate from "./RedisFloodGate.js"

/**
 * Both services over a {@link RedisConnection.RedisConnection} in context.
 *
 * @since 0.2.0
 */
export const layerShared: Layer.Layer<
  FloodGate.FloodGate | ChatMigrations.ChatMigrations,
  never,
  RedisConnection.RedisConnection
> = Layer.merge(RedisFloodGate.layer(), RedisChatMigrations.layer)

/**
 * Both services over one connection opened with `options`.
 *
 * @since 0.2.0
 */
export const layer = (
  options: RedisConnection.Options
): Layer.Layer<FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  Layer.provide(layerShared, RedisConnection.layer(options))

/**
 * Both services over one connection configured from `REDIS_URL` and the bot id of `TELEGRAM_BOT_TOKEN`
 * (see {@link RedisConnection.layerConfig}).
 *
 * @since 0.2.0
 */
export const layerConfig = (
  options?: {
    readonly url?: Config.Config<Redacted.Redacted<string>> | undefined
    readonly token?: Config.Config<Redacted.Redacted<string>> | undefined
    readonly commandTimeout?: Duration.Input | undefined
    readonly connectTimeout?: Duration.Input | undefined
  }
): Layer.Layer<FloodGate.FloodGate | ChatMigrations.ChatMigrations, Config.ConfigError> =>
  Layer.provide(layerShared, RedisConnection.layerConfig(options))
