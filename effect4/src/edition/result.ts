/**
 * A result that is a value or an error, as the Effect 4 edition names it: `Result` (`Success` or `Failure`). The
 * Effect 3 edition's file of the same name uses `Either`.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as EffectResult from "effect/Result"

/** A value or an error. */
export type Result<A, E> = EffectResult.Result<A, E>

/** A value. */
export const succeed = <A>(value: A): Result<A, never> => EffectResult.succeed(value)

/** An error. */
export const fail = <E>(error: E): Result<never, E> => EffectResult.fail(error)

/** The value, or throws the error. */
export const getOrThrow = <A, E>(result: Result<A, E>): A => EffectResult.getOrThrow(result)

/** The value, if any. */
export const getSuccess = <A, E>(result: Result<A, E>): Option.Option<A> => EffectResult.getSuccess(result)

/** As an Effect that succeeds with the value or fails with the error. */
export const toEffect = <A, E>(result: Result<A, E>): Effect.Effect<A, E> => Effect.fromResult(result)
