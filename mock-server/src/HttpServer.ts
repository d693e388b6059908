/** The mock as a standalone local HTTP server, for bots in any language (set their API root to its URL). */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { Socket } from "node:net"
import { CONSOLE_PATH, consoleRoutes } from "./console/routes.js"
import { MockTelegram, type MockTelegramOptions } from "./MockTelegram.js"
import { nodeDeliverer } from "./Webhooks.js"
import { MAX_BODY_BYTES, MAX_HEADER_BYTES, STATUS_TEXT, type WireResponse } from "./Wire.js"

/** Where to listen, which mock to serve (or how to make one), and how to treat slow requests and defects. */
export interface MockServerOptions extends MockTelegramOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number
  /** 127.0.0.1 unless told otherwise. */
  readonly host?: string
  /** An existing mock to serve; otherwise one is made from the other options. */
  readonly mock?: MockTelegram
  /** A request whose headers and body take longer than this is answered 408 and closed. */
  readonly requestTimeoutMs?: number
  /** Where a defect of the mock (answered 500 in defect mode "answer") is reported, one line each; stderr by default. */
  readonly log?: (line: string) => void
  /**
   * Deliver webhooks with node:http (the default: true). False leaves the mock's own deliverer (or none) in place, for a
   * test that delivers them another way.
   */
  readonly deliverWebhooks?: boolean
  /**
   * Serve the console (true, the default): the page at `/__mock/console` and its live stream at `/__mock/events`
   * (which needs the control token when one is set, as the control API does).
   */
  readonly console?: boolean
}

/** A started server: its URL, its mock, and how to stop it. */
export interface RunningMockServer {
  /** `http://HOST:PORT`: the API root to give a bot. */
  readonly url: string
  readonly host: string
  readonly port: number
  /** `http://HOST:PORT/__mock/console`: the page that shows the world and the requests, and acts as its people. */
  readonly consoleUrl: string
  readonly mock: MockTelegram
  /** Stops accepting, drops open connections and pending delays. */
  readonly close: () => Promise<void>
}

/** Writes the mock's answers to Node responses; keeps the timers of delayed answers so `close` can drop them. */
class Responder {
  readonly delays = new Set<NodeJS.Timeout>()

  constructor(private readonly log: (line: string) => void) {}

  /** Sends what `answer` gives; a defect thrown by it ("throw" mode) closes the connection, then goes on up. */
  sendAnswer(req: IncomingMessage, res: ServerResponse, answer: () => WireResponse): void {
    let response: WireResponse
    try {
      response = answer()
    } catch (error) {
      req.socket.destroy()
      throw error
    }
    this.send(req, res, response)
  }

  send(req: IncomingMessage, res: ServerResponse, response: WireResponse): void {
    if (res.destroyed) return
    switch (response._tag) {
      case "Json": {
        if (response.defect !== undefined) this.log(`telegram-bot-api-mock: ${response.defect} (answered 500)`)
        const headers: Record<string, string | number> = {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(response.body)
        }
        if (response.retryAfter !== undefined) headers["Retry-After"] = response.retryAfter
        res.writeHead(response.status, headers).end(response.body)
        return
      }
      case "File":
        res.writeHead(200, { "Content-Type": response.contentType, "Content-Length": response.body.length }).end(
          response.body
        )
        return
      case "Bare":
        res.shouldKeepAlive = false
        res.writeHead(response.status, { "Content-Length": 0, Connection: "close" }).end()
        return
      case "Html":
        res.writeHead(response.status, {
          "Content-Type": "text/html",
          "Content-Length": Buffer.byteLength(response.body)
        }).end(response.body)
        return
      case "Drop":
        req.socket.destroy()
        return
      case "Delay": {
        const timer = setTimeout(() => {
          this.delays.delete(timer)
          this.sendAnswer(req, res, response.then)
        }, response.ms)
        this.delays.add(timer)
        return
      }
      case "Wait":
        this.wait(req, res, response)
        return
    }
  }

  /** A parked poll or an absorbed wait: answered when the mock says so; cancelled if the client goes first. */
  private wait(req: IncomingMessage, res: ServerResponse, response: Extract<WireResponse, { _tag: "Wait" }>): void {
    let ready = false
    const onClose = () => {
      if (!ready) response.cancel()
    }
    res.once("close", onClose)
    response.onReady(() => {
      if (ready) return
      ready = true
      res.off("close", onClose)
      setImmediate(() => this.sendAnswer(req, res, response.then))
    })
  }
}

