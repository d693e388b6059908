/**
 * Reading a counter as the Effect 4 edition's tests do it: with the attribute `method` (`Metric.withAttributes`). The
 * Effect 3 edition's file of the same name reads it tagged with `method` (`Metric.tagged`).
 */
import { Effect, Metric } from "effect"

/** The count of `counter` for `method`. */
export const countFor = (counter: Metric.Counter<number>, method: string): Effect.Effect<number> =>
  Effect.map(Metric.value(Metric.withAttributes(counter, { method })), (state) => state.count)
