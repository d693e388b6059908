/**
 * One Bot API request: the JSON POST to `<apiRoot>/bot<token>/<method>`, its timeout, and its answer as a result or a
 * {@link BotApiError}. Two paths give the same answers and errors: the ordinary one over any `HttpClient`
 * (`execute`, timed out by `Effect.timeoutOrElse`), and the direct one over a client that has a direct transport
 * (`UndiciHttpClient`), timed out by one shared timer instead of two fibers per request.
 *
 * @internal
 */
import { messageOf } from "#core/scrub.js"
import type * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientError from "effect/http/HttpClientError"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import { type BotApiError, TransportError } from "../BotApiError.js"
import type { ChatId } from "../ChatId.js"
import { makeDeadlines } from "./deadlines.js"
import { type DirectTransport, directTransportOf } from "./directTransport.js"
import * as Envelope from "./envelope.js"

/** Sends one request with `params` (already JSON-safe, `chat_id` validated) and decodes its `result`. */
export type Send = <A>(
  method: string,
  chatId: ChatId | undefined,
  params: Record<string, unknown>,
  resultSchema: Envelope.ResultSchema<A>,
  timeout: Duration.Duration
) => Effect.Effect<A, BotApiError>

export interface SenderOptions {
  readonly client: HttpClient.HttpClient
  /** The services of the fiber building the service (its clock drives the direct path's deadlines). */
  readonly services: Context.Context<never>
  readonly token: string
  /** Without a trailing `/`. */
  readonly apiRoot: string
  readonly scrub: (text: string) => string
  /** Counts a request about to be sent (after its parameters are encoded). */
  readonly countRequest: (method: string) => Effect.Effect<void>
}

const timeoutError = (method: string, chatId: ChatId | undefined, timeout: Duration.Duration): TransportError =>
  new TransportError({
    method,
    chatId,
    reason: "Timeout",
    status: undefined,
    description: `no answer within ${Duration.format(timeout)}`
  })

/** The sender for a service: the direct path when the client has a direct transport and the API root is a URL. */
export const makeSender = (options: SenderOptions): Send => {
  const { apiRoot, scrub, token } = options
  const direct = directTransportOf(options.client)
  const root = URL.canParse(apiRoot) ? new URL(apiRoot) : undefined
  const encoded = <A>(
    method: string,
    chatId: ChatId | undefined,
    params: Record<string, unknown>,
    then: (json: string) => Effect.Effect<A, BotApiError>
  ): Effect.Effect<A, BotApiError> => {
    let json: string
    try {
      json = JSON.stringify(params)
    } catch (error) {
      return Effect.fail(
        new TransportError({
          method,
          chatId,
          reason: "Encode",
          status: undefined,
          description: scrub(`parameters are not JSON: ${messageOf(error)}`)
        })
      )
    }
    return Effect.andThen(options.countRequest(method), then(json))
  }
  if (direct !== undefined && root !== undefined && (root.protocol === "http:" || root.protocol === "https:")) {
    const sendDirect = makeDirect(direct, options, root.origin, `${root.pathname.replace(/\/+$/, "")}/bot${token}/`)
    return (method, chatId, params, resultSchema, timeout) =>
      encoded(method, chatId, params, (json) => sendDirect(method, chatId, json, resultSchema, timeout))
  }
  const sendGeneric = makeGeneric(options)
  return (method, chatId, params, resultSchema, timeout) =>
    encoded(method, chatId, params, (json) => sendGeneric(method, chatId, json, resultSchema, timeout))
}

type SendJson = <A>(
  method: string,
  chatId: ChatId | undefined,
  json: string,
  resultSchema: Envelope.ResultSchema<A>,
  timeout: Duration.Duration
) => Effect.Effect<A, BotApiError>

const always = (): boolean => true

/** The reason of a platform error as this library's transport reason. */
const reasonOf = (reason: HttpClientError.HttpClientErrorReason): "Encode" | "Network" =>
  reason._tag === "EncodeError" || reason._tag === "InvalidUrlError" ? "Encode" : "Network"

/** Over any `HttpClient`: its spans off (their attributes carry the URL, hence the token), no trace headers. */
const makeGeneric = (options: SenderOptions): SendJson => {
  const { apiRoot, client, scrub, token } = options
  const fromPlatform = (
    method: string,
    chatId: ChatId | undefined,
    error: HttpClientError.HttpClientError
  ): TransportError => {
    // Never `error.message` (it holds the URL) and never `error` itself as a cause: only a scrubbed description.
    const reason = error.reason
    const detail = [reason.description, reason.cause === undefined ? undefined : messageOf(reason.cause)]
      .filter((s): s is string => s !== undefined && s !== "")
      .join(": ")
    return new TransportError({
      method,
      chatId,
      reason: reasonOf(reason),
      status: "response" in reason ? reason.response.status : undefined,
      description: scrub(`${reason._tag}${detail === "" ? "" : `: ${detail}`}`)
    })
  }
  return (method, chatId, json, resultSchema, timeout) =>
    client.execute(
      HttpClientRequest.post(`${apiRoot}/bot${token}/${method}`).pipe(
        HttpClientRequest.bodyText(json, "application/json")
      )
    ).pipe(
      Effect.flatMap((response) => Effect.map(response.text, (text) => [response.status, text] as const)),
      Effect.mapError((error) => fromPlatform(method, chatId, error)),
      Effect.provideService(HttpClient.TracerDisabledWhen, always),
      Effect.timeoutOrElse({ duration: timeout, orElse: () => Effect.fail(timeoutError(method, chatId, timeout)) }),
      Effect.flatMap(([status, text]) =>
        Effect.fromResult(Envelope.classify({ method, chatId, scrub }, status, text, resultSchema))
      )
    )
}

/**
 * Over a direct transport: one callback per request, aborted at its deadline (one timer for all requests, on the
 * service's clock) or when the fiber is interrupted.
 */
const makeDirect = (direct: DirectTransport, options: SenderOptions, origin: string, pathPrefix: string): SendJson => {
  const { scrub } = options
  const deadlines = makeDeadlines(options.services)
  return <A>(
    method: string,
    chatId: ChatId | undefined,
    json: string,
    resultSchema: Envelope.ResultSchema<A>,
    timeout: Duration.Duration
  ) =>
    Effect.callback<A, BotApiError>((resume) => {
      let settled = false
      let abort = (): void => {}
      const cancelDeadline = deadlines.add(Duration.toMillis(timeout), () => {
        if (settled) return
        settled = true
        abort()
        resume(Effect.fail(timeoutError(method, chatId, timeout)))
      })
      abort = direct.postJson(origin, pathPrefix + method, json, (error, status, body) => {
        if (settled) return
        settled = true
        cancelDeadline()
        resume(
          error === undefined
            ? Effect.fromResult(Envelope.classify({ method, chatId, scrub }, status, body, resultSchema))
            : Effect.fail(
              new TransportError({
                method,
                chatId,
                reason: "Network",
                status: undefined,
                description: scrub(`TransportError: ${messageOf(error)}`)
              })
            )
        )
      })
      return Effect.sync(() => {
        if (settled) return
        settled = true
        cancelDeadline()
        abort()
      })
    })
}
