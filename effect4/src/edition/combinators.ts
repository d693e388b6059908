/**
 * The combinators whose names differ between Effect 3 and Effect 4, under one name each (Effect 4's `catch`,
 * `callback`, `timeoutOrElse`, `Stream.unwrap`, `Stream.unfold`).
 *
 * @internal
 */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"

/** Recovers from every failure of an effect (Effect 4's `Effect.catch`; `Effect.catchAll` in Effect 3). */
export const catchAll: typeof Effect.catch = Effect.catch

/** An effect resumed by a callback; `register` returns what to do when it is interrupted. */
export const callback = <A, E>(
  register: (resume: (effect: Effect.Effect<A, E>) => void) => Effect.Effect<void> | void
): Effect.Effect<A, E> => Effect.callback<A, E>(register)

/** Fails with `onTimeout()` when `effect` has not ended within `duration`. */
export const timeoutFail = <A, E, R, E2>(
  effect: Effect.Effect<A, E, R>,
  duration: Duration.Duration,
  onTimeout: () => E2
): Effect.Effect<A, E | E2, R> => Effect.timeoutOrElse(effect, { duration, orElse: () => Effect.fail(onTimeout()) })

/** The stream made by a scoped effect (the scope closes when the stream ends). */
export const unwrapScoped = <A, E, R, E2, R2>(
  effect: Effect.Effect<Stream.Stream<A, E, R>, E2, R2>
): Stream.Stream<A, E | E2, Exclude<R2, Scope.Scope> | R> => Stream.unwrap(effect)

/** The endless stream of what `pull` gives, one element a pull; fails when `pull` fails. */
export const repeatPull = <A, E>(pull: Effect.Effect<A, E>): Stream.Stream<A, E> =>
  Stream.unfold(undefined, () => Effect.map(pull, (value) => [value, undefined] as const))
