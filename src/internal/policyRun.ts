/**
 * The one interpreter of the policy's decision (`core/policy.ts`), for both editions and every policy-wrapped call:
 * wait at the gate → one request → the decision → close the gate, record the move, wait exactly, back off (the delays
 * of `Schedule`), or give up (the reason recorded with the failure, see `giveUp.ts`).
 *
 * A call with a chat (`run`) gets the gate of its scope, the migration registry and the backoff; a call without one
 * (`runWithoutChat`: getUpdates) gets exact flood waits and the backoff, and can follow no migration.
 *
 * The common call (the gate open, no migration recorded, the first request answers) runs without a generator and
 * without an Effect per lookup, when the gate and the registry can be read synchronously (the in-memory ones carry
 * such reads, see `syncReads.ts`).
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { type BotApiError, failureView, FloodWaitError, InvalidChatIdError } from "../BotApiError.js"
import type * as ChatId from "../ChatId.js"
import * as ChatMigrations from "../ChatMigrations.js"
import { validateChatId } from "../core/chatId.js"
import * as Rules from "../core/policy.js"
import type { DurationInput } from "../edition/duration.js"
import { attemptOf, isTracing, nowOf, type RunningFiber, servicesOf, withFiber } from "../edition/fiber.js"
import { type Counter, increment } from "../edition/metric.js"
import { backoffDelays } from "../edition/schedule.js"
import { withAttempt, withRequestTimeout } from "../edition/settings.js"
import * as FloodGate from "../FloodGate.js"
import type { Outcome } from "../Policy.js"
import type { FloodWait, PolicyEvent, TransientRetry } from "../PolicyEvent.js"
import { recordGiveUp } from "./giveUp.js"
import { type ClosedUntil, type MovedTo, syncReadOf } from "./syncReads.js"

/** A policy's settings, compiled once. */
export interface CompiledPolicy {
  readonly method: string
  readonly bounds: Rules.PolicyBounds
  readonly scopeKind: FloodGate.ScopeKind
  readonly onEvent: ((event: PolicyEvent) => Effect.Effect<void, never, Scope.Scope>) | undefined
  readonly requestTimeout: Duration.Duration | undefined
  readonly backoff: { readonly base: DurationInput; readonly cap: DurationInput; readonly jitter: boolean }
  readonly floodWaits: Counter
  readonly migrations: Counter
  readonly transientRetries: Counter
}

/** The chat of a call, its gate and its registry. */
interface ChatContext {
  readonly gate: FloodGate.FloodGate.Service
  readonly registry: ChatMigrations.ChatMigrations.Service
}

/** Makes a call's result from the answer, the chat id that answered, the caller's, and the number of requests. */
export type Finish<A, Out> = (
  value: A,
  chatId: ChatId.ChatId | undefined,
  original: ChatId.ChatId | undefined,
  attempts: number
) => Out

/** What a call works with. */
interface CallContext<A, R, Out> {
  readonly policy: CompiledPolicy
  readonly operation: (chatId: ChatId.ChatId | undefined) => Effect.Effect<A, BotApiError, R>
  readonly finish: Finish<A, Out>
  /** The caller's chat id (`undefined` for a call without a chat). */
  readonly original: ChatId.ChatId | undefined
  readonly chat: ChatContext | undefined
  /** The attempt number the fiber had before the call (the first request keeps it). */
  readonly inheritedAttempt: number
  /** Whether the call has its span (see `edition/fiber.ts`). */
  readonly traced: boolean
  /** The backoff's delays, made at the first backoff (most calls never back off). */
  delays: ReturnType<typeof backoffDelays> | undefined
}

const contextOf = <A, R, Out>(
  fiber: RunningFiber,
  policy: CompiledPolicy,
  operation: CallContext<A, R, Out>["operation"],
  finish: Finish<A, Out>,
  original: ChatId.ChatId | undefined,
  chat: ChatContext | undefined
): CallContext<A, R, Out> => ({
  policy,
  operation,
  finish,
  original,
  chat,
  inheritedAttempt: attemptOf(fiber),
  traced: isTracing(fiber),
  delays: undefined
})

/** The next delay of the call's backoff. */
const nextBackoff = (ctx: CallContext<any, any, any>): Effect.Effect<Duration.Duration> =>
  (ctx.delays ??= backoffDelays(ctx.policy.backoff)).next

/** A call's result as {@link Outcome}: `migratedFrom` when the chat that answered is not the caller's. */
export const outcome = <A>(
  value: A,
  chatId: ChatId.ChatId | undefined,
  original: ChatId.ChatId | undefined,
  attempts: number
): Outcome<A> =>
  chatId === original
    ? { value, chatId: chatId!, attempts }
    : { value, chatId: chatId!, migratedFrom: original!, attempts }
/** Tells `event` (the handler runs in a scope that closes when `wait` ends), then waits. */
const announce = (policy: CompiledPolicy, event: PolicyEvent, wait: Effect.Effect<void>): Effect.Effect<void> =>
  policy.onEvent === undefined ? wait : Effect.scoped(Effect.andThen(policy.onEvent(event), wait))

