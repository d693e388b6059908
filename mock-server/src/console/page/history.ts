/**
 * What the page has seen of the mock: its events in the order they came (each once: the hello's history and the live
 * stream may overlap, and an event's `seq` says which are the same), the 429s waiting for their bot to come back, and
 * the mock's clock (a test may drive it, so "now" is the mock's, not the page's).
 */
import type { RequestEvent, StreamEvent } from "./client.js"

/** Events kept (the rows shown are the newest of them). */
const MAX_EVENTS = 3000

/** An event as the page keeps it. */
export interface Entry {
  readonly event: StreamEvent
  /** 429s: the wait asked for (ms), and when the bot called again. */
  retryMs?: number
  backAt?: number
  /** A press (a callback_query update): what the bot answered, once it did. */
  answer?: string
  /** Its row's detail cell, when shown (updated when a 429's bot comes back, or a press is answered). */
  detail?: HTMLElement
}

export const entries: Array<Entry> = []
const seen = new Set<number>()
/** 429s waiting for the bot's next call of the same method for the same chat. */
const awaitingBack = new Map<string, Entry>()
/** The mock's clock minus this page's. */
let clockOffset = 0

/** Now, on the mock's clock. */
export const mockNow = (): number => Date.now() + clockOffset

/** The status class of a request: ok, refused (4xx), flood (429), failed (5xx, HTML page, dropped). */
export const statusClass = (status: number): "ok" | "refused" | "flood" | "failed" =>
  status >= 200 && status < 300 ? "ok" : status === 429 ? "flood" : status >= 400 && status < 500 ? "refused" : "failed"

const retryAfterOf = (event: RequestEvent): number | undefined => {
  if (event.status !== 429) return undefined
  const match = /retry after (\d+)/.exec(event.description ?? "")
  return match === null ? undefined : Number(match[1]) * 1000
}

const callKey = (event: RequestEvent): string => `${event.bot_id}|${event.method}|${event.chat_id ?? ""}`

/** Forgets everything (a new hello): the mock's clock reads `now`. */
export const forget = (now: number): void => {
  clockOffset = now - Date.now()
  entries.length = 0
  seen.clear()
  awaitingBack.clear()
}

/**
 * Keeps the events not seen before; returns their entries, and the earlier 429s whose bot came back with them (their
 * rows need telling).
 */
export const keep = (events: ReadonlyArray<StreamEvent>): { added: Array<Entry>; back: Array<Entry> } => {
  const added: Array<Entry> = []
  const back: Array<Entry> = []
  for (const event of events) {
    if (seen.has(event.seq)) continue
    seen.add(event.seq)
    // A mock on a clock a test drives may jump ahead: "now" follows it.
    clockOffset = Math.max(clockOffset, event.at - Date.now())
    const entry: Entry = { event }
    if (event.kind === "request") {
      const key = callKey(event)
      const waiting = awaitingBack.get(key)
      if (waiting !== undefined) {
        waiting.backAt = event.at
        awaitingBack.delete(key)
        back.push(waiting)
      }
      const retryMs = retryAfterOf(event)
      if (retryMs !== undefined) {
        entry.retryMs = retryMs
        awaitingBack.set(key, entry)
      }
    }
    entries.push(entry)
    added.push(entry)
  }
  if (entries.length > MAX_EVENTS) {
    for (const old of entries.splice(0, entries.length - MAX_EVENTS)) seen.delete(old.event.seq)
  }
  return { added, back }
}
