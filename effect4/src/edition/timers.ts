/**
 * Timers on the clock of the fiber that builds a service, as the Effect 4 edition runs them: in a fiber forked with
 * that fiber's services (its `Clock`, and the scheduler a `TestClock` watches), interrupted without waiting.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import type * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"

/** A clock to read and sleep on, and a way to run an effect in a fiber of its own. */
export interface Timers {
  readonly now: () => number
  readonly sleepUntil: (atMs: number) => Effect.Effect<void>
  /** Runs `effect` in a fiber of its own; the returned function interrupts it (without waiting). */
  readonly fork: (effect: Effect.Effect<void>) => () => void
}

/** The timers of `services` (the clock is read once it is first needed). */
const timersOfServices = (services: Context.Context<never>): Timers => {
  const runFork = Effect.runForkWith(services)
  let clock: Clock.Clock | undefined
  const clockOf = (): Clock.Clock => clock ??= Effect.runSyncWith(services)(Clock.clockWith(Effect.succeed))
  return {
    now: () => clockOf().currentTimeMillisUnsafe(),
    sleepUntil: (atMs) => Effect.sleep(Duration.millis(Math.max(0, atMs - clockOf().currentTimeMillisUnsafe()))),
    fork: (effect) => {
      const fiber = runFork(effect)
      return () => fiber.interruptUnsafe()
    }
  }
}

/** The timers of `clock`, in fibers of their own. */
export const timersOf = (clock: Clock.Clock): Timers => ({
  now: () => clock.currentTimeMillisUnsafe(),
  sleepUntil: (atMs) => clock.sleep(Duration.millis(Math.max(0, atMs - clock.currentTimeMillisUnsafe()))),
  fork: (effect) => {
    const fiber = Effect.runFork(effect)
    return () => fiber.interruptUnsafe()
  }
})

/** The timers of the current fiber's services. */
export const currentTimers: Effect.Effect<Timers> = Effect.map(Effect.context<never>(), timersOfServices)

/** The time on `clock`, in ms. */
export const nowMillis = (clock: Clock.Clock): number => clock.currentTimeMillisUnsafe()
