/**
 * The mock served in-process to an Effect program: an `HttpClient` that answers from a
 * `MockTelegram` without sockets or MSW. Delay faults wait on Effect's Clock (so TestClock drives
 * them); a dropped connection is a transport error, as it would be over the network.
 */
import { HttpClient, HttpClientError, HttpClientResponse } from "@effect/platform"
import { Chunk, Effect, Layer, Stream } from "effect"
import { decodeContentEncoding } from "./internal/ContentEncoding.js"
import type { MockTelegram } from "./MockTelegram.js"
import type { WireResponse } from "./Wire.js"

/** An HttpClient answering requests under `apiRoot` (default `https://api.telegram.org`) from `mock`. */
export const makeMockHttpClient = (
  mock: MockTelegram,
  options: { readonly apiRoot?: string } = {}
): HttpClient.HttpClient => {
  const root = new URL(options.apiRoot ?? "https://api.telegram.org")
  const prefix = root.pathname.replace(/\/+$/, "")
  return HttpClient.make((request, url) =>
    Effect.gen(function*() {
      if (url.origin !== root.origin || !url.pathname.startsWith(prefix)) {
        return yield* Effect.fail(
          new HttpClientError.RequestError({ request, reason: "Transport", description: "no such host in the mock" })
        )
      }
      const { bytes, contentType } = yield* requestBody(request)
      const body = decodeContentEncoding(request.headers["content-encoding"], bytes)
      let response: WireResponse = body instanceof Uint8Array
        ? mock.handle({
          method: request.method,
          target: url.pathname.slice(prefix.length) + url.search,
          contentType: request.headers["content-type"] ?? contentType,
          body,
          controlToken: request.headers["x-mock-control-token"]
        })
        : { _tag: "Bare", status: body.status }
      while (response._tag === "Delay") {
        yield* Effect.sleep(response.ms)
        response = response.then()
      }
      switch (response._tag) {
        case "Drop":
          return yield* Effect.fail(
            new HttpClientError.RequestError({ request, reason: "Transport", description: "connection dropped" })
          )
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
        case "Bare":
          return HttpClientResponse.fromWeb(request, new Response(null, { status: response.status }))
      }
    })
  )
}

/** The mock's HttpClient as a Layer: provide it where an Effect program expects `HttpClient`. */
export const layerMockHttpClient = (
  mock: MockTelegram,
  options: { readonly apiRoot?: string } = {}
): Layer.Layer<HttpClient.HttpClient> => Layer.succeed(HttpClient.HttpClient, makeMockHttpClient(mock, options))

type ClientRequest = Parameters<Parameters<typeof HttpClient.make>[0]>[0]

const encoder = new TextEncoder()

/** The request's body as bytes, with the content type it implies (a form's carries its boundary). */
const requestBody = (
  request: ClientRequest
): Effect.Effect<{ bytes: Uint8Array; contentType: string | undefined }, HttpClientError.RequestError> => {
  const body = request.body
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
        catch: (cause) => new HttpClientError.RequestError({ request, reason: "Encode", cause })
      })
    case "Stream":
      return body.stream.pipe(
        Stream.runCollect,
        Effect.map((chunks) => ({
          bytes: Buffer.concat(Chunk.toReadonlyArray(chunks)),
          contentType: body.contentType
        })),
        Effect.mapError((cause) => new HttpClientError.RequestError({ request, reason: "Encode", cause }))
      )
  }
}
