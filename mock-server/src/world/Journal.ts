/** The request journal: a ring buffer of the last `size` requests, never holding a token; watchers see each one. */
import type { JournalEntry } from "../WorldSnapshot.js"
import type { Observers } from "./observers.js"

/** The journal of one world. */
export class Journal {
  private readonly ring: Array<JournalEntry | undefined>
  private next = 0
  private count = 0

  constructor(size: number, private readonly observers?: Observers) {
    this.ring = new Array(size)
  }

  /** Keeps the entry, forgetting the oldest when full; tells the watchers (a copy each time). */
  record(entry: JournalEntry): void {
    if (this.observers?.active === true) this.observers.emit({ kind: "request", entry: { ...entry } })
    if (this.ring.length === 0) return
    this.ring[this.next] = entry
    this.next = (this.next + 1) % this.ring.length
    if (this.count < this.ring.length) this.count++
  }

  /** The entries, oldest first (copies). */
  entries(): Array<JournalEntry> {
    const out: Array<JournalEntry> = []
    const size = this.ring.length
    for (let i = 0; i < this.count; i++) out.push({ ...this.ring[(this.next - this.count + i + size) % size]! })
    return out
  }
}
