/**
 * One bot's queue of updates, as the real server's TQueue keeps it (telegram-wire-bots.md §9): ids +1 from a start,
 * `offset` confirming (deleting) every older update, a negative offset keeping only the newest, offsets too far in
 * the future or the past read as 0, expired updates dropped when read, and a cap past which new updates are dropped.
 * A small class because its id bookkeeping (the tail) has invariants nothing outside should touch.
 */

/** The real server refuses an offset more than this below the queue's head (its queue cap). */
const MAX_QUEUE_EVENTS = 100_000
/** The largest update id before the queue starts over (TQueue's MAX_ID). */
const MAX_ID = 2_000_000_000

/** One queued update, with the state of its webhook delivery. */
export interface QueuedUpdate {
  readonly id: number
  /** The update's type name (`message`, `chat_member`, …). */
  readonly type: string
  /** `"<type>":<object JSON>`, the part after `"update_id":N,\n`. */
  readonly body: string
  /** Webhook ordering key: one update per key in flight (messages per chat, callback queries per user, …). */
  readonly key: string
  /** Unix time in seconds after which the update is dropped. */
  readonly expiresAt: number
  /** Webhook backoff: the current delay (s), failures so far, when it may be sent next (ms), and whether it is out. */
  delay: number
  failCount: number
  wakeupAt: number
  inFlight: boolean
}

/** The JSON of one update as getUpdates and webhooks send it: a literal `,\n` after the id, as the real server. */
export const updateJson = (update: QueuedUpdate): string => `{"update_id":${update.id},\n${update.body}}`

/** A bot's pending updates, oldest first. */
export class UpdateQueue {
  private readonly events = new Map<number, QueuedUpdate>()
  private tail: number

  constructor(private readonly firstId: number, private readonly cap: number) {
    this.tail = firstId
  }

  /** Updates queued (in flight included). */
  get size(): number {
    return this.events.size
  }

  /** The id the next update gets. */
  get nextId(): number {
    return this.tail
  }

  /** The id of the oldest queued update, or the next id when none is queued. */
  get head(): number {
    const first = this.events.keys().next()
    return first.done === true ? this.tail : first.value
  }

  /** Queues an update; undefined when the queue is full (the update is dropped, as the real server drops it). */
  push(type: string, body: string, key: string, expiresAt: number, nowMs: number): QueuedUpdate | undefined {
    if (this.events.size >= this.cap) return undefined
    if (this.tail >= MAX_ID) {
      this.events.clear()
      this.tail = this.firstId
    }
    const update: QueuedUpdate = {
      id: this.tail++,
      type,
      body,
      key,
      expiresAt,
      delay: 1,
      failCount: 0,
      wakeupAt: nowMs,
      inFlight: false
    }
    this.events.set(update.id, update)
    return update
  }

  /** Removes one update (delivered by the webhook, or dropped). */
  remove(update: QueuedUpdate): void {
    this.events.delete(update.id)
  }

  /** Deletes every update (drop_pending_updates, reset). */
  clear(): void {
    this.events.clear()
  }

  /** Keeps only the newest `count` updates (a negative getUpdates offset). */
  keepNewest(count: number): void {
    let excess = this.events.size - count
    for (const id of this.events.keys()) {
      if (excess-- <= 0) break
      this.events.delete(id)
    }
  }

  /**
   * getUpdates' read: with `confirm`, every update older than `from` is deleted first; then up to `limit` updates from
   * `from` on, expired ones dropped on the way. A `from` more than 10 past the next id or too far in the past reads
   * from the head and confirms nothing.
   */
  read(from: number, confirm: boolean, limit: number, nowSec: number): Array<QueuedUpdate> {
    if (from > this.tail + 10 || from < this.head - MAX_QUEUE_EVENTS) {
      from = this.head
      confirm = false
    }
    const out: Array<QueuedUpdate> = []
    for (const [id, update] of this.events) {
      if (id < from) {
        if (confirm) this.events.delete(id)
        continue
      }
      if (update.expiresAt < nowSec) {
        this.events.delete(id)
        continue
      }
      if (out.length === limit) break
      out.push(update)
    }
    return out
  }

  /** The queued updates in order (for the webhook's delivery loop: the first `max` only). */
  first(max: number): Array<QueuedUpdate> {
    const out: Array<QueuedUpdate> = []
    for (const update of this.events.values()) {
      if (out.length >= max) break
      out.push(update)
    }
    return out
  }

  /**
   * Forgets every update's delivery state (in flight, backoff): what a new webhook starts from, as the real server's
   * new WebhookActor does (a new URL or secret token makes one).
   */
  forgetDeliveries(): void {
    for (const update of this.events.values()) {
      update.inFlight = false
      update.delay = 1
      update.failCount = 0
      update.wakeupAt = 0
    }
  }

  /** Drops expired updates (the webhook's loop reads only live ones). */
  dropExpired(nowSec: number): void {
    for (const [id, update] of this.events) {
      if (update.expiresAt < nowSec && !update.inFlight) this.events.delete(id)
    }
  }
}
