/**
 * Request deadlines without a fiber per request: one timer for many deadlines, on Effect's `Clock` (so `TestClock`
 * drives it). `Effect.timeout` forks two fibers per request and nearly triples the cost of a call; here a request
 * adds an entry (O(1)) and removes it when it ends (O(1)), and one fiber sleeps until the earliest deadline.
 *
 * Entries are kept in one list per timeout length, in the order they were added, like Node's own timer lists: with
 * the same length, later entries expire later, so each list's head is its earliest deadline and the earliest of all
 * is the earliest head. The timer fiber starts with the first entry and is interrupted soon after the last one goes
 * (once the current turn of the event loop is over), so nothing is left running, and no timer holds the process,
 * once a program stops sending.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type { Timers } from "../edition/timers.js"

interface Entry {
  readonly at: number
  readonly onExpire: () => void
  readonly list: TimerList
  prev: Entry | undefined
  next: Entry | undefined
  pending: boolean
}

interface TimerList {
  head: Entry | undefined
  tail: Entry | undefined
}

/** Deadlines on one clock. */
export interface Deadlines {
  /** Calls `onExpire` once `timeoutMs` have passed on the clock, unless the returned function is called first. */
  readonly add: (timeoutMs: number, onExpire: () => void) => () => void
  /** How many deadlines are pending (for tests). */
  readonly size: () => number
}

/** Deadlines on `clock`. */
export const makeDeadlines = (timers: Timers): Deadlines => {
  const lists = new Map<number, TimerList>()
  let size = 0
  /** The sleeping timer fiber and the time it wakes up at. */
  let timer: { interrupt: () => void; until: number } | undefined

  const unlink = (entry: Entry): void => {
    const { list } = entry
    if (entry.prev === undefined) list.head = entry.next
    else entry.prev.next = entry.next
    if (entry.next === undefined) list.tail = entry.prev
    else entry.next.prev = entry.prev
    entry.prev = entry.next = undefined
    entry.pending = false
    size--
  }

  const earliest = (): number | undefined => {
    let min: number | undefined
    for (const list of lists.values()) {
      if (list.head !== undefined && (min === undefined || list.head.at < min)) min = list.head.at
    }
    return min
  }

  let stopScheduled = false
  const stopIfIdle = (): void => {
    stopScheduled = false
    if (size === 0) stopTimer()
  }

  const stopTimer = (): void => {
    if (timer === undefined) return
    timer.interrupt()
    timer = undefined
  }

  /** Fires every entry that is due, then sleeps until the next one; ends when no entry is left. */
  const fireDue: Effect.Effect<void> = Effect.suspend(() => {
    const now = timers.now()
    for (const list of lists.values()) {
      while (list.head !== undefined && list.head.at <= now) {
        const due = list.head
        unlink(due)
        due.onExpire()
      }
    }
    const next = earliest()
    if (next === undefined || timer === undefined) {
      timer = undefined
      return Effect.void
    }
    timer.until = next
    return Effect.andThen(timers.sleepUntil(next), fireDue)
  })

  const startTimer = (until: number): void => {
    const current = { interrupt: (): void => {}, until }
    timer = current
    current.interrupt = timers.fork(Effect.andThen(timers.sleepUntil(until), fireDue))
  }

  return {
    add: (timeoutMs, onExpire) => {
      const at = timers.now() + timeoutMs
      let list = lists.get(timeoutMs)
      if (list === undefined) lists.set(timeoutMs, list = { head: undefined, tail: undefined })
      const entry: Entry = { at, onExpire, list, prev: list.tail, next: undefined, pending: true }
      if (list.tail === undefined) list.head = entry
      else list.tail.next = entry
      list.tail = entry
      size++
      if (timer === undefined || at < timer.until) {
        stopTimer()
        startTimer(at)
      }
      return () => {
        if (!entry.pending) return
        unlink(entry)
        if (size === 0 && !stopScheduled) {
          // Not at once: a program that sends one request after the other adds the next deadline before this runs,
          // and keeps the same timer instead of starting one per request.
          stopScheduled = true
          setImmediate(stopIfIdle)
        }
      }
    },
    size: () => size
  }
}
