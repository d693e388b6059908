/**
 * Reading a `Cause` as the Effect 3 edition's tests do it: `Cause.failures`, `Cause.defects`, `Cause.failureOption`,
 * `Cause.isInterrupted`, `Exit.isInterrupted` and `Effect.tapErrorCause`. The Effect 4 edition's file of the same name reads
 * `cause.reasons`.
 */
import { Cause, Effect, Exit, type Option } from "effect"

/** The failures of a cause, in order. */
export const failures = <E>(cause: Cause.Cause<E>): ReadonlyArray<E> => [...Cause.failures(cause)]

/** The defects of a cause, in order. */
export const defects = (cause: Cause.Cause<unknown>): ReadonlyArray<unknown> => [...Cause.defects(cause)]

/** The first failure of a cause, if any. */
export const firstFailure = <E>(cause: Cause.Cause<E>): Option.Option<E> => Cause.failureOption(cause)

/** Whether the cause holds an interruption. */
export const isInterrupted = (cause: Cause.Cause<unknown>): boolean => Cause.isInterrupted(cause)

/** Whether the exit is a failure holding an interruption. */
export const isInterruptedExit = (exit: Exit.Exit<unknown, unknown>): boolean => Exit.isInterrupted(exit)

/** The cause as text, with the causes of its errors. */
export const prettyAll = (cause: Cause.Cause<unknown>): string => Cause.pretty(cause, { renderErrorCause: true })

/** Runs `f` with the cause of any failure (or defect), then fails as before. */
export const tapCause: <E, X, E2, R2>(
  f: (cause: Cause.Cause<E>) => Effect.Effect<X, E2, R2>
) => <A, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E | E2, R | R2> = Effect.tapErrorCause
