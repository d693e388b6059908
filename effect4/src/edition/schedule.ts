/**
 * Schedules as the Effect 4 edition steps and builds them: the backoff delays of transient retries (the step of
 * `Schedule.toStep`), and a schedule made from a decision function (`Schedule.fromStep`).
 *
 * @internal
 */
import * as Cause from "effect/Cause"
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

/**
 * A schedule from a decision function: from `initial`, each input gives the next state, the output, and the delay
 * before the next recurrence in ms (`undefined`: done, with that output).
 */
export const fromDecisions = <S, In, Out>(
  initial: S,
  decide: (input: In, state: S) => readonly [S, Out, number | undefined]
): Schedule.Schedule<Out, In> =>
  Schedule.fromStep(Effect.sync(() => {
    let state = initial
    return (_now: number, input: In) => {
      const [next, output, delayMs] = decide(input, state)
      if (delayMs === undefined) return Cause.done(output)
      state = next
      return Effect.succeed([output, Duration.millis(delayMs)] as [Out, Duration.Duration])
    }
  }))
