/**
 * The Bot API's envelope and the checks every request meets first (telegram-wire.md §1, §3): success and error
 * bodies with HTTP status = error_code, `Retry-After` with every `retry_after`, the routing errors and the token checks.
 */
import { type ApiError, apiError } from "../internal/apiError.js"
import { toInt64 } from "../internal/Params.js"
import type { WireResponse } from "../Wire.js"
import { isLoggedOut } from "../world/botSession.js"
import type { World } from "../world/World.js"

/** A success whose envelope also has a description (`{"ok":true,"result":true,"description":"Webhook was set"}`). */
export interface Described {
  readonly _tag: "Described"
  readonly result: string
  readonly description: string
}

/** An answer decided later on the mock's clock (a parked long poll, a delayed 409): see WireResponse "Wait". */
export interface Later {
  readonly _tag: "Later"
  readonly onReady: (ready: () => void) => void
  readonly then: () => Outcome
  readonly cancel: () => void
  /** Set on an absorbed flood wait: how late the answer is (for the journal). */
  readonly waitedMs?: number
}

export type { ApiError } from "../internal/apiError.js"
export { apiError, floodError, isApiError } from "../internal/apiError.js"

/** What a method answers: the JSON text of its result, a described result, a refusal, or an answer to come. */
export type Outcome = string | ApiError | Described | Later

/** `{"ok":true,"result":…}` around a result's JSON text. */
export const okResponse = (result: string): WireResponse => ({
  _tag: "Json",
  status: 200,
  body: `{"ok":true,"result":${result}}`
})

/** The error envelope, keys in the real server's order; `parameters` only when set. */
export const errorResponse = (error: ApiError): WireResponse => {
  let body = `{"ok":false,"error_code":${error.code},"description":${JSON.stringify(error.description)}`
  if (error.retryAfter !== undefined || error.migrateToChatId !== undefined) {
    const parts: Array<string> = []
    if (error.migrateToChatId !== undefined) parts.push(`"migrate_to_chat_id":${error.migrateToChatId}`)
    if (error.retryAfter !== undefined) parts.push(`"retry_after":${error.retryAfter}`)
    body += `,"parameters":{${parts.join(",")}}`
  }
  body += "}"
  return error.retryAfter !== undefined
    ? { _tag: "Json", status: error.code, body, retryAfter: error.retryAfter }
    : { _tag: "Json", status: error.code, body }
}

/** The envelope of an outcome that is already decided. */
export const outcomeResponse = (outcome: Exclude<Outcome, Later>): WireResponse =>
  typeof outcome === "string"
    ? okResponse(outcome)
    : outcome._tag === "Described"
    ? {
      _tag: "Json",
      status: 200,
      body: `{"ok":true,"result":${outcome.result},"description":${JSON.stringify(outcome.description)}}`
    }
    : errorResponse(outcome)

/** A path that is not `/bot<token>/…`. */
export const NOT_FOUND: WireResponse = errorResponse(apiError(404, "Not Found"))
/** A valid token and a method the server does not have. */
export const METHOD_NOT_FOUND = apiError(404, "Not Found: method not found")

const INVALID_TOKEN = apiError(401, "Unauthorized: invalid token specified")
const UNALLOWED_TOKEN = apiError(421, "Misdirected Request: unallowed token specified")
const UNAUTHORIZED = apiError(401, "Unauthorized")
const SECRET = /^[A-Za-z0-9_-]+$/

/** Bot ids are below 2^54 (a BigInt power, computed once: this runs on every request). */
const BOT_ID_LIMIT = 2n ** 54n

/** The token checks of telegram-wire.md §1 that read the token alone, in order: the refusal, or undefined. */
const tokenShapeRefusal = (token: string): ApiError | undefined => {
  if (token.startsWith("0") || token.length > 80 || token.includes("/") || !token.includes(":")) return INVALID_TOKEN
  const colon = token.indexOf(":")
  const id = toInt64(token.slice(0, colon))
  if (id === undefined) return UNALLOWED_TOKEN
  if (id <= 0n || id >= BOT_ID_LIMIT) return INVALID_TOKEN
  const secret = token.slice(colon + 1)
  if (secret.length < 24 || !SECRET.test(secret)) return UNAUTHORIZED
  return undefined
}

/**
 * The last token whose shape passed: a bot sends the same token on every call, and the shape checks (a BigInt and a
 * regex) depend on the token alone, so they run once per new token. Its hash, once computed, serves the world's map.
 */
let lastWellShaped = ""

/** The token checks of telegram-wire.md §1, in order; the bot's id when the world knows the token. */
export const checkToken = (world: World, token: string): number | ApiError => {
  if (token === lastWellShaped) {
    token = lastWellShaped
  } else {
    const refusal = tokenShapeRefusal(token)
    if (refusal !== undefined) return refusal
    lastWellShaped = token
  }
  return world.botsByToken.get(token) ?? unknownToken(world, token)
}

const LOGGED_OUT = apiError(400, "Logged out")

/** A token the world does not hold now: a bot that logged out (until it may log in again), else unknown. */
const unknownToken = (world: World, token: string): number | ApiError =>
  isLoggedOut(world, token) ? LOGGED_OUT : world.botsByToken.get(token) ?? UNAUTHORIZED
