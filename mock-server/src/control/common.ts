/** What a control route (`/__mock/…`) is, and what it acts on. */
import type { Decoded } from "../decode/decoder.js"
import type { AccountOperations } from "../facade/accounts.js"
import type { AdminMethods } from "../facade/admin.js"
import type { InlineMethods } from "../facade/inline.js"
import type { MessageActionMethods } from "../facade/messageActions.js"
import type { PaymentMethods } from "../facade/payments.js"
import type { PeopleMethods } from "../facade/people.js"
import type { PeopleMediaMethods } from "../facade/peopleMedia.js"
import type { ReadMethods } from "../facade/reads.js"
import type { Watchable } from "../world/waiting.js"
import type { FaultInput, FloodLimit, WorldSnapshot } from "../WorldSnapshot.js"

/** The mock's own public operations, which is all a control route may use (they validate their input too). */
export interface ControlTarget
  extends
    Watchable,
    PeopleMethods,
    PeopleMediaMethods,
    MessageActionMethods,
    AdminMethods,
    ReadMethods,
    InlineMethods,
    PaymentMethods
{
  reset(): void
  snapshot(): WorldSnapshot
  replaceWorld(input: unknown): void
  upgradeGroup(chatId: number): number
  injectFault(fault: FaultInput): void
  clearFaults(): void
  floodLimits(): Array<FloodLimit>
  setFloodLimits(limits: ReadonlyArray<FloodLimit>): void
  /** Business connections and managed bots (AccountControls.ts). */
  readonly accounts: AccountOperations
}

/** One control request, matched to its route, its body decoded by the route's decoder. */
export interface ControlRequest<B> {
  readonly mock: ControlTarget
  /** The values of the route's `:name` path segments, as sent. */
  readonly params: Readonly<Record<string, string>>
  /** The body, decoded (undefined for a route that takes none, or an optional body left out). */
  readonly body: B
  /** The query string's parameters. */
  readonly query: URLSearchParams
}

/**
 * A result to wait for (a long poll of the control API): `read` is tried now and after each of the mock's events
 * until it gives a value or `ms` pass on the mock's clock; then the route answers `read()`, or `fallback()`.
 */
export interface Pending {
  readonly _tag: "Pending"
  readonly read: () => unknown
  readonly ms: number
  readonly fallback: () => unknown
}

/** Waits up to `seconds` for `read` to give a value (undefined: nothing yet). */
export const pending = (read: () => unknown, seconds: number, fallback: () => unknown): Pending => ({
  _tag: "Pending",
  read,
  ms: seconds * 1000,
  fallback
})

/** A control route's answer that is not a success: the status and description sent as the error envelope. */
export class ControlRefusal {
  constructor(readonly status: number, readonly description: string) {}
}

/**
 * How a route reads a multipart form instead of JSON: each text field is a string (those named in `numbers` a number
 * when they hold one), each file part its bytes (its filename and type filling `file_name` and `mime_type`).
 */
export interface FormRule {
  readonly numbers: ReadonlyArray<string>
}

/** What a route does with a body: none, one it requires (JSON, or a form when `form` is set), or one it may be given. */
export type BodyRule<B> =
  | { readonly kind: "none" }
  | { readonly kind: "required"; readonly decode: (input: unknown) => Decoded<B>; readonly form?: FormRule }
  | { readonly kind: "optional"; readonly decode: (input: unknown) => Decoded<B> }

/** A control route: its result is sent as `{"ok":true,"result":…}`; a MockInputError it throws is a 400. */
export interface ControlRoute {
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  /** The path, e.g. `/__mock/world` or `/__mock/users/:user_id/send`. */
  readonly path: string
  /** What it does, in one line (the README's route table shows it). */
  readonly summary: string
  readonly body: BodyRule<unknown>
  readonly handle: (request: ControlRequest<unknown>) => unknown
}

/** Declares a route whose body (if any) is decoded by `body` before `handle` sees it. */
export const route = <B = undefined>(spec: {
  readonly method: ControlRoute["method"]
  readonly path: string
  readonly summary: string
  readonly body?: BodyRule<B>
  readonly handle: (request: ControlRequest<B>) => unknown
}): ControlRoute => ({
  method: spec.method,
  path: spec.path,
  summary: spec.summary,
  body: (spec.body ?? { kind: "none" }) as BodyRule<unknown>,
  handle: spec.handle as ControlRoute["handle"]
})

/** A body this decoder must accept. */
export const required = <B>(decode: (input: unknown) => Decoded<B>): BodyRule<B> => ({ kind: "required", decode })
/** A body this decoder must accept, as JSON or as a multipart form (files up to the world's upload cap). */
export const jsonOrForm = <B>(decode: (input: unknown) => Decoded<B>, form: FormRule): BodyRule<B> => ({
  kind: "required",
  decode,
  form
})
/** A body that may be left out (undefined then), else this decoder must accept it. */
export const optional = <B>(decode: (input: unknown) => Decoded<B>): BodyRule<B | undefined> => ({
  kind: "optional",
  decode
})
