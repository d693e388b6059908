/**
 * What the request path reads synchronously from the running fiber, as the Effect 4 edition exposes it
 * (`Effect.withFiber`, `getRef`, `context`, the `Clock` and `Tracer` references).
 *
 * Whether a fiber's spans go anywhere: with Effect's native tracer (no exporter installed) a span is recorded
 * nowhere, yet making one costs most of the library's own CPU per call; the request and policy spans are made only
 * when a tracer is installed (e.g. an OpenTelemetry exporter, or a test's) and tracing is not turned off.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import type * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import type * as Option from "effect/Option"
import * as References from "effect/References"
import * as Tracer from "effect/Tracer"
import { currentAttempt, currentRequestTimeout } from "./settings.js"

/** The running fiber. */
export type RunningFiber = Fiber.Fiber<unknown, unknown>

/** Runs `f` with the running fiber. */
export const withFiber: <A, E, R>(f: (fiber: RunningFiber) => Effect.Effect<A, E, R>) => Effect.Effect<A, E, R> =
  Effect.withFiber

/** The fiber's attempt number (`BotApi.currentAttempt`). */
export const attemptOf = (fiber: RunningFiber): number => fiber.getRef(currentAttempt)

/** The fiber's request timeout (`BotApi.currentRequestTimeout`). */
export const requestTimeoutOf = (fiber: RunningFiber): Option.Option<Duration.Duration> =>
  fiber.getRef(currentRequestTimeout)

/** The fiber's services. */
export const servicesOf = <R>(fiber: RunningFiber): Context.Context<R> => fiber.context as Context.Context<R>

/** The time on the fiber's clock, in ms. */
export const nowOf = (fiber: RunningFiber): number => fiber.getRef(Clock.Clock).currentTimeMillisUnsafe()

/** Whether a span made by the fiber can be seen (see the module's notes). */
export const isTracing = (fiber: RunningFiber): boolean =>
  fiber.getRef(Tracer.Tracer) !== Tracer.nativeTracer && fiber.getRef(References.TracerEnabled)
