/** Answers decided later on the mock's clock: a one-shot signal between the core and the transport. */
import { startTimer } from "../world/timers.js"
import type { World } from "../world/World.js"
import type { Later, Outcome } from "./envelope.js"

/** A later answer and the function that makes it ready; `onCancel` runs if the client leaves before it is ready. */
export const makeLater = (
  then: () => Outcome,
  onCancel: () => void,
  waitedMs?: number
): { readonly later: Later; readonly fire: () => void } => {
  let fired = false
  let cancelled = false
  let listener: (() => void) | undefined
  const fire = (): void => {
    if (fired || cancelled) return
    fired = true
    const ready = listener
    listener = undefined
    ready?.()
  }
  const later: Later = {
    _tag: "Later",
    onReady: (ready) => {
      if (fired) ready()
      else listener = ready
    },
    then,
    cancel: () => {
      if (fired || cancelled) return
      cancelled = true
      listener = undefined
      onCancel()
    },
    ...(waitedMs !== undefined ? { waitedMs } : {})
  }
  return { later, fire }
}

/** An answer given `ms` later on the mock's clock (an absorbed flood wait, a delayed 409). */
export const laterBy = (world: World, ms: number, then: () => Outcome, waitedMs?: number): Later => {
  const timer: { cancel?: () => void } = {}
  const { fire, later } = makeLater(then, () => timer.cancel?.(), waitedMs)
  timer.cancel = startTimer(world, world.clock.now() + ms, fire)
  return later
}
