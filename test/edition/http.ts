/**
 * The HTTP clients of the Effect 3 edition's tests: `@effect/platform`'s modules, `@effect/platform-node`'s clients,
 * and a platform error as Effect 3 makes it (`RequestError` with a flat `reason`). The Effect 4 edition's file of the
 * same name reads them from `effect/http`.
 */
import { HttpClientError, type HttpClientRequest } from "@effect/platform"
import type { HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import type { Layer } from "effect"

export { FetchHttpClient, HttpClient, HttpClientError, HttpClientRequest, HttpClientResponse } from "@effect/platform"

/** `@effect/platform-node`'s client over undici. */
export const nodeUndiciLayer: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layerUndici

/** `@effect/platform-node`'s client over node:http. */
export const nodeHttpLayer: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layer

/** The platform's error for a request that could not be sent (its message holds the URL). */
export const transportError = (
  request: HttpClientRequest.HttpClientRequest,
  details?: { readonly cause?: unknown; readonly description?: string }
): HttpClientError.HttpClientError => new HttpClientError.RequestError({ request, reason: "Transport", ...details })
