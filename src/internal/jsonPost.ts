/**
 * One JSON POST through an undici dispatcher (a `Pool`), its answer read into a string: the direct transport of
 * `UndiciHttpClient`. A dispatch handler instead of `Pool.request`: no body stream, no promise and no `AbortSignal`
 * per request (together about half of what `Pool.request` + `body.text()` allocate). The handler API
 * (`onRequestStart` … `onResponseError`) is the one undici 7 and 8 both take.
 *
 * @internal
 */
import type { Dispatcher } from "undici"
import type { PostCallback } from "./directTransport.js"

const HEADERS = { "content-type": "application/json" }

/** The reason a request is aborted with (undici hands it to no one: the callback is not called after an abort). */
const ABORTED = new Error("aborted by the caller")

/** What undici hands the handler to abort the request with. */
interface Controller {
  readonly abort: (reason: Error) => void
}

/** Collects one answer and calls back once: with the status and the body, or with what went wrong. */
class JsonPostHandler {
  private status = 0
  private first: Buffer | undefined = undefined
  private more: Array<Buffer> | undefined = undefined
  private controller: Controller | undefined = undefined
  private ended = false

  constructor(private readonly callback: PostCallback) {}

  onRequestStart(controller: Controller): void {
    // Aborted while it waited for a connection: undici starts it anyway, so it is aborted now.
    if (this.ended) controller.abort(ABORTED)
    else this.controller = controller
  }

  onResponseStart(_controller: Controller, statusCode: number): void {
    // Called again after an informational (1xx) answer: only the last one's body is kept.
    this.status = statusCode
    this.first = this.more = undefined
  }

  onResponseData(_controller: Controller, chunk: Buffer): void {
    if (this.first === undefined) this.first = chunk
    else (this.more ??= [this.first]).push(chunk)
  }

  onResponseEnd(): void {
    if (this.ended) return
    this.ended = true
    this.controller = undefined
    this.callback(undefined, this.status, this.text())
  }

  onResponseError(_controller: Controller | null | undefined, error: Error): void {
    if (this.ended) return
    this.ended = true
    this.controller = undefined
    this.callback(error, 0, "")
  }

  /** Aborts the request; the callback is not called after this. */
  abort(): void {
    if (this.ended) return
    this.ended = true
    this.controller?.abort(ABORTED)
    this.controller = undefined
  }

  /** The body as UTF-8 text, a leading byte order mark dropped (as undici's `body.text()` does). */
  private text(): string {
    const body = this.more === undefined ? this.first : Buffer.concat(this.more)
    if (body === undefined) return ""
    const start = body.length > 2 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0
    return body.toString("utf8", start)
  }
}

/**
 * POSTs `body` as `application/json` to `path` through `dispatcher` and calls `callback` once; returns a function that
 * aborts the request (the callback is then not called).
 */
export const postJson = (
  dispatcher: Dispatcher,
  path: string,
  body: string,
  callback: PostCallback
): () => void => {
  const handler = new JsonPostHandler(callback)
  dispatcher.dispatch({ path, method: "POST", headers: HEADERS, body }, handler as Dispatcher.DispatchHandler)
  return () => handler.abort()
}
