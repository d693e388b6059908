/**
 * The backoff delays of transient retries, from `Schedule`.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"

type Step = (now: number, input: unknown) => Effect.Effect<[Duration.Duration, Duration.Duration], unknown>

/**
 * The backoff delays of one call: `Schedule.exponential(base)`, jittered by ×[0.8, 1.2) unless `jitter` is off,
 * capped at `cap`, in whole ms; stepped one delay at a time (the schedule's step is built when a call first backs
 * off).
 */
export const backoffDelays = (options: {
  readonly base: Duration.Input
  readonly cap: Duration.Input
  readonly jitter: boolean
}): { readonly next: Effect.Effect<Duration.Duration> } => {
  let step: Step | undefined
  const build = Effect.suspend(() => {
    const cap = Duration.toMillis(Duration.fromInputUnsafe(options.cap))
    const exponential = Schedule.exponential(options.base)
    const schedule = (options.jitter ? Schedule.jittered(exponential) : exponential).pipe(
      Schedule.modifyDelay(({ duration }) =>
        Effect.succeed(Duration.millis(Math.round(Math.min(cap, Duration.toMillis(duration)))))
      )
    )
    return Effect.map(Schedule.toStep(schedule), (made) => (step = made as unknown as Step))
  })
  return {
    next: Effect.flatMap(
      Effect.suspend(() => step === undefined ? build : Effect.succeed(step)),
      (current) =>
        Effect.flatMap(
          Clock.currentTimeMillis,
          (now) => Effect.map(Effect.orDie(current(now, undefined)), ([, delay]) => delay)
        )
    )
  }
}
