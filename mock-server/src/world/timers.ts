/**
 * Timers of a world on the mock's clock: each is registered with the world, so a reset or a replaced world cancels
 * them all, and a callback that throws is reported as a defect instead of escaping into a timer of the transport.
 */
import { scheduleOn } from "../MockClock.js"
import type { World } from "./World.js"

/** Runs `fn` when the mock's clock reaches `atMs`; returns a cancel function. */
export const startTimer = (world: World, atMs: number, fn: () => void): () => void => {
  const clockTimer: { cancel?: () => void } = {}
  const cancel = (): void => {
    world.timers.delete(cancel)
    clockTimer.cancel?.()
  }
  world.timers.add(cancel)
  clockTimer.cancel = scheduleOn(world.clock, atMs, () => {
    world.timers.delete(cancel)
    try {
      fn()
    } catch (error) {
      world.env.onDefect(error)
    }
  })
  return cancel
}

/** Cancels every timer of the world (it is being replaced). */
export const cancelTimers = (world: World): void => {
  for (const cancel of [...world.timers]) cancel()
}
