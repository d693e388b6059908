/**
 * A seeded random generator as Effect 3 provides it: `Effect.withRandom(Random.make(seed))`. The Effect 4 edition's
 * file of the same name uses `Random.withSeed`.
 */
import { Effect, Random } from "effect"

/** Runs `effect` with `Random` seeded by `seed`. */
export const withRandomSeed = (seed: number) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.withRandom(effect, Random.make(seed))
