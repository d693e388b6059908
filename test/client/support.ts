/**
 * Test support: a fake HttpClient that answers Bot API requests from a handler, counting them; a recording tracer;
 * a recording logger; and a sweep that looks for the token's secret in everything an error exposes.
 */
import { Cause, Clock, type Context, Effect, type Exit, Layer, type Option, Redacted, Ref, type Tracer } from "effect"
import { inspect } from "node:util"
import * as BotApi from "../../src/BotApi.js"
import * as ChatMigrations from "../../src/ChatMigrations.js"
import * as FloodGate from "../../src/FloodGate.js"
import { defects, failures, prettyAll } from "../edition/cause.js"
import { HttpClient, type HttpClientRequest, HttpClientResponse, transportError } from "../edition/http.js"
import { loggerLayer } from "../edition/logger.js"
import { makeTracer, type SpanStart } from "../edition/tracer.js"

export const TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
export const SECRET = "ABC-DEF1234ghIkl-zyx57W2v1u123ew11"

/** A request as the fake server saw it. */
export interface Sent {
  readonly method: string
  readonly params: Record<string, unknown>
  readonly url: string
  readonly contentType: string | undefined
  readonly httpMethod: string
  readonly at: number
}

/** What the fake server does with a request. */
export type Reply =
  | { readonly _tag: "Json"; readonly status: number; readonly body: unknown }
  | { readonly _tag: "Text"; readonly status: number; readonly body: string; readonly contentType: string }
  | { readonly _tag: "RequestError" }
  | { readonly _tag: "BrokenBody" }
  | { readonly _tag: "Hang" }

export const ok = (result: unknown): Reply => ({ _tag: "Json", status: 200, body: { ok: true, result } })
export const failure = (errorCode: number, description: string, parameters?: Record<string, unknown>): Reply => ({
  _tag: "Json",
  status: errorCode,
  body: parameters === undefined
    ? { ok: false, error_code: errorCode, description }
    : { ok: false, error_code: errorCode, description, parameters }
})
export const flood = (retryAfter: number): Reply =>
  failure(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter })
export const migrated = (to: number): Reply =>
  failure(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: to })
export const html502: Reply = {
  _tag: "Text",
  status: 502,
  contentType: "text/html",
  body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
}
export const networkFailure: Reply = { _tag: "RequestError" }
export const hang: Reply = { _tag: "Hang" }
export const link = (n: number): string => `https://t.me/+AAAAAAAAAAAAAA${String(n).padStart(2, "0")}`

const decoder = new TextDecoder()

const paramsOf = (request: HttpClientRequest.HttpClientRequest): Record<string, unknown> => {
  const body = request.body
  if (body._tag !== "Uint8Array") return {}
  return JSON.parse(decoder.decode(body.body))
}

/**
 * A fake HttpClient answering with `handler`, keeping every request in `sent` (in arrival order).
 */
export const makeFake = (
  handler: (sent: Sent, index: number) => Effect.Effect<Reply>
): Effect.Effect<{ readonly client: HttpClient.HttpClient; readonly sent: Ref.Ref<ReadonlyArray<Sent>> }> =>
  Effect.gen(function*() {
    const sent = yield* Ref.make<ReadonlyArray<Sent>>([])
    const client = HttpClient.make((request, url) =>
      Effect.gen(function*() {
        const entry: Sent = {
          method: url.pathname.split("/").pop() ?? "",
          params: paramsOf(request),
          url: url.toString(),
          contentType: request.body._tag === "Uint8Array" ? request.body.contentType : undefined,
          httpMethod: request.method,
          at: yield* Clock.currentTimeMillis
        }
        const index = (yield* Ref.getAndUpdate(sent, (all) => [...all, entry])).length
        const reply = yield* handler(entry, index)
        switch (reply._tag) {
          case "Json":
            return HttpClientResponse.fromWeb(
              request,
              new Response(JSON.stringify(reply.body), {
                status: reply.status,
                headers: { "content-type": "application/json" }
              })
            )
          case "Text":
            return HttpClientResponse.fromWeb(
              request,
              new Response(reply.body, { status: reply.status, headers: { "content-type": reply.contentType } })
            )
          case "BrokenBody":
            return HttpClientResponse.fromWeb(
              request,
              new Response(
                new ReadableStream({
                  pull(controller) {
                    controller.error(new Error(`stream broke while reading ${url.toString()}`))
                  }
                }),
                { status: 200 }
              )
            )
          case "RequestError":
            return yield* transportError(request, {
              cause: new TypeError(`fetch failed: connect ECONNREFUSED for ${url.toString()}`),
              description: `could not reach ${url.toString()}`
            })
          case "Hang":
            return yield* Effect.never
        }
      })
    )
    return { client, sent }
  })

/** A fake answering every request with the same reply sequence (the last one repeats). */
export const makeScripted = (replies: ReadonlyArray<Reply>) =>
  makeFake((_, index) => Effect.succeed(replies[Math.min(index, replies.length - 1)]!))

