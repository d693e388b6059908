/**
 * Flood control: sliding windows per (limit, bot, method, chat), bounded in number, and Telegram's absorption of short
 * waits (telegram-wire.md §7): a call over a limit whose wait is at most the limit's `absorb_seconds` (8 by default)
 * takes the slot that frees first and is answered that late; a longer wait is a 429. A small class because its
 * counters are ring buffers with invariants (head, sweep cadence) that nothing outside should touch.
 */
import type { MockClock } from "../MockClock.js"
import type { FloodLimit } from "../WorldSnapshot.js"

/** A sliding-window log of one (limit, bot, method, chat): a ring of the last `max` call times. */
interface FloodCounter {
  readonly stamps: Array<number>
  head: number
  readonly windowMs: number
  readonly max: number
}

type ActiveLimit = FloodLimit & { readonly methodLower: string | undefined; readonly absorbMs: number }

/** The longest wait Telegram absorbs unless a limit says otherwise (telegram-wire.md §7). */
export const DEFAULT_ABSORB_SECONDS = 8

/** A call over a limit: answered `absorbMs` late (its slot is taken), or refused with `retryAfter` whole seconds. */
export type FloodVerdict = { readonly absorbMs: number } | { readonly retryAfter: number }

/** The flood limits in force and the calls counted against them. */
export class FloodControl {
  private active: ReadonlyArray<ActiveLimit> = []
  private readonly counters = new Map<string, FloodCounter>()
  private checks = 0

  constructor(private readonly clock: MockClock, private readonly maxCounters: number) {}

  /** Replaces the limits and forgets the calls counted so far. */
  setLimits(limits: ReadonlyArray<FloodLimit>): void {
    this.active = limits.map((limit) => ({
      ...limit,
      methodLower: limit.method?.toLowerCase(),
      absorbMs: (limit.absorb_seconds ?? DEFAULT_ABSORB_SECONDS) * 1000
    }))
    this.counters.clear()
  }

  /** The limits in force (copies). */
  limits(): Array<FloodLimit> {
    return this.active.map(({ absorbMs: _absorb, methodLower: _method, ...limit }) => limit)
  }

  /** How many counters are alive (for tests of the cap). */
  get counterCount(): number {
    return this.counters.size
  }

  /**
   * Counts a call against every matching limit: undefined when it may go now; else the verdict. An absorbed call (when
   * `absorb` allows) takes its slots at the time it will run; a refused one is not counted.
   */
  check(botId: number, method: string, chatId: number | undefined, absorb = true): FloodVerdict | undefined {
    const limits = this.active
    if (limits.length === 0) return undefined
    const now = this.clock.now()
    let waitMs = 0
    let absorbable = absorb
    const matched: Array<FloodCounter> = []
    for (let i = 0; i < limits.length; i++) {
      const limit = limits[i]!
      if (limit.methodLower !== undefined && limit.methodLower !== method) continue
      if (limit.chat_id !== undefined && limit.chat_id !== chatId) continue
      const counter = this.counter(`${i}|${botId}|${method}|${chatId ?? ""}`, limit, now)
      if (counter.stamps.length >= limit.max_calls) {
        const wait = counter.stamps[counter.head]! + counter.windowMs - now
        if (wait > 0) {
          waitMs = Math.max(waitMs, wait)
          if (wait > limit.absorbMs) absorbable = false
        }
      }
      matched.push(counter)
    }
    if (waitMs > 0 && !absorbable) return { retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) }
    for (const counter of matched) this.stamp(counter, now + waitMs)
    if (++this.checks % 4096 === 0) this.dropIdle(now, undefined)
    return waitMs > 0 ? { absorbMs: waitMs } : undefined
  }

  private stamp(counter: FloodCounter, at: number): void {
    if (counter.stamps.length < counter.max) counter.stamps.push(at)
    else {
      counter.stamps[counter.head] = at
      counter.head = (counter.head + 1) % counter.max
    }
  }

  private counter(key: string, limit: FloodLimit, now: number): FloodCounter {
    let counter = this.counters.get(key)
    if (counter === undefined) {
      counter = { stamps: [], head: 0, windowMs: limit.per_seconds * 1000, max: limit.max_calls }
      this.counters.set(key, counter)
      if (this.counters.size > this.maxCounters) this.dropIdle(now, key)
    }
    return counter
  }

  /** Drops counters whose newest call left the window; over the cap, the oldest go too. */
  private dropIdle(now: number, keep: string | undefined): void {
    for (const [key, counter] of this.counters) {
      const newest = counter.stamps[(counter.head + counter.stamps.length - 1) % Math.max(1, counter.stamps.length)]
      if (key !== keep && (newest === undefined || newest + counter.windowMs <= now)) this.counters.delete(key)
    }
    for (const key of this.counters.keys()) {
      if (this.counters.size <= this.maxCounters) break
      if (key !== keep) this.counters.delete(key)
    }
  }
}
