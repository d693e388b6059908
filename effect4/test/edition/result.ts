/**
 * A value or an error, as the Effect 4 edition's tests read it: `Result` (`Success` or `Failure`), `Effect.result`
 * and `Schema.decodeUnknownResult`. The Effect 3 edition's file of the same name uses `Either`.
 */
import { Effect, Result as EffectResult, Schema } from "effect"

/** A value or an error. */
export type Result<A, E> = EffectResult.Result<A, E>

/** Whether it holds a value. */
export const isSuccess: <A, E>(result: Result<A, E>) => result is EffectResult.Success<A, E> = EffectResult.isSuccess

/** Whether it holds an error. */
export const isFailure: <A, E>(result: Result<A, E>) => result is EffectResult.Failure<A, E> = EffectResult.isFailure

/** The value, or throws. */
export const getOrThrow = <A, E>(result: Result<A, E>): A => EffectResult.getOrThrow(result)

/** The value, if any. */
export const success = <A, E>(result: Result<A, E>): A | undefined =>
  EffectResult.isSuccess(result) ? result.success : undefined

/** The error, if any. */
export const failure = <A, E>(result: Result<A, E>): E | undefined =>
  EffectResult.isFailure(result) ? result.failure : undefined

/** The effect's value or error as a result (its defects stay defects). */
export const result = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<Result<A, E>, never, R> =>
  Effect.result(effect)

/** Decodes unknown input with `schema`, to a result. */
export const decodeUnknownResult = Schema.decodeUnknownResult
