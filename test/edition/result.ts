/**
 * A value or an error, as the Effect 3 edition's tests read it: `Either` (`Right` or `Left`), `Effect.either` and
 * `Schema.decodeUnknownEither`. The Effect 4 edition's file of the same name uses `Result`.
 */
import { Effect, Either, Schema } from "effect"

/** A value or an error. */
export type Result<A, E> = Either.Either<A, E>

/** Whether it holds a value. */
export const isSuccess: <A, E>(result: Result<A, E>) => result is Either.Right<E, A> = Either.isRight

/** Whether it holds an error. */
export const isFailure: <A, E>(result: Result<A, E>) => result is Either.Left<E, A> = Either.isLeft

/** The value, or throws. */
export const getOrThrow = <A, E>(result: Result<A, E>): A => Either.getOrThrow(result)

/** The value, if any. */
export const success = <A, E>(result: Result<A, E>): A | undefined => Either.isRight(result) ? result.right : undefined

/** The error, if any. */
export const failure = <A, E>(result: Result<A, E>): E | undefined => Either.isLeft(result) ? result.left : undefined

/** The effect's value or error as a result (its defects stay defects). */
export const result = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<Result<A, E>, never, R> =>
  Effect.either(effect)

/** Decodes unknown input with `schema`, to a result. */
export const decodeUnknownResult = Schema.decodeUnknownEither
