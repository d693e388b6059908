/**
 * The policy's rules (`core/policy.ts`) for a call that has no chat, such as getUpdates: wait exactly a flood wait,
 * back off after a transient failure (the delays of `backoff.ts`), one budget of requests; no flood gate and no
 * migration (there is no chat to scope or to follow).
 *
 * @internal
 */
import * as Rules from "#core/policy.js"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Metric from "effect/Metric"
import * as BotApi from "../BotApi.js"
import { type BotApiError, failureView } from "../BotApiError.js"
import * as BotApiMetrics from "../BotApiMetrics.js"
import { backoffDelays } from "./backoff.js"
import { forMethod } from "./metrics.js"

/** The settings of {@link retryUnscoped}, compiled once. */
export interface UnscopedPolicy {
  readonly bounds: Rules.PolicyBounds
  readonly backoff: {
    readonly base: Duration.Input
    readonly cap: Duration.Input
    readonly jitter: boolean
  }
  readonly floodWaits: Metric.Counter<number>
  readonly transientRetries: Metric.Counter<number>
}

/** Compiles the settings for `method` (its metrics tagged with it); migrations are always off. */
export const compileUnscoped = (method: string, options: {
  readonly maxAttempts: number
  readonly maxFloodWait: Duration.Input
  readonly retryTransient: boolean
  readonly backoffBase: Duration.Input
  readonly backoffCap: Duration.Input
  readonly jitter: boolean
}): UnscopedPolicy => ({
  bounds: Rules.boundsOf({
    maxAttempts: options.maxAttempts,
    maxFloodWaitMs: Duration.toMillis(Duration.fromInputUnsafe(options.maxFloodWait)),
    maxMigrationHops: 0,
    retryTransient: options.retryTransient
  }),
  backoff: { base: options.backoffBase, cap: options.backoffCap, jitter: options.jitter },
  floodWaits: forMethod(BotApiMetrics.floodWaits, method),
  transientRetries: forMethod(BotApiMetrics.transientRetries, method)
})

/** The progress of a call without a chat: 0 stands for the chat, never used since migrations are off. */
const start: Rules.CallProgress = Rules.sending(Rules.startCall([0]))

/** Runs `request` (numbered by `BotApi.withAttempt` from the second on) until it answers or a rule gives up. */
export const retryUnscoped = <A, R>(
  policy: UnscopedPolicy,
  request: Effect.Effect<A, BotApiError, R>
): Effect.Effect<A, BotApiError, R> =>
  Effect.suspend(() => {
    // The delays of one run: a later run of the same effect starts from the first delay again.
    let delays: ReturnType<typeof backoffDelays> | undefined
    const loop = (progress: Rules.CallProgress): Effect.Effect<A, BotApiError, R> =>
      Effect.catch(
        progress.attempt === 1 ? request : BotApi.withAttempt(request, progress.attempt),
        (error): Effect.Effect<A, BotApiError, R> => {
          const step = Rules.nextStep(policy.bounds, progress, failureView(error))
          switch (step._tag) {
            case "WaitFlood":
              return Metric.update(policy.floodWaits, 1).pipe(
                Effect.andThen(Effect.sleep(Duration.millis(step.waitMs))),
                Effect.andThen(Effect.suspend(() => loop(Rules.sending(Rules.advance(progress, step)))))
              )
            case "Backoff":
              return Effect.suspend(() => (delays ??= backoffDelays(policy.backoff)).next).pipe(
                Effect.tap(() => Metric.update(policy.transientRetries, 1)),
                Effect.flatMap((delay) => Effect.sleep(delay)),
                Effect.andThen(Effect.suspend(() => loop(Rules.sending(Rules.advance(progress, step)))))
              )
            default:
              // GiveUp; Follow cannot happen with migrations off.
              return Effect.fail(error)
          }
        }
      )
    return loop(start)
  })
