/**
 * Durations as the Effect 4 edition takes them (`Duration.Input`, `Duration.fromInputUnsafe`).
 *
 * @internal
 */
import * as Duration from "effect/Duration"

/** Anything a duration can be given as (`"5 seconds"`, a number of ms, a `Duration`). */
export type DurationInput = Duration.Input

/** The `Duration` of an input. */
export const decode: (input: DurationInput) => Duration.Duration = Duration.fromInputUnsafe

/** The input in ms. */
export const toMillis = (input: DurationInput): number => Duration.toMillis(Duration.fromInputUnsafe(input))
