/**
 * Webhook deliverers: what carries the mock's webhook POSTs. The mock decides what to send and when (on its clock);
 * a deliverer only sends one request and reports what came back. `nodeDeliverer` is the standalone server's (node:http,
 * keep-alive, the real server's headers in order, its 60 s read timeout); `fetchDeliverer` uses `fetch` (so MSW can
 * intercept it); `handlerDeliverer` calls a `(Request) => Response` function in-process, with no socket at all.
 */
import { Agent as HttpAgent, request as httpRequest } from "node:http"
import type * as Https from "node:https"
import { decodeContentEncoding } from "./internal/ContentEncoding.js"
import { lazyBuiltin } from "./internal/lazyBuiltin.js"
import { MAX_BODY_BYTES } from "./Wire.js"
import type { WebhookDeliverer, WebhookDelivery, WebhookReply } from "./world/updates/webhookTypes.js"

export type { WebhookDeliverer, WebhookDelivery, WebhookReply } from "./world/updates/webhookTypes.js"

/** node:https (and TLS under it) is loaded by the first delivery to an https URL, not by every start. */
const https = lazyBuiltin<typeof Https>("node:https")

/** The real server gives up on a webhook answer after 60 s without data. */
const READ_TIMEOUT_MS = 60_000

/** The URL a delivery goes to (a URL without a scheme is https, as setWebhook reads it). */
const targetUrl = (delivery: WebhookDelivery): URL =>
  new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(delivery.url) ? delivery.url : `https://${delivery.url}`)

/** What a socket error is called in last_error_message (the real server passes the system's text). */
const errorText = (error: NodeJS.ErrnoException): string => {
  switch (error.code) {
    case "ECONNREFUSED":
      return "Connection refused"
    case "ECONNRESET":
    case "EPIPE":
      return "Webhook connection closed"
    case "ETIMEDOUT":
      return "Connection timed out"
    case "EHOSTUNREACH":
      return "No route to host"
    case "ENETUNREACH":
      return "Network is unreachable"
    default:
      return error.message === "socket hang up" ? "Webhook connection closed" : error.message
  }
}

/** Decodes a gzip or deflate answer (what the real server's Accept-Encoding allows); undefined when it cannot. */
const decodedBody = (encoding: string | undefined, body: Uint8Array): Uint8Array | undefined => {
  if (encoding === undefined) return body
  const decoded = decodeContentEncoding(encoding, body)
  return decoded instanceof Uint8Array ? decoded : undefined
}

/** The standalone server's deliverer: node:http(s) on keep-alive connections; `close()` ends them. */
export const nodeDeliverer = (options: { readonly timeoutMs?: number } = {}): {
  readonly deliver: WebhookDeliverer
  readonly close: () => void
} => {
  const http = new HttpAgent({ keepAlive: true, maxSockets: 100 })
  let secureAgent: Https.Agent | undefined
  const timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS
  const deliver: WebhookDeliverer = (delivery) =>
    new Promise<WebhookReply>((resolve) => {
      const url = targetUrl(delivery)
      const secure = url.protocol === "https:"
      const headers: Record<string, string> = {}
      for (const [name, value] of delivery.headers) headers[name] = value
      const request = (secure ? https().request : httpRequest)({
        host: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port === "" ? (secure ? 443 : 80) : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: "POST",
        headers,
        agent: secure
          ? secureAgent ??= new (https().Agent)({ keepAlive: true, maxSockets: 100, rejectUnauthorized: false })
          : http,
        timeout: timeoutMs
      }, (response) => {
        const chunks: Array<Buffer> = []
        let size = 0
        response.on("data", (chunk: Buffer) => {
          size += chunk.length
          if (size <= MAX_BODY_BYTES) chunks.push(chunk)
        })
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? "",
            contentType: response.headers["content-type"],
            body: size <= MAX_BODY_BYTES
              ? decodedBody(response.headers["content-encoding"], Buffer.concat(chunks))
              : undefined,
            retryAfter: response.headers["retry-after"]
          }))
        response.on("error", (error) => resolve({ error: errorText(error) }))
      })
      request.on("timeout", () => {
        request.destroy()
        resolve({ error: "Read timeout expired" })
      })
      request.on("error", (error) => resolve({ error: errorText(error) }))
      request.end(delivery.body)
    })
  return {
    deliver,
    close: () => {
      http.destroy()
      secureAgent?.destroy()
    }
  }
}

/** The headers `fetch` may send (it sets Host, Content-Length, Connection and Accept-Encoding itself). */
const fetchHeaders = (delivery: WebhookDelivery): Array<[string, string]> =>
  delivery.headers.filter(([name]) =>
    !["host", "content-length", "connection", "accept-encoding"].includes(name.toLowerCase())
  )
    .map(([name, value]) => [name, value])

/** A reply from a web Response (its body read whole, up to 1 MiB). */
const fromResponse = async (response: Response): Promise<WebhookReply> => {
  const body = new Uint8Array(await response.arrayBuffer())
  return {
    status: response.status,
    statusText: response.statusText,
    contentType: response.headers.get("content-type") ?? undefined,
    body: body.length <= MAX_BODY_BYTES ? body : undefined,
    retryAfter: response.headers.get("retry-after") ?? undefined
  }
}

/** Delivers with `fetch` (the global one by default): in a test under MSW, a handler for the webhook URL answers. */
export const fetchDeliverer = (fetchImpl: typeof fetch = globalThis.fetch): WebhookDeliverer => async (delivery) => {
  try {
    const response = await fetchImpl(targetUrl(delivery), {
      method: "POST",
      headers: fetchHeaders(delivery),
      body: delivery.body
    })
    return await fromResponse(response)
  } catch (error) {
    const cause = (error as { cause?: NodeJS.ErrnoException }).cause
    return { error: cause !== undefined && typeof cause === "object" ? errorText(cause) : String(error) }
  }
}

/**
 * Delivers by calling a web handler in-process, `(request: Request) => Response` (grammY's
 * `webhookCallback(bot, "std/http")`, a Hono app's `fetch`, …): no socket, no port.
 */
export const handlerDeliverer = (
  handler: (request: Request) => Response | Promise<Response>
): WebhookDeliverer =>
async (delivery) => {
  try {
    const request = new Request(targetUrl(delivery), {
      method: "POST",
      headers: fetchHeaders(delivery),
      body: delivery.body
    })
    return await fromResponse(await handler(request))
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
