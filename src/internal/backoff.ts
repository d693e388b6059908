/**
 * The backoff delays of transient retries, from `Schedule`.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"

/**
 * The backoff delays of one call: `Schedule.exponential(base)`, jittered by ×[0.8, 1.2) unless `jitter` is off,
 * capped at `cap`, in whole ms; stepped one delay at a time (the schedule is built when a call first backs off).
 */
export const backoffDelays = (options: {
  readonly base: Duration.DurationInput
  readonly cap: Duration.DurationInput
  readonly jitter: boolean
}): { readonly next: Effect.Effect<Duration.Duration> } => {
  let schedule: Schedule.Schedule<Duration.Duration> | undefined
  let state: unknown
  return {
    next: Effect.suspend(() => {
      if (schedule === undefined) {
        const exponential = Schedule.exponential(options.base)
        // The cap is applied to what the schedule gives, not with `Schedule.modifyDelay` on top of `jittered`: that
        // recomputes the delay from the exponential's own output and drops the jitter.
        schedule = Schedule.delays(options.jitter ? Schedule.jittered(exponential) : exponential)
        state = schedule.initial
      }
      const current = schedule
      const cap = Duration.toMillis(options.cap)
      return Effect.flatMap(
        Clock.currentTimeMillis,
        (now) =>
          Effect.map(current.step(now, undefined, state), ([next, delay]) => {
            state = next
            return Duration.millis(Math.round(Math.min(cap, Duration.toMillis(delay))))
          })
      )
    })
  }
}
