/**
 * Retry policies around Bot API calls, all bounded and all timed on Effect's `Clock` (so `TestClock` drives them):
 *
 * - flood wait: on `FloodWaitError`, wait exactly `retryAfter`, then call again; a `retryAfter` longer than
 *   `maxFloodWait` fails at once with the error, typed;
 * - shared flood gate: the wait closes the {@link FloodGate} of the call's scope (the chat by default, or the whole
 *   bot), so other calls for that scope wait for the same deadline instead of each hitting the server;
 * - migrate-then-retry: on `ChatMigratedError`, record `old → new` in {@link ChatMigrations} and call again with the
 *   new id (at most `maxMigrationHops` hops, loops detected); later calls for the old id go straight to the new one;
 * - transient retry: network failures, timeouts, 5xx answers and HTML gateway pages are retried after an exponential
 *   backoff with jitter.
 *
 * Every request counts against one budget, `maxAttempts` (the first request included), whatever made it necessary.
 * The policies are one loop rather than stacked `Schedule`s because that budget is shared and the migration changes
 * the arguments of the next request. For a bare flood-wait `Schedule` usable with `Effect.retry`, see
 * {@link floodWaitSchedule}.
 *
 * Why retrying `exportChatInviteLink` is safe even when a response was lost: each call makes a new primary link and
 * revokes the bot's previous one, so the newest link wins. A link made by a request whose answer never arrived is
 * revoked by the retry; nobody saw it, so nobody loses anything. (`createChatInviteLink` is not like that: a lost
 * answer leaves an extra, unrevoked link behind. Use `retryTransient: false` where that matters.)
 *
 * @since 0.1.0
 */
import { Clock, Duration, Effect, FiberRef, Layer, Metric, Option, Random, Schedule } from "effect"
import { BotApi } from "./BotApi.js"
import { type BotApiError, FloodWaitError, isTransient } from "./BotApiError.js"
import * as BotApiMetrics from "./BotApiMetrics.js"
import * as ChatId from "./ChatId.js"
import * as ChatMigrations from "./ChatMigrations.js"
import * as FloodGate from "./FloodGate.js"
import { currentAttempt, currentRequestTimeout } from "./internal/fiberRefs.js"

/**
 * What the policies tell the caller while they work (e.g. to print "retrying exportChatInviteLink in 12 s
 * (attempt 2 of 5)"). `attempt` is the number of the request that will follow the wait.
 *
 * @since 0.1.0
 */
export type PolicyEvent = FloodWait | Migrated | TransientRetry

/**
 * A flood wait starts: told by the server (`source: "server"`), or found on the shared gate (`source: "gate"`).
 *
 * @since 0.1.0
 */
export interface FloodWait {
  readonly _tag: "FloodWait"
  readonly source: "server" | "gate"
  readonly method: string
  readonly chatId: ChatId.ChatId
  readonly retryAfter: Duration.Duration
  readonly attempt: number
  readonly maxAttempts: number
}

/**
 * The chat moved from `from` to `to`: told by the server now (`remembered: false`) or known from the registry.
 *
 * @since 0.1.0
 */
export interface Migrated {
  readonly _tag: "Migrated"
  readonly method: string
  readonly from: ChatId.ChatId
  readonly to: ChatId.ChatId
  readonly remembered: boolean
}

/**
 * A transient failure will be retried after `delay`.
 *
 * @since 0.1.0
 */
export interface TransientRetry {
  readonly _tag: "TransientRetry"
  readonly method: string
  readonly chatId: ChatId.ChatId
  readonly reason: string
  readonly delay: Duration.Duration
  readonly attempt: number
  readonly maxAttempts: number
}

/**
 * A one-line English description of an event, e.g. `retrying exportChatInviteLink in 12 s (attempt 2 of 5)`.
 *
 * @since 0.1.0
 */
