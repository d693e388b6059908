/**
 * Per-call settings the policies pass down to the single request path.
 *
 * @internal
 */
import { type Duration, FiberRef, Option } from "effect"

/** The attempt number of the request being sent (1 for the first), shown on the request span. */
export const currentAttempt: FiberRef.FiberRef<number> = FiberRef.unsafeMake(1)

/** A request timeout overriding the service's default. */
export const currentRequestTimeout: FiberRef.FiberRef<Option.Option<Duration.Duration>> = FiberRef.unsafeMake(
  Option.none<Duration.Duration>()
)
