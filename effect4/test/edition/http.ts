/**
 * The HTTP clients of the Effect 4 edition's tests: `effect/http`'s modules, `@effect/platform-node`'s clients, and a
 * platform error as Effect 4 makes it (one `HttpClientError` with a tagged `reason`). The Effect 3 edition's file of
 * the same name reads them from `@effect/platform`.
 */
import { NodeHttpClient } from "@effect/platform-node"
import type { Layer } from "effect"
import { type HttpClient, HttpClientError, type HttpClientRequest } from "effect/http"

export { FetchHttpClient, HttpClient, HttpClientError, HttpClientRequest, HttpClientResponse } from "effect/http"

/** `@effect/platform-node`'s client over undici. */
export const nodeUndiciLayer: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layerUndici

/** `@effect/platform-node`'s client over node:http. */
export const nodeHttpLayer: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layerNodeHttp

/** The platform's error for a request that could not be sent (its message holds the URL). */
export const transportError = (
  request: HttpClientRequest.HttpClientRequest,
  details?: { readonly cause?: unknown; readonly description?: string }
): HttpClientError.HttpClientError =>
  new HttpClientError.HttpClientError({ reason: new HttpClientError.TransportError({ request, ...details }) })