export const formatEvent = (event: PolicyEvent): string => {
  switch (event._tag) {
    case "FloodWait":
      return `${event.source === "gate" ? "flood gate closed: " : ""}retrying ${event.method} in ${
        formatDelay(event.retryAfter)
      } (attempt ${event.attempt} of ${event.maxAttempts})`
    case "Migrated":
      return `chat ${event.from} ${event.remembered ? "was" : "has been"} migrated to ${event.to}`
    case "TransientRetry":
      return `retrying ${event.method} in ${
        formatDelay(event.delay)
      } (attempt ${event.attempt} of ${event.maxAttempts}) after: ${event.reason}`
  }
}

const formatDelay = (delay: Duration.Duration): string => {
  const ms = Duration.toMillis(delay)
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.ceil(ms / 1000)} s`
}

/**
 * Options of {@link resilient}; every field has a default (see {@link defaults}).
 *
 * @since 0.1.0
 */
export interface Options {
  /** Requests in total, the first included, whatever caused the retries. Default 5. */
  readonly maxAttempts?: number | undefined
  /** The longest flood wait accepted; a longer `retry_after` fails at once. Default 60 s. */
  readonly maxFloodWait?: Duration.DurationInput | undefined
  /** Migrations followed in one call (recorded ones included); 0 turns following off. Default 2. */
  readonly maxMigrationHops?: number | undefined
  /** Timeout of each request; default: the BotApi's own (10 s unless configured otherwise). */
  readonly requestTimeout?: Duration.DurationInput | undefined
  /** Retry network failures, timeouts and 5xx answers. Default true. */
  readonly retryTransient?: boolean | undefined
  /** First backoff delay, doubled at each transient retry. Default 100 ms. */
  readonly backoffBase?: Duration.DurationInput | undefined
  /** Longest backoff delay. Default 5 s. */
  readonly backoffCap?: Duration.DurationInput | undefined
  /** Multiply each backoff delay by a random factor in [0.8, 1.2) (then cap it). Default true. */
  readonly jitter?: boolean | undefined
  /** Which calls share a flood wait: the same chat (default) or the whole bot. */
  readonly floodGateScope?: FloodGate.ScopeKind | undefined
  /** Called for each {@link PolicyEvent}; must not fail. */
  readonly onEvent?: ((event: PolicyEvent) => Effect.Effect<void>) | undefined
}

/**
 * The defaults of {@link Options}.
 *
 * @since 0.1.0
 */
export const defaults: {
  readonly maxAttempts: number
  readonly maxFloodWait: Duration.Duration
  readonly maxMigrationHops: number
  readonly retryTransient: boolean
  readonly backoffBase: Duration.Duration
  readonly backoffCap: Duration.Duration
  readonly jitter: boolean
  readonly floodGateScope: FloodGate.ScopeKind
} = {
  maxAttempts: 5,
  maxFloodWait: Duration.seconds(60),
  maxMigrationHops: 2,
  retryTransient: true,
  backoffBase: Duration.millis(100),
  backoffCap: Duration.seconds(5),
  jitter: true,
  floodGateScope: "chat"
}

/**
 * The result of a policy-wrapped call: the value, the chat id that answered, the id the caller gave when the chat
 * had moved, and the number of requests sent.
 *
 * @since 0.1.0
 */
export interface Outcome<A> {
  readonly value: A
  readonly chatId: ChatId.ChatId
  readonly migratedFrom?: ChatId.ChatId
  readonly attempts: number
}

/**
 * The result of {@link exportChatInviteLink}.
 *
 * @since 0.1.0
 */
export interface ExportedLink {
  readonly link: string
  readonly chatId: ChatId.ChatId
  readonly migratedFrom?: ChatId.ChatId
  readonly attempts: number
}

/**
 * Wraps an operation on a chat with all the policies. `method` names it in events, spans and errors.
 * Fails with the last error when a bound is reached (attempts, flood wait, migration hops), typed.
 *
 * @since 0.1.0
 */
export const resilient = <A, R>(
  method: string,
  operation: (chatId: ChatId.ChatId) => Effect.Effect<A, BotApiError, R>,
  options?: Options
): (
  chatId: ChatId.Input
) => Effect.Effect<Outcome<A>, BotApiError, R | FloodGate.FloodGate | ChatMigrations.ChatMigrations> => {
  const maxAttempts = Math.max(1, Math.floor(options?.maxAttempts ?? defaults.maxAttempts))
  const maxFloodWait = Duration.decode(options?.maxFloodWait ?? defaults.maxFloodWait)
  const maxHops = Math.max(0, Math.floor(options?.maxMigrationHops ?? defaults.maxMigrationHops))
  const retryTransient = options?.retryTransient ?? defaults.retryTransient
  const backoffBase = Duration.toMillis(options?.backoffBase ?? defaults.backoffBase)
  const backoffCap = Duration.toMillis(options?.backoffCap ?? defaults.backoffCap)
  const jitter = options?.jitter ?? defaults.jitter
  const scopeKind = options?.floodGateScope ?? defaults.floodGateScope
  const emit = options?.onEvent ?? (() => Effect.void)
  const timeout = options?.requestTimeout === undefined
    ? Option.none<Duration.Duration>()
    : Option.some(Duration.decode(options.requestTimeout))
  const tag = <M extends Metric.Metric.Counter<number>>(metric: M) => Metric.tagged(metric, "method", method)

  const backoff = (retry: number): Effect.Effect<Duration.Duration> =>
    Effect.map(
      jitter ? Random.nextRange(0.8, 1.2) : Effect.succeed(1),
      (factor) => Duration.millis(Math.round(Math.min(backoffCap, backoffBase * 2 ** (retry - 1) * factor)))
    )

  return (input) =>
    Effect.gen(function*() {
      const original = yield* ChatId.make(input)
      yield* Effect.annotateCurrentSpan("telegram.chat_id", String(original))
      const gate = yield* FloodGate.FloodGate
      const registry = yield* ChatMigrations.ChatMigrations
      // Fast path: no migration recorded for this chat (one lookup, no path to build).
      const first = maxHops === 0 ? Option.none() : yield* registry.get(original)
      const path = Option.isNone(first) ? [original] : yield* ChatMigrations.resolve(original, maxHops)
      let current = path[path.length - 1]!
      const visited = new Set(path.map(ChatId.toKey))
      let hops = path.length - 1
      if (hops > 0) yield* emit({ _tag: "Migrated", method, from: original, to: current, remembered: true })

      let attempt = 0
      let transientRetries = 0
      while (true) {
        attempt++
        const scope = FloodGate.scopeOf(scopeKind, current)
        const closedUntil = yield* gate.closedUntil(scope)
        if (Option.isSome(closedUntil)) {
          const remaining = Duration.millis(Math.max(0, closedUntil.value - (yield* Clock.currentTimeMillis)))
          if (Duration.greaterThan(remaining, maxFloodWait)) {
            return yield* new FloodWaitError({
              method,
              chatId: current,
              retryAfter: remaining,
              description: `flood gate ${scope} is closed by an earlier flood wait`
            })
          }
          yield* Metric.increment(tag(BotApiMetrics.floodWaits))
          yield* emit({
            _tag: "FloodWait",
            source: "gate",
            method,
            chatId: current,
            retryAfter: remaining,
            attempt,
            maxAttempts
          })
          yield* gate.waitIfClosed(scope)
        }

        yield* Effect.annotateCurrentSpan("telegram.attempts", attempt)
        // The first attempt on a fiber that has no attempt set needs no `locally` (1 is the default).
        let request = attempt === 1 && (yield* FiberRef.get(currentAttempt)) === 1
          ? operation(current)
          : Effect.locally(operation(current), currentAttempt, attempt)
        if (Option.isSome(timeout)) request = Effect.locally(request, currentRequestTimeout, timeout)
        const result = yield* Effect.either(request)
        if (result._tag === "Right") {
          return current === original
            ? { value: result.right, chatId: current, attempts: attempt }
            : { value: result.right, chatId: current, migratedFrom: original, attempts: attempt }
        }
        const error = result.left

        if (error._tag === "FloodWaitError") {
          const until = (yield* Clock.currentTimeMillis) + Duration.toMillis(error.retryAfter)
          // Closed even when we give up: the others for this scope should not hit the server either.
          yield* gate.close(scope, until)
          if (Duration.greaterThan(error.retryAfter, maxFloodWait) || attempt >= maxAttempts) return yield* error
          yield* Metric.increment(tag(BotApiMetrics.floodWaits))
          yield* emit({
            _tag: "FloodWait",
            source: "server",
            method,
            chatId: current,
            retryAfter: error.retryAfter,
            attempt: attempt + 1,
            maxAttempts
          })
          yield* gate.waitIfClosed(scope)
          // The gate is open again: don't report that wait a second time at the top of the loop.
          continue
        }

        if (error._tag === "ChatMigratedError") {
          const to = ChatId.unsafeMake(error.migrateToChatId)
          if (maxHops === 0 || visited.has(ChatId.toKey(to))) return yield* error
          yield* registry.record(current, to)
          yield* Metric.increment(tag(BotApiMetrics.migrations))
          yield* emit({ _tag: "Migrated", method, from: current, to, remembered: false })
          hops++
          if (hops > maxHops || attempt >= maxAttempts) return yield* error
          visited.add(ChatId.toKey(to))
          current = to
          continue
        }

        if (retryTransient && isTransient(error) && attempt < maxAttempts) {
          transientRetries++
          const delay = yield* backoff(transientRetries)
          yield* Metric.increment(tag(BotApiMetrics.transientRetries))
          yield* emit({
            _tag: "TransientRetry",
            method,
            chatId: current,
            reason: error.message,
            delay,
            attempt: attempt + 1,
            maxAttempts
          })
          yield* Effect.sleep(delay)
          continue
        }

        return yield* error
      }
    }).pipe(
      Effect.withSpan(`Policy.${method}`, {
        attributes: { "telegram.method": method },
        captureStackTrace: false
      })
    )
}

/**
 * exportChatInviteLink with every policy ({@link resilient}, {@link defaults}): the call most users want.
 *
 * @since 0.1.0
 */
export const exportChatInviteLink = (
  chatId: ChatId.Input,
  options?: Options
): Effect.Effect<ExportedLink, BotApiError, BotApi | FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  Effect.flatMap(BotApi, (api) =>
    resilient("exportChatInviteLink", api.exportChatInviteLink, options)(chatId).pipe(
      Effect.map(({ value, ...rest }): ExportedLink => ({ link: value, ...rest }))
    ))

/**
 * A `Schedule` for `Effect.retry` that retries only `FloodWaitError`s, each after exactly its `retryAfter`, at most
 * `maxAttempts - 1` times, and stops at a `retryAfter` over `maxFloodWait`. No gate, no migration, no transient
 * retry: see {@link resilient} for those.
 *
 * @since 0.1.0
 */
export const floodWaitSchedule = (options?: {
  readonly maxAttempts?: number | undefined
  readonly maxFloodWait?: Duration.DurationInput | undefined
}): Schedule.Schedule<[BotApiError, number], BotApiError> => {
  const maxAttempts = Math.max(1, Math.floor(options?.maxAttempts ?? defaults.maxAttempts))
  const maxFloodWait = Duration.decode(options?.maxFloodWait ?? defaults.maxFloodWait)
  return Schedule.identity<BotApiError>().pipe(
    Schedule.whileInput((error: BotApiError) =>
      error._tag === "FloodWaitError" && Duration.lessThanOrEqualTo(error.retryAfter, maxFloodWait)
    ),
    Schedule.addDelay((error) => error._tag === "FloodWaitError" ? error.retryAfter : Duration.zero),
    Schedule.intersect(Schedule.recurs(maxAttempts - 1))
  )
}

/**
 * The in-memory flood gate and migration registry, for one process.
 *
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<FloodGate.FloodGate | ChatMigrations.ChatMigrations> = Layer.merge(
  FloodGate.layerMemory,
  ChatMigrations.layerMemory
)
