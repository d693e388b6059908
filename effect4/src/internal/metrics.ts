/**
 * A counter with the attribute `method` (one per method, built once by the callers).
 *
 * @internal
 */
import * as Metric from "effect/Metric"

export const forMethod = (counter: Metric.Counter<number>, method: string): Metric.Counter<number> =>
  Metric.withAttributes(counter, { method }) as Metric.Counter<number>
