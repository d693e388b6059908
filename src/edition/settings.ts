/**
 * The per-fiber settings of Bot API requests (their timeout, their attempt number), re-exported by `BotApi`, where
 * they are documented for users. The Effect 3 edition keeps them in `FiberRef`s, created with `globalValue` so that two
 * copies of the package in one program share them, and sets them with `Effect.locally`.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { dual } from "effect/Function"
import { globalValue } from "effect/GlobalValue"
import * as Option from "effect/Option"

/**
 * The timeout of each request sent by the fiber, overriding the service's own (`Options.requestTimeout`); `None`
 * keeps the service's. Every `BotApi` built with `BotApi.make` reads it, over any `HttpClient`; an implementation of
 * `BotApi.Service` written by hand should read it too. Set it with {@link withRequestTimeout}.
 *
 * @since 0.2.0
 */
export const currentRequestTimeout: FiberRef.FiberRef<Option.Option<Duration.Duration>> = globalValue(
  Symbol.for("effect-telegram-invite/BotApi/currentRequestTimeout"),
  () => FiberRef.unsafeMake(Option.none<Duration.Duration>())
)

/**
 * The number of the request being sent (1 for the first), shown on its span as `telegram.attempt`. The policies set
 * it on each retry; set it yourself with {@link withAttempt}.
 *
 * @since 0.2.0
 */
export const currentAttempt: FiberRef.FiberRef<number> = globalValue(
  Symbol.for("effect-telegram-invite/BotApi/currentAttempt"),
  () => FiberRef.unsafeMake(1)
)

/**
 * Runs `effect` with every Bot API request in it timed out after `timeout` (see {@link currentRequestTimeout}).
 *
 * @since 0.2.0
 */
export const withRequestTimeout: {
  (timeout: Duration.DurationInput): <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(effect: Effect.Effect<A, E, R>, timeout: Duration.DurationInput): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(effect: Effect.Effect<A, E, R>, timeout: Duration.DurationInput): Effect.Effect<A, E, R> =>
    Effect.locally(effect, currentRequestTimeout, Option.some(Duration.decode(timeout)))
)

/**
 * Runs `effect` with its requests numbered `attempt` on their spans (see {@link currentAttempt}).
 *
 * @since 0.2.0
 */
export const withAttempt: {
  (attempt: number): <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(effect: Effect.Effect<A, E, R>, attempt: number): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(effect: Effect.Effect<A, E, R>, attempt: number): Effect.Effect<A, E, R> =>
    Effect.locally(effect, currentAttempt, attempt)
)
