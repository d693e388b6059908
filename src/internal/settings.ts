/**
 * The per-fiber settings of Bot API requests (their timeout, their attempt number), re-exported by `BotApi`, where
 * they are documented for users; here so that `BotApi.ts` stays the service and its methods.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { dual } from "effect/Function"
import * as Option from "effect/Option"

/**
 * The timeout of each request sent by the fiber, overriding the service's own (`Options.requestTimeout`); `None`
 * keeps the service's. Every `BotApi` built with `BotApi.make` reads it, over any `HttpClient`; an implementation of
 * `BotApi.Service` written by hand should read it too. Set it with {@link withRequestTimeout}.
 *
 * @since 0.2.0
 */
export const currentRequestTimeout: FiberRef.FiberRef<Option.Option<Duration.Duration>> = FiberRef.unsafeMake(
  Option.none<Duration.Duration>()
)

/**
 * The number of the request being sent (1 for the first), shown on its span as `telegram.attempt`. The policies set
 * it on each retry; set it yourself with {@link withAttempt}.
 *
 * @since 0.2.0
 */
export const currentAttempt: FiberRef.FiberRef<number> = FiberRef.unsafeMake(1)

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
