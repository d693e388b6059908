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
 * The rules live once, as a pure decision function (`core/policy.ts`); this module runs its steps: wait at the gate →
 * one request → the decision → wait exactly, follow the new id, or back off (the delays of `Schedule.exponential`,
 * jittered and capped). {@link floodWaitSchedule} is the flood-wait rule alone as a `Schedule` for `Effect.retry`.
 *
 * Why retrying `exportChatInviteLink` is safe even when a response was lost: each call makes a new primary link and
 * revokes the bot's previous one, so the newest link wins. A link made by a request whose answer never arrived is
 * revoked by the retry; nobody saw it, so nobody loses anything. (`createChatInviteLink` is not like that: a lost
 * answer leaves an extra, unrevoked link behind. Use `retryTransient: false` where that matters.)
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as ScheduleInterval from "effect/ScheduleInterval"
import type * as Scope from "effect/Scope"
import * as BotApi from "./BotApi.js"
import { type BotApiError, failureView, FloodWaitError } from "./BotApiError.js"
import * as BotApiMetrics from "./BotApiMetrics.js"
import * as ChatId from "./ChatId.js"
import * as ChatMigrations from "./ChatMigrations.js"
import * as Rules from "./core/policy.js"
import * as FloodGate from "./FloodGate.js"
import { backoffDelays } from "./internal/backoff.js"
import type { FloodWait, PolicyEvent, TransientRetry } from "./PolicyEvent.js"

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
  const bounds = Rules.boundsOf({
    maxAttempts: options?.maxAttempts,
    maxFloodWaitMs: Duration.toMillis(options?.maxFloodWait ?? defaults.maxFloodWait),
    maxMigrationHops: options?.maxMigrationHops,
    retryTransient: options?.retryTransient
  })
  const { maxAttempts } = bounds
  const scopeKind = options?.floodGateScope ?? defaults.floodGateScope
  const emit = options?.onEvent ?? (() => Effect.void)
  const announce = (event: PolicyEvent, wait: Effect.Effect<void>): Effect.Effect<void> =>
    Effect.scoped(Effect.zipRight(emit(event), wait))
  const timeout = options?.requestTimeout === undefined ? undefined : Duration.decode(options.requestTimeout)
  const tag = <M extends Metric.Metric.Counter<number>>(metric: M) => Metric.tagged(metric, "method", method)

  /** One request, numbered `attempt` (no `locally` for a first attempt on a fiber with none set: 1 is the default). */
  const send = (chatId: ChatId.ChatId, attempt: number): Effect.Effect<A, BotApiError, R> =>
    Effect.flatMap(FiberRefGetAttempt, (inherited) => {
      let request = attempt === 1 && inherited === 1
        ? operation(chatId)
        : BotApi.withAttempt(operation(chatId), attempt)
      if (timeout !== undefined) request = BotApi.withRequestTimeout(request, timeout)
      return request
    })

  /** At a gate closed by an earlier flood wait: wait for it, or fail at once when it is closed for too long. */
  const passGate = (gate: FloodGate.FloodGate.Service, scope: string, current: ChatId.ChatId, attempt: number) =>
    Effect.gen(function*() {
      const closedUntil = yield* gate.closedUntil(scope)
      if (Option.isNone(closedUntil)) return
      const remainingMs = Math.max(0, closedUntil.value - (yield* Clock.currentTimeMillis))
      const retryAfter = Duration.millis(remainingMs)
      if (Rules.atClosedGate(bounds, remainingMs) === "GiveUp") {
        return yield* new FloodWaitError({
          method,
          chatId: current,
          retryAfter,
          description: `flood gate ${scope} is closed by an earlier flood wait`
        })
      }
      yield* Metric.increment(tag(BotApiMetrics.floodWaits))
      const event: FloodWait = {
        _tag: "FloodWait",
        source: "gate",
        method,
        chatId: current,
        retryAfter,
        attempt,
        maxAttempts
      }
      yield* announce(event, gate.waitIfClosed(scope))
    })

  /**
   * Runs the side effects of a step after a failed request for `current` (close the gate, record a move, wait), and
   * fails with `error` when the step gives up.
   */
  const takeStep = (
    step: Rules.NextStep,
    error: BotApiError,
    context: {
      readonly gate: FloodGate.FloodGate.Service
      readonly registry: ChatMigrations.ChatMigrations.Service
      readonly scope: string
      readonly current: ChatId.ChatId
      readonly attempt: number
      readonly backoff: Effect.Effect<Duration.Duration>
    }
  ): Effect.Effect<void, BotApiError> =>
    Effect.gen(function*() {
      const { current, gate, scope } = context
      const closeGateMs = step._tag === "WaitFlood"
        ? step.waitMs
        : step._tag === "GiveUp"
        ? step.closeGateMs
        : undefined
      // Closed even when we give up: the others for this scope should not hit the server either.
      if (closeGateMs !== undefined) yield* gate.close(scope, (yield* Clock.currentTimeMillis) + closeGateMs)
      const move = step._tag === "Follow" ? step : step._tag === "GiveUp" ? step.recordMove : undefined
      if (move !== undefined) {
        const to = move.to as ChatId.ChatId
        yield* context.registry.record(current, to)
        yield* Metric.increment(tag(BotApiMetrics.migrations))
        yield* announce({ _tag: "Migrated", method, from: current, to, remembered: false }, Effect.void)
      }
      const attempt = context.attempt + 1
      switch (step._tag) {
        case "GiveUp":
          return yield* error
        case "WaitFlood": {
          yield* Metric.increment(tag(BotApiMetrics.floodWaits))
          const retryAfter = Duration.millis(step.waitMs)
          const event: FloodWait = {
            _tag: "FloodWait",
            source: "server",
            method,
            chatId: current,
            retryAfter,
            attempt,
            maxAttempts
          }
          // Waits for the gate, not only retry_after: another call may have closed it for longer meanwhile.
          return yield* announce(event, gate.waitIfClosed(scope))
        }
        case "Backoff": {
          const delay = yield* context.backoff
          yield* Metric.increment(tag(BotApiMetrics.transientRetries))
          const reason = error.message
          const event: TransientRetry = {
            _tag: "TransientRetry",
            method,
            chatId: current,
            reason,
            delay,
            attempt,
            maxAttempts
          }
          return yield* announce(event, Effect.sleep(delay))
        }
      }
    })

  return (input) =>
    Effect.gen(function*() {
      const original = yield* ChatId.make(input)
      yield* Effect.annotateCurrentSpan("telegram.chat_id", String(original))
      const gate = yield* FloodGate.FloodGate
      const registry = yield* ChatMigrations.ChatMigrations
      // Fast path: no migration recorded for this chat (one lookup, no path to build).
      const first = bounds.maxMigrationHops === 0 ? Option.none() : yield* registry.get(original)
      const path = Option.isNone(first) ? [original] : yield* ChatMigrations.resolve(original, bounds.maxMigrationHops)
      let progress = Rules.startCall(path)
      if (progress.hops > 0) {
        const to = progress.current as ChatId.ChatId
        yield* announce({ _tag: "Migrated", method, from: original, to, remembered: true }, Effect.void)
      }
      const backoff = backoffDelays({
        base: options?.backoffBase ?? defaults.backoffBase,
        cap: options?.backoffCap ?? defaults.backoffCap,
        jitter: options?.jitter ?? defaults.jitter
      })

      while (true) {
        progress = Rules.sending(progress)
        const { attempt } = progress
        const current = progress.current as ChatId.ChatId
        const scope = FloodGate.scopeOf(scopeKind, current)
        yield* passGate(gate, scope, current, attempt)
        yield* Effect.annotateCurrentSpan("telegram.attempts", attempt)
        const result = yield* Effect.either(send(current, attempt))
        if (result._tag === "Right") {
          return current === original
            ? { value: result.right, chatId: current, attempts: attempt }
            : { value: result.right, chatId: current, migratedFrom: original, attempts: attempt }
        }
        const step = Rules.nextStep(bounds, progress, failureView(result.left))
        yield* takeStep(step, result.left, { gate, registry, scope, current, attempt, backoff: backoff.next })
        if (step._tag !== "GiveUp") progress = Rules.advance(progress, step)
      }
    }).pipe(
      Effect.withSpan(`Policy.${method}`, {
        attributes: { "telegram.method": method },
        captureStackTrace: false
      })
    )
}

