/**
 * Waiting for something to happen in the mock, on its own clock: a reader is tried now, then again after every event
 * the mock tells (a request answered, an update queued, an action), until it finds something or the deadline passes.
 * What the control API's long polls (`?after=…&wait=…`) and `MockTelegram.waitFor` are made of: a test waits for
 * events, never for time.
 */
import { type MockClock, scheduleOn } from "../MockClock.js"
import type { MockObserver } from "../MockEvents.js"

/** What a wait needs of the mock: its clock and its events. */
export interface Watchable {
  readonly clock: MockClock
  observe(listener: MockObserver): () => void
}

/** A wait under way: `onDone` is called once, when the reader found something or the time is up. */
export interface Waiting {
  /** Stops waiting without calling `onDone` (the client went away). */
  readonly cancel: () => void
}

/**
 * Calls `onDone` once: as soon as `found()` is true (tried now, then after each event), or after `ms` on the mock's
 * clock. Returns undefined when it was done at once.
 */
export const waitUntil = (
  mock: Watchable,
  found: () => boolean,
  ms: number,
  onDone: () => void
): Waiting | undefined => {
  if (found() || ms <= 0) {
    onDone()
    return undefined
  }
  let done = false
  const finish = (): void => {
    if (done) return
    done = true
    stop()
    onDone()
  }
  const unobserve = mock.observe(() => {
    if (!done && found()) finish()
  })
  const cancelTimer = scheduleOn(mock.clock, mock.clock.now() + ms, finish)
  const stop = (): void => {
    unobserve()
    cancelTimer()
  }
  return {
    cancel: () => {
      if (done) return
      done = true
      stop()
    }
  }
}
