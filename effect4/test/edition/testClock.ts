/**
 * The TestClock of the Effect 4 edition's tests (`TestClock` from `effect/testing`). Nothing here patches it: Effect
 * 4's TestClock wakes each sleeper and waits only for the work that wake-up scheduled (it tracks the tasks on its own
 * scheduler) instead of polling every fiber across real timers, so 10,000 runs (and 10,000 calls in flight) are fast as
 * they are. The Effect 3 edition's file of the same name patches Effect 3's TestClock to get there.
 */
import { Effect } from "effect"

export { TestClock } from "effect/testing"

/** Makes the TestClock of the current test fast: it is already. */
export const fastTestClock: Effect.Effect<void> = Effect.void

/** Wakes every sleeper of the earliest deadline at once: Effect 4's TestClock needs no help for it. */
export const batchingTestClock = (): Effect.Effect<void> => Effect.void