const FiberRefGetAttempt: Effect.Effect<number> = Effect.withFiberRuntime((fiber) =>
  Effect.succeed(fiber.getFiberRef(BotApi.currentAttempt))
)

/**
 * exportChatInviteLink with every policy ({@link resilient}, {@link defaults}): the call most users want.
 *
 * @since 0.1.0
 */
export const exportChatInviteLink = (
  chatId: ChatId.Input,
  options?: Options
): Effect.Effect<ExportedLink, BotApiError, BotApi.BotApi | FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  Effect.flatMap(
    BotApi.BotApi,
    (api) =>
      resilient("exportChatInviteLink", api.exportChatInviteLink, options)(chatId).pipe(
        Effect.map(({ value, ...rest }): ExportedLink => ({ link: value, ...rest }))
      )
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
  readonly maxFloodWait?: Duration.DurationInput | undefined
}): Schedule.Schedule<[BotApiError, number], BotApiError> => {
  const bounds = Rules.boundsOf({
    maxAttempts: options?.maxAttempts,
    maxFloodWaitMs: Duration.toMillis(options?.maxFloodWait ?? defaults.maxFloodWait)
  })
  // The state is the number of requests made so far: the one that just failed is the first when the schedule starts.
  return Schedule.makeWithState(1, (now, error: BotApiError, attempt: number) => {
    const output: [BotApiError, number] = [error, attempt - 1]
    const step = error._tag === "FloodWaitError"
      ? Rules.floodWaitStep(bounds, attempt, Duration.toMillis(error.retryAfter))
      : undefined
    return Effect.succeed(
      step?._tag === "WaitFlood"
        ? [attempt + 1, output, ScheduleDecision.continueWith(ScheduleInterval.after(now + step.waitMs))] as const
        : [attempt, output, ScheduleDecision.done] as const
    )
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
