/**
 * Reading a counter as the Effect 3 edition's tests do it: tagged with `method` (`Metric.tagged`). The Effect 4
 * edition's file of the same name reads the counter with the attribute `method` (`Metric.withAttributes`).
 */
import { Effect, Metric } from "effect"

/** The count of `counter` for `method`. */
export const countFor = (counter: Metric.Metric.Counter<number>, method: string): Effect.Effect<number> =>
  Effect.map(Metric.value(Metric.tagged(counter, "method", method)), (state) => state.count)
