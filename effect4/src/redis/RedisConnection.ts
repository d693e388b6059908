/**
 * One Redis connection for the Redis-backed layers ({@link RedisFloodGate}, {@link RedisChatMigrations},
 * {@link RedisRateLimit}), with the key prefix of one bot: `tg:<botId>:`, where the bot id is the part of the token
 * before `:` (the token itself never reaches Redis), so several bots can share one Redis. The keys are the Effect 3
 * edition's: processes of both editions share one gate, one registry and one set of limits.
 *
 * The connection is Effect's own `Redis` service (`effect/persistence/Redis`), backed by `@effect/platform-node`'s
 * `NodeRedis` (node-redis) in {@link layer}, or any `Redis` you provide ({@link layerFromRedis}). {@link layer} keeps
 * every command bounded: no offline queue (a command sent while disconnected fails at once), a timeout on each
 * command, reconnection forever in the background (so a restarted Redis is picked up again), and a first connection
 * awaited for at most `connectTimeout` before the program goes on without it. The layers built on it never fail a
 * call because of Redis: they fall back to in-process state and log one warning per outage.
 *
 * @since 0.2.0
 */
import * as NodeRedis from "@effect/platform-node/NodeRedis"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redis from "effect/persistence/Redis"
import * as Redacted from "effect/Redacted"
import * as References from "effect/References"
import type * as Scope from "effect/Scope"
import * as Keys from "../core/keys.js"
import { messageOf } from "../core/scrub.js"
import * as Internal from "./internal.js"

/**
 * @since 0.2.0
 */
export class RedisConnection
  extends Context.Service<RedisConnection, RedisConnection.Service>()("effect-telegram-invite/RedisConnection")
{}

/**
 * @since 0.2.0
 */
