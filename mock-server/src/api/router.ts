/**
 * A Bot API request from the wire to its method and back (telegram-wire.md §1, §2): the HTTP method, the body
 * limit, the parameters (query first, then the body), `/bot<token>/[test/]<method>`, the token, the method table,
 * injected faults, and the journal entry of every answer.
 */
import { Params, parseBody, parseUrlEncoded, percentDecode } from "../internal/Params.js"
import { withoutTokens } from "../internal/text.js"
import { MAX_BODY_BYTES, type WireRequest, type WireResponse } from "../Wire.js"
import type { World } from "../world/World.js"
import { checkToken, isApiError, METHOD_NOT_FOUND, NOT_FOUND, type Outcome, outcomeResponse } from "./envelope.js"
import { faultAnswer, faultName } from "./faultReplies.js"
import { canonicalMethodName, methodHandler } from "./methods/index.js"

/** A Bot API request once read: what the token checks, the method table and the journal need. */
interface ApiRequest {
  readonly token: string
  /** Lower-cased. */
  readonly method: string
  readonly testEnvironment: boolean
  readonly params: Params
  readonly chatParam: string | undefined
}

/** Reads the request, or the answer the real server gives before any token or method is looked at. */
const readApiRequest = (request: WireRequest): ApiRequest | WireResponse => {
  if (request.method !== "GET" && request.method !== "POST") return { _tag: "Bare", status: 501 }
  if (request.body.length > MAX_BODY_BYTES) return { _tag: "Bare", status: 413 }
  const q = request.target.indexOf("?")
  const pathEnd = q === -1 ? request.target.length : q
  const targetBytes = Buffer.from(request.target, "latin1")
  const params = new Params()
  if (q !== -1) parseUrlEncoded(targetBytes.subarray(q + 1), params)
  const bodyError = parseBody(request.contentType, request.body, params)
  if (bodyError !== undefined) return { _tag: "Bare", status: bodyError.status }

  const path = percentDecode(targetBytes, 0, pathEnd, false)
  if (!path.startsWith("/bot")) return NOT_FOUND
  const slash = path.indexOf("/", 4)
  if (slash === -1) return NOT_FOUND
  let rest = path.slice(slash + 1)
  const testEnvironment = rest.startsWith("test/")
  if (testEnvironment) rest = rest.slice(5)
  return {
    token: path.slice(4, slash),
    method: (rest === "" ? params.get("method") ?? "" : rest).toLowerCase(),
    testEnvironment,
    params,
    chatParam: params.get("chat_id")
  }
}

/** Answers one Bot API request against the world. */
export const answerApi = (world: World, request: WireRequest): WireResponse => {
  const read = readApiRequest(request)
  if ("_tag" in read) return read
  const botId = checkToken(world, read.token)
  if (isApiError(botId)) return answer(world, read, null, botId)
  const handler = methodHandler(read.method)
  if (handler === undefined) return answer(world, read, botId, METHOD_NOT_FOUND)
  const call = { world, botId, method: read.method, params: read.params }
  const fault = world.faults.take(read.method, read.chatParam)
  if (fault === undefined) return answer(world, read, botId, handler(call))
  if ("delay_ms" in fault) {
    return { _tag: "Delay", ms: fault.delay_ms, then: () => answer(world, read, botId, handler(call)) }
  }
  const reply = faultAnswer(fault)
  if (isApiError(reply)) return answer(world, read, botId, reply, faultName(fault))
  record(world, read, botId, reply._tag === "Html" ? reply.status : 0, faultName(fault))
  return reply
}

const answer = (
  world: World,
  read: ApiRequest,
  botId: number | null,
  outcome: Outcome,
  fault?: string
): WireResponse => {
  record(world, read, botId, typeof outcome === "string" ? 200 : outcome.code, fault)
  return outcomeResponse(outcome)
}

/** The journal keeps the bot id and the method's Bot API name, never a token (telegram-wire.md §1). */
const record = (world: World, read: ApiRequest, botId: number | null, status: number, fault: string | undefined) =>
  world.journal.record({
    at: world.clock.now(),
    bot_id: botId,
    method: journalMethodName(read.method),
    ...(read.chatParam !== undefined ? { chat_id: withoutTokens(read.chatParam).slice(0, 100) } : {}),
    status,
    ...(read.testEnvironment ? { test_environment: true as const } : {}),
    ...(fault !== undefined ? { fault } : {})
  })

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
