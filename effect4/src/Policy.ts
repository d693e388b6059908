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
 * The rules live once, as a pure decision function shared with the Effect 3 edition (`src/core/policy.ts` of the
 * repository); this module runs its steps. {@link floodWaitSchedule} is the flood-wait rule alone as a `Schedule`.
 *
 * Why retrying `exportChatInviteLink` is safe even when a response was lost: each call makes a new primary link and
 * revokes the bot's previous one, so the newest link wins. (`createChatInviteLink` is not like that: a lost answer
 * leaves an extra, unrevoked link behind. Use `retryTransient: false` where that matters.)
 *
 * @since 0.2.0
 */
import * as Rules from "#core/policy.js"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import * as BotApi from "./BotApi.js"
import type { BotApiError } from "./BotApiError.js"
import * as BotApiMetrics from "./BotApiMetrics.js"
import type * as ChatId from "./ChatId.js"
import * as ChatMigrations from "./ChatMigrations.js"
import * as FloodGate from "./FloodGate.js"
import { forMethod } from "./internal/metrics.js"
import * as PolicyRun from "./internal/policyRun.js"
import type * as Message from "./Message.js"
import type { PolicyEvent } from "./PolicyEvent.js"

/**
 * The events of the policies and their one-line description (also the module `PolicyEvent`).
 *
 * @since 0.2.0
 */
export { formatEvent } from "./PolicyEvent.js"
export type { FloodWait, Migrated, PolicyEvent, TransientRetry } from "./PolicyEvent.js"

/**
 * Options of {@link resilient}; every field has a default (see {@link defaults}).
 *
 * @since 0.2.0
 */
export interface Options {
  /** Requests in total, the first included, whatever caused the retries. Default 5. */
  readonly maxAttempts?: number | undefined
  /** The longest flood wait accepted; a longer `retry_after` fails at once. Default 60 s. */
  readonly maxFloodWait?: Duration.Input | undefined
  /** Migrations followed in one call (recorded ones included); 0 turns following off. Default 2. */
  readonly maxMigrationHops?: number | undefined
  /** Timeout of each request; default: the BotApi's own (10 s unless configured otherwise). */
  readonly requestTimeout?: Duration.Input | undefined
  /** Retry network failures, timeouts and 5xx answers. Default true. */
  readonly retryTransient?: boolean | undefined
  /** First backoff delay, doubled at each transient retry. Default 100 ms. */
  readonly backoffBase?: Duration.Input | undefined
  /** Longest backoff delay. Default 5 s. */
  readonly backoffCap?: Duration.Input | undefined
  /** Multiply each backoff delay by a random factor in [0.8, 1.2) (then cap it). Default true. */
  readonly jitter?: boolean | undefined
  /** Which calls share a flood wait: the same chat (default) or the whole bot. */
  readonly floodGateScope?: FloodGate.ScopeKind | undefined
  /**
   * Called for each {@link PolicyEvent}; must not fail. It runs in a `Scope` that closes when the wait it announces
   * ends (at once for `Migrated`): fork with `Effect.forkScoped` what should last as long as the wait, such as a
   * countdown.
   */
  readonly onEvent?: ((event: PolicyEvent) => Effect.Effect<void, never, Scope.Scope>) | undefined
}

/**
 * The defaults of {@link Options}.
 *
 * @since 0.2.0
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
  maxAttempts: Rules.defaultBounds.maxAttempts,
  maxFloodWait: Duration.millis(Rules.defaultBounds.maxFloodWaitMs),
  maxMigrationHops: Rules.defaultBounds.maxMigrationHops,
  retryTransient: Rules.defaultBounds.retryTransient,
  backoffBase: Duration.millis(100),
  backoffCap: Duration.seconds(5),
  jitter: true,
  floodGateScope: "chat"
}

/**
 * The result of a policy-wrapped call: the value, the chat id that answered, the id the caller gave when the chat
 * had moved, and the number of requests sent.
 *
 * @since 0.2.0
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
 * @since 0.2.0
 */
export interface ExportedLink {
  readonly link: string
  readonly chatId: ChatId.ChatId
  readonly migratedFrom?: ChatId.ChatId
  readonly attempts: number
}

const toMillis = (input: Duration.Input): number => Duration.toMillis(Duration.fromInputUnsafe(input))

/** Compiles options once: bounds, events, timeout, backoff, and the metrics with the method attribute. */
const compile = (method: string, options: Options | undefined): PolicyRun.CompiledPolicy => ({
  method,
  bounds: Rules.boundsOf({
    maxAttempts: options?.maxAttempts,
    maxFloodWaitMs: toMillis(options?.maxFloodWait ?? defaults.maxFloodWait),
    maxMigrationHops: options?.maxMigrationHops,
    retryTransient: options?.retryTransient
  }),
  scopeKind: options?.floodGateScope ?? defaults.floodGateScope,
  onEvent: options?.onEvent,
  requestTimeout: options?.requestTimeout === undefined ? undefined : Duration.fromInputUnsafe(options.requestTimeout),
  backoff: {
    base: options?.backoffBase ?? defaults.backoffBase,
    cap: options?.backoffCap ?? defaults.backoffCap,
    jitter: options?.jitter ?? defaults.jitter
  },
  floodWaits: forMethod(BotApiMetrics.floodWaits, method),
  migrations: forMethod(BotApiMetrics.migrations, method),
  transientRetries: forMethod(BotApiMetrics.transientRetries, method)
})

