/**
 * The interpreter of the policy's steps (the shared core's `policy.ts`) for the Effect 4 edition: wait at the gate →
 * one request → the decision → close the gate, record the move, wait exactly, back off (the delays of `Schedule`),
 * or give up.
 *
 * The common call (the gate open, no migration recorded, the first request answers) runs without a generator and
 * without an Effect per lookup, when the gate and the registry can be read synchronously (the in-memory ones).
 *
 * @internal
 */
import { validateChatId } from "#core/chatId.js"
import * as Rules from "#core/policy.js"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as BotApi from "../BotApi.js"
import { type BotApiError, failureView, FloodWaitError, InvalidChatIdError } from "../BotApiError.js"
import type * as ChatId from "../ChatId.js"
import * as ChatMigrations from "../ChatMigrations.js"
import * as FloodGate from "../FloodGate.js"
import type { Outcome } from "../Policy.js"
import type { FloodWait, PolicyEvent, TransientRetry } from "../PolicyEvent.js"
import { backoffDelays } from "./backoff.js"
import { isTracing } from "./tracing.js"

/** A policy's settings, compiled once. */
export interface CompiledPolicy {
  readonly method: string
  readonly bounds: Rules.PolicyBounds
  readonly scopeKind: FloodGate.ScopeKind
  readonly onEvent: ((event: PolicyEvent) => Effect.Effect<void, never, Scope.Scope>) | undefined
  readonly requestTimeout: Duration.Duration | undefined
  readonly backoff: {
    readonly base: Duration.Input
    readonly cap: Duration.Input
    readonly jitter: boolean
  }
  readonly floodWaits: Metric.Counter<number>
  readonly migrations: Metric.Counter<number>
  readonly transientRetries: Metric.Counter<number>
}

/** What a call works with. */
interface CallContext<A, R> {
  readonly policy: CompiledPolicy
  readonly operation: (chatId: ChatId.ChatId) => Effect.Effect<A, BotApiError, R>
  readonly original: ChatId.ChatId
  readonly gate: FloodGate.FloodGate.Service
  readonly registry: ChatMigrations.ChatMigrations.Service
  readonly backoff: Effect.Effect<Duration.Duration>
  /** Whether the call has its span (see `tracing.ts`). */
  readonly traced: boolean
}

const outcome = <A>(value: A, chatId: ChatId.ChatId, original: ChatId.ChatId, attempts: number): Outcome<A> =>
  chatId === original ? { value, chatId, attempts } : { value, chatId, migratedFrom: original, attempts }

/** Tells `event` (the handler runs in a scope that closes when `wait` ends), then waits. */
const announce = (policy: CompiledPolicy, event: PolicyEvent, wait: Effect.Effect<void>): Effect.Effect<void> =>
  policy.onEvent === undefined ? wait : Effect.scoped(Effect.andThen(policy.onEvent(event), wait))

/** One request, numbered `attempt` (no reference provided for a first attempt on a fiber with none set). */
const send = <A, R>(
  ctx: CallContext<A, R>,
  chatId: ChatId.ChatId,
  attempt: number,
  inheritedAttempt: number
): Effect.Effect<A, BotApiError, R> => {
  let request = attempt === 1 && inheritedAttempt === 1
    ? ctx.operation(chatId)
    : BotApi.withAttempt(ctx.operation(chatId), attempt)
  if (ctx.policy.requestTimeout !== undefined) request = BotApi.withRequestTimeout(request, ctx.policy.requestTimeout)
  return request
}

/** At a gate closed by an earlier flood wait: wait for it, or fail at once when it is closed for too long. */
const passGate = <A, R>(ctx: CallContext<A, R>, scope: string, current: ChatId.ChatId, attempt: number) =>
  Effect.gen(function*() {
    const { bounds, method } = ctx.policy
    const closedUntil = yield* ctx.gate.closedUntil(scope)
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
    yield* Metric.update(ctx.policy.floodWaits, 1)
    const { maxAttempts } = bounds
    const event: FloodWait = {
      _tag: "FloodWait",
      source: "gate",
      method,
      chatId: current,
      retryAfter,
      attempt,
      maxAttempts
    }
    yield* announce(ctx.policy, event, ctx.gate.waitIfClosed(scope))
  })

