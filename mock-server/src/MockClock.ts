/**
 * Where the mock reads the time. Real time by default; a test hands in a clock it drives,
 * usually the very TestClock its client runs on, so a 30 s flood window passes instantly.
 */
export interface MockClock {
  /** Milliseconds since the Unix epoch. */
  readonly now: () => number
}

/** Wall-clock time. */
export const systemClock: MockClock = { now: () => Date.now() }

/** A clock a test moves by hand, for tests that do not run inside Effect. */
export interface ManualClock extends MockClock {
  /** Moves the clock forward by `ms` milliseconds. */
  readonly advance: (ms: number) => void
  /** Sets the clock to `epochMs`. */
  readonly set: (epochMs: number) => void
}

/** A manual clock starting at `startEpochMs` (2026-01-01T00:00:00Z by default). */
export const manualClock = (startEpochMs = Date.UTC(2026, 0, 1)): ManualClock => {
  let current = startEpochMs
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
    set: (epochMs) => {
      current = epochMs
    }
  }
}
