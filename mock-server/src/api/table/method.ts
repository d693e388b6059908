/**
 * A Bot API method as data: its family, its parameters in the order the real server reads them (each with its kind,
 * whether it is required, its limits, and the reader that answers the real error), and what it does once they are
 * read. Parameter reading, the real errors and flood control come from here, not from each handler; the tables are
 * the one source of the served-methods list, the README's table and the conformance suite's list.
 */
import { type ApiError, floodError, isApiError } from "../../internal/apiError.js"
import type { Params } from "../../internal/Params.js"
import type { ChatRecord, World } from "../../world/World.js"
import type { Outcome } from "../envelope.js"
import type { BotApiFamily } from "./botApiMethods.js"

/** One call of a method, after the token was accepted. */
export interface Call {
  readonly world: World
  /** The calling bot's user id. */
  readonly botId: number
  /** The method, lower-cased. */
  readonly method: string
  readonly params: Params
  /** Set for `/bot<token>/test/<method>`. */
  readonly testEnvironment?: boolean
  /** Set when the call runs after an absorbed flood wait: its slot is already taken. */
  readonly floodReserved?: boolean
}

/** What a parameter's reader is given: its name, the call, and the values read before it (in table order). */
export interface ParamInput {
  readonly name: string
  readonly call: Call
  readonly earlier: Readonly<Record<string, unknown>>
}

/** One parameter: how the real server reads it, and what the README says of it. */
export interface Param<A> {
  /** Its kind as the Bot API documents it (`Integer`, `Boolean`, `String`, `Integer or String`, `InputFile`, …). */
  readonly kind: string
  /** True when a missing value is refused (the reader gives the real error). */
  readonly required: boolean
  /** Its limits and default in words (`1-100, default 100`), when it has any. */
  readonly note?: string | undefined
  /** The value, or the real server's refusal. */
  readonly read: (input: ParamInput) => A | ApiError
}

/** A method's parameters, in reading order. */
export type ParamList = Readonly<Record<string, Param<unknown>>>

/** The values of a parameter list once read. */
export type ValuesOf<L extends ParamList> = { readonly [K in keyof L]: L[K] extends Param<infer A> ? A : never }

/**
 * The change a method makes once every check passed. Before it is applied the call is counted against the flood
 * limits (a refused call is not counted, a counted one is not refused later).
 */
export interface Commit {
  readonly _tag: "Commit"
  /** The chat the call counts against (undefined: the bot's own limits). */
  readonly chat: ChatRecord | undefined
  readonly apply: () => Outcome
}

/** The change to make, counted against the flood limits of `chat` first. */
export const commit = (chat: ChatRecord | undefined, apply: () => Outcome): Commit => ({ _tag: "Commit", chat, apply })

/** What a method's body decides: an answer now (a refusal, or a result that changes nothing), or a change to make. */
export type Verdict = Outcome | Commit

/** How a method is declared in its family's table. */
export interface MethodSpec<L extends ParamList> {
  /** Its family in the Bot API's method table (telegram-wire-messages.md §M1). */
  readonly family: BotApiFamily
  /** One line: what the method does in the mock (the README's table shows it). */
  readonly summary: string
  readonly params: L
  /** The method's own checks (TDLib's and Telegram's), in the real order, then its change. */
  readonly run: (values: ValuesOf<L>, call: Call) => Verdict
}

/** A served method, ready for the router. */
export interface Method {
  /** As the Bot API spells it (`exportChatInviteLink`). */
  readonly name: string
  readonly family: BotApiFamily
  readonly summary: string
  readonly params: ParamList
  readonly handle: (call: Call) => Outcome
}

/** A method of a table (its name is its key there). */
export type MethodEntry = Omit<Method, "name">

/** Declares a method: its parameters are read in order, the first refusal answers; then its body runs. */
export const method = <L extends ParamList>(spec: MethodSpec<L>): MethodEntry => {
  const keys = Object.keys(spec.params)
  const readers = keys.map((key) => spec.params[key]!.read)
  const run = (call: Call): Outcome => {
    const values: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) {
      const name = keys[i]!
      const value = readers[i]!({ name, call, earlier: values })
      if (isApiError(value)) return value
      values[name] = value
    }
    const verdict = spec.run(values as ValuesOf<L>, call)
    if (typeof verdict === "string" || verdict._tag !== "Commit") return verdict
    return floodRefusal(call, verdict.chat) ?? verdict.apply()
  }
  return {
    family: spec.family,
    summary: spec.summary,
    params: spec.params,
    handle: (call) => {
      // TDLib stores a call's files (uploads, a URL's stand-in) before Telegram may refuse it; a refused call forgets
      // them, so that it changes nothing.
      const files = call.world.files.checkpoint()
      const outcome = run(call)
      if (isApiError(outcome)) call.world.files.rollback(files)
      return outcome
    }
  }
}

/** A table of methods (one file's): each by the name the Bot API spells. */
export const methods = (entries: Readonly<Record<string, MethodEntry>>): ReadonlyArray<Method> =>
  Object.entries(entries).map(([name, entry]) => ({ name, ...entry }))

/**
 * Counts the call against the flood limits: undefined when it may go; else the 429, or (a short wait, absorbed as
 * Telegram does) an error carrying `absorbMs` that the router turns into a late answer. A refused call is not counted.
 */
export const floodRefusal = (call: Call, chat: ChatRecord | undefined): ApiError | undefined => {
  if (call.floodReserved === true) return undefined
  const world = call.world
  const verdict = world.flood.check(call.botId, call.method, chat?.id, world.waits < world.caps.waits)
  if (verdict === undefined) return undefined
  if ("retryAfter" in verdict) return floodError(verdict.retryAfter)
  return { ...floodError(Math.max(1, Math.ceil(verdict.absorbMs / 1000))), absorbMs: verdict.absorbMs }
}
