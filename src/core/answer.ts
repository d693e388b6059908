/**
 * What a Bot API answer means (telegram-wire.md §3), read from `parameters` and `error_code`, never from the
 * description text, in this order:
 *
 * 1. not a Bot API envelope at all (a body that is not JSON, JSON that is not `{ok:true,result}` /
 *    `{ok:false,error_code,description}`) → no answer (`NotJson`, `NotEnvelope`)
 * 2. `parameters.retry_after` is a positive finite number → a flood wait
 * 3. `parameters.migrate_to_chat_id` is a safe non-zero integer → a migration
 * 4. any other `ok:false` → a refusal, kept as sent (also a `retry_after` that is 0, negative or not a number, and a
 *    `migrate_to_chat_id` that is not a safe integer: the envelope is valid, the hint is not usable).
 *
 * Flood wait goes before migration: waiting first is always safe (the retry after the wait learns of the migration
 * again), whereas following a migration first would send a request while the server asked us to wait.
 *
 * Plain TypeScript: both editions of the client classify with this function.
 */

/**
 * Why a call produced no Bot API answer:
 * - `Network`: the request could not be sent or the response could not be read
 * - `Timeout`: no answer within the request timeout
 * - `Encode`: the request could not be built (parameters that are not JSON, an API root that is not a URL)
 * - `NotJson`: the body is not JSON (e.g. an HTML 502 page from a proxy)
 * - `NotEnvelope`: JSON, but not `{ok:true,result}` nor `{ok:false,error_code,description}`
 * - `UnexpectedResult`: `ok:true` with a `result` of the wrong shape
 */
export type TransportReason = "Network" | "Timeout" | "Encode" | "NotJson" | "NotEnvelope" | "UnexpectedResult"

/** Every {@link TransportReason}, for schemas. */
export const transportReasons = ["Network", "Timeout", "Encode", "NotJson", "NotEnvelope", "UnexpectedResult"] as const

/** The `parameters` object of a failed answer, as sent. */
export type ResponseParameters = { readonly [key: string]: unknown }

/** A classified answer; every text in it is already scrubbed of the token. */
export type Answer =
  | { readonly _tag: "Result"; readonly result: unknown }
  | { readonly _tag: "FloodWait"; readonly retryAfterSeconds: number; readonly description: string }
  | { readonly _tag: "Migrated"; readonly migrateToChatId: number; readonly description: string }
  | {
    readonly _tag: "Refused"
    readonly errorCode: number
    readonly description: string
    readonly parameters: ResponseParameters | undefined
  }
  | { readonly _tag: "NoAnswer"; readonly reason: "NotJson" | "NotEnvelope"; readonly description: string }

const MAX_BODY_IN_DESCRIPTION = 120

/** A body squeezed to one line of at most 120 characters, for descriptions. */
export const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  return flat.length > MAX_BODY_IN_DESCRIPTION ? `${flat.slice(0, MAX_BODY_IN_DESCRIPTION)}...` : flat
}

const isObject = (u: unknown): u is { readonly [key: string]: unknown } => typeof u === "object" && u !== null

/**
 * Classifies a response body (already read as text). `scrub` removes the token from every text kept (descriptions,
 * excerpts, `parameters`).
 */
export const classifyAnswer = (body: string, scrub: (text: string) => string): Answer => {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return {
      _tag: "NoAnswer",
      reason: "NotJson",
      description: scrub(`body is not JSON: ${excerpt(body) || "(empty)"}`)
    }
  }
  if (isObject(json) && !Array.isArray(json)) {
    if (json["ok"] === true && json["result"] !== undefined) return { _tag: "Result", result: json["result"] }
    if (json["ok"] === false) {
      const errorCode = json["error_code"]
      const description = json["description"]
      const parameters = json["parameters"]
      if (
        typeof errorCode === "number" && Number.isSafeInteger(errorCode) && typeof description === "string" &&
        (parameters === undefined || isObject(parameters))
      ) {
        return classifyFailure(errorCode, scrub(description), parameters, scrub)
      }
    }
  }
  return { _tag: "NoAnswer", reason: "NotEnvelope", description: scrub(`not a Bot API envelope: ${excerpt(body)}`) }
}

const classifyFailure = (
  errorCode: number,
  description: string,
  parameters: ResponseParameters | undefined,
  scrub: (text: string) => string
): Answer => {
  const retryAfter = parameters?.["retry_after"]
  if (typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter > 0) {
    return { _tag: "FloodWait", retryAfterSeconds: retryAfter, description }
  }
  const migrateTo = parameters?.["migrate_to_chat_id"]
  if (typeof migrateTo === "number" && Number.isSafeInteger(migrateTo) && migrateTo !== 0) {
    return { _tag: "Migrated", migrateToChatId: migrateTo, description }
  }
  return {
    _tag: "Refused",
    errorCode,
    description,
    parameters: parameters === undefined ? undefined : scrubParameters(parameters, scrub)
  }
}

const scrubParameters = (parameters: ResponseParameters, scrub: (text: string) => string): ResponseParameters => {
  const text = JSON.stringify(parameters)
  const clean = scrub(text)
  if (clean === text) return parameters
  try {
    return JSON.parse(clean)
  } catch {
    return {}
  }
}

/** What the policies need to know of a failure (the errors of either edition have these fields). */
export type FailureView =
  | { readonly _tag: "InvalidChatIdError" }
  | { readonly _tag: "FloodWaitError"; readonly retryAfterMs: number }
  | { readonly _tag: "ChatMigratedError"; readonly migrateToChatId: number }
  | { readonly _tag: "TelegramApiError"; readonly errorCode: number }
  | { readonly _tag: "TransportError"; readonly reason: TransportReason; readonly status: number | undefined }

/**
 * Whether a failure is worth retrying after a backoff: network failures, timeouts, 5xx answers (an HTML gateway page
 * or a JSON `Internal Server Error: restart`). Flood waits and migrations have their own rules.
 */
export const isTransient = (failure: FailureView): boolean => {
  switch (failure._tag) {
    case "TransportError":
      return failure.reason === "Network" || failure.reason === "Timeout" ||
        ((failure.reason === "NotJson" || failure.reason === "NotEnvelope") && failure.status !== undefined &&
          failure.status >= 500)
    case "TelegramApiError":
      return failure.errorCode >= 500
    default:
      return false
  }
}
