/**
 * The protocol between `BotApi` and an `HttpClient` that can also send a Bot API request without the `HttpClient`
 * machinery (request and response objects, an AbortController and a finalization registration per request, a fork
 * per timeout): `UndiciHttpClient` carries one under {@link DirectTransportTypeId}. `BotApi` uses it when the client it
 * is given has one, and the ordinary `execute` otherwise; both give the same answers and the same errors.
 *
 * @internal
 */
import type { HttpClient } from "../edition/http.js"

export const DirectTransportTypeId: unique symbol = Symbol.for("effect-telegram-invite/DirectTransport")

/** Called once, with the status and the whole body, or with what went wrong. */
export type PostCallback = (error: unknown, status: number, body: string) => void

export interface DirectTransport {
  /**
   * POSTs `body` as `application/json` to `path` on `origin` (`http://host:port`, no trailing `/`) and calls `callback`
   * once. Returns a function that aborts the request (the callback is then not called).
   */
  readonly postJson: (origin: string, path: string, body: string, callback: PostCallback) => () => void
}

/** The direct transport of `client`, if it has one. */
export const directTransportOf = (client: HttpClient.HttpClient): DirectTransport | undefined =>
  (client as unknown as { readonly [DirectTransportTypeId]?: DirectTransport })[DirectTransportTypeId]
