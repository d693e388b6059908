/**
 * A lean `HttpClient` for Node over undici's connection `Pool` (keep-alive, one pool per origin): the fastest
 * transport for this library on Node (see BENCHMARKS.md). It is an ordinary `HttpClient` (built with
 * `HttpClient.make`, so any code that needs one can use it), and `BotApi` recognises it and sends its requests
 * through the pool directly, without building request and response objects or forking a fiber per timeout.
 *
 * Needs `undici` (7 for the Effect 3 edition, 8 for Effect 4; installed with `@effect/platform-node`). Import it
 * from the edition's `UndiciHttpClient` subpath (`effect-telegram-invite/UndiciHttpClient`).
 *
 * @since 0.2.0
 *
 * @module effect-telegram-invite/UndiciHttpClient
 */
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { Pool } from "undici"
import { HttpClient, HttpClientResponse, transportError } from "./edition/http.js"
import { scopedLayer } from "./edition/service.js"
import { type DirectTransport, DirectTransportTypeId } from "./internal/directTransport.js"
import { postJson } from "./internal/jsonPost.js"
import { requestBody } from "./internal/requestBody.js"

/**
 * Options of {@link make}.
 *
 * @since 0.2.0
 */
export interface Options {
  /** Connections per origin (default 64). */
  readonly connections?: number | undefined
  /** How long an idle connection is kept open, in ms (default 4000; servers usually close theirs after 5 s). */
  readonly keepAliveTimeout?: number | undefined
}

const toHeaders = (raw: Record<string, string | Array<string> | undefined>): Headers => {
  const headers = new Headers()
  for (const name in raw) {
    const value = raw[name]
    if (Array.isArray(value)) { for (const item of value) headers.append(name, item) }
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

/**
 * The client, with its pools closed when the scope closes.
 *
 * @since 0.2.0
 */
export const make = (options?: Options): Effect.Effect<HttpClient.HttpClient, never, Scope.Scope> =>
  Effect.gen(function*() {
    const pools = new Map<string, Pool>()
    yield* Effect.addFinalizer(() =>
      Effect.promise(() => Promise.all([...pools.values()].map((pool) => pool.destroy().catch(() => undefined))))
    )
    const poolFor = (origin: string): Pool => {
      let pool = pools.get(origin)
      if (pool === undefined) {
        pool = new Pool(origin, {
          connections: options?.connections ?? 64,
          keepAliveTimeout: options?.keepAliveTimeout ?? 4_000
        })
        pools.set(origin, pool)
      }
      return pool
    }

    const direct: DirectTransport = {
      postJson: (origin, path, body, callback) => postJson(poolFor(origin), path, body, callback)
    }

    const client = HttpClient.make((request, url, signal) =>
      Effect.flatMap(
        requestBody(request),
        ({ bytes: body, contentType }) =>
          Effect.tryPromise({
            try: async () => {
              const headers: Record<string, string> = { ...request.headers }
              if (contentType !== undefined && headers["content-type"] === undefined) {
                headers["content-type"] = contentType
              }
              const response = await poolFor(url.origin).request({
                path: url.pathname + url.search,
                method: request.method,
                headers,
                ...(body === undefined ? {} : { body }),
                signal
              })
              const bytes = new Uint8Array(await response.body.arrayBuffer())
              const status = response.statusCode
              const nullBody = status === 204 || status === 205 || status === 304 || request.method === "HEAD"
              return HttpClientResponse.fromWeb(
                request,
                new Response(nullBody ? null : bytes, { status, headers: toHeaders(response.headers) })
              )
            },
            catch: (cause) => transportError(request, { cause })
          })
      )
    )
    return Object.assign(client, { [DirectTransportTypeId]: direct })
  })

/**
 * The client as a layer, with default {@link Options}.
 *
 * @since 0.2.0
 */
export const layer: Layer.Layer<HttpClient.HttpClient> = scopedLayer(HttpClient.HttpClient, make())

/**
 * The client as a layer, with options.
 *
 * @since 0.2.0
 */
export const layerWith = (options: Options): Layer.Layer<HttpClient.HttpClient> =>
  scopedLayer(HttpClient.HttpClient, make(options))