/** One request, numbered `attempt` (nothing set for a first attempt on a fiber with none set: 1 is the default). */
const send = <A, R, Out>(
  ctx: CallContext<A, R, Out>,
  chatId: ChatId.ChatId | undefined,
  attempt: number
): Effect.Effect<A, BotApiError, R> => {
  let request = attempt === 1 && ctx.inheritedAttempt === 1
    ? ctx.operation(chatId)
    : withAttempt(ctx.operation(chatId), attempt)
  if (ctx.policy.requestTimeout !== undefined) request = withRequestTimeout(request, ctx.policy.requestTimeout)
  return request
}

/** At a gate closed by an earlier flood wait: wait for it, or fail at once when it is closed for too long. */
const passGate = (policy: CompiledPolicy, chat: ChatContext, current: ChatId.ChatId, attempt: number) =>
  Effect.gen(function*() {
    const { bounds, method } = policy
    const scope = FloodGate.scopeOf(policy.scopeKind, current)
    const closedUntil = yield* chat.gate.closedUntil(scope)
    if (Option.isNone(closedUntil)) return
    const remainingMs = Math.max(0, closedUntil.value - (yield* Clock.currentTimeMillis))
    const retryAfter = Duration.millis(remainingMs)
    if (Rules.atClosedGate(bounds, remainingMs) === "GiveUp") {
      const error = new FloodWaitError({
        method,
        chatId: current,
        retryAfter,
        description: `flood gate ${scope} is closed by an earlier flood wait`
      })
      return yield* Effect.fail(recordGiveUp(error, "FloodWaitTooLong"))
    }
    yield* increment(policy.floodWaits)
    const event: FloodWait = {
      _tag: "FloodWait",
      source: "gate",
      method,
      chatId: current,
      retryAfter,
      attempt,
      maxAttempts: bounds.maxAttempts
    }
    yield* announce(policy, event, chat.gate.waitIfClosed(scope))
  })

/**
 * Runs the side effects of a step after the request of `progress` failed (close the gate, record a move, wait), and
 * fails with `error` when the step gives up.
 */
const takeStep = <A, R, Out>(
  ctx: CallContext<A, R, Out>,
  step: Rules.NextStep,
  error: BotApiError,
  progress: Rules.CallProgress
): Effect.Effect<void, BotApiError> =>
  Effect.gen(function*() {
    const { chat, policy } = ctx
    const { method } = policy
    const { maxAttempts } = policy.bounds
    const current = progress.current as ChatId.ChatId | undefined
    const scope = chat === undefined || current === undefined ? undefined : FloodGate.scopeOf(policy.scopeKind, current)
    const closeGateMs = step._tag === "WaitFlood" ? step.waitMs : step._tag === "GiveUp" ? step.closeGateMs : undefined
    // Closed even when we give up: the others for this scope should not hit the server either.
    if (closeGateMs !== undefined && scope !== undefined) {
      yield* chat!.gate.close(scope, (yield* Clock.currentTimeMillis) + closeGateMs)
    }
    const move = step._tag === "Follow" ? step : step._tag === "GiveUp" ? step.recordMove : undefined
    if (move !== undefined && chat !== undefined && current !== undefined) {
      const to = move.to as ChatId.ChatId
      yield* chat.registry.record(current, to)
      yield* increment(policy.migrations)
      yield* announce(policy, { _tag: "Migrated", method, from: current, to, remembered: false }, Effect.void)
    }
    const next = progress.attempt + 1
    switch (step._tag) {
      case "GiveUp":
        if (ctx.traced) yield* Effect.annotateCurrentSpan("telegram.give_up", step.reason)
        return yield* Effect.fail(recordGiveUp(error, step.reason))
      case "WaitFlood": {
        yield* increment(policy.floodWaits)
        const retryAfter = Duration.millis(step.waitMs)
        // Waits for the gate, not only retry_after: another call may have closed it for longer meanwhile.
        const wait = scope === undefined ? Effect.sleep(retryAfter) : chat!.gate.waitIfClosed(scope)
        if (current === undefined) return yield* wait
        const event: FloodWait = {
          _tag: "FloodWait",
          source: "server",
          method,
          chatId: current,
          retryAfter,
          attempt: next,
          maxAttempts
        }
        return yield* announce(policy, event, wait)
      }
      case "Backoff": {
        const delay = yield* nextBackoff(ctx)
        yield* increment(policy.transientRetries)
        if (current === undefined) return yield* Effect.sleep(delay)
        const event: TransientRetry = {
          _tag: "TransientRetry",
          method,
          chatId: current,
          reason: error.message,
          delay,
          attempt: next,
          maxAttempts
        }
        return yield* announce(policy, event, Effect.sleep(delay))
      }
    }
  })

/**
 * The requests from `start` (before its next one), until an answer or a step that gives up. `start` undefined: the
 * first request of a call on its caller's chat, whose progress is made only if it fails (most calls are answered).
 */
