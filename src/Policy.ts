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
 * The rules live once, as a pure decision function (`core/policy.ts`), with their defaults; one interpreter runs its
 * steps: wait at the gate → one request → the decision → wait exactly, follow the new id, or back off (the delays of
 * `Schedule.exponential`, jittered and capped), or give up ({@link giveUpReason} tells why).
 * {@link floodWaitSchedule} is the flood-wait rule alone as a `Schedule` for `Effect.retry`.
 *
 * Why retrying `exportChatInviteLink` is safe even when a response was lost: each call makes a new primary link and
 * revokes the bot's previous one, so the newest link wins. A link made by a request whose answer never arrived is
 * revoked by the retry; nobody saw it, so nobody loses anything. (`createChatInviteLink` is not like that: a lost
 * answer leaves an extra, unrevoked link behind. Use `retryTransient: false` where that matters.)
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Schedule from "effect/Schedule"
import type * as Scope from "effect/Scope"
import * as BotApi from "./BotApi.js"
import type { BotApiError } from "./BotApiError.js"
import type * as ChatId from "./ChatId.js"
import * as ChatMigrations from "./ChatMigrations.js"
import * as Rules from "./core/policy.js"
import * as EditionDuration from "./edition/duration.js"
import { servicesOf, withFiber } from "./edition/fiber.js"
import { fromDecisions } from "./edition/schedule.js"
import { withService } from "./edition/service.js"
import * as FloodGate from "./FloodGate.js"
import { compilePolicy } from "./internal/compilePolicy.js"
import { giveUpReasonOf } from "./internal/giveUp.js"
import * as PolicyRun from "./internal/policyRun.js"
import type * as Message from "./Message.js"
import type { PolicyEvent } from "./PolicyEvent.js"

/**
 * The events of the policies and their one-line description (also the module `PolicyEvent`).
 *
 * @since 0.1.0
 */
export { formatEvent } from "./PolicyEvent.js"
export type { FloodWait, Migrated, PolicyEvent, TransientRetry } from "./PolicyEvent.js"

/**
 * Options of {@link resilient}; every field has a default (see {@link defaults}).
 *
 * @since 0.1.0
 */
export interface Options {
  /** Requests in total, the first included, whatever caused the retries. Default 5. */
  readonly maxAttempts?: number | undefined
  /** The longest flood wait accepted; a longer `retry_after` fails at once. Default 60 s. */
  readonly maxFloodWait?: EditionDuration.DurationInput | undefined
  /** Migrations followed in one call (recorded ones included); 0 turns following off. Default 2. */
  readonly maxMigrationHops?: number | undefined
  /** Timeout of each request; default: the BotApi's own (10 s unless configured otherwise). */
  readonly requestTimeout?: EditionDuration.DurationInput | undefined
  /** Retry network failures, timeouts and 5xx answers. Default: the method's (true but for `sendMessage`). */
  readonly retryTransient?: boolean | undefined
  /** First backoff delay, doubled at each transient retry. Default 100 ms. */
  readonly backoffBase?: EditionDuration.DurationInput | undefined
  /** Longest backoff delay. Default 5 s. */
  readonly backoffCap?: EditionDuration.DurationInput | undefined
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
  maxAttempts: Rules.defaultBounds.maxAttempts,
  maxFloodWait: Duration.millis(Rules.defaultBounds.maxFloodWaitMs),
  maxMigrationHops: Rules.defaultBounds.maxMigrationHops,
  retryTransient: Rules.defaultBounds.retryTransient,
  backoffBase: Duration.millis(Rules.defaultSettings.backoffBaseMs),
  backoffCap: Duration.millis(Rules.defaultSettings.backoffCapMs),
  jitter: Rules.defaultSettings.jitter,
  floodGateScope: Rules.defaultSettings.floodGateScope
}

/**
 * Why a policy gave up (the bounds were reached, or the failure is not one to retry):
 * `NotRetryable`, `AttemptsExhausted`, `FloodWaitTooLong`, `MigrationLoop`, `TooManyHops`, `MigrationsOff`.
 *
 * @since 0.2.0
 */
export type GiveUpReason = Rules.GiveUpReason

