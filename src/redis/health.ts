/**
 * Whether Redis answers, as the Redis-backed layers of both editions report it: one warning when it stops (not one
 * per call), one line when it is back, and the "run a command or fall back" helper that every layer sends its
 * commands through, so that a call never fails because of Redis.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import { messageOf } from "../core/scrub.js"
import { catchAll } from "../edition/combinators.js"

/**
 * Tracks whether Redis is reachable, to log one warning when it is not (not one per call) and one line when it is
 * back.
 */
export interface Health {
  readonly failed: (what: string, error: unknown) => Effect.Effect<void>
  readonly succeeded: Effect.Effect<void>
  readonly isDegraded: () => boolean
}

/** A {@link Health} whose lines name `where` (a URL without credentials). */
export const makeHealth = (where: string): Health => {
  let degraded = false
  return {
    failed: (what, error) =>
      Effect.suspend(() => {
        if (degraded) return Effect.void
        degraded = true
        return Effect.logWarning(
          `Redis at ${where} is unreachable (${what}: ${
            messageOf(error)
          }); falling back to this process's own flood gate, migration registry and rate limits until it is back`
        )
      }),
    succeeded: Effect.suspend(() => {
      if (!degraded) return Effect.void
      degraded = false
      return Effect.logInfo(`Redis at ${where} is reachable again; sharing with the other processes resumes`)
    }),
    isDegraded: () => degraded
  }
}

/** What failed: the cause of an error that wraps one (Effect 4's `RedisError`), or the error itself. */
export const causeOf = (error: unknown): unknown =>
  typeof error === "object" && error !== null && "cause" in error && error.cause !== undefined ? error.cause : error

/**
 * Runs a Redis command; on success reports health, on failure (error or timeout) reports it once and runs `fallback`
 * instead. Never fails.
 */
export const orFallback = <A, E>(
  health: Pick<Health, "failed" | "succeeded">,
  what: string,
  command: Effect.Effect<A, E>,
  fallback: Effect.Effect<A>
): Effect.Effect<A> =>
  command.pipe(
    Effect.tap(() => health.succeeded),
    catchAll((error) => Effect.andThen(health.failed(what, causeOf(error)), fallback))
  )
