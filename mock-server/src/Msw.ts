/**
 * The mock served in-process through MSW: pass these handlers to `setupServer` in your tests.
 *
 * @module telegram-bot-api-mock/msw
 */
import { http, type HttpHandler, HttpResponse } from "msw"
import type { MockTelegram } from "./MockTelegram.js"
import type { WireResponse } from "./Wire.js"

/** Where the handlers listen and how a delay fault waits. */
export interface TelegramHandlersOptions {
  /** Where the bot under test sends its calls; `https://api.telegram.org` by default. */
  readonly apiRoot?: string
  /** How a delay fault waits; real timers by default. */
  readonly sleep?: (ms: number) => Promise<void>
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * MSW handlers answering every request under `apiRoot` from `mock`, exactly as the standalone
 * server does (both are thin adapters over `MockTelegram.handle`).
 */
export const telegramHandlers = (mock: MockTelegram, options: TelegramHandlersOptions = {}): Array<HttpHandler> => {
  const root = new URL(options.apiRoot ?? "https://api.telegram.org")
  const prefix = root.pathname.replace(/\/+$/, "")
  const sleep = options.sleep ?? realSleep
  const pattern = `${root.origin}${prefix}/*`
  return [
    http.all(pattern, async ({ request }) => {
      const url = new URL(request.url)
      const body = new Uint8Array(await request.arrayBuffer())
      const response = mock.handle({
        method: request.method,
        target: url.pathname.slice(prefix.length) + url.search,
        contentType: request.headers.get("content-type") ?? undefined,
        contentEncoding: request.headers.get("content-encoding") ?? undefined,
        body,
        controlToken: request.headers.get("x-mock-control-token") ?? undefined
      })
      return toMswResponse(response, sleep, request.signal)
    })
  ]
}

/** Waits for a later answer; a client that aborts (grammY's bot.stop()) cancels it. */
const waitFor = (response: Extract<WireResponse, { _tag: "Wait" }>, signal: AbortSignal): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal.aborted) {
      response.cancel()
      return resolve(false)
    }
    const onAbort = () => {
      response.cancel()
      resolve(false)
    }
    signal.addEventListener("abort", onAbort, { once: true })
    response.onReady(() => {
      signal.removeEventListener("abort", onAbort)
      resolve(true)
    })
  })

const toMswResponse = async (
  response: WireResponse,
  sleep: (ms: number) => Promise<void>,
  signal: AbortSignal
): Promise<Response> => {
  switch (response._tag) {
    case "Json":
      return new HttpResponse(response.body, {
        status: response.status,
        headers: response.retryAfter !== undefined
          ? { "Content-Type": "application/json", "Retry-After": String(response.retryAfter) }
          : { "Content-Type": "application/json" }
      })
    case "File":
      return new HttpResponse(response.body, { status: 200, headers: { "Content-Type": response.contentType } })
    case "Bare":
      return new HttpResponse(null, {
        status: response.status,
        headers: { "Content-Length": "0", Connection: "close" }
      })
    case "Html":
      return new HttpResponse(response.body, { status: response.status, headers: { "Content-Type": "text/html" } })
    case "Drop":
      return HttpResponse.error()
    case "Delay":
      await sleep(response.ms)
      return toMswResponse(response.then(), sleep, signal)
    case "Wait":
      if (!(await waitFor(response, signal))) return HttpResponse.error()
      return toMswResponse(response.then(), sleep, signal)
  }
}
