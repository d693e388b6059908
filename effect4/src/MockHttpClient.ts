/**
 * The mock Telegram (the `telegram-bot-api-mock` package) served in-process to an Effect 4 program: an `HttpClient`
 * that answers from a `MockTelegram` without sockets or MSW. Delay faults wait on Effect's `Clock` (so `TestClock`
 * drives them), parked answers (long polls) wait for the mock's signal; a dropped connection is a transport error, as
 * it would be over the network.
 *
 * Not part of the main entry (it is a tool for tests and demos): import it from
 * `effect-telegram-invite-effect4/MockHttpClient`, with `telegram-bot-api-mock` installed.
 *
 * @since 0.2.0
 */
import type * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import type { MockClock, MockTelegram, WireResponse } from "telegram-bot-api-mock"

/**
 * Options of {@link makeMockHttpClient}.
 *
 * @since 0.2.0
 */
export interface Options {
  /** The API root the client under test uses; `https://api.telegram.org` by default. */
  readonly apiRoot?: string | undefined
}

const transportError = (request: HttpClientRequest.HttpClientRequest, description: string) =>
  new HttpClientError.HttpClientError({ reason: new HttpClientError.TransportError({ request, description }) })

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
        return yield* Effect.fail(transportError(request, "no such host in the mock"))
      }
      const { bytes, contentType } = yield* requestBody(request)
      let response: WireResponse = mock.handle({
        method: request.method,
        target: url.pathname.slice(prefix.length) + url.search,
        contentType: request.headers["content-type"] ?? contentType,
        contentEncoding: request.headers["content-encoding"],
        body: bytes,
        controlToken: request.headers["x-mock-control-token"]
      })
      while (response._tag === "Delay" || response._tag === "Wait") {
        if (response._tag === "Delay") {
          yield* Effect.sleep(response.ms)
        } else {
          // An answer the mock decides later (a parked long poll): wait for its signal; cancel it if interrupted.
          const parked = response
          yield* Effect.callback<void>((resume) => {
            parked.onReady(() => resume(Effect.void))
            return Effect.sync(parked.cancel)
          })
        }
        response = response.then()
      }
      switch (response._tag) {
        case "Drop":
          return yield* Effect.fail(transportError(request, "connection dropped"))
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

/**
 * The mock on an Effect clock: inside `it.effect`, `MockTelegram.make({ clock: mockClockFromEffect(yield*
 * Clock.Clock) })` makes the mock see exactly the `TestClock` the client sees, so a 30 s flood window passes when the
 * test adjusts the clock.
 *
 * @since 0.2.0
 */
export const mockClockFromEffect = (clock: Clock.Clock): MockClock => ({
  now: () => clock.currentTimeMillisUnsafe()
})

const encoder = new TextEncoder()

/** The request's body as bytes, with the content type it implies (a form's carries its boundary). */
const requestBody = (
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<{ bytes: Uint8Array; contentType: string | undefined }, HttpClientError.HttpClientError> => {
  const body = request.body
  const encodeError = (cause: unknown) =>
    new HttpClientError.HttpClientError({ reason: new HttpClientError.EncodeError({ request, cause }) })
  switch (body._tag) {
    case "Empty":
      return Effect.succeed({ bytes: new Uint8Array(), contentType: undefined })
    case "Uint8Array":
      return Effect.succeed({ bytes: body.body, contentType: body.contentType })
    case "Raw":
      return Effect.succeed({
        bytes: typeof body.body === "string"
          ? encoder.encode(body.body)
          : body.body instanceof Uint8Array
          ? body.body
          : new Uint8Array(),
        contentType: body.contentType
      })
    case "FormData":
      return Effect.tryPromise({
        try: async () => {
          const encoded = new Response(body.formData)
          return {
            bytes: new Uint8Array(await encoded.arrayBuffer()),
            contentType: encoded.headers.get("content-type") ?? undefined
          }
        },
        catch: encodeError
      })
    case "Stream":
      return body.stream.pipe(
        Stream.runCollect,
        Effect.map((chunks) => ({ bytes: Buffer.concat(chunks), contentType: body.contentType })),
        Effect.mapError(encodeError)
      )
  }
}
