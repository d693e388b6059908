/**
 * The HTTP client as the Effect 4 edition has it: `effect/http`'s modules, its errors (one `HttpClientError` with a
 * tagged `reason`), its tracer reference, and arrays from a body stream.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Stream from "effect/Stream"

export * as HttpClient from "effect/http/HttpClient"
export * as HttpClientError from "effect/http/HttpClientError"
export * as HttpClientRequest from "effect/http/HttpClientRequest"
export * as HttpClientResponse from "effect/http/HttpClientResponse"

/** What a failed request was, for a `TransportError`: the platform's words, not scrubbed yet. */
export interface RequestFailure {
  readonly reason: "Encode" | "Network"
  readonly status: number | undefined
  /** The platform's name for it (`TransportError`, `StatusCodeError`, …). */
  readonly kind: string
  readonly description: string | undefined
  readonly cause: unknown
}

/** The failure of `error` (never its `message`, which holds the URL). */
export const requestFailure = (error: HttpClientError.HttpClientError): RequestFailure => {
  const reason = error.reason
  return {
    reason: reason._tag === "EncodeError" || reason._tag === "InvalidUrlError" ? "Encode" : "Network",
    status: "response" in reason ? reason.response.status : undefined,
    kind: reason._tag,
    description: reason.description,
    cause: reason.cause
  }
}

/** How a failed direct request is named (as the platform names a failed transport). */
export const transportFailureKind = "TransportError"

const always = (): boolean => true

/** `execute` of `client` with its spans off (their attributes carry the URL, hence the token). */
export const untracedExecute = (
  client: HttpClient.HttpClient
): (request: HttpClientRequest.HttpClientRequest) => Effect.Effect<
  HttpClientResponse.HttpClientResponse,
  HttpClientError.HttpClientError
> =>
(request) => Effect.provideService(client.execute(request), HttpClient.TracerDisabledWhen, always)

/** A request that could not be encoded. */
export const encodeError = (
  request: HttpClientRequest.HttpClientRequest,
  cause: unknown
): HttpClientError.HttpClientError =>
  new HttpClientError.HttpClientError({ reason: new HttpClientError.EncodeError({ request, cause }) })

/** A request that could not be sent, or whose answer could not be read. */
export const transportError = (
  request: HttpClientRequest.HttpClientRequest,
  failure: { readonly cause: unknown } | { readonly description: string }
): HttpClientError.HttpClientError =>
  new HttpClientError.HttpClientError({ reason: new HttpClientError.TransportError({ request, ...failure }) })

/** Every byte of a body stream. */
export const collectBytes = <E>(stream: Stream.Stream<Uint8Array, E>): Effect.Effect<Uint8Array, E> =>
  Effect.map(Stream.runCollect(stream), (chunks) => Buffer.concat(chunks))
