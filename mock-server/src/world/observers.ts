/**
 * The watchers of one mock (shared by every world it makes, like the webhook deliverer). Telling them costs one
 * check when nobody watches; a watcher that throws is removed and reported, and never changes an answer.
 */
import type { MockActionEvent, MockEvent, MockObserver } from "../MockEvents.js"

/** The set of watchers, and what to do when one fails. */
export class Observers {
  private readonly listeners = new Set<MockObserver>()
  /** Events caused by an action under way: told after the action itself (cause first, then effects). */
  private held: Array<MockEvent> | undefined

  constructor(private readonly onFailure: (error: unknown) => void) {}

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
  act<A>(run: () => A, describe: (result: A) => Omit<MockActionEvent, "kind" | "at">, now: () => number): A {
    if (!this.active || this.held !== undefined) return run()
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
    try {
      this.deliver({ kind: "action", at: now(), ...describe(result) })
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
