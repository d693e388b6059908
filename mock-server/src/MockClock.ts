/**
 * Where the mock reads the time, and how it waits. Real time by default; a test hands in a clock it drives, usually
 * the very TestClock its client runs on, so a 30 s flood window, a 50 s long poll or a webhook's retry backoff passes
 * instantly.
 */
export interface MockClock {
  /** Milliseconds since the Unix epoch. */
  readonly now: () => number
  /**
   * Runs `fn` once the clock reaches `atMs`; returns a function that cancels it. What parks a long poll, absorbs a
   * flood wait and paces webhook retries. A clock without it (a bare `{ now }`) gets real timers for the difference
   * between `atMs` and `now()` at the time of the call.
   */
  readonly schedule?: (atMs: number, fn: () => void) => () => void
}

/** Real timers for a clock that has no `schedule`: unref'd, so a parked poll never keeps a process alive. */
const realTimer = (clock: MockClock, atMs: number, fn: () => void): () => void => {
  const timer = setTimeout(fn, Math.max(0, Math.min(2 ** 31 - 1, atMs - clock.now())))
  timer.unref?.()
  return () => clearTimeout(timer)
}

/** Schedules `fn` at `atMs` on the clock's own timers, or on real timers when it has none. */
export const scheduleOn = (clock: MockClock, atMs: number, fn: () => void): () => void =>
  clock.schedule !== undefined ? clock.schedule(atMs, fn) : realTimer(clock, atMs, fn)

/** Wall-clock time, with real (unref'd) timers. */
export const systemClock: MockClock = {
  now: () => Date.now(),
  schedule: (atMs, fn) => realTimer(systemClock, atMs, fn)
}

/** A clock a test moves by hand, for tests that do not run inside Effect. */
export interface ManualClock extends MockClock {
  readonly schedule: (atMs: number, fn: () => void) => () => void
  /** Moves the clock forward by `ms` milliseconds, running each timer due on the way at its own time, in order. */
  readonly advance: (ms: number) => void
  /** Sets the clock to `epochMs` (running the timers due by then, when it moves forward). */
  readonly set: (epochMs: number) => void
  /** How many timers are waiting (a parked poll, an absorbed flood wait, a webhook retry each hold one). */
  readonly pendingTimers: () => number
}

interface Timer {
  readonly at: number
  readonly seq: number
  readonly fn: () => void
}

/** A manual clock starting at `startEpochMs` (2026-01-01T00:00:00Z by default). */
export const manualClock = (startEpochMs = Date.UTC(2026, 0, 1)): ManualClock => {
  let current = startEpochMs
  let seq = 0
  const timers = new Set<Timer>()
  const nextDue = (until: number): Timer | undefined => {
    let next: Timer | undefined
    for (const timer of timers) {
      if (timer.at > until) continue
      if (next === undefined || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq)) next = timer
    }
    return next
  }
  let running = false
  const runUntil = (target: number): void => {
    running = true
    try {
      for (let timer = nextDue(target); timer !== undefined; timer = nextDue(target)) {
        timers.delete(timer)
        if (timer.at > current) current = timer.at
        timer.fn()
      }
    } finally {
      running = false
    }
    current = target
  }
  return {
    now: () => current,
    schedule: (atMs, fn) => {
      const timer: Timer = { at: atMs, seq: seq++, fn }
      timers.add(timer)
      // A timer already due runs soon, without waiting for the next advance (inside one, the advance runs it).
      if (atMs <= current && !running) queueMicrotask(() => runUntil(current))
      return () => {
        timers.delete(timer)
      }
    },
    advance: (ms) => runUntil(current + ms),
    set: (epochMs) => {
      if (epochMs >= current) runUntil(epochMs)
      else current = epochMs
    },
    pendingTimers: () => timers.size
  }
}