/**
 * Runs the side effects of a step after a failed request for `current` (close the gate, record a move, wait), and
 * fails with `error` when the step gives up.
 */
const takeStep = <A, R>(
  ctx: CallContext<A, R>,
  step: Rules.NextStep,
  error: BotApiError,
  current: ChatId.ChatId,
  attempt: number
): Effect.Effect<void, BotApiError> =>
  Effect.gen(function*() {
    const { policy } = ctx
    const { method } = policy
    const { maxAttempts } = policy.bounds
    const scope = FloodGate.scopeOf(policy.scopeKind, current)
    const closeGateMs = step._tag === "WaitFlood" ? step.waitMs : step._tag === "GiveUp" ? step.closeGateMs : undefined
    // Closed even when we give up: the others for this scope should not hit the server either.
    if (closeGateMs !== undefined) yield* ctx.gate.close(scope, (yield* Clock.currentTimeMillis) + closeGateMs)
    const move = step._tag === "Follow" ? step : step._tag === "GiveUp" ? step.recordMove : undefined
    if (move !== undefined) {
      const to = move.to as ChatId.ChatId
      yield* ctx.registry.record(current, to)
      yield* Metric.update(policy.migrations, 1)
      yield* announce(policy, { _tag: "Migrated", method, from: current, to, remembered: false }, Effect.void)
    }
    const next = attempt + 1
    switch (step._tag) {
      case "GiveUp":
        return yield* Effect.fail(error)
      case "WaitFlood": {
        yield* Metric.update(policy.floodWaits, 1)
        const retryAfter = Duration.millis(step.waitMs)
        const event: FloodWait = {
          _tag: "FloodWait",
          source: "server",
          method,
          chatId: current,
          retryAfter,
          attempt: next,
          maxAttempts
        }
        // Waits for the gate, not only retry_after: another call may have closed it for longer meanwhile.
        return yield* announce(policy, event, ctx.gate.waitIfClosed(scope))
      }
      case "Backoff": {
        const delay = yield* ctx.backoff
        yield* Metric.update(policy.transientRetries, 1)
        const reason = error.message
        const event: TransientRetry = {
          _tag: "TransientRetry",
          method,
          chatId: current,
          reason,
          delay,
          attempt: next,
          maxAttempts
        }
        return yield* announce(policy, event, Effect.sleep(delay))
      }
    }
  })

/** The loop from `progress` (before its next request): until an answer, or a step that gives up. */
const attempts = <A, R>(
  ctx: CallContext<A, R>,
  start: Rules.CallProgress,
  inheritedAttempt: number
): Effect.Effect<Outcome<A>, BotApiError, R> =>
  Effect.gen(function*() {
    let progress = start
    while (true) {
      progress = Rules.sending(progress)
      const { attempt } = progress
      const current = progress.current as ChatId.ChatId
      yield* passGate(ctx, FloodGate.scopeOf(ctx.policy.scopeKind, current), current, attempt)
      if (ctx.traced) yield* Effect.annotateCurrentSpan("telegram.attempts", attempt)
      const result = yield* Effect.result(send(ctx, current, attempt, inheritedAttempt))
      if (result._tag === "Success") return outcome(result.success, current, ctx.original, attempt)
      const step = Rules.nextStep(ctx.policy.bounds, progress, failureView(result.failure))
      yield* takeStep(ctx, step, result.failure, current, attempt)
      if (step._tag !== "GiveUp") progress = Rules.advance(progress, step)
    }
  })

