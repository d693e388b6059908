/**
 * The console's live stream (`GET /__mock/events`): server-sent events of what the mock does, to every page that
 * opened it. A page is first sent a `hello` with the last events from the mock's own history (kept whether or not
 * anyone watches), so what happened before it opened is there. The hub watches the mock only while a page is
 * connected, batches what it writes once per turn of the event loop, and lets a page that falls behind miss events (it
 * is told how many) instead of buffering without bound.
 */
import type { ServerResponse } from "node:http"
import { eventJson, type MockEvent } from "../MockEvents.js"
import { type MockTelegram, SERVED_METHODS } from "../MockTelegram.js"

/**
 * The most requests, and the most updates and actions, a hello carries (counted apart, so that a bot's long polls
 * cannot push "Bob wrote /start" out of it).
 */
export const HELLO_REQUESTS = 500
export const HELLO_OTHERS = 500
/** A page with this much unsent (bytes) misses events until it has read them. */
const MAX_BUFFERED = 1 << 20
/** A comment line this often keeps idle connections open through proxies, and finds pages that went away. */
const PING_MS = 20_000

interface Client {
  readonly res: ServerResponse
  pending: Array<string>
  dropped: number
}

const frame = (data: string): string => `data: ${data}\n\n`

/** The pages watching one mock. */
export class EventHub {
  private readonly clients = new Set<Client>()
  private unobserve: (() => void) | undefined
  private ping: NodeJS.Timeout | undefined
  private flushing = false

  constructor(private readonly mock: MockTelegram, private readonly log: (line: string) => void) {}

  /** How many pages are connected. */
  get size(): number {
    return this.clients.size
  }

  /** Starts a page's stream: a `hello` (the served methods, the last events, each with its `seq`), then events. */
  open(res: ServerResponse): void {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff"
    })
    const client: Client = { res, pending: [], dropped: 0 }
    this.clients.add(client)
    res.on("close", () => this.remove(client))
    if (this.unobserve === undefined) this.unobserve = this.mock.observe((event) => this.publish(event))
    if (this.ping === undefined) {
      this.ping = setInterval(() => {
        for (const c of this.clients) c.res.write(": ping\n\n")
      }, PING_MS)
      this.ping.unref()
    }
    const hello = `{"kind":"hello","now":${this.mock.clock.now()},"control_token":${
      this.mock.controlToken !== undefined
    },"methods":${JSON.stringify(SERVED_METHODS)},"events":[${
      lastEvents(this.mock.events()).map(eventJson).join(",")
    }]}`
    res.write(frame(hello))
  }

  /** Ends every stream (the server is closing). */
  close(): void {
    for (const client of [...this.clients]) client.res.end()
    this.clients.clear()
    this.stopWatching()
  }

  private remove(client: Client): void {
    this.clients.delete(client)
    if (this.clients.size === 0) this.stopWatching()
  }

  private stopWatching(): void {
    this.unobserve?.()
    this.unobserve = undefined
    if (this.ping !== undefined) clearInterval(this.ping)
    this.ping = undefined
  }

  /** Called inside the mock's work: queue the event for every page, and write once this turn is over. */
  private publish(event: MockEvent): void {
    try {
      const data = eventJson(event)
      for (const client of this.clients) {
        if (client.res.writableLength > MAX_BUFFERED) client.dropped++
        else client.pending.push(data)
      }
      if (!this.flushing) {
        this.flushing = true
        setImmediate(() => this.flush())
      }
    } catch (error) {
      // A bug here must not reach the mock's answer: the pages are told nothing more, and the server says why.
      this.log(`telegram-bot-api-mock: console stream stopped: ${(error as Error)?.message ?? String(error)}`)
      this.close()
    }
  }

  private flush(): void {
    this.flushing = false
    for (const client of this.clients) {
      if (client.pending.length === 0 && client.dropped === 0) continue
      let out = ""
      if (client.dropped > 0 && client.res.writableLength <= MAX_BUFFERED) {
        out += frame(`{"kind":"gap","dropped":${client.dropped}}`)
        client.dropped = 0
      }
      for (const data of client.pending) out += frame(data)
      client.pending = []
      if (out !== "") client.res.write(out)
    }
  }
}

/** The last HELLO_REQUESTS requests and HELLO_OTHERS updates and actions of `events` (oldest first), in their order. */
export const lastEvents = (events: ReadonlyArray<MockEvent>): Array<MockEvent> => {
  const kept: Array<MockEvent> = []
  let requests = 0
  let others = 0
  for (let i = events.length - 1; i >= 0 && (requests < HELLO_REQUESTS || others < HELLO_OTHERS); i--) {
    const event = events[i]!
    if (event.kind === "request" ? requests++ < HELLO_REQUESTS : others++ < HELLO_OTHERS) kept.push(event)
  }
  return kept.reverse()
}
