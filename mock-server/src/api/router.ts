/**
 * A Bot API request from the wire to its method and back (telegram-wire.md §1, §2): the HTTP method, the body
 * limit, the parameters (query first, then the body), `/bot<token>/[test/]<method>`, the token, the method table,
 * injected faults, and the journal entry of every answer.
 */
import { Params, parseBody, parseUrlEncoded, percentDecode } from "../internal/Params.js"
import { withoutTokens } from "../internal/text.js"
import { MAX_BODY_BYTES, type WireRequest, type WireResponse } from "../Wire.js"
import type { World } from "../world/World.js"
import type { JournalEntry } from "../WorldSnapshot.js"
import { checkToken, isApiError, METHOD_NOT_FOUND, NOT_FOUND, type Outcome, outcomeResponse } from "./envelope.js"
import { faultAnswer, faultName } from "./faultReplies.js"
import { answerDownload } from "./files/download.js"
import { laterBy } from "./later.js"
import { canonicalMethodName, methodByName } from "./methods/index.js"
import type { Call, Method } from "./table/method.js"

/** A Bot API request once read: what the token checks, the method table and the journal need. */
interface ApiRequest {
  readonly token: string
  /** Lower-cased. */
  readonly method: string
  readonly testEnvironment: boolean
  readonly params: Params
  readonly chatParam: string | undefined
  /** Set on a method a bot's webhook answered with. */
  readonly webhookReply?: boolean
}

/**
 * A target of ASCII without `%` or `?` (what clients send for a POST) is its own decoded path, with no query: the
 * bytes and percent-decoding are skipped on the hot path.
 */
const isPlainPath = (target: string): boolean => {
  for (let i = 0; i < target.length; i++) {
    const c = target.charCodeAt(i)
    if (c === 37 || c === 63 || c >= 128) return false
  }
  return true
}

/** What `/bot<token>/[test/]<method>` names; `method` lower-cased, "" when the method is a parameter. */
interface BotPath {
  readonly token: string
  readonly method: string
  readonly testEnvironment: boolean
}

/** The parts of a decoded path, or undefined when it is not `/bot<token>/…`. */
const botPath = (path: string): BotPath | undefined => {
  if (!path.startsWith("/bot")) return undefined
  const slash = path.indexOf("/", 4)
  if (slash === -1) return undefined
  let rest = path.slice(slash + 1)
  const testEnvironment = rest.startsWith("test/")
  if (testEnvironment) rest = rest.slice(5)
  return { token: path.slice(4, slash), method: rest.toLowerCase(), testEnvironment }
}

/**
 * The last plain target and its parts: a client repeats its targets, and a plain target's parts depend on it alone,
 * so a repeat skips the scan, the slices and the lower-casing (and hands checkToken the same token string again).
 */
let lastPlain: { readonly target: string; readonly path: BotPath | undefined } = { target: "", path: undefined }

/** Reads the request, or the answer the real server gives before any token or method is looked at. */
const readApiRequest = (request: WireRequest, uploadBytes: number): ApiRequest | WireResponse => {
  if (request.method !== "GET" && request.method !== "POST") return { _tag: "Bare", status: 501 }
  if (request.body.length > MAX_BODY_BYTES && !fitsUpload(request, uploadBytes)) return { _tag: "Bare", status: 413 }
  const params = new Params()
  const target = request.target
  let path: BotPath | undefined
  if (target === lastPlain.target) {
    path = lastPlain.path
  } else if (isPlainPath(target)) {
    path = botPath(target)
    lastPlain = { target, path }
  } else {
    const q = target.indexOf("?")
    const targetBytes = Buffer.from(target, "latin1")
    if (q !== -1) parseUrlEncoded(targetBytes.subarray(q + 1), params)
    path = botPath(percentDecode(targetBytes, 0, q === -1 ? target.length : q, false))
  }
  const bodyError = parseBody(request.contentType, request.body, params)
  if (bodyError !== undefined) return { _tag: "Bare", status: bodyError.status }
  // Parameters count against 1 MiB in total; files (multipart parts with a filename) against the upload cap.
  if (request.body.length > MAX_BODY_BYTES && params.textBytes > MAX_BODY_BYTES) return { _tag: "Bare", status: 413 }

  if (path === undefined) return NOT_FOUND
  return {
    token: path.token,
    method: path.method === "" ? (params.get("method") ?? "").toLowerCase() : path.method,
    testEnvironment: path.testEnvironment,
    params,
    chatParam: params.get("chat_id")
  }
}

/** A multipart body within the world's upload cap (its text parameters are checked once read). */
const fitsUpload = (request: WireRequest, uploadBytes: number): boolean =>
  request.body.length <= uploadBytes + MAX_BODY_BYTES &&
  (request.contentType ?? "").toLowerCase().includes("multipart/form-data")

