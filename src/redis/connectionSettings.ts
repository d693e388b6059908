/**
 * What a Redis connection is, whatever the client library of the edition: its options and their defaults, the bot's
 * key prefix, the members every connection service has, the options read from the configuration, and the wait for
 * the first connection (bounded by real time). Each edition's `RedisConnection` opens its own client with these.
 *
 * Not an entry of the package: each edition's `RedisConnection` re-exports its public names.
 */
import type * as Config from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Keys from "../core/keys.js"
import { callback } from "../edition/combinators.js"
import { type ConfigError, redacted } from "../edition/config.js"
import { decode, type DurationInput } from "../edition/duration.js"

/**
 * Options of `RedisConnection.make`.
 *
 * @since 0.1.0
 */
export interface Options {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). Kept redacted; never logged. */
  readonly url: Redacted.Redacted<string> | string
  /** The bot's id (the part of its token before `:`); see {@link botIdOf}. */
  readonly botId: string
  /** Timeout of each Redis command; then the layers fall back to in-process state. Default 500 ms. */
  readonly commandTimeout?: DurationInput | undefined
  /** How long to wait for the first connection before going on without it. Default 2 s. */
  readonly connectTimeout?: DurationInput | undefined
}

/** The options of a connection configured from `REDIS_URL` and `TELEGRAM_BOT_TOKEN` (each replaceable). */
export interface ConfigOptions {
  readonly url?: Config.Config<Redacted.Redacted<string>> | undefined
  readonly token?: Config.Config<Redacted.Redacted<string>> | undefined
  readonly commandTimeout?: DurationInput | undefined
  readonly connectTimeout?: DurationInput | undefined
}

/** The members of a connection service that do not depend on the client library. */
export interface ServiceMembers {
  /** The prefix of every key of this bot, `tg:<botId>:`. */
  readonly prefix: string
  /** Where Redis is, without credentials (for log lines). */
  readonly where: string
  /** Reports a failed command: the first one of an outage logs a warning, the others nothing. */
  readonly failed: (what: string, error: unknown) => Effect.Effect<void>
  /** Reports a command that worked: after an outage, logs that sharing resumes. */
  readonly succeeded: Effect.Effect<void>
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
  Keys.botIdOf(typeof token === "string" ? token : Redacted.value(token))

/**
 * The key prefix of a bot: `tg:<botId>:`.
 *
 * @since 0.1.0
 */
export const keyPrefix = (botId: string): string => Keys.keyPrefixOf(botId)

/** What a client is opened with: the options read, their defaults applied. */
export interface Settings {
  readonly url: string
  readonly where: string
  readonly prefix: string
  readonly commandTimeout: Duration.Duration
  readonly connectTimeout: Duration.Duration
}

/** The {@link Settings} of `options`. */
export const settingsOf = (options: Options): Settings => {
  const url = typeof options.url === "string" ? options.url : Redacted.value(options.url)
  return {
    url,
    where: Keys.describeRedisUrl(url),
    prefix: Keys.keyPrefixOf(options.botId),
    commandTimeout: decode(options.commandTimeout ?? defaultCommandTimeout),
    connectTimeout: decode(options.connectTimeout ?? defaultConnectTimeout)
  }
}

/** A timeout in whole milliseconds, at least 1 (what the clients take). */
export const clientMillis = (duration: Duration.Duration): number =>
  Math.max(1, Math.round(Duration.toMillis(duration)))

/** The delay before the `retries`th reconnection: doubling from 100 ms, capped at 2 s (forever, until closed). */
export const reconnectDelay = (retries: number): number => Math.min(50 * 2 ** Math.min(retries, 6), 2000)

/**
 * The {@link Options} read from the configuration: `REDIS_URL` (redacted) and the bot id of `TELEGRAM_BOT_TOKEN`, as
 * `validBotId` reads it (a `ConfigError` when the token has none).
 */
export const configuredOptions = (
  options: ConfigOptions | undefined,
  validBotId: (token: Config.Config<Redacted.Redacted<string>>) => Config.Config<string>
): Effect.Effect<Options, ConfigError> =>
  Effect.gen(function*() {
    const url = yield* (options?.url ?? redacted("REDIS_URL"))
    const botId = yield* validBotId(options?.token ?? redacted("TELEGRAM_BOT_TOKEN"))
    return { url, botId, commandTimeout: options?.commandTimeout, connectTimeout: options?.connectTimeout }
  })

/** What a token without a bot id fails with. */
export const noBotId = "the bot token has no bot id (expected <digits>:<secret>)"

/**
 * Waits for the first connection, bounded by real time (not the Effect Clock: a TestClock must not stall it).
 * `watch` calls `done` once the client is connected (`undefined`) or gave up (why), and returns how to stop watching.
 * Succeeds with `undefined` when connected, else with why not.
 */
export const awaitFirstConnection = (
  connectTimeout: Duration.Duration,
  watch: (done: (failure: string | undefined) => void) => () => void
): Effect.Effect<string | undefined> =>
  callback<string | undefined, never>((resume) => {
    let stop = (): void => {}
    const timer = setTimeout(() => {
      stop()
      resume(Effect.succeed(`no connection within ${Duration.format(connectTimeout)}`))
    }, Duration.toMillis(connectTimeout))
    stop = watch((failure) => {
      clearTimeout(timer)
      resume(Effect.succeed(failure))
    })
    return Effect.sync(() => {
      clearTimeout(timer)
      stop()
    })
  })
