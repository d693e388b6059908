/**
 * What the request path reads synchronously from the running fiber, as the Effect 3 edition exposes it
 * (`Effect.withFiberRuntime`, `getFiberRef`, `currentContext`, the default services' clock and tracer).
 *
 * Whether a fiber's spans go anywhere: with Effect's default tracer (no exporter installed) a span is recorded
 * nowhere, yet making one (and the context that carries it) was about two thirds of the library's CPU per call; the
 * request and policy spans are made only when they can be seen: a tracer is installed (e.g. @effect/opentelemetry,
 * or a test's) and tracing is not turned off.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import type * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"
import { currentAttempt, currentRequestTimeout } from "./settings.js"

/** The running fiber. */
export type RunningFiber = Fiber.RuntimeFiber<unknown, unknown>

/** Runs `f` with the running fiber. */
export const withFiber: <A, E, R>(f: (fiber: RunningFiber) => Effect.Effect<A, E, R>) => Effect.Effect<A, E, R> =
  Effect.withFiberRuntime

/** The fiber's attempt number (`BotApi.currentAttempt`). */
export const attemptOf = (fiber: RunningFiber): number => fiber.getFiberRef(currentAttempt)

/** The fiber's request timeout (`BotApi.currentRequestTimeout`). */
export const requestTimeoutOf = (fiber: RunningFiber): Option.Option<Duration.Duration> =>
  fiber.getFiberRef(currentRequestTimeout)

/** The fiber's services. */
export const servicesOf = <R>(fiber: RunningFiber): Context.Context<R> => fiber.currentContext as Context.Context<R>

/** The time on the fiber's clock, in ms. */
export const nowOf = (fiber: RunningFiber): number =>
  Context.get(fiber.currentDefaultServices, Clock.Clock).unsafeCurrentTimeMillis()

const nativeTracer: Tracer.Tracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/** Whether a span made by the fiber can be seen (see the module's notes). */
export const isTracing = (fiber: RunningFiber): boolean =>
  fiber.currentTracer !== nativeTracer && fiber.getFiberRef(FiberRef.currentTracerEnabled)
