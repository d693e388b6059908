/**
 * The mock Telegram (the `telegram-bot-api-mock` package) served in-process to an Effect program: an `HttpClient`
 * that answers from a `MockTelegram` without sockets or MSW. Delay faults wait on Effect's `Clock` (so `TestClock`
 * drives them); a parked long poll or an absorbed flood wait waits for the mock, whose clock (with
 * `mockClockFromEffect`) is the same `TestClock`, and an interrupted request cancels it; a dropped connection is a
 * transport error, as it would be over the network.
 *
 * Not part of the main entry (it is a tool for tests and demos): import it from
 * `effect-telegram-invite/MockHttpClient`, with `telegram-bot-api-mock` installed.
 *
 * @since 0.2.0
 *
 * @module effect-telegram-invite/MockHttpClient
 */
import type * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { MockClock, MockTelegram, WireResponse } from "telegram-bot-api-mock"
import { callback } from "./edition/combinators.js"
import { HttpClient, HttpClientResponse, transportError } from "./edition/http.js"
import { timersOf } from "./edition/timers.js"
import { requestBody } from "./internal/requestBody.js"

/**
 * Options of {@link makeMockHttpClient}.
 *
 * @since 0.2.0
 */
export interface Options {
  /** The API root the client under test uses; `https://api.telegram.org` by default. */
  readonly apiRoot?: string | undefined
}

/**
 * An `HttpClient` answering requests under `apiRoot` (default `https://api.telegram.org`) from `mock`.
 *
 * @since 0.2.0
 */
export const makeMockHttpClient = (mock: MockTelegram, options: Options = {}): HttpClient.HttpClient => {
  const root = new URL(options.apiRoot ?? "https://api.telegram.org")
  const prefix = root.pathname.replace(/\/+$/, "")
  return HttpClient.make((request, url) =>
    Effect.gen(function*() {
      if (url.origin !== root.origin || !url.pathname.startsWith(prefix)) {
        return yield* Effect.fail(transportError(request, { description: "no such host in the mock" }))
      }
      const { bytes, contentType } = yield* requestBody(request)
      let response: WireResponse = mock.handle({
        method: request.method,
        target: url.pathname.slice(prefix.length) + url.search,
        contentType: request.headers["content-type"] ?? contentType,
        contentEncoding: request.headers["content-encoding"],
        body: bytes ?? new Uint8Array(),
        controlToken: request.headers["x-mock-control-token"]
      })
      while (response._tag === "Delay" || response._tag === "Wait") {
        if (response._tag === "Delay") yield* Effect.sleep(response.ms)
        else yield* waitFor(response)
        response = response.then()
      }
      switch (response._tag) {
        case "Drop":
          return yield* Effect.fail(transportError(request, { description: "connection dropped" }))
        case "Json":
          return HttpClientResponse.fromWeb(
            request,
            new Response(response.body, {
              status: response.status,
              headers: response.retryAfter !== undefined
                ? { "content-type": "application/json", "retry-after": String(response.retryAfter) }
                : { "content-type": "application/json" }
            })
          )
        case "Html":
          return HttpClientResponse.fromWeb(
            request,
            new Response(response.body, { status: response.status, headers: { "content-type": "text/html" } })
          )
        case "File":
          return HttpClientResponse.fromWeb(
            request,
            new Response(response.body as Uint8Array<ArrayBuffer>, {
              status: 200,
              headers: { "content-type": response.contentType }
            })
          )
        case "Bare":
          return HttpClientResponse.fromWeb(request, new Response(null, { status: response.status }))
      }
    })
  )
}

/**
 * The mock's `HttpClient` as a layer: provide it where an Effect program expects an `HttpClient`.
 *
 * @since 0.2.0
 */
export const layerMockHttpClient = (
  mock: MockTelegram,
  options: Options = {}
): Layer.Layer<HttpClient.HttpClient> => Layer.succeed(HttpClient.HttpClient, makeMockHttpClient(mock, options))

/** Waits until the mock has the answer; interrupting the request (a stopped bot) cancels the wait in the mock. */
const waitFor = (response: Extract<WireResponse, { _tag: "Wait" }>): Effect.Effect<void> =>
  callback<void, never>((resume) => {
    response.onReady(() => resume(Effect.void))
    return Effect.sync(() => response.cancel())
  })

/**
 * The mock on an Effect clock: inside `it.effect`, `MockTelegram.make({ clock: mockClockFromEffect(yield*
 * Effect.clock) })` makes the mock see exactly the `TestClock` the client sees, so a 30 s flood window passes when the
 * test adjusts the clock. The mock's timers (a long poll's timeout, an absorbed flood wait, a webhook's retry) sleep
 * on that clock too, each in a fiber of its own.
 *
 * @since 0.2.0
 */
export const mockClockFromEffect = (clock: Clock.Clock): MockClock => {
  const timers = timersOf(clock)
  return {
    now: timers.now,
    schedule: (atMs, fn) => timers.fork(Effect.andThen(timers.sleepUntil(atMs), Effect.sync(fn)))
  }
}
