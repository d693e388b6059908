/**
 * Counters as the Effect 4 edition keeps them: with the attribute `method` (`Metric.withAttributes`), bumped by
 * `Metric.update(counter, 1)`, or by its `updateUnsafe` with the fiber's services.
 *
 * @internal
 */
import type * as Effect from "effect/Effect"
import * as Metric from "effect/Metric"
import type { RunningFiber } from "./fiber.js"

/** A counter of calls. */
export type Counter = Metric.Counter<number>

/** `counter` with the attribute `method` (built once by the callers: each call builds a new metric key). */
export const forMethod = (counter: Counter, method: string): Counter =>
  Metric.withAttributes(counter, { method }) as Counter

/** Adds one to `counter`. */
export const increment = (counter: Counter): Effect.Effect<void> => Metric.update(counter, 1)

/** Adds one to `counter` now, from the running `fiber` (with its services, as {@link increment} does). */
export const incrementNow = (counter: Counter, fiber: RunningFiber): void => counter.updateUnsafe(1, fiber.context)
