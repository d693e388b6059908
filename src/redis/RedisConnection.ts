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
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { Redis } from "ioredis"
import { messageOf } from "../core/scrub.js"
import * as Internal from "./internal.js"

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
  export interface Service {
    /** The ioredis client (connected, or reconnecting in the background). */
    readonly client: Redis
    /** The prefix of every key of this bot, `tg:<botId>:`. */
    readonly prefix: string
    /** Where Redis is, without credentials (for log lines). */
    readonly where: string
    /** Reports a failed command: the first one of an outage logs a warning, the others nothing. */
    readonly failed: (what: string, error: unknown) => Effect.Effect<void>
    /** Reports a command that worked: after an outage, logs that sharing resumes. */
    readonly succeeded: Effect.Effect<void>
  }
}

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 */
export interface Options {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). Kept redacted; never logged. */
  readonly url: Redacted.Redacted<string> | string
  /** The bot's id (the part of its token before `:`); see {@link botIdOf}. */
  readonly botId: string
  /** Timeout of each Redis command; then the layers fall back to in-process state. Default 500 ms. */
  readonly commandTimeout?: Duration.DurationInput | undefined
  /** How long to wait for the first connection before going on without it. Default 2 s. */
  readonly connectTimeout?: Duration.DurationInput | undefined
}

/**
 * The default timeout of one Redis command.
 *
 * @since 0.1.0
 */
export const defaultCommandTimeout: Duration.Duration = Duration.millis(500)

/**
 * The default wait for the first connection.
 *
 * @since 0.1.0
 */
export const defaultConnectTimeout: Duration.Duration = Duration.seconds(2)

/**
 * The bot id of a token (the part before `:`), or `undefined` if it does not look like a token. Only this id is used
 * in keys, never the token.
 *
 * @since 0.1.0
 */
export const botIdOf = (token: Redacted.Redacted<string> | string): string | undefined =>
  Internal.botIdOf(typeof token === "string" ? token : Redacted.value(token))

/**
 * The key prefix of a bot: `tg:<botId>:`.
 *
 * @since 0.1.0
 */
export const keyPrefix = (botId: string): string => Internal.keyPrefixOf(botId)

/**
 * Opens the connection (waiting up to `connectTimeout` for it; if Redis is not there, it goes on and keeps trying in
 * the background) and closes it with the scope.
 *
 * @since 0.1.0
 */
export const make = (options: Options): Effect.Effect<RedisConnection.Service, never, Scope.Scope> =>
  Effect.gen(function*() {
    const url = typeof options.url === "string" ? options.url : Redacted.value(options.url)
    const where = Internal.describeUrl(url)
    const connectTimeout = Duration.decode(options.connectTimeout ?? defaultConnectTimeout)
    let closing = false
    let lastError: string | undefined
    const client = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const client = new Redis(
          url,
          Internal.clientOptions({
            commandTimeout: Duration.decode(options.commandTimeout ?? defaultCommandTimeout),
            connectTimeout,
            isClosing: () => closing
          })
        )
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
    const health = Internal.makeHealth(where)
    // Wait for the first connection, bounded by real time (not the Effect Clock: a TestClock must not stall it).
    const connected = yield* Effect.async<undefined | string>((resume) => {
      const timer = setTimeout(
        () => resume(Effect.succeed(`no connection within ${Duration.format(connectTimeout)}`)),
        Duration.toMillis(connectTimeout)
      )
      client.connect().then(
        () => {
          clearTimeout(timer)
          resume(Effect.succeed(undefined))
        },
        (error: unknown) => {
          clearTimeout(timer)
          resume(Effect.succeed(lastError ?? messageOf(error)))
        }
      )
      return Effect.sync(() => clearTimeout(timer))
    })
    if (connected !== undefined) yield* health.failed("connect", connected)
    return RedisConnection.of({
      client,
      prefix: Internal.keyPrefixOf(options.botId),
      where,
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

/**
 * The connection configured from `REDIS_URL` (redacted) and the bot id of `TELEGRAM_BOT_TOKEN` (only the part before
 * `:` is kept); each can be replaced by another `Config`. A token without a bot id is a `ConfigError`.
 *
 * @since 0.1.0
 */
export const layerConfig = (
  options?: {
    readonly url?: Config.Config<Redacted.Redacted<string>> | undefined
    readonly token?: Config.Config<Redacted.Redacted<string>> | undefined
    readonly commandTimeout?: Duration.DurationInput | undefined
    readonly connectTimeout?: Duration.DurationInput | undefined
  }
): Layer.Layer<RedisConnection, ConfigError.ConfigError> =>
  Layer.scoped(
    RedisConnection,
    Effect.gen(function*() {
      const url = yield* (options?.url ?? Config.redacted("REDIS_URL"))
      const botId = yield* (options?.token ?? Config.redacted("TELEGRAM_BOT_TOKEN")).pipe(
        Config.mapOrFail((token) => {
          const id = botIdOf(token)
          return id === undefined
            ? Either.left(ConfigError.InvalidData([], "the bot token has no bot id (expected <digits>:<secret>)"))
            : Either.right(id)
        })
      )
      return yield* make({
        url,
        botId,
        commandTimeout: options?.commandTimeout,
        connectTimeout: options?.connectTimeout
      })
    })
  )
