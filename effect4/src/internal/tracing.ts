/**
 * Whether a fiber's spans go anywhere. With Effect's native tracer (no exporter installed) a span is recorded
 * nowhere, yet making one costs most of the library's own CPU per call; the request and policy spans are made only
 * when a tracer is installed (e.g. an OpenTelemetry exporter, or a test's) and tracing is not turned off.
 *
 * @internal
 */
import type * as Fiber from "effect/Fiber"
import * as References from "effect/References"
import * as Tracer from "effect/Tracer"

/** Whether spans made by `fiber` now would reach a tracer. */
export const isTracing = (fiber: Fiber.Fiber<unknown, unknown>): boolean =>
  fiber.getRef(Tracer.Tracer) !== Tracer.nativeTracer && fiber.getRef(References.TracerEnabled)
