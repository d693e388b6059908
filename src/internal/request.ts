/**
 * One Bot API request: the JSON POST to `<apiRoot>/bot<token>/<method>`, its timeout, and its answer as a result or a
 * {@link BotApiError}. Two paths give the same answers and errors: the ordinary one over any `HttpClient`
 * (`execute`, timed out by the edition's `timeoutFail`), and the direct one over a client that has a direct transport
 * (`UndiciHttpClient`), timed out by one shared timer instead of two fibers per request.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { type BotApiError, TransportError } from "../BotApiError.js"
import type { ChatId } from "../ChatId.js"
import { messageOf } from "../core/scrub.js"
import { callback, timeoutFail } from "../edition/combinators.js"
import type { RunningFiber } from "../edition/fiber.js"
import {
  type HttpClient,
  type HttpClientError,
  HttpClientRequest,
  requestFailure,
  transportFailureKind,
  untracedExecute
} from "../edition/http.js"
import * as Result from "../edition/result.js"
import type { ResultSchema } from "../edition/schema.js"
import type { Timers } from "../edition/timers.js"
import * as TransportReason from "../edition/transportReason.js"
import { makeDeadlines } from "./deadlines.js"
import { type DirectTransport, directTransportOf } from "./directTransport.js"
import * as Envelope from "./envelope.js"

/**
 * Sends one request with `params` (already JSON-safe, `chat_id` validated) and decodes its `result`; called from the
 * running fiber (which the request is counted on).
 */
export type Send = <A, I>(
  fiber: RunningFiber,
  method: string,
  chatId: ChatId | undefined,
  params: Record<string, unknown>,
  resultSchema: ResultSchema<A, I>,
  timeout: Duration.Duration
) => Effect.Effect<A, BotApiError>

export interface SenderOptions {
  readonly client: HttpClient.HttpClient
  /** The clock and fibers of the direct path's deadlines (the building fiber's, so a `TestClock` drives them). */
  readonly timers: Timers
  readonly token: string
  /** Without a trailing `/`. */
  readonly apiRoot: string
  readonly scrub: (text: string) => string
  /** Counts a request about to be sent (after its parameters are encoded), from the running fiber. */
  readonly countRequest: (method: string, fiber: RunningFiber) => void
}

const timeoutError = (method: string, chatId: ChatId | undefined, timeout: Duration.Duration): TransportError =>
  new TransportError({
    method,
    chatId,
    reason: TransportReason.reason("Timeout"),
    status: undefined,
    description: `no answer within ${Duration.format(timeout)}`
  })

/** The sender for a service: the direct path when the client has a direct transport and the API root is a URL. */
export const makeSender = (options: SenderOptions): Send => {
  const { apiRoot, countRequest, scrub, token } = options
  const direct = directTransportOf(options.client)
  const root = URL.canParse(apiRoot) ? new URL(apiRoot) : undefined
  const sendJson =
    direct !== undefined && root !== undefined && (root.protocol === "http:" || root.protocol === "https:")
      ? makeDirect(direct, options, root.origin, `${root.pathname.replace(/\/+$/, "")}/bot${token}/`)
      : makeGeneric(options)
  return (fiber, method, chatId, params, resultSchema, timeout) => {
    let json: string
    try {
      json = JSON.stringify(params)
    } catch (error) {
      return Effect.fail(
        new TransportError({
          method,
          chatId,
          reason: TransportReason.reason("Encode"),
          status: undefined,
          description: scrub(`parameters are not JSON: ${messageOf(error)}`)
        })
      )
    }
    countRequest(method, fiber)
    return sendJson(method, chatId, json, resultSchema, timeout)
  }
}

type SendJson = <A, I>(
  method: string,
  chatId: ChatId | undefined,
  json: string,
  resultSchema: ResultSchema<A, I>,
  timeout: Duration.Duration
) => Effect.Effect<A, BotApiError>

/** Over any `HttpClient`: its spans off (their attributes carry the URL, hence the token), no trace headers. */
const makeGeneric = (options: SenderOptions): SendJson => {
  const { apiRoot, scrub, token } = options
  const execute = untracedExecute(options.client)
  const fromPlatform = (
    method: string,
    chatId: ChatId | undefined,
    error: HttpClientError.HttpClientError
  ): TransportError => {
    // Never `error.message` (it holds the URL) and never `error` itself as a cause: only a scrubbed description.
    const failure = requestFailure(error)
    const detail = [failure.description, failure.cause === undefined ? undefined : messageOf(failure.cause)]
      .filter((s): s is string => s !== undefined && s !== "")
      .join(": ")
    return new TransportError({
      method,
      chatId,
      reason: TransportReason.reason(failure.reason),
      status: failure.status,
      description: scrub(`${failure.kind}${detail === "" ? "" : `: ${detail}`}`)
    })
  }
  return (method, chatId, json, resultSchema, timeout) =>
    Effect.flatMap(
      timeoutFail(
        execute(
          HttpClientRequest.post(`${apiRoot}/bot${token}/${method}`).pipe(
            HttpClientRequest.bodyText(json, "application/json")
          )
        ).pipe(
          Effect.flatMap((response) => Effect.map(response.text, (text) => [response.status, text] as const)),
          Effect.mapError((error) => fromPlatform(method, chatId, error))
        ),
        timeout,
        () => timeoutError(method, chatId, timeout)
      ),
      ([status, text]) => Result.toEffect(Envelope.classify(method, chatId, scrub, status, text, resultSchema))
    )
}

/**
 * Over a direct transport: one callback per request, aborted at its deadline (one timer for all requests, on the
 * service's clock) or when the fiber is interrupted.
 */
const makeDirect = (direct: DirectTransport, options: SenderOptions, origin: string, pathPrefix: string): SendJson => {
  const { scrub } = options
  const deadlines = makeDeadlines(options.timers)
  return <A, I>(
    method: string,
    chatId: ChatId | undefined,
    json: string,
    resultSchema: ResultSchema<A, I>,
    timeout: Duration.Duration
  ) =>
    callback<A, BotApiError>((resume) => {
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
            ? Result.toEffect(Envelope.classify(method, chatId, scrub, status, body, resultSchema))
            : Effect.fail(
              new TransportError({
                method,
                chatId,
                reason: TransportReason.reason("Network"),
                status: undefined,
                description: scrub(`${transportFailureKind}: ${messageOf(error)}`)
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
