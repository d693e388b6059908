/**
 * Whether a fiber's spans go anywhere. With Effect's default tracer (no exporter installed) a span is recorded
 * nowhere, yet making one (and the context that carries it) was about two thirds of the library's CPU per call; the
 * request and policy spans are made only when they can be seen: a tracer is installed (e.g. @effect/opentelemetry,
 * or a test's) and tracing is not turned off.
 *
 * @internal
 */
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Tracer from "effect/Tracer"

const nativeTracer: Tracer.Tracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/** Whether spans made by `fiber` now would reach a tracer. */
export const isTracing = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  fiber.currentTracer !== nativeTracer && fiber.getFiberRef(FiberRef.currentTracerEnabled)
