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
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redis from "effect/persistence/Redis"
import type * as Redacted from "effect/Redacted"
import * as References from "effect/References"
import type * as Scope from "effect/Scope"
import * as Keys from "../core/keys.js"
import { messageOf } from "../core/scrub.js"
import {
  awaitFirstConnection,
  botIdOf,
  clientMillis,
  type ConfigOptions,
  configuredOptions,
  noBotId,
  type Options,
  reconnectDelay,
  type ServiceMembers,
  settingsOf
} from "./connectionSettings.js"
import { makeHealth } from "./health.js"

// The options, their defaults and the bot's key prefix are the same in both editions.
export { botIdOf, defaultCommandTimeout, defaultConnectTimeout, keyPrefix, type Options } from "./connectionSettings.js"

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
  export interface Service extends ServiceMembers {
    /** Effect's `Redis` service the layers send their commands through. */
    readonly redis: Redis.Redis["Service"]
  }
}

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
    const { commandTimeout, connectTimeout, prefix, url, where } = settingsOf(options)
    const scope = yield* Effect.scope
    let closing = false
    let lastError: string | undefined
    let current: Redis.Redis["Service"] | undefined
    yield* Effect.addFinalizer(() => Effect.sync(() => void (closing = true)))

    const client = NodeRedis.layer({
      url,
      disableOfflineQueue: true,
      commandOptions: { timeout: clientMillis(commandTimeout) },
      socket: {
        connectTimeout: clientMillis(connectTimeout),
        // Forever, capped at 2 s, from the first connection on: a Redis that is down now or later is picked up again.
        reconnectStrategy: (retries: number, cause: Error) => {
          lastError = messageOf(cause)
          return closing ? false : reconnectDelay(retries)
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
    const connected = yield* awaitFirstConnection(
      connectTimeout,
      (done) =>
        connecting.addObserver((exit) => done(exit._tag === "Success" ? undefined : lastError ?? "could not connect"))
    )
    const health = makeHealth(where)
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
      prefix,
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
      const health = makeHealth(where)
      return RedisConnection.of({
        redis,
        prefix: Keys.keyPrefixOf(options.botId),
        where,
        failed: health.failed,
        succeeded: health.succeeded
      })
    })
  )

/** The bot id of the token, or a `ConfigError` when it has none. */
const validBotId = (token: Config.Config<Redacted.Redacted<string>>): Config.Config<string> =>
  Config.flatMap(token, (token) => {
    const id = botIdOf(token)
    return id === undefined ? Config.fail(new ConfigProvider.SourceError({ message: noBotId })) : Config.succeed(id)
  })

/**
 * The connection configured from `REDIS_URL` (redacted) and the bot id of `TELEGRAM_BOT_TOKEN` (only the part before
 * `:` is kept); each can be replaced by another `Config`. A token without a bot id is a `ConfigError`.
 *
 * @since 0.2.0
 */
export const layerConfig = (
  options?: ConfigOptions
): Layer.Layer<RedisConnection | Redis.Redis, Config.ConfigError> =>
  Layer.effectContext(Effect.flatMap(configuredOptions(options, validBotId), make))