/** BotApi over the given client, plus a flood gate and a migration registry (fresh, in memory, unless given). */
export const layerFor = (
  client: HttpClient.HttpClient,
  options?: Partial<BotApi.Options>,
  services?: {
    readonly gate?: FloodGate.FloodGate.Service
    readonly migrations?: Layer.Layer<ChatMigrations.ChatMigrations>
  }
): Layer.Layer<BotApi.BotApi | FloodGate.FloodGate | ChatMigrations.ChatMigrations> =>
  Layer.mergeAll(
    BotApi.layer({ token: Redacted.make(TOKEN), ...options }).pipe(
      Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
    ),
    services?.gate === undefined
      ? Layer.effect(FloodGate.FloodGate, FloodGate.makeMemory)
      : Layer.succeed(FloodGate.FloodGate, services.gate),
    services?.migrations ?? Layer.effect(ChatMigrations.ChatMigrations, ChatMigrations.makeMemory)
  )

/** A span kept by {@link makeRecordingTracer}. */
export class RecordedSpan implements Tracer.Span {
  readonly _tag = "Span"
  readonly name: string
  readonly spanId: string
  readonly traceId: string
  readonly parent: Option.Option<Tracer.AnySpan>
  readonly annotations: Context.Context<never>
  /** The annotations, under the name Effect 3's spans give them. */
  readonly context: Context.Context<never>
  readonly kind: Tracer.SpanKind
  readonly sampled = true
  status: Tracer.SpanStatus
  readonly attributes = new Map<string, unknown>()
  readonly events: Array<[string, bigint, Record<string, unknown>]> = []
  readonly links: Array<Tracer.SpanLink>
  constructor(start: SpanStart, id: number) {
    this.name = start.name
    this.parent = start.parent
    this.annotations = start.annotations
    this.context = start.annotations
    this.kind = start.kind
    this.status = { _tag: "Started", startTime: start.startTime }
    this.links = [...start.links]
    this.spanId = `span-${id}`
    this.traceId = start.parent._tag === "Some" ? start.parent.value.traceId : `trace-${id}`
  }
  end(endTime: bigint, exit: Exit.Exit<unknown, unknown>): void {
    this.status = { _tag: "Ended", startTime: this.status.startTime, endTime, exit }
  }
  attribute(key: string, value: unknown): void {
    this.attributes.set(key, value)
  }
  event(name: string, startTime: bigint, attributes?: Record<string, unknown>): void {
    this.events.push([name, startTime, attributes ?? {}])
  }
  addLinks(links: ReadonlyArray<Tracer.SpanLink>): void {
    this.links.push(...links)
  }
}

/** A tracer keeping every span it makes. */
export const makeRecordingTracer = (): { readonly tracer: Tracer.Tracer; readonly spans: Array<RecordedSpan> } => {
  const spans: Array<RecordedSpan> = []
  const tracer = makeTracer((start) => {
    const span = new RecordedSpan(start, spans.length)
    spans.push(span)
    return span
  })
  return { tracer, spans }
}

/** A logger keeping every line (message, annotations, spans, cause) as text, replacing the default one. */
export const makeRecordingLogger = (): { readonly layer: Layer.Layer<never>; readonly lines: Array<string> } => {
  const lines: Array<string> = []
  const layer = loggerLayer(({ annotations, cause, message, spans }) => {
    lines.push(inspect({ message, annotations, spans, cause: Cause.pretty(cause) }, { depth: null }))
  })
  return { layer, lines }
}

/** Every text an error exposes: message, toString, toJSON, util.inspect, stack, and the same for its cause chain. */
export const exposedTexts = (error: unknown): ReadonlyArray<string> => {
  const texts: Array<string> = []
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current)
    texts.push(inspect(current, { depth: null, showHidden: true, getters: true }))
    texts.push(String(current))
    try {
      texts.push(JSON.stringify(current) ?? "")
    } catch {
      // not serialisable: inspect covered it
    }
    if (current instanceof Error) {
      texts.push(current.message, current.stack ?? "")
      current = current.cause
    } else {
      current = undefined
    }
  }
  return texts
}

/** Texts of a Cause: pretty print, JSON, inspect, plus {@link exposedTexts} of each failure and defect. */
export const causeTexts = (cause: Cause.Cause<unknown>): ReadonlyArray<string> => [
  prettyAll(cause),
  inspect(cause, { depth: null, showHidden: true }),
  JSON.stringify(cause),
  ...[...failures(cause), ...defects(cause)].flatMap(exposedTexts)
]

/** Texts of spans: names, attribute keys and values, events, and their end exits. */
export const spanTexts = (spans: ReadonlyArray<RecordedSpan>): ReadonlyArray<string> =>
  spans.flatMap((span) => [
    span.name,
    ...[...span.attributes].map(([k, v]) => `${k}=${inspect(v, { depth: null })}`),
    ...span.events.map((e) => inspect(e, { depth: null })),
    span.status._tag === "Ended" ? inspect(span.status.exit, { depth: null }) : "",
    span.status._tag === "Ended" && span.status.exit._tag === "Failure"
      ? causeTexts(span.status.exit.cause).join("\n")
      : ""
  ])

/** Whether a text holds the token's secret, raw or URL-encoded. */
export const leaks = (text: string): boolean =>
  text.includes(SECRET) || text.includes(encodeURIComponent(SECRET)) || text.includes(encodeURIComponent(TOKEN))
