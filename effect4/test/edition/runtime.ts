/**
 * Running an effect from a callback with the current fiber's services (its TestClock), as Effect 4 does it:
 * `Effect.runPromiseWith` of `Effect.context()`. The Effect 3 edition's file of the same name uses
 * `Runtime.runPromise` of `Effect.runtime()`.
 */
import { Effect } from "effect"

/** A function that runs an effect as a promise, with the services of the fiber that made it. */
export const runPromiseHere: Effect.Effect<<A, E>(effect: Effect.Effect<A, E>) => Promise<A>> = Effect.map(
  Effect.context<never>(),
  (services) => Effect.runPromiseWith(services)
)
