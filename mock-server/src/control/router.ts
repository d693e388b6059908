/**
 * The control API (`/__mock/…`): JSON in and out in the Bot API's envelope, guarded by the control token when one is
 * set. Routes live in their own files and are listed in CONTROL_ROUTES, the one table the router serves, the README
 * lists and the token test walks; a new group of routes is a new file and one entry there.
 */
import { Params, parseMultipart } from "../internal/Params.js"
import { MockInputError } from "../MockInputError.js"
import { MAX_BODY_BYTES, type WireRequest, type WireResponse } from "../Wire.js"
import { waitUntil } from "../world/waiting.js"
import { accountRoutes } from "./accountRoutes.js"
import { adminRoutes } from "./adminRoutes.js"
import { chatRoutes } from "./chatRoutes.js"
import {
  type BodyRule,
  ControlRefusal,
  type ControlRoute,
  type ControlTarget,
  type FormRule,
  type Pending
} from "./common.js"
import { faultRoutes } from "./faultRoutes.js"
import { inlineRoutes } from "./inlineRoutes.js"
import { joinRequestRoutes } from "./joinRequestRoutes.js"
import { journalRoutes } from "./journalRoutes.js"
import { mediaRoutes } from "./mediaRoutes.js"
import { messageRoutes } from "./messageRoutes.js"
import { paymentRoutes } from "./paymentRoutes.js"
import { peopleRoutes } from "./peopleRoutes.js"
import { worldRoutes } from "./worldRoutes.js"

/** Every control route: the router serves these and nothing else. */
export const CONTROL_ROUTES: ReadonlyArray<ControlRoute> = [
  ...worldRoutes,
  ...faultRoutes,
  ...journalRoutes,
  ...peopleRoutes,
  ...chatRoutes,
  ...joinRequestRoutes,
  ...messageRoutes,
  ...adminRoutes,
  ...mediaRoutes,
  ...accountRoutes,
  ...inlineRoutes,
  ...paymentRoutes
]

const ROUTE_SEGMENTS = CONTROL_ROUTES.map((route) => route.path.split("/"))

/** True for a target the control API answers. */
export const isControlTarget = (target: string): boolean => target.startsWith("/__mock/") || target === "/__mock"

/** The route's `:name` values when the path fits its pattern. */
const matchPath = (pattern: ReadonlyArray<string>, segments: ReadonlyArray<string>): Record<string, string> | null => {
  if (pattern.length !== segments.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!
    if (part.startsWith(":")) {
      if (segments[i] === "") return null
      params[part.slice(1)] = segments[i]!
    } else if (part !== segments[i]) return null
  }
  return params
}

const isMultipart = (request: WireRequest): boolean =>
  (request.contentType ?? "").toLowerCase().includes("multipart/form-data")

/** A multipart form as the object its route's decoder reads (FormRule), or a MockInputError. */
const readForm = (request: WireRequest, form: FormRule): Record<string, unknown> => {
  const params = new Params()
  if (parseMultipart(request.contentType!, request.body, params) !== undefined) {
    throw new MockInputError(["a multipart body that can't be read"])
  }
  const out: Record<string, unknown> = {}
  for (const key of new Set(params.keys())) {
    const value = params.get(key)!
    out[key] = form.numbers.includes(key) && /^-?[0-9]+$/.test(value) ? Number(value) : value
  }
  for (const part of params.files) {
    if (Object.hasOwn(out, part.name)) continue
    out[part.name] = part.bytes
    if (part.filename !== "") out["file_name"] ??= part.filename
    if (part.contentType !== "") out["mime_type"] ??= part.contentType
  }
  return out
}

/** The request's body as its route reads it: none, or JSON (a form where allowed) its decoder accepts. */
const readBody = (request: WireRequest, rule: BodyRule<unknown>): unknown => {
  if (rule.kind === "none") return undefined
  if (isMultipart(request)) {
    if (rule.kind !== "required" || rule.form === undefined) throw new MockInputError(["expected a JSON body"])
    const decoded = rule.decode(readForm(request, rule.form))
    if (!decoded.ok) throw new MockInputError(decoded.problems)
    return decoded.value
  }
  const text = new TextDecoder().decode(request.body)
  if (text.trim() === "") {
    if (rule.kind === "optional") return undefined
    throw new MockInputError(["expected a JSON body"])
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new MockInputError([`invalid JSON: ${(error as Error).message}`])
  }
  const decoded = rule.decode(json)
  if (!decoded.ok) throw new MockInputError(decoded.problems)
  return decoded.value
}

/** Answers one control request on behalf of `mock` (a multipart form may carry files up to `uploadBytes`). */
export const answerControl = (
  mock: ControlTarget,
  controlToken: string | undefined,
  request: WireRequest,
  uploadBytes = 0
): WireResponse => {
  if (controlToken !== undefined && request.controlToken !== controlToken) {
    return controlError(401, "control API: missing or wrong X-Mock-Control-Token")
  }
  const limit = isMultipart(request) ? uploadBytes + MAX_BODY_BYTES : MAX_BODY_BYTES
  if (request.body.length > limit) return { _tag: "Bare", status: 413 }
  const path = request.target.split("?")[0]!
  const segments = path.split("/")
  let pathKnown = false
  for (let i = 0; i < CONTROL_ROUTES.length; i++) {
    const params = matchPath(ROUTE_SEGMENTS[i]!, segments)
    if (params === null) continue
    pathKnown = true
    const route = CONTROL_ROUTES[i]!
    if (route.method !== request.method) continue
    const q = request.target.indexOf("?")
    const query = new URLSearchParams(q === -1 ? "" : request.target.slice(q + 1))
    try {
      const result = route.handle({ mock, params, body: readBody(request, route.body), query })
      return isPending(result) ? waitFor(mock, result) : controlOk(result)
    } catch (error) {
      if (error instanceof MockInputError) return controlError(400, error.message)
      if (error instanceof ControlRefusal) return controlError(error.status, error.description)
      throw error
    }
  }
  return pathKnown
    ? controlError(405, `control API: ${request.method} is not allowed on ${path}`)
    : controlError(404, `control API: no route ${path}`)
}

const isPending = (result: unknown): result is Pending =>
  typeof result === "object" && result !== null && (result as Pending)._tag === "Pending"

/** A long poll: answered as soon as the route's reader finds something, or at its deadline on the mock's clock. */
const waitFor = (mock: ControlTarget, wait: Pending): WireResponse => {
  const answer = () => controlOk(wait.read() ?? wait.fallback())
  let ready: (() => void) | undefined
  let done = false
  const waiting = waitUntil(mock, () => wait.read() !== undefined, wait.ms, () => {
    done = true
    ready?.()
  })
  if (waiting === undefined) return answer()
  return {
    _tag: "Wait",
    onReady: (callback) => {
      if (done) callback()
      else ready = callback
    },
    then: answer,
    cancel: () => waiting.cancel()
  }
}

const controlOk = (result: unknown): WireResponse => ({
  _tag: "Json",
  status: 200,
  body: `{"ok":true,"result":${JSON.stringify(result)}}`
})

const controlError = (status: number, description: string): WireResponse => ({
  _tag: "Json",
  status,
  body: `{"ok":false,"error_code":${status},"description":${JSON.stringify(description)}}`
})
