/**
 * A result that is a value or an error, as the Effect 3 edition names it: `Either` (`Right` or `Left`), itself an
 * Effect. The Effect 4 edition's file of the same name uses `Result` (`Success` or `Failure`).
 *
 * @internal
 */
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Option from "effect/Option"

/** A value or an error. */
export type Result<A, E> = Either.Either<A, E>

/** A value. */
export const succeed = <A>(value: A): Result<A, never> => Either.right(value)

/** An error. */
export const fail = <E>(error: E): Result<never, E> => Either.left(error)

/** The value, or throws the error. */
export const getOrThrow = <A, E>(result: Result<A, E>): A => Either.getOrThrow(result)

/** The value, if any. */
export const getSuccess = <A, E>(result: Result<A, E>): Option.Option<A> => Either.getRight(result)

/** As an Effect that succeeds with the value or fails with the error. */
export const toEffect = <A, E>(result: Result<A, E>): Effect.Effect<A, E> => result
