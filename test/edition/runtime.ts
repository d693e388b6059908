/**
 * Running an effect from a callback with the current fiber's services (its TestClock), as Effect 3 does it:
 * `Runtime.runPromise` of `Effect.runtime()`. The Effect 4 edition's file of the same name uses
 * `Effect.runPromiseWith` of `Effect.context()`.
 */
import { Effect, Runtime } from "effect"

/** A function that runs an effect as a promise, with the services of the fiber that made it. */
export const runPromiseHere: Effect.Effect<<A, E>(effect: Effect.Effect<A, E>) => Promise<A>> = Effect.map(
  Effect.runtime<never>(),
  (runtime) => Runtime.runPromise(runtime)
)
