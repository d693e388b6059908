/**
 * The per-fiber settings of Bot API requests (their timeout, their attempt number), re-exported by `BotApi`, where
 * they are documented for users. The Effect 4 edition keeps them as `Context.Reference`s (keyed by name, so two copies
 * of the package in one program share them) and sets them with `Effect.provideService`.
 *
 * @internal
 */
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Option from "effect/Option"

/**
 * The timeout of each request sent by the fiber, overriding the service's own (`Options.requestTimeout`); `None`
 * keeps the service's. Every `BotApi` built with `BotApi.make` reads it, over any `HttpClient`; an implementation of
 * `BotApi.Service` written by hand should read it too (`yield* BotApi.currentRequestTimeout`). Set it with
 * {@link withRequestTimeout}.
 *
 * @since 0.2.0
 */
export const currentRequestTimeout: Context.Reference<Option.Option<Duration.Duration>> = Context.Reference(
  "effect-telegram-invite/BotApi/currentRequestTimeout",
  { defaultValue: () => Option.none<Duration.Duration>() }
)

/**
 * The number of the request being sent (1 for the first), shown on its span as `telegram.attempt`. The policies set
 * it on each retry; set it yourself with {@link withAttempt}.
 *
 * @since 0.2.0
 */
export const currentAttempt: Context.Reference<number> = Context.Reference(
  "effect-telegram-invite/BotApi/currentAttempt",
  { defaultValue: () => 1 }
)

/**
 * Runs `effect` with every Bot API request in it timed out after `timeout` (see {@link currentRequestTimeout}).
 *
 * @since 0.2.0
 */
export const withRequestTimeout: {
  (timeout: Duration.Input): <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(effect: Effect.Effect<A, E, R>, timeout: Duration.Input): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(effect: Effect.Effect<A, E, R>, timeout: Duration.Input): Effect.Effect<A, E, R> =>
    Effect.provideService(effect, currentRequestTimeout, Option.some(Duration.fromInputUnsafe(timeout)))
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
    Effect.provideService(effect, currentAttempt, attempt)
)
