/**
 * Schedules as the Effect 3 edition steps and builds them: the backoff delays of transient retries (a `Schedule`'s
 * `step` with its state), and a schedule made from a decision function (`Schedule.makeWithState`).
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as ScheduleInterval from "effect/ScheduleInterval"

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

/**
 * A schedule from a decision function: from `initial`, each input gives the next state, the output, and the delay
 * before the next recurrence in ms (`undefined`: done, with that output).
 */
export const fromDecisions = <S, In, Out>(
  initial: S,
  decide: (input: In, state: S) => readonly [S, Out, number | undefined]
): Schedule.Schedule<Out, In> =>
  Schedule.makeWithState(initial, (now, input: In, state: S) => {
    const [next, output, delayMs] = decide(input, state)
    return Effect.succeed(
      delayMs === undefined
        ? [state, output, ScheduleDecision.done] as const
        : [next, output, ScheduleDecision.continueWith(ScheduleInterval.after(now + delayMs))] as const
    )
  })