/** After the first request failed: its step, then the loop. */
const afterFirstFailure = <A, R>(
  ctx: CallContext<A, R>,
  error: BotApiError,
  inheritedAttempt: number
): Effect.Effect<Outcome<A>, BotApiError, R> => {
  const progress = Rules.sending(Rules.startCall([ctx.original]))
  const step = Rules.nextStep(ctx.policy.bounds, progress, failureView(error))
  return Effect.andThen(
    takeStep(ctx, step, error, ctx.original, 1),
    Effect.suspend(() =>
      attempts(ctx, Rules.advance(progress, step as Exclude<Rules.NextStep, { _tag: "GiveUp" }>), inheritedAttempt)
    )
  )
}

/** The slow start: the gate or the registry needs an Effect, or a migration is recorded. */
const fromRegistry = <A, R>(ctx: CallContext<A, R>, inheritedAttempt: number) =>
  Effect.gen(function*() {
    const { bounds, method } = ctx.policy
    const { original } = ctx
    const first = bounds.maxMigrationHops === 0 ? Option.none() : yield* ctx.registry.get(original)
    const path = Option.isNone(first)
      ? [original]
      : yield* Effect.provideService(
        ChatMigrations.resolve(original, bounds.maxMigrationHops),
        ChatMigrations.ChatMigrations,
        ctx.registry
      )
    const progress = Rules.startCall(path)
    if (progress.hops > 0) {
      const to = progress.current as ChatId.ChatId
      yield* announce(ctx.policy, { _tag: "Migrated", method, from: original, to, remembered: true }, Effect.void)
    }
    return yield* attempts(ctx, progress, inheritedAttempt)
  })

/** Runs `operation` for `input` under `policy`. */
export const run = <A, R>(
  policy: CompiledPolicy,
  operation: (chatId: ChatId.ChatId) => Effect.Effect<A, BotApiError, R>,
  input: ChatId.Input
): Effect.Effect<Outcome<A>, BotApiError, R | FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  Effect.withFiber((fiber) => {
    const validated = validateChatId(input)
    if (!validated.ok) return Effect.fail(new InvalidChatIdError({ input: validated.input, reason: validated.reason }))
    const original = validated.chatId as ChatId.ChatId
    const context = fiber.context as Context.Context<FloodGate.FloodGate | ChatMigrations.ChatMigrations>
    let delays: ReturnType<typeof backoffDelays> | undefined
    const ctx: CallContext<A, R> = {
      policy,
      operation,
      original,
      gate: Context.get(context, FloodGate.FloodGate),
      registry: Context.get(context, ChatMigrations.ChatMigrations),
      backoff: Effect.suspend(() => (delays ??= backoffDelays(policy.backoff)).next),
      traced: isTracing(fiber)
    }
    const inheritedAttempt = fiber.getRef(BotApi.currentAttempt)
    const now = fiber.getRef(Clock.Clock).currentTimeMillisUnsafe()
    const gateOpen = ctx.gate.unsafeClosedUntil !== undefined &&
      ctx.gate.unsafeClosedUntil(FloodGate.scopeOf(policy.scopeKind, original), now) === undefined
    const noMove = policy.bounds.maxMigrationHops === 0 ||
      (ctx.registry.unsafeGet !== undefined && ctx.registry.unsafeGet(original) === undefined)
    const body = gateOpen && noMove
      ? Effect.matchEffect(send(ctx, original, 1, inheritedAttempt), {
        onSuccess: (value) => Effect.succeed(outcome(value, original, original, 1)),
        onFailure: (error) => afterFirstFailure(ctx, error, inheritedAttempt)
      })
      : fromRegistry(ctx, inheritedAttempt)
    if (!ctx.traced) return body
    return Effect.withSpan(body, `Policy.${policy.method}`, {
      attributes: { "telegram.method": policy.method, "telegram.chat_id": String(original), "telegram.attempts": 1 },
      captureStackTrace: false
    })
  })