/** Answers one Bot API request against the world (or a download of one of its files). */
export const answerApi = (world: World, request: WireRequest): WireResponse => {
  if (request.target.startsWith("/file/bot")) return answerDownload(world, request)
  const read = readApiRequest(request, world.caps.uploadBytes)
  if ("_tag" in read) return read
  const botId = checkToken(world, read.token)
  if (isApiError(botId)) return answer(world, read, null, botId)
  const handler = methodByName(read.method)?.handle
  if (handler === undefined) return answer(world, read, botId, METHOD_NOT_FOUND)
  const call: Call = { world, botId, method: read.method, params: read.params, testEnvironment: read.testEnvironment }
  const fault = world.faults.take(read.method, read.chatParam)
  if (fault === undefined) return answer(world, read, botId, execute(handler, call))
  if ("delay_ms" in fault) {
    return { _tag: "Delay", ms: fault.delay_ms, then: () => answer(world, read, botId, execute(handler, call)) }
  }
  const reply = faultAnswer(fault)
  if (isApiError(reply)) return answer(world, read, botId, reply, faultName(fault))
  record(world, read, botId, reply._tag === "Html" ? reply.status : 0, faultName(fault))
  return reply
}

/** Runs a method; a flood wait short enough to absorb runs it again that much later, its slot already taken. */
const execute = (handler: Method["handle"], call: Call): Outcome => {
  const outcome = handler(call)
  if (typeof outcome !== "object" || outcome._tag !== "ApiError" || outcome.absorbMs === undefined) return outcome
  const world = call.world
  world.waits++
  let done = false
  const settle = () => {
    if (!done) world.waits--
    done = true
  }
  const later = laterBy(world, outcome.absorbMs, () => {
    settle()
    return handler({ ...call, floodReserved: true })
  }, outcome.absorbMs)
  return {
    ...later,
    cancel: () => {
      settle()
      later.cancel()
    }
  }
}

const answer = (
  world: World,
  read: ApiRequest,
  botId: number | null,
  outcome: Outcome,
  fault?: string,
  waitedMs?: number
): WireResponse => {
  if (typeof outcome !== "string" && outcome._tag === "Later") {
    return {
      _tag: "Wait",
      onReady: outcome.onReady,
      cancel: outcome.cancel,
      then: () => answer(world, read, botId, outcome.then(), fault, outcome.waitedMs)
    }
  }
  const error = typeof outcome !== "string" && outcome._tag === "ApiError" ? outcome : undefined
  record(world, read, botId, error?.code ?? 200, fault, waitedMs, error?.description)
  return outcomeResponse(outcome)
}

/** The journal keeps the bot id and the method's Bot API name, never a token (telegram-wire.md §1). */
const record = (
  world: World,
  read: ApiRequest,
  botId: number | null,
  status: number,
  fault: string | undefined,
  waitedMs?: number,
  description?: string
) => {
  // Built field by field: this runs on every request, and conditional spreads cost more than assignments.
  const at = world.clock.now()
  const method = journalMethodName(read.method)
  const entry: { -readonly [K in keyof JournalEntry]: JournalEntry[K] } = read.chatParam === undefined
    ? { seq: 0, at, bot_id: botId, method, status }
    : { seq: 0, at, bot_id: botId, method, chat_id: withoutTokens(read.chatParam).slice(0, 100), status }
  if (read.testEnvironment) entry.test_environment = true
  if (fault !== undefined) entry.fault = fault
  if (waitedMs !== undefined) entry.waited_ms = waitedMs
  if (read.webhookReply === true) entry.webhook_reply = true
  if (description !== undefined) entry.description = withoutTokens(description).slice(0, 300)
  world.journal.record(entry)
}

/** Methods a webhook's answer may not call (the real server ignores them). */
const NOT_FROM_WEBHOOK = new Set(["deletewebhook", "setwebhook", "close", "logout"])

/**
 * Runs the method a bot's webhook answered with (telegram-wire-bots.md §10): the body read as a request, its `method`
 * run as the bot; the result is discarded, and journaled with `webhook_reply: true`. Delays and later answers are
 * dropped (nobody waits for them).
 */
export const runWebhookReply = (world: World, botId: number, contentType: string | undefined, body: Uint8Array) => {
  const params = new Params()
  if (body.length > MAX_BODY_BYTES || parseBody(contentType, body, params) !== undefined) return
  const method = (params.get("method") ?? "").toLowerCase()
  if (method === "" || NOT_FROM_WEBHOOK.has(method) || method.startsWith("get")) return
  const read: ApiRequest = {
    token: "",
    method,
    testEnvironment: false,
    params,
    chatParam: params.get("chat_id"),
    webhookReply: true
  }
  const handler = methodByName(method)?.handle
  const outcome = handler === undefined ? METHOD_NOT_FOUND : execute(handler, { world, botId, method, params })
  const response = answer(world, read, botId, outcome)
  if (response._tag === "Wait") response.onReady(() => response.then())
}

const journalMethodName = (method: string): string => canonicalMethodName(method) ?? withoutTokens(method).slice(0, 100)

/**
 * What a request was, for the report of a defect: the method (or the control route) and the bot when the token is
 * known; never the token. Reads the raw target only, so it cannot fail where the request itself did.
 */
export const describeRequest = (world: World, request: WireRequest): { method: string; botId: number | null } => {
  const path = request.target.split("?")[0] ?? ""
  if (!path.startsWith("/bot")) return { method: withoutTokens(`${request.method} ${path}`).slice(0, 100), botId: null }
  const slash = path.indexOf("/", 4)
  const token = slash === -1 ? "" : path.slice(4, slash)
  const rest = slash === -1 ? "" : path.slice(slash + 1).replace(/^test\//, "")
  return { method: journalMethodName(rest.toLowerCase()), botId: world.botsByToken.get(token) ?? null }
}
