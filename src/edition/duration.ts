/**
 * Durations as the Effect 3 edition takes them (`Duration.DurationInput`, `Duration.decode`).
 *
 * @internal
 */
import * as Duration from "effect/Duration"

/** Anything a duration can be given as (`"5 seconds"`, a number of ms, a `Duration`). */
export type DurationInput = Duration.DurationInput

/** The `Duration` of an input. */
export const decode: (input: DurationInput) => Duration.Duration = Duration.decode

/** The input in ms. */
export const toMillis = (input: DurationInput): number => Duration.toMillis(input)
