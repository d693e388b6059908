/** What the transports hand the mock core, and what they get back to send. */

/** One HTTP request, already read (and decompressed) by a transport. */
export interface WireRequest {
  /** The HTTP method, as sent. */
  readonly method: string
  /** The request target: path and optional `?query`, not decoded. */
  readonly target: string
  /** The `Content-Type` header, which decides how the body's parameters are read. */
  readonly contentType?: string | undefined
  /** The body as sent; decoded by the mock according to `contentEncoding` (gzip and deflate are read). */
  readonly body: Uint8Array
  /** The `Content-Encoding` header, if any: anything but gzip, deflate or identity is a bare 415. */
  readonly contentEncoding?: string | undefined
  /** The `X-Mock-Control-Token` header, for the control API. */
  readonly controlToken?: string | undefined
}

/** What the mock answers: the transport sends it as it is. */
export type WireResponse =
  /**
   * A JSON envelope; HTTP status = error_code; `Retry-After` when `retryAfter` is set. `defect` is set on the 500 of a
   * mock that failed itself (defect mode "answer"): one line, never a token, for the transport to log.
   */
  | {
    readonly _tag: "Json"
    readonly status: number
    readonly body: string
    readonly retryAfter?: number
    readonly defect?: string
  }
  /** A file's bytes (the download route `/file/bot<token>/<file_path>`). */
  | { readonly _tag: "File"; readonly contentType: string; readonly body: Uint8Array }
  /** A bare status line, `Content-Length: 0`, connection closed (the real server's HTTP-level errors). */
  | { readonly _tag: "Bare"; readonly status: number }
  /** An HTML page, as a reverse proxy sends (fault injection). */
  | { readonly _tag: "Html"; readonly status: number; readonly body: string }
  /** Close the connection without an answer (fault injection). */
  | { readonly _tag: "Drop" }
  /** Wait `ms` of the transport's own time, then answer what `then()` gives at that time (a delay fault). */
  | { readonly _tag: "Delay"; readonly ms: number; readonly then: () => WireResponse }
  /**
   * An answer the mock decides later, on its own clock: a parked long poll (woken by an update, a conflict or its
   * timeout) or a flood wait absorbed by the server. The transport calls `onReady` once; the mock calls the callback
   * once (possibly before `onReady` returns), then the transport sends what `then()` gives. When the client goes away
   * first, the transport calls `cancel()` (and never `then()`).
   */
  | {
    readonly _tag: "Wait"
    readonly onReady: (ready: () => void) => void
    readonly then: () => WireResponse
    readonly cancel: () => void
  }

/** The largest body (and parameters in total) the real server reads: 1 MiB. */
export const MAX_BODY_BYTES = 1 << 20
/** The largest header block the real server reads: 256 KiB. */
export const MAX_HEADER_BYTES = 256 << 10

/** The reason phrase of each status the mock sends. */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: "OK",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  421: "Misdirected Request",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
}

/** The page nginx sends when its upstream fails; what a client meets behind a proxy. */
export const htmlErrorPage = (status: number): string => {
  const title = `${status} ${STATUS_TEXT[status] ?? "Error"}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n`
}