/** Calls without options share one compiled policy per method. */
const compiledDefaults = new Map<string, PolicyRun.CompiledPolicy>()
const compiled = (method: string, options: Options | undefined): PolicyRun.CompiledPolicy => {
  if (options !== undefined) return compile(method, options)
  let policy = compiledDefaults.get(method)
  if (policy === undefined) compiledDefaults.set(method, policy = compile(method, undefined))
  return policy
}

/**
 * Wraps an operation on a chat with all the policies. `method` names it in events, spans and errors.
 * Fails with the last error when a bound is reached (attempts, flood wait, migration hops), typed.
 *
 * @since 0.2.0
 */
export const resilient = <A, R>(
  method: string,
  operation: (chatId: ChatId.ChatId) => Effect.Effect<A, BotApiError, R>,
  options?: Options
): (
  chatId: ChatId.Input
) => Effect.Effect<Outcome<A>, BotApiError, R | FloodGate.FloodGate | ChatMigrations.ChatMigrations> => {
  const policy = compiled(method, options)
  return (chatId) => PolicyRun.run(policy, operation, chatId)
}

/**
 * exportChatInviteLink with every policy ({@link resilient}, {@link defaults}): the call most users want.
 *
 * @since 0.2.0
 */
export const exportChatInviteLink = (
  chatId: ChatId.Input,
  options?: Options
): Effect.Effect<ExportedLink, BotApiError, BotApi.BotApi | FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  BotApi.BotApi.use((api) =>
    Effect.map(
      resilient("exportChatInviteLink", api.exportChatInviteLink, options)(chatId),
      ({ value, ...rest }): ExportedLink => ({ link: value, ...rest })
    )
  )

/**
 * sendMessage with the policies ({@link resilient}): flood waits and migrations are followed, which never sends a
 * message twice (Telegram sent nothing when it answered 429 or "upgraded"). Transient failures are **not** retried
 * unless `options.retryTransient` is set: a timeout may come after the message was sent, and the retry would send
 * it again.
 *
 * @since 0.3.0
 */
export const sendMessage = (
  chatId: ChatId.Input,
  text: string,
  message?: Message.SendMessageOptions,
  options?: Options
): Effect.Effect<
  Outcome<Message.Message>,
  BotApiError,
  BotApi.BotApi | FloodGate.FloodGate | ChatMigrations.ChatMigrations
> =>
  BotApi.BotApi.use((api) =>
    resilient("sendMessage", (id) => api.sendMessage(id, text, message), {
      ...options,
      retryTransient: options?.retryTransient ?? false
    })(chatId)
  )

/**
 * A `Schedule` for `Effect.retry` that retries only `FloodWaitError`s, each after exactly its `retryAfter`, at most
 * `maxAttempts - 1` times, and stops at a `retryAfter` over `maxFloodWait`: the flood-wait rule of {@link resilient}
 * alone (the same decision function). No gate, no migration, no transient retry: see {@link resilient} for those.
 * Its output is the error and the number of retries before this one.
 *
 * @since 0.2.0
 */
export const floodWaitSchedule = (options?: {
  readonly maxAttempts?: number | undefined
  readonly maxFloodWait?: Duration.Input | undefined
}): Schedule.Schedule<[BotApiError, number], BotApiError> => {
  const bounds = Rules.boundsOf({
    maxAttempts: options?.maxAttempts,
    maxFloodWaitMs: toMillis(options?.maxFloodWait ?? defaults.maxFloodWait)
  })
  return Schedule.fromStep(Effect.sync(() => {
    // The number of requests made so far: the one that just failed is the first when the schedule starts.
    let attempt = 1
    return (_now: number, error: BotApiError) => {
      const output: [BotApiError, number] = [error, attempt - 1]
      const step = error._tag === "FloodWaitError"
        ? Rules.floodWaitStep(bounds, attempt, Duration.toMillis(error.retryAfter))
        : undefined
      if (step?._tag !== "WaitFlood") return Cause.done(output)
      attempt++
      return Effect.succeed([output, Duration.millis(step.waitMs)] as [[BotApiError, number], Duration.Duration])
    }
  }))
}

/**
 * The in-memory flood gate and migration registry, for one process.
 *
 * @since 0.2.0
 */
export const layerMemory: Layer.Layer<FloodGate.FloodGate | ChatMigrations.ChatMigrations> = Layer.merge(
  FloodGate.layerMemory,
  ChatMigrations.layerMemory
)
