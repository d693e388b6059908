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
  record(entry: JournalEntry & { seq: number }): void {
    // Numbered here (its `seq` is a placeholder until now), so a request's number is its place among all events.
    entry.seq = this.observers?.nextSeq() ?? 0
    if (this.ring.length > 0) {
      this.ring[this.next] = entry
      this.next = (this.next + 1) % this.ring.length
      if (this.count < this.ring.length) this.count++
    }
    // Told once kept: a watcher reading the journal then finds it.
    if (this.observers?.active === true) this.observers.emit({ kind: "request", entry: { ...entry } })
  }

  /** The entries with a sequence number above `after`, oldest first (copies). */
  since(after: number): Array<JournalEntry> {
    return this.entries().filter((entry) => entry.seq > after)
  }

  /** The entries, oldest first (copies). */
  entries(): Array<JournalEntry> {
    const out: Array<JournalEntry> = []
    const size = this.ring.length
    for (let i = 0; i < this.count; i++) out.push({ ...this.ring[(this.next - this.count + i + size) % size]! })
    return out
  }
}
