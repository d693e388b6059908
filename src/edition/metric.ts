/**
 * Counters as the Effect 3 edition keeps them: tagged with `method`, bumped by their `unsafeUpdate` (what
 * `Metric.increment` runs) with the fiber's metric labels.
 *
 * @internal
 */
import * as Arr from "effect/Array"
import type * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Metric from "effect/Metric"
import * as MetricLabel from "effect/MetricLabel"
import type { RunningFiber } from "./fiber.js"

/** A counter of calls. */
export type Counter = Metric.Metric.Counter<number>

/**
 * `counter` tagged with `method`, as `Metric.tagged` tags it (built once by the callers). Unlike `Metric.tagged`, whose
 * every update builds a new array of labels (so the counter's cache of series, keyed by that array, always misses and
 * the series is looked up in the registry by a new key), an update with no labels of the fiber's own passes the same
 * array each time, and finds its series in the cache.
 */
export const forMethod = (counter: Counter, method: string): Counter => {
  const labels = [MetricLabel.make("method", method)]
  const withLabels = (extra: ReadonlyArray<MetricLabel.MetricLabel>) =>
    extra.length === 0 ? labels : Arr.union(labels, extra)
  return Metric.make(
    counter.keyType,
    (input, extra) => counter.unsafeUpdate(input, withLabels(extra)),
    (extra) => counter.unsafeValue(withLabels(extra)),
    (input, extra) => counter.unsafeModify(input, withLabels(extra))
  )
}

/** Adds one to `counter`. */
export const increment: (counter: Counter) => Effect.Effect<void> = Metric.increment

/** Adds one to `counter` now, from the running `fiber` (with its metric labels, as {@link increment} does). */
export const incrementNow = (counter: Counter, fiber: RunningFiber): void =>
  counter.unsafeUpdate(1, fiber.getFiberRef(FiberRef.currentMetricLabels))
