/**
 * Flood control: sliding windows per (limit, bot, method, chat), bounded in number. A small class because its
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

type ActiveLimit = FloodLimit & { readonly methodLower: string | undefined }

/** The flood limits in force and the calls counted against them. */
export class FloodControl {
  private active: ReadonlyArray<ActiveLimit> = []
  private readonly counters = new Map<string, FloodCounter>()
  private checks = 0

  constructor(private readonly clock: MockClock, private readonly maxCounters: number) {}

  /** Replaces the limits and forgets the calls counted so far. */
  setLimits(limits: ReadonlyArray<FloodLimit>): void {
    this.active = limits.map((limit) => ({ ...limit, methodLower: limit.method?.toLowerCase() }))
    this.counters.clear()
  }

  /** The limits in force (copies). */
  limits(): Array<FloodLimit> {
    return this.active.map(({ methodLower: _, ...limit }) => limit)
  }

  /** How many counters are alive (for tests of the cap). */
  get counterCount(): number {
    return this.counters.size
  }

  /**
   * Counts a call against every matching limit: undefined when it may go, else the whole seconds until a slot frees
   * (at least 1). A refused call is not counted.
   */
  check(botId: number, method: string, chatId: number | undefined): number | undefined {
    const limits = this.active
    if (limits.length === 0) return undefined
    const now = this.clock.now()
    let retryAfter = 0
    const matched: Array<FloodCounter> = []
    for (let i = 0; i < limits.length; i++) {
      const limit = limits[i]!
      if (limit.methodLower !== undefined && limit.methodLower !== method) continue
      if (limit.chat_id !== undefined && limit.chat_id !== chatId) continue
      const counter = this.counter(`${i}|${botId}|${method}|${chatId ?? ""}`, limit, now)
      if (counter.stamps.length >= limit.max_calls) {
        const wait = counter.stamps[counter.head]! + counter.windowMs - now
        if (wait > 0) retryAfter = Math.max(retryAfter, Math.max(1, Math.ceil(wait / 1000)))
      }
      matched.push(counter)
    }
    if (retryAfter > 0) return retryAfter
    for (const counter of matched) {
      if (counter.stamps.length < counter.max) counter.stamps.push(now)
      else {
        counter.stamps[counter.head] = now
        counter.head = (counter.head + 1) % counter.max
      }
    }
    if (++this.checks % 4096 === 0) this.dropIdle(now, undefined)
    return undefined
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