/**
 * Why the policy gave up with `error` (e.g. `FloodWaitTooLong`: the wait asked is over `maxFloodWait`;
 * `AttemptsExhausted`: the budget of requests is spent), or `undefined` when the policy did not fail with it (a
 * single request outside the policies). Also on the policy's span as `telegram.give_up`.
 *
 * @since 0.2.0
 */
export const giveUpReason = (error: BotApiError): GiveUpReason | undefined => giveUpReasonOf(error)

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

/** Calls without options share one compiled policy per method. */
const compiledDefaults = new Map<string, PolicyRun.CompiledPolicy>()
const compiled = (method: string, options: Options | undefined): PolicyRun.CompiledPolicy => {
  if (options !== undefined) return compilePolicy(method, options)
  let policy = compiledDefaults.get(method)
  if (policy === undefined) compiledDefaults.set(method, policy = compilePolicy(method, undefined))
  return policy
}

/**
 * Wraps an operation on a chat with all the policies. `method` names it in events, spans and errors, and chooses
 * whether transient failures are retried by default (not for `sendMessage`: see {@link sendMessage}).
 * Fails with the last error when a bound is reached (attempts, flood wait, migration hops), typed; {@link giveUpReason}
 * tells which.
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
  const policy = compiled(method, options)
  return (chatId) => PolicyRun.run(policy, operation, chatId)
}

/**
 * exportChatInviteLink with every policy ({@link resilient}, {@link defaults}): the call most users want.
 *
 * @since 0.1.0
 */
export const exportChatInviteLink = (
  chatId: ChatId.Input,
  options?: Options
): Effect.Effect<ExportedLink, BotApiError, BotApi.BotApi | FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  // The service is read from the running fiber, and the result made once: the call most users make is the lean one.
  withFiber((fiber) =>
    PolicyRun.runOn(
      fiber,
      compiled("exportChatInviteLink", options),
      Context.get(servicesOf<BotApi.BotApi>(fiber), BotApi.BotApi).exportChatInviteLink,
      chatId,
      exportedLink
    )
  )

const exportedLink = (
  link: string,
  chatId: ChatId.ChatId | undefined,
  original: ChatId.ChatId | undefined,
  attempts: number
): ExportedLink =>
  chatId === original
    ? { link, chatId: chatId!, attempts }
    : { link, chatId: chatId!, migratedFrom: original!, attempts }

/**
 * sendMessage with the policies ({@link resilient}): flood waits and migrations are followed, which never sends a
 * message twice (Telegram sent nothing when it answered 429 or "upgraded"). Transient failures are **not** retried
 * unless `options.retryTransient` is set: a timeout may come after the message was sent, and the retry would send
 * it again.
 *
 * @since 0.2.0
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
  withService(
    BotApi.BotApi,
    (api) => resilient("sendMessage", (id) => api.sendMessage(id, text, message), options)(chatId)
  )

/**
 * A `Schedule` for `Effect.retry` that retries only `FloodWaitError`s, each after exactly its `retryAfter`, at most
 * `maxAttempts - 1` times, and stops at a `retryAfter` over `maxFloodWait`: the flood-wait rule of {@link resilient}
 * alone (the same decision function). No gate, no migration, no transient retry: see {@link resilient} for those.
 * Its output is the error and the number of retries before this one.
 *
 * @since 0.1.0
 */
export const floodWaitSchedule = (options?: {
  readonly maxAttempts?: number | undefined
  readonly maxFloodWait?: EditionDuration.DurationInput | undefined
}): Schedule.Schedule<[BotApiError, number], BotApiError> => {
  const bounds = Rules.boundsOf({
    maxAttempts: options?.maxAttempts,
    maxFloodWaitMs: options?.maxFloodWait === undefined ? undefined : EditionDuration.toMillis(options.maxFloodWait)
  })
  // The state is the number of requests made so far: the one that just failed is the first when the schedule starts.
  return fromDecisions(1, (error: BotApiError, attempt: number) => {
    const output: [BotApiError, number] = [error, attempt - 1]
    const step = error._tag === "FloodWaitError"
      ? Rules.floodWaitStep(bounds, attempt, Duration.toMillis(error.retryAfter))
      : undefined
    return [attempt + 1, output, step?._tag === "WaitFlood" ? step.waitMs : undefined] as const
  })
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
