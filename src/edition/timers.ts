/**
 * Timers on the clock of the fiber that builds a service, as the Effect 3 edition runs them: `Clock.sleep` in a fiber
 * of their own (`Effect.runFork`), interrupted without waiting.
 *
 * @internal
 */
import type * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberId from "effect/FiberId"

/** A clock to read and sleep on, and a way to run an effect in a fiber of its own. */
export interface Timers {
  readonly now: () => number
  readonly sleepUntil: (atMs: number) => Effect.Effect<void>
  /** Runs `effect` in a fiber of its own; the returned function interrupts it (without waiting). */
  readonly fork: (effect: Effect.Effect<void>) => () => void
}

/** The timers of `clock`. */
export const timersOf = (clock: Clock.Clock): Timers => ({
  now: () => clock.unsafeCurrentTimeMillis(),
  sleepUntil: (atMs) => clock.sleep(Duration.millis(Math.max(0, atMs - clock.unsafeCurrentTimeMillis()))),
  fork: (effect) => {
    const fiber = Effect.runFork(effect)
    return () => fiber.unsafeInterruptAsFork(FiberId.none)
  }
})

/** The timers of the current fiber's clock. */
export const currentTimers: Effect.Effect<Timers> = Effect.map(Effect.clock, timersOf)

/** The time on `clock`, in ms. */
export const nowMillis = (clock: Clock.Clock): number => clock.unsafeCurrentTimeMillis()
