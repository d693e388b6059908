/**
 * The page's two lines to the server it was served by (same origin, so it binds where the server binds): the control
 * API (`/__mock/…`, JSON) and the live stream (`/__mock/events`, server-sent events read through fetch, so that the
 * control token can go in a header, as EventSource cannot). The token is asked for once and kept for the tab
 * (sessionStorage); a 401 anywhere locks the page until a token the server takes is given.
 */
import type { JournalEntry } from "../../WorldSnapshot.js"

const TOKEN_KEY = "tg-mock-console.control-token"

/** The control token the page sends, if it has one. */
export const savedToken = (): string | undefined => sessionStorage.getItem(TOKEN_KEY) ?? undefined

/** Keeps (or forgets, with undefined) the token for this tab. */
export const saveToken = (token: string | undefined): void => {
  if (token === undefined) sessionStorage.removeItem(TOKEN_KEY)
  else sessionStorage.setItem(TOKEN_KEY, token)
}

const headers = (json: boolean): Record<string, string> => {
  const out: Record<string, string> = {}
  if (json) out["content-type"] = "application/json"
  const token = savedToken()
  if (token !== undefined) out["x-mock-control-token"] = token
  return out
}

/** A refusal of the control API: its status and description (one line per wrong field). */
export class Refused extends Error {
  constructor(readonly status: number, readonly description: string) {
    super(description)
  }
}

let onLocked: (change: boolean) => void = () => {}

/** What to do when the server refuses the token (or wants one): `change` is false for a read the page made itself. */
export const whenLocked = (callback: (change: boolean) => void): void => {
  onLocked = callback
}

/** One control request (a body as JSON, or a FormData as a multipart form): its result, or a Refused. */
export const control = async <A = unknown>(method: string, path: string, body?: unknown): Promise<A> => {
  const form = body instanceof FormData
  const response = await fetch(`/__mock/${path}`, {
    method,
    headers: headers(body !== undefined && !form),
    cache: "no-store",
    ...(body !== undefined ? { body: form ? body : JSON.stringify(body) } : {})
  })
  if (response.status === 401) onLocked(method !== "GET")
  const text = await response.text()
  let envelope: { ok?: boolean; result?: A; error_code?: number; description?: string }
  try {
    envelope = JSON.parse(text)
  } catch {
    throw new Refused(response.status, `${response.status} ${response.statusText}`)
  }
  if (envelope.ok !== true) {
    throw new Refused(envelope.error_code ?? response.status, envelope.description ?? response.statusText)
  }
  return envelope.result as A
}

/**
 * The first event of the stream: what the server serves, and the last things that happened before the page came
 * (bounded; each with its `seq`, as every later event has).
 */
export interface Hello {
  readonly kind: "hello"
  readonly now: number
  readonly control_token: boolean
  readonly methods: ReadonlyArray<string>
  readonly events: ReadonlyArray<StreamEvent>
}

/** A request answered. */
export type RequestEvent = { readonly kind: "request" } & JournalEntry

/** An update queued for a bot. */
export interface UpdateEvent {
  readonly kind: "update"
  readonly seq: number
  readonly at: number
  readonly bot_id: number
  readonly update_id: number
  readonly type: string
  readonly update: Readonly<Record<string, any>>
}

/** An action on the world (a person's, an administrator's, the control API's). */
export interface ActionEvent {
  readonly kind: "action"
  readonly seq: number
  readonly at: number
  readonly action: string
  readonly user_id?: number
  readonly chat_id?: number
  readonly result?: string
  readonly text?: string
}

/** Events the page fell too far behind to get. */
export interface GapEvent {
  readonly kind: "gap"
  readonly dropped: number
}

export type StreamEvent = RequestEvent | UpdateEvent | ActionEvent

/** What the stream tells the page. */
export interface StreamHandlers {
  readonly hello: (hello: Hello) => void
  readonly events: (events: ReadonlyArray<StreamEvent | GapEvent>) => void
  /** Connected (true) or not, and why not. */
  readonly status: (live: boolean, why?: string) => void
}

let current: AbortController | undefined

/** Opens the stream (closing one already open), reconnecting after a pause until the server wants a token. */
export const watch = (handlers: StreamHandlers): void => {
  current?.abort()
  const abort = new AbortController()
  current = abort
  void (async () => {
    let pause = 500
    while (!abort.signal.aborted) {
      try {
        const response = await fetch("/__mock/events", {
          headers: headers(false),
          cache: "no-store",
          signal: abort.signal
        })
        if (response.status === 401) {
          handlers.status(false, "locked")
          onLocked(true)
          return
        }
        if (!response.ok || response.body === null) throw new Error(`${response.status} ${response.statusText}`)
        handlers.status(true)
        pause = 500
        await read(response.body, handlers)
        handlers.status(false, "the server closed the stream")
      } catch (error) {
        if (abort.signal.aborted) return
        handlers.status(false, (error as Error).message)
      }
      await new Promise((resolve) => setTimeout(resolve, pause))
      pause = Math.min(pause * 2, 5000)
    }
  })()
}

/** Reads `data:` frames (one JSON object each) until the stream ends; hands over what each chunk completed. */
const read = async (body: ReadableStream<Uint8Array>, handlers: StreamHandlers): Promise<void> => {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ""
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true })
    const batch: Array<StreamEvent | GapEvent> = []
    let end: number
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const frame = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = frame.split("\n").filter((line) => line.startsWith("data: ")).map((line) => line.slice(6)).join("\n")
      if (data === "") continue
      const event = JSON.parse(data) as Hello | StreamEvent | GapEvent
      if (event.kind === "hello") handlers.hello(event)
      else batch.push(event)
    }
    if (batch.length > 0) handlers.events(batch)
  }
}
