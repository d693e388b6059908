/**
 * One Redis connection (ioredis) for the Redis-backed layers ({@link RedisFloodGate}, {@link RedisChatMigrations},
 * {@link RedisRateLimit}), with the key prefix of one bot: `tg:<botId>:`, where the bot id is the part of the token
 * before `:` (the token itself never reaches Redis), so several bots can share one Redis.
 *
 * Every command is bounded: no offline queue (a command sent while disconnected fails at once), a timeout on each
 * command, one try. The client reconnects in the background forever, so a restarted Redis is picked up again. The
 * layers built on it never fail a call because of Redis: they fall back to in-process state and log one warning per
 * outage.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { Redis } from "ioredis"
import { messageOf } from "../core/scrub.js"
import {
  awaitFirstConnection,
  botIdOf,
  type ConfigOptions,
  configuredOptions,
  noBotId,
  type Options,
  type ServiceMembers,
  settingsOf
} from "./connectionSettings.js"
import { makeHealth } from "./health.js"
import * as Internal from "./internal.js"

// The options, their defaults and the bot's key prefix are the same in both editions.
export { botIdOf, defaultCommandTimeout, defaultConnectTimeout, keyPrefix, type Options } from "./connectionSettings.js"

/**
 * @since 0.1.0
 */
export class RedisConnection
  extends Context.Tag("effect-telegram-invite/RedisConnection")<RedisConnection, RedisConnection.Service>()
{}

/**
 * @since 0.1.0
 */
export declare namespace RedisConnection {
  /**
   * @since 0.1.0
   */
  export interface Service extends ServiceMembers {
    /** The ioredis client (connected, or reconnecting in the background). */
    readonly client: Redis
  }
}

/**
 * Opens the connection (waiting up to `connectTimeout` for it; if Redis is not there, it goes on and keeps trying in
 * the background) and closes it with the scope.
 *
 * @since 0.1.0
 */
export const make = (options: Options): Effect.Effect<RedisConnection.Service, never, Scope.Scope> =>
  Effect.gen(function*() {
    const settings = settingsOf(options)
    let closing = false
    let lastError: string | undefined
    const client = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const client = new Redis(settings.url, Internal.clientOptions({ ...settings, isClosing: () => closing }))
        // Connection errors are reported through the commands that fail (one warning per outage), not here.
        client.on("error", (error: unknown) => {
          lastError = messageOf(error)
        })
        return Internal.defineScripts(client)
      }),
      (client) =>
        Effect.sync(() => {
          closing = true
          client.disconnect()
        })
    )
    const health = makeHealth(settings.where)
    const connected = yield* awaitFirstConnection(settings.connectTimeout, (done) => {
      client.connect().then(() => done(undefined), (error: unknown) => done(lastError ?? messageOf(error)))
      return () => {}
    })
    if (connected !== undefined) yield* health.failed("connect", connected)
    return RedisConnection.of({
      client,
      prefix: settings.prefix,
      where: settings.where,
      failed: health.failed,
      succeeded: health.succeeded
    })
  })

/**
 * The connection as a layer.
 *
 * @since 0.1.0
 */
export const layer = (options: Options): Layer.Layer<RedisConnection> => Layer.scoped(RedisConnection, make(options))

/** The bot id of the token, or a `ConfigError` when it has none. */
const validBotId = (token: Config.Config<Redacted.Redacted<string>>): Config.Config<string> =>
  Config.mapOrFail(token, (token) => {
    const id = botIdOf(token)
    return id === undefined ? Either.left(ConfigError.InvalidData([], noBotId)) : Either.right(id)
  })

/**
 * The connection configured from `REDIS_URL` (redacted) and the bot id of `TELEGRAM_BOT_TOKEN` (only the part before
 * `:` is kept); each can be replaced by another `Config`. A token without a bot id is a `ConfigError`.
 *
 * @since 0.1.0
 */
export const layerConfig = (options?: ConfigOptions): Layer.Layer<RedisConnection, ConfigError.ConfigError> =>
  Layer.scoped(RedisConnection, Effect.flatMap(configuredOptions(options, validBotId), make))
