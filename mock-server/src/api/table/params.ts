/**
 * The parameter kinds of the method tables, each reading a value as the real server does (Client.cpp
 * get_integer_arg, get_required_string_arg, get_message_id, get_forum_topic_id, get_user_id, get_message_ids,
 * get_strings, to_bool; telegram-wire-messages.md §M2) and answering its exact refusal.
 */
import { type ApiError, apiError } from "../../internal/apiError.js"
import { parseJson } from "../../internal/JsonValue.js"
import { toBool, toLenientInt } from "../../internal/Params.js"
import type { ChatRecord } from "../../world/World.js"
import { checkReadAccess, checkWriteAccess, resolveChat } from "../chatAccess.js"
import type { Param, ParamInput } from "./method.js"

/** The raw text of the parameter, as the query string or body gave it (the first of duplicates). */
export const raw = (input: ParamInput, name = input.name): string | undefined => input.call.params.get(name)

/** `Bad Request: <text>` (400). */
export const badRequest = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

/** A Boolean: `true`, `yes`, `1` (any case, trimmed) are true; anything else, absence included, is false. */
export const bool: Param<boolean> = { kind: "Boolean", required: false, read: (input) => toBool(raw(input)) }

/** An optional String, `""` when absent. */
export const text: Param<string> = { kind: "String", required: false, read: (input) => raw(input) ?? "" }

/** A required String: missing or empty → `parameter "<name>" is required`. */
export const requiredText: Param<string> = {
  kind: "String",
  required: true,
  read: (input) => {
    const value = raw(input)
    return value === undefined || value === ""
      ? badRequest(`parameter "${input.name}" is required`)
      : value
  }
}

/**
 * An Integer read with a default and a clamp (get_integer_arg): empty is the default; otherwise the leading digits
 * (junk reads as 0), then clamped to `[min, max]`.
 */
export const int = (options: { readonly min: number; readonly max: number; readonly default?: number }): Param<
  number
> => {
  const fallback = options.default ?? 0
  return {
    kind: "Integer",
    required: false,
    note: `${options.min}-${options.max}${fallback !== 0 ? `, default ${fallback}` : ""}`,
    read: (input) => {
      const value = raw(input)
      const n = value === undefined || value === "" ? fallback : toLenientInt(value)
      return Math.min(options.max, Math.max(options.min, n))
    }
  }
}

/** A message_id (get_message_id): empty, negative or junk is 0 ("not given"). */
export const messageId: Param<number> = {
  kind: "Integer",
  required: false,
  read: (input) => Math.max(0, toLenientInt(raw(input)))
}

/** A message_thread_id (get_forum_topic_id): empty, negative or junk is 0 (no topic). */
export const threadId: Param<number> = messageId

/** The leading `[-]digits` of a 64-bit integer as decimal text (junk: "0"); what query and effect ids are read as. */
export const lenientInt64Text = (value: string | undefined): string => {
  const match = /^-?[0-9]+/.exec(value ?? "")
  if (match === null) return "0"
  const big = BigInt(match[0])
  return big > 2n ** 63n - 1n || big < -(2n ** 63n) ? "0" : big.toString()
}

/** A 64-bit integer identifier kept as decimal text (callback query ids, effect ids): junk reads as "0". */
export const int64Text: Param<string> = {
  kind: "Integer",
  required: false,
  read: (input) => lenientInt64Text(raw(input))
}

/** A user id (get_user_id): ≤ 0 or junk → `invalid <name> specified`. */
export const userId: Param<number> = {
  kind: "Integer",
  required: true,
  read: (input) => {
    const match = /^-?[0-9]+/.exec(raw(input) ?? "")
    const n = match === null ? 0 : Number(match[0])
    return Number.isSafeInteger(n) && n > 0 ? n : badRequest(`invalid ${input.name} specified`)
  }
}

/** The access a method needs to the chat its `chat_id` names (telegram-wire.md §4 table). */
export type ChatAccess = "write" | "read" | "readMembers"

/** The chat `chat_id` names, once the bot's access to it is checked. */
export const chat = (access: ChatAccess): Param<ChatRecord> => ({
  kind: "Integer or String",
  required: true,
  note: access === "write" ? "the bot must be in the chat" : "a public chat may be read from outside",
  read: (input) => {
    const found = resolveChat(input.call.world, raw(input))
    if ("_tag" in found) return found
    const refusal = access === "write"
      ? checkWriteAccess(found, input.call.botId)
      : checkReadAccess(found, input.call.botId, access === "readMembers")
    return refusal ?? found
  }
})

/**
 * A JSON array of message ids, at most `max` (get_message_ids): every refusal of telegram-wire-messages.md §M2.
 */
export const messageIds = (max: number): Param<ReadonlyArray<number>> => ({
  kind: "Array of Integer",
  required: true,
  note: `1-${max}`,
  read: (input) => {
    const value = raw(input) ?? ""
    if (value === "") return badRequest("message identifiers are not specified")
    const json = parseJson(value)
    if (json === undefined) return badRequest(`can't parse ${input.name} JSON object`)
    if (json.kind !== "array") return badRequest("expected an Array of message identifiers")
    if (json.items.length > max) return badRequest("too many message identifiers specified")
    const ids: Array<number> = []
    for (const item of json.items) {
      const number = item.kind === "number" ? item.text : item.kind === "string" ? item.value : undefined
      if (number === undefined) return badRequest("message identifier must be a Number")
      if (!/^(0|-?[1-9][0-9]*)$/.test(number) || Math.abs(Number(number)) >= 2 ** 31) {
        return badRequest("can't parse message identifier as a Number")
      }
      if (Number(number) <= 0) return badRequest("invalid message identifier specified")
      ids.push(Number(number))
    }
    return ids.length === 0 ? badRequest("message identifiers are not specified") : ids
  }
})

/** A JSON array of at most `max` strings (get_strings); absent or empty is `[]`. */
export const strings = (max: number): Param<ReadonlyArray<string>> => ({
  kind: "Array of String",
  required: false,
  note: `at most ${max}`,
  read: (input) => {
    const value = raw(input) ?? ""
    if (value === "") return []
    const json = parseJson(value)
    if (json === undefined) return badRequest(`can't parse ${input.name} JSON object`)
    if (json.kind !== "array") return badRequest("expected an Array of String")
    if (json.items.length > max) return badRequest("too many items specified")
    const out: Array<string> = []
    for (const item of json.items) {
      if (item.kind !== "string") return badRequest("expected an Array of String")
      out.push(item.value)
    }
    return out
  }
})

/** A parameter whose reading is the method's own (a JSON object, several raw values at once): documented here. */
export const custom = <A>(
  kind: string,
  read: (input: ParamInput) => A | ApiError,
  options: { readonly required?: boolean; readonly note?: string } = {}
): Param<A> => ({ kind, required: options.required ?? false, note: options.note, read })