const attempts = <A, R, Out>(
  ctx: CallContext<A, R, Out>,
  start: Rules.CallProgress | undefined,
  gateKnownOpen: boolean
): Effect.Effect<Out, BotApiError, R> => {
  const current = start === undefined ? ctx.original : start.current as ChatId.ChatId | undefined
  const attempt = start === undefined ? 1 : start.attempt + 1
  let request = Effect.matchEffect(send(ctx, current, attempt), {
    onSuccess: (value) => Effect.succeed(ctx.finish(value, current, ctx.original, attempt)),
    onFailure: (error) => {
      const progress = Rules.sending(start ?? Rules.startCall(ctx.original === undefined ? [] : [ctx.original]))
      const step = Rules.nextStep(ctx.policy.bounds, progress, failureView(error))
      return Effect.andThen(
        takeStep(ctx, step, error, progress),
        Effect.suspend(() => attempts(ctx, Rules.advance(progress, step as Rules.RetryStep), false))
      )
    }
  })
  if (ctx.traced && attempt > 1) {
    request = Effect.andThen(Effect.annotateCurrentSpan("telegram.attempts", attempt), request)
  }
  return gateKnownOpen || ctx.chat === undefined || current === undefined
    ? request
    : Effect.andThen(passGate(ctx.policy, ctx.chat, current, attempt), request)
}

/** The start of a call with a chat: the recorded migrations first (read synchronously when the registry can). */
const start = <A, R, Out>(
  ctx: CallContext<A, R, Out>,
  original: ChatId.ChatId,
  chat: ChatContext,
  now: number
): Effect.Effect<Out, BotApiError, R> => {
  const { bounds, method, scopeKind } = ctx.policy
  const closedAt = syncReadOf<ClosedUntil>(chat.gate)
  const movedTo = syncReadOf<MovedTo<ChatId.ChatId>>(chat.registry)
  const gateOpen = closedAt !== undefined && closedAt(FloodGate.scopeOf(scopeKind, original), now) === undefined
  const noMove = bounds.maxMigrationHops === 0 || (movedTo !== undefined && movedTo(original) === undefined)
  if (noMove) return attempts(ctx, undefined, gateOpen)
  return Effect.gen(function*() {
    const first = yield* chat.registry.get(original)
    const path = Option.isNone(first)
      ? [original]
      : yield* Effect.provideService(
        ChatMigrations.resolve(original, bounds.maxMigrationHops),
        ChatMigrations.ChatMigrations,
        chat.registry
      )
    const progress = Rules.startCall(path)
    if (progress.hops > 0) {
      const to = progress.current as ChatId.ChatId
      yield* announce(ctx.policy, { _tag: "Migrated", method, from: original, to, remembered: true }, Effect.void)
    }
    return yield* attempts(ctx, progress, false)
  })
}

/**
 * Runs `operation` for the chat `input` under `policy` (the gate, the migrations and the backoff) from the running
 * `fiber`; `finish` makes the result.
 */
export const runOn = <A, R, Out>(
  fiber: RunningFiber,
  policy: CompiledPolicy,
  operation: (chatId: ChatId.ChatId) => Effect.Effect<A, BotApiError, R>,
  input: ChatId.Input,
  finish: Finish<A, Out>
): Effect.Effect<Out, BotApiError, R | FloodGate.FloodGate | ChatMigrations.ChatMigrations> => {
  const validated = validateChatId(input)
  if (!validated.ok) return Effect.fail(new InvalidChatIdError({ input: validated.input, reason: validated.reason }))
  const original = validated.chatId as ChatId.ChatId
  const services = servicesOf<FloodGate.FloodGate | ChatMigrations.ChatMigrations>(fiber)
  const chat: ChatContext = {
    gate: Context.get(services, FloodGate.FloodGate),
    registry: Context.get(services, ChatMigrations.ChatMigrations)
  }
  const ctx = contextOf(
    fiber,
    policy,
    operation as (chatId: ChatId.ChatId | undefined) => Effect.Effect<A, BotApiError, R>,
    finish,
    original,
    chat
  )
  const body = start(ctx, original, chat, nowOf(fiber))
  if (!ctx.traced) return body
  return Effect.withSpan(body, `Policy.${policy.method}`, {
    attributes: { "telegram.method": policy.method, "telegram.chat_id": String(original), "telegram.attempts": 1 },
    captureStackTrace: false
  })
}

/** Runs `operation` for the chat `input` under `policy`: the gate, the migrations and the backoff. */
export const run = <A, R>(
  policy: CompiledPolicy,
  operation: (chatId: ChatId.ChatId) => Effect.Effect<A, BotApiError, R>,
  input: ChatId.Input
): Effect.Effect<Outcome<A>, BotApiError, R | FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  withFiber((fiber) => runOn(fiber, policy, operation, input, outcome<A>))

/** Runs `request`, a call without a chat (getUpdates), under `policy`: exact flood waits and the backoff. */
export const runWithoutChat = <A, R>(
  policy: CompiledPolicy,
  request: Effect.Effect<A, BotApiError, R>
): Effect.Effect<A, BotApiError, R> =>
  withFiber((fiber) =>
    attempts(contextOf(fiber, policy, () => request, valueOf, undefined, undefined), undefined, true)
  )

const valueOf = <A>(value: A): A => value
