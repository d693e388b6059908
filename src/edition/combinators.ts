/**
 * The combinators whose names differ between Effect 3 and Effect 4, under one name each (Effect 3's `catchAll`,
 * `async`, `timeoutFail`, `Stream.unwrapScoped`, `Stream.repeatEffectOption`).
 *
 * @internal
 */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"

/** Recovers from every failure of an effect (`Effect.catchAll`; Effect 4's `Effect.catch`). */
export const catchAll: typeof Effect.catchAll = Effect.catchAll

/** An effect resumed by a callback; `register` returns what to do when it is interrupted. */
export const callback = <A, E>(
  register: (resume: (effect: Effect.Effect<A, E>) => void) => Effect.Effect<void> | void
): Effect.Effect<A, E> => Effect.async<A, E>(register)

/** Fails with `onTimeout()` when `effect` has not ended within `duration`. */
export const timeoutFail = <A, E, R, E2>(
  effect: Effect.Effect<A, E, R>,
  duration: Duration.Duration,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> => Effect.timeoutFail(effect, { duration, onTimeout })

/** The stream made by a scoped effect (the scope closes when the stream ends). */
export const unwrapScoped = <A, E, R, E2, R2>(
  effect: Effect.Effect<Stream.Stream<A, E, R>, E2, R2>
): Stream.Stream<A, E | E2, Exclude<R2, Scope.Scope> | R> => Stream.unwrapScoped(effect)

/** The endless stream of what `pull` gives, one element a pull; fails when `pull` fails. */
export const repeatPull = <A, E>(pull: Effect.Effect<A, E>): Stream.Stream<A, E> =>
  Stream.repeatEffectOption(Effect.mapError(pull, Option.some))
