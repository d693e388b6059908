/**
 * Forking and polling fibers as the Effect 3 edition's tests do it: `Effect.fork` (a child of the current fiber) and
 * `Fiber.poll`. The Effect 4 edition's file of the same name uses `Effect.forkChild` and `fiber.pollUnsafe()`.
 */
import { Effect, type Exit, Fiber, Option } from "effect"

/** Runs an effect in a child fiber of the current one. */
export const fork: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<Fiber.RuntimeFiber<A, E>, never, R> =
  Effect.fork

/** The fiber's exit, if it has ended. */
export const poll = <A, E>(fiber: Fiber.Fiber<A, E>): Effect.Effect<Option.Option<Exit.Exit<A, E>>> => Fiber.poll(fiber)

/** Whether the fiber is still running. */
export const pending = <A, E>(fiber: Fiber.Fiber<A, E>): Effect.Effect<boolean> =>
  Effect.map(Fiber.poll(fiber), Option.isNone)

/** Whether the fiber has ended, read at once (outside an effect). */
export const hasEnded = <A, E>(fiber: Fiber.RuntimeFiber<A, E>): boolean => fiber.unsafePoll() !== null
