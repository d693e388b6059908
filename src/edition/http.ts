/**
 * The HTTP client as the Effect 3 edition has it: `@effect/platform`'s modules, its errors (`RequestError` and
 * `ResponseError` with a flat `reason`), its tracer switches, and `Chunk`s from a body stream.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

export * as HttpClient from "@effect/platform/HttpClient"
export * as HttpClientError from "@effect/platform/HttpClientError"
export * as HttpClientRequest from "@effect/platform/HttpClientRequest"
export * as HttpClientResponse from "@effect/platform/HttpClientResponse"

/** What a failed request was, for a `TransportError`: the platform's words, not scrubbed yet. */
export interface RequestFailure {
  readonly reason: "Encode" | "Network"
  readonly status: number | undefined
  /** The platform's name for it (`RequestError Transport`, `ResponseError StatusCode`, …). */
  readonly kind: string
  readonly description: string | undefined
  readonly cause: unknown
}

/** The failure of `error` (never its `message`, which holds the URL). */
export const requestFailure = (error: HttpClientError.HttpClientError): RequestFailure => ({
  reason: error._tag === "RequestError" && error.reason !== "Transport" ? "Encode" : "Network",
  status: error._tag === "ResponseError" ? error.response.status : undefined,
  kind: `${error._tag} ${error.reason}`,
  description: error.description,
  cause: error.cause
})

/** How a failed direct request is named (as the platform names a failed transport). */
export const transportFailureKind = "RequestError Transport"

/**
 * `execute` of `client` with its spans off (their attributes carry the URL, hence the token) and no trace headers.
 */
export const untracedExecute = (
  client: HttpClient.HttpClient
): (request: HttpClientRequest.HttpClientRequest) => Effect.Effect<
  HttpClientResponse.HttpClientResponse,
  HttpClientError.HttpClientError
> => {
  const untraced = client.pipe(HttpClient.withTracerDisabledWhen(() => true), HttpClient.withTracerPropagation(false))
  return (request) => untraced.execute(request)
}

/** A request that could not be encoded. */
export const encodeError = (
  request: HttpClientRequest.HttpClientRequest,
  cause: unknown
): HttpClientError.HttpClientError => new HttpClientError.RequestError({ request, reason: "Encode", cause })

/** A request that could not be sent, or whose answer could not be read. */
export const transportError = (
  request: HttpClientRequest.HttpClientRequest,
  failure: { readonly cause: unknown } | { readonly description: string }
): HttpClientError.HttpClientError => new HttpClientError.RequestError({ request, reason: "Transport", ...failure })

/** Every byte of a body stream. */
export const collectBytes = <E>(stream: Stream.Stream<Uint8Array, E>): Effect.Effect<Uint8Array, E> =>
  Effect.map(Stream.runCollect(stream), (chunks) => Buffer.concat(Chunk.toReadonlyArray(chunks)))
