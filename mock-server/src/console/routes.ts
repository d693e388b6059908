/**
 * What the standalone server serves besides the mock: the console page (`GET /__mock/console`, its script and style
 * sheet) and its live stream (`GET /__mock/events`). The page is static and holds no data of the world, so it is served
 * without the control token; everything it shows comes through the control API and the stream, which require the
 * token when one is set.
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import type { MockTelegram } from "../MockTelegram.js"
import { type ConsoleAssets, consoleAssets } from "./assets.js"
import { EventHub } from "./stream.js"

/** The console's own path; the `listening on` line and the README link here. */
export const CONSOLE_PATH = "/__mock/console"
/** The live stream's path. */
export const EVENTS_PATH = "/__mock/events"

/** The page may load its own script and style and talk to this server; nothing else, and no inline script. */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ")

const ASSETS: Readonly<Record<string, { readonly file: keyof ConsoleAssets; readonly type: string }>> = {
  [CONSOLE_PATH]: { file: "html", type: "text/html; charset=utf-8" },
  [`${CONSOLE_PATH}/`]: { file: "html", type: "text/html; charset=utf-8" },
  [`${CONSOLE_PATH}/console.js`]: { file: "js", type: "text/javascript; charset=utf-8" },
  [`${CONSOLE_PATH}/console.css`]: { file: "css", type: "text/css; charset=utf-8" }
}

const sendText = (res: ServerResponse, status: number, type: string, body: string, extra = {}): void => {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    ...extra
  }).end(body)
}

/** The console's routes over one mock: `handle` answers (and returns true) or leaves the request to the mock. */
export const consoleRoutes = (mock: MockTelegram, log: (line: string) => void) => {
  const hub = new EventHub(mock, log)
  return {
    hub,
    /** True when the request was the console's (answered here); false leaves it to the mock. */
    handle: (req: IncomingMessage, res: ServerResponse): boolean => {
      if (req.method !== "GET" && req.method !== "HEAD") return false
      const [path = "", query = ""] = (req.url ?? "").split("?")
      // With `after` or `wait`, the events are the control API's JSON long poll, not this stream.
      const asJson = /(^|&)(after|wait)=/.test(query)
      if (path === EVENTS_PATH && req.method === "GET" && !asJson) {
        req.resume()
        const token = req.headers["x-mock-control-token"]
        if (mock.controlToken !== undefined && (Array.isArray(token) ? token[0] : token) !== mock.controlToken) {
          sendText(
            res,
            401,
            "application/json",
            `{"ok":false,"error_code":401,"description":"control API: missing or wrong X-Mock-Control-Token"}`
          )
          return true
        }
        hub.open(res)
        return true
      }
      const asset = ASSETS[path]
      if (asset === undefined) return false
      req.resume()
      consoleAssets().then(
        (assets) => {
          if (res.destroyed) return
          sendText(
            res,
            200,
            asset.type,
            assets[asset.file],
            asset.file === "html" ? { "Content-Security-Policy": PAGE_POLICY } : {}
          )
        },
        (error: Error) => {
          log(`telegram-bot-api-mock: the console page is missing: ${error.message}`)
          if (!res.destroyed) sendText(res, 500, "text/plain; charset=utf-8", "the console page is not built\n")
        }
      )
      return true
    },
    close: () => hub.close()
  }
}
