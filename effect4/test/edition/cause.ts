/**
 * Reading a `Cause` as the Effect 4 edition's tests do it: its `reasons` (`Fail`, `Die`, `Interrupt`),
 * `Cause.hasInterrupts`, `Exit.hasInterrupts` and `Effect.tapCause`. The Effect 3 edition's file of the same name uses
 * `Cause.failures`, `Cause.defects` and `Effect.tapErrorCause`.
 */
import { Cause, Effect, Exit, Option } from "effect"

/** The failures of a cause, in order. */
export const failures = <E>(cause: Cause.Cause<E>): ReadonlyArray<E> =>
  cause.reasons.flatMap((reason) => reason._tag === "Fail" ? [reason.error] : [])

/** The defects of a cause, in order. */
export const defects = (cause: Cause.Cause<unknown>): ReadonlyArray<unknown> =>
  cause.reasons.flatMap((reason) => reason._tag === "Die" ? [reason.defect] : [])

/** The first failure of a cause, if any. */
export const firstFailure = <E>(cause: Cause.Cause<E>): Option.Option<E> => {
  for (const reason of cause.reasons) if (reason._tag === "Fail") return Option.some(reason.error)
  return Option.none()
}

/** Whether the cause holds an interruption. */
export const isInterrupted = (cause: Cause.Cause<unknown>): boolean => Cause.hasInterrupts(cause)

/** Whether the exit is a failure holding an interruption. */
export const isInterruptedExit = (exit: Exit.Exit<unknown, unknown>): boolean => Exit.hasInterrupts(exit)

/** The cause as text, with the causes of its errors. */
export const prettyAll = (cause: Cause.Cause<unknown>): string => Cause.pretty(cause)

/** Runs `f` with the cause of any failure (or defect), then fails as before. */
export const tapCause = <E, X, E2, R2>(
  f: (cause: Cause.Cause<E>) => Effect.Effect<X, E2, R2>
) =>
<A, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E | E2, R | R2> => Effect.tapCause(self, f)