/** Reads a request's body up to the limit (413 past it), then hands the whole request to the mock. */
const requestListener = (
  mock: MockTelegram,
  responder: Responder,
  consoleServer: ReturnType<typeof consoleRoutes> | undefined
) =>
(req: IncomingMessage, res: ServerResponse) => {
  if (consoleServer !== undefined && consoleServer.handle(req, res)) return
  // A multipart body may carry files up to the world's upload cap; parameters alone stay within 1 MiB (the mock checks).
  const multipart = (req.headers["content-type"] ?? "").toLowerCase().includes("multipart/form-data")
  const limit = multipart ? mock.caps.uploadBytes + MAX_BODY_BYTES : MAX_BODY_BYTES
  const declared = Number(req.headers["content-length"] ?? 0)
  if (declared > limit) {
    responder.send(req, res, { _tag: "Bare", status: 413 })
    req.resume()
    return
  }
  const chunks: Array<Buffer> = []
  let size = 0
  let refused = false
  req.on("data", (chunk: Buffer) => {
    if (refused) return
    size += chunk.length
    if (size > limit) {
      refused = true
      responder.send(req, res, { _tag: "Bare", status: 413 })
      return
    }
    chunks.push(chunk)
  })
  req.on("end", () => {
    if (refused) return
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)
    const controlToken = req.headers["x-mock-control-token"]
    responder.sendAnswer(req, res, () =>
      mock.handle({
        method: req.method ?? "GET",
        target: req.url ?? "/",
        contentType: req.headers["content-type"],
        contentEncoding: req.headers["content-encoding"],
        body,
        controlToken: Array.isArray(controlToken) ? controlToken[0] : controlToken
      }))
  })
  req.on("error", () => req.socket.destroy())
}

const bareStatusLine = (status: number): string =>
  `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`

/** Malformed requests never reach the handler: answer with a bare status and close, like the real server. */
const onClientError = (error: NodeJS.ErrnoException, socket: Socket): void => {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy()
    return
  }
  const status = error.code === "HPE_HEADER_OVERFLOW"
    ? 431
    : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
    ? 408
    : error.code === "HPE_INVALID_METHOD"
    ? 501
    : 400
  socket.end(bareStatusLine(status))
}

/**
 * Starts the mock on a local port (127.0.0.1 and a free port unless told otherwise). In defect mode "throw" a defect
 * of the mock is not caught here either: the connection is closed and the exception is left uncaught.
 */
export const startMockServer = (options: MockServerOptions = {}): Promise<RunningMockServer> => {
  const mock = options.mock ?? MockTelegram.make(options)
  const deliverer = options.deliverWebhooks === false ? undefined : nodeDeliverer()
  if (deliverer !== undefined) mock.setWebhookDeliverer(deliverer.deliver)
  const host = options.host ?? "127.0.0.1"
  const timeoutMs = options.requestTimeoutMs ?? 10_000
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const responder = new Responder(log)
  const consoleServer = options.console === false ? undefined : consoleRoutes(mock, log)
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      // The real server does not require Host; Node would answer its own chunked 400 to an HTTP/1.1 request without.
      requireHostHeader: false,
      requestTimeout: timeoutMs,
      headersTimeout: Math.min(timeoutMs, 60_000),
      keepAliveTimeout: 5_000,
      // Node checks request timeouts on this interval (30 s by default), so a short timeout needs a short check.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeoutMs / 4)))
    },
    requestListener(mock, responder, consoleServer)
  )
  server.on("clientError", onClientError)

  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : options.port ?? 0
      const urlHost = host.includes(":") ? `[${host}]` : host
      resolve({
        url: `http://${urlHost}:${port}`,
        host,
        port,
        consoleUrl: `http://${urlHost}:${port}${CONSOLE_PATH}`,
        mock,
        close: () =>
          new Promise<void>((done) => {
            for (const timer of responder.delays) clearTimeout(timer)
            responder.delays.clear()
            consoleServer?.close()
            if (deliverer !== undefined) {
              deliverer.close()
              mock.setWebhookDeliverer(undefined)
            }
            server.close(() => done())
            server.closeAllConnections()
          })
      })
    })
  })
}