export declare namespace RedisConnection {
  /**
   * @since 0.2.0
   */
  export interface Service {
    /** Effect's `Redis` service the layers send their commands through. */
    readonly redis: Redis.Redis["Service"]
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
 * @since 0.2.0
 */
export interface Options {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). Kept redacted; never logged. */
  readonly url: Redacted.Redacted<string> | string
  /** The bot's id (the part of its token before `:`); see {@link botIdOf}. */
  readonly botId: string
  /** Timeout of each Redis command; then the layers fall back to in-process state. Default 500 ms. */
  readonly commandTimeout?: Duration.Input | undefined
  /** How long to wait for the first connection before going on without it. Default 2 s. */
  readonly connectTimeout?: Duration.Input | undefined
}

/**
 * The default timeout of one Redis command.
 *
 * @since 0.2.0
 */
export const defaultCommandTimeout: Duration.Duration = Duration.millis(500)

/**
 * The default wait for the first connection.
 *
 * @since 0.2.0
 */
export const defaultConnectTimeout: Duration.Duration = Duration.seconds(2)

/**
 * The bot id of a token (the part before `:`), or `undefined` if it does not look like a token. Only this id is used
 * in keys, never the token.
 *
 * @since 0.2.0
 */
export const botIdOf = (token: Redacted.Redacted<string> | string): string | undefined =>
  Keys.botIdOf(typeof token === "string" ? token : Redacted.value(token))

/**
 * The key prefix of a bot: `tg:<botId>:`.
 *
 * @since 0.2.0
 */
export const keyPrefix = (botId: string): string => Keys.keyPrefixOf(botId)

const notConnected = (where: string, lastError: string | undefined) =>
  new Redis.RedisError({
    cause: new Error(`not connected to ${where}${lastError === undefined ? "" : `: ${lastError}`}`)
  })

/**
 * Opens the connection (NodeRedis; waiting up to `connectTimeout` for it, in real time; if Redis is not there, the
 * program goes on and the client keeps trying in the background) and closes it with the scope. Provides both this
 * service and Effect's `Redis` (over the same connection; it fails at once while disconnected).
 *
 * @since 0.2.0
 */
export const make = (
  options: Options
): Effect.Effect<Context.Context<RedisConnection | Redis.Redis>, never, Scope.Scope> =>
  Effect.gen(function*() {
    const url = typeof options.url === "string" ? options.url : Redacted.value(options.url)
    const where = Keys.describeRedisUrl(url)
    const connectTimeout = Duration.fromInputUnsafe(options.connectTimeout ?? defaultConnectTimeout)
    const commandTimeout = Duration.fromInputUnsafe(options.commandTimeout ?? defaultCommandTimeout)
    const scope = yield* Effect.scope
    let closing = false
    let lastError: string | undefined
    let current: Redis.Redis["Service"] | undefined
    yield* Effect.addFinalizer(() => Effect.sync(() => void (closing = true)))

    const client = NodeRedis.layer({
      url,
      disableOfflineQueue: true,
      commandOptions: { timeout: Math.max(1, Math.round(Duration.toMillis(commandTimeout))) },
      socket: {
        connectTimeout: Math.max(1, Math.round(Duration.toMillis(connectTimeout))),
        // Forever, capped at 2 s, from the first connection on: a Redis that is down now or later is picked up again.
        reconnectStrategy: (retries: number, cause: Error) => {
          lastError = messageOf(cause)
          return closing ? false : Math.min(50 * 2 ** Math.min(retries, 6), 2000)
        }
      }
    }).pipe(
      // NodeRedis logs a warning per connection error (one per reconnection attempt while Redis is down); the health
      // below logs one per outage instead.
      Layer.provide(Layer.succeed(References.MinimumLogLevel, "Error"))
    )
    const connecting: Fiber.Fiber<void, Redis.RedisError> = yield* Layer.buildWithScope(client, scope).pipe(
      Effect.map((services) => {
        const nodeRedis = Context.get(services, NodeRedis.NodeRedis)
        nodeRedis.client.removeAllListeners("error")
        nodeRedis.client.on("error", (error: unknown) => {
          lastError = messageOf(error)
        })
        current = Context.get(services, Redis.Redis)
      }),
      Effect.forkIn(scope)
    )
    // Wait for the first connection, bounded by real time (not the Effect Clock: a TestClock must not stall it).
    const connected = yield* Effect.callback<string | undefined>((resume) => {
      const timer = setTimeout(
        () => resume(Effect.succeed(`no connection within ${Duration.format(connectTimeout)}`)),
        Duration.toMillis(connectTimeout)
      )
      const remove = connecting.addObserver((exit) => {
        clearTimeout(timer)
        resume(Effect.succeed(exit._tag === "Success" ? undefined : lastError ?? "could not connect"))
      })
      return Effect.sync(() => {
        clearTimeout(timer)
        remove()
      })
    })
    const health = Internal.makeHealth(where)
    if (connected !== undefined) yield* health.failed("connect", lastError ?? connected)

    const redis: Redis.Redis["Service"] = Redis.Redis.of({
      send: (command, ...args) =>
        Effect.suspend(() =>
          current === undefined ? Effect.fail(notConnected(where, lastError)) : current.send(command, ...args)
        ),
      eval: (script) => (...params) =>
        Effect.suspend(() =>
          current === undefined ? Effect.fail(notConnected(where, lastError)) : current.eval(script)(...params)
        ),
      subscribe: (channel) => Effect.flatMap(Effect.orDie(Fiber.join(connecting)), () => current!.subscribe(channel)),
      reserve: Effect.suspend(() =>
        current === undefined ? Effect.fail(notConnected(where, lastError)) : current.reserve
      )
    })
    const connection = RedisConnection.of({
      redis,
      prefix: Keys.keyPrefixOf(options.botId),
      where,
      failed: health.failed,
      succeeded: health.succeeded
    })
    return Context.make(RedisConnection, connection).pipe(Context.add(Redis.Redis, redis))
  })

/**
 * The connection as a layer: this service and Effect's `Redis` over one NodeRedis client.
 *
 * @since 0.2.0
 */
export const layer = (options: Options): Layer.Layer<RedisConnection | Redis.Redis> =>
  Layer.effectContext(make(options))

/**
 * This service over a `Redis` you provide (any backend of `effect/persistence/Redis`): bound its commands and its
 * offline behaviour in its own options, since the layers wait for each command.
 *
 * @since 0.2.0
 */
export const layerFromRedis = (
  options: { readonly botId: string; readonly where?: string | undefined }
): Layer.Layer<RedisConnection, never, Redis.Redis> =>
  Layer.effect(
    RedisConnection,
    Effect.gen(function*() {
      const redis = yield* Redis.Redis
      const where = options.where ?? "Redis"
      const health = Internal.makeHealth(where)
      return RedisConnection.of({
        redis,
        prefix: Keys.keyPrefixOf(options.botId),
        where,
        failed: health.failed,
        succeeded: health.succeeded
      })
    })
  )

/**
 * The connection configured from `REDIS_URL` (redacted) and the bot id of `TELEGRAM_BOT_TOKEN` (only the part before
 * `:` is kept); each can be replaced by another `Config`. A token without a bot id is a `ConfigError`.
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
): Layer.Layer<RedisConnection | Redis.Redis, Config.ConfigError> =>
  Layer.effectContext(
    Effect.gen(function*() {
      const url = yield* (options?.url ?? Config.Redacted("REDIS_URL"))
      const botId = yield* (options?.token ?? Config.Redacted("TELEGRAM_BOT_TOKEN")).pipe(
        Config.flatMap((token) => {
          const id = botIdOf(token)
          return id === undefined
            ? Config.fail(
              new ConfigProvider.SourceError({ message: "the bot token has no bot id (expected <digits>:<secret>)" })
            )
            : Config.succeed(id)
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
