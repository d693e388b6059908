/**
 * Counters as the Effect 3 edition keeps them: tagged with `method` (`Metric.tagged`), bumped by `Metric.increment`.
 *
 * @internal
 */
import type * as Effect from "effect/Effect"
import * as Metric from "effect/Metric"

/** A counter of calls. */
export type Counter = Metric.Metric.Counter<number>

/** `counter` tagged with `method` (built once by the callers: each call builds a new metric key). */
export const forMethod = (counter: Counter, method: string): Counter => Metric.tagged(counter, "method", method)

/** Adds one to `counter`. */
export const increment: (counter: Counter) => Effect.Effect<void> = Metric.increment
