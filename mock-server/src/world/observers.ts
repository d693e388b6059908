/**
 * The watchers of one mock (shared by every world it makes, like the webhook deliverer), and its history: every event
 * gets a sequence number that only grows (across resets too), and the last updates and actions are kept (requests are
 * kept by each world's journal), so a console opened late or a test reading `GET /__mock/events?after=…` sees what
 * came before. A request costs one check when nobody watches; a watcher that throws is removed and reported, and never
 * changes an answer.
 */
import type { MockActionEvent, MockEvent, MockObserver, MockUpdateEvent } from "../MockEvents.js"

/** Updates and actions kept for late readers. */
const HISTORY = 1000

/** The set of watchers, the history, and what to do when a watcher fails. */
export class Observers {
  private readonly listeners = new Set<MockObserver>()
  /** Events caused by an action under way: told after the action itself (cause first, then effects). */
  private held: Array<MockEvent> | undefined
  private seq = 0
  private readonly history: Array<MockUpdateEvent | MockActionEvent> = []

  constructor(private readonly onFailure: (error: unknown) => void) {}

  /** The next event's sequence number (requests take theirs from here for their journal entry). */
  nextSeq(): number {
    return ++this.seq
  }

  /** The sequence number of the last event so far. */
  get lastSeq(): number {
    return this.seq
  }

  /** The updates and actions kept with a sequence number above `after`, oldest first. */
  since(after: number): Array<MockUpdateEvent | MockActionEvent> {
    let from = this.history.length
    while (from > 0 && this.history[from - 1]!.seq > after) from--
    return this.history.slice(from)
  }

  /** Keeps an update or an action, and tells the watchers of it (always called: the history needs them all). */
  record(event: MockUpdateEvent | MockActionEvent): void {
    this.history.push(event)
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY)
    if (this.active) this.emit(event)
  }

  /** True while someone watches (callers skip building events otherwise). */
  get active(): boolean {
    return this.listeners.size > 0
  }

  /** Adds a watcher; the function returned removes it. */
  add(listener: MockObserver): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Tells every watcher (later, when an action is under way); a watcher that throws is removed, and reported. */
  emit(event: MockEvent): void {
    if (this.held !== undefined) this.held.push(event)
    else this.deliver(event)
  }

  /**
   * Runs an action on the world (a person's, an administrator's) and tells the watchers of it first, then of what it
   * caused (the updates it queued), in that order. An action that throws is told nothing of; what it caused still is.
   */
  act<A>(run: () => A, describe: (result: A) => Omit<MockActionEvent, "kind" | "at" | "seq">, now: () => number): A {
    if (this.held !== undefined) return run()
    // The action is numbered before what it causes (its updates are numbered as they happen, during `run`).
    const seq = this.nextSeq()
    const held: Array<MockEvent> = []
    this.held = held
    let result: A
    try {
      result = run()
    } catch (error) {
      this.held = undefined
      for (const event of held) this.deliver(event)
      throw error
    }
    this.held = undefined
    const action: MockActionEvent = { kind: "action", seq, at: now(), ...describe(result) }
    let index = this.history.length
    while (index > 0 && this.history[index - 1]!.seq > seq) index--
    this.history.splice(index, 0, action)
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY)
    try {
      if (this.active) this.deliver(action)
    } finally {
      for (const event of held) this.deliver(event)
    }
    return result
  }

  private deliver(event: MockEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        this.listeners.delete(listener)
        this.onFailure(error)
      }
    }
  }
}
