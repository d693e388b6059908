/**
 * Forking and polling fibers as the Effect 4 edition's tests do it: `Effect.forkChild` and `fiber.pollUnsafe()`. The
 * Effect 3 edition's file of the same name uses `Effect.fork` and `Fiber.poll`.
 */
import { Effect, type Exit, type Fiber, Option } from "effect"

/** Runs an effect in a child fiber of the current one. */
export const fork = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<Fiber.Fiber<A, E>, never, R> =>
  Effect.forkChild(self)

/** The fiber's exit, if it has ended. */
export const poll = <A, E>(fiber: Fiber.Fiber<A, E>): Effect.Effect<Option.Option<Exit.Exit<A, E>>> =>
  Effect.sync(() => Option.fromUndefinedOr(fiber.pollUnsafe()))

/** Whether the fiber is still running. */
export const pending = <A, E>(fiber: Fiber.Fiber<A, E>): Effect.Effect<boolean> =>
  Effect.sync(() => fiber.pollUnsafe() === undefined)

/** Whether the fiber has ended, read at once (outside an effect). */
export const hasEnded = <A, E>(fiber: Fiber.Fiber<A, E>): boolean => fiber.pollUnsafe() !== undefined
