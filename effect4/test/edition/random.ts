/**
 * A seeded random generator as Effect 4 provides it: `Random.withSeed`. The Effect 3 edition's file of the same name
 * uses `Effect.withRandom(Random.make(seed))`.
 */
import { type Effect, Random } from "effect"

/** Runs `effect` with `Random` seeded by `seed`. */
export const withRandomSeed = (seed: number) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Random.withSeed(effect, seed)
