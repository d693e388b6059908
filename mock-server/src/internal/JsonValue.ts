/**
 * JSON as TDLib reads a parameter that holds JSON (reply_markup, entities, allowed_updates, …): a tree that keeps
 * every field of an object in order (the first of duplicate keys is the one read) and numbers as their text, and the
 * field readers of TDLib's JsonObject with their exact error texts. Malformed JSON, or nesting deeper than TDLib's
 * limit, is undefined.
 */

/** A JSON value: objects keep their fields in order, numbers their text. */
export type JsonValue =
  | { readonly kind: "object"; readonly fields: ReadonlyArray<readonly [string, JsonValue]> }
  | { readonly kind: "array"; readonly items: ReadonlyArray<JsonValue> }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "null" }

const MAX_DEPTH = 100
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y

class Reader {
  i = 0
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && " \t\n\r".includes(this.s[this.i]!)) this.i++
  }
}

const readString = (r: Reader): string | undefined => {
  if (r.s[r.i] !== "\"") return undefined
  let out = ""
  for (r.i++; r.i < r.s.length;) {
    const c = r.s[r.i++]!
    if (c === "\"") return out
    if (c !== "\\") {
      out += c
      continue
    }
    const e = r.s[r.i++]
    const simple: Record<string, string> = {
      "\"": "\"",
      "\\": "\\",
      "/": "/",
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "\t"
    }
    if (e !== undefined && e in simple) out += simple[e]
    else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(r.s.slice(r.i, r.i + 4))) {
      out += String.fromCharCode(parseInt(r.s.slice(r.i, r.i + 4), 16))
      r.i += 4
    } else return undefined
  }
  return undefined
}

const readValue = (r: Reader, depth: number): JsonValue | undefined => {
  if (depth > MAX_DEPTH) return undefined
  r.ws()
  const c = r.s[r.i]
  if (c === "{") return readObject(r, depth)
  if (c === "[") return readArray(r, depth)
  if (c === "\"") {
    const value = readString(r)
    return value === undefined ? undefined : { kind: "string", value }
  }
  for (const [word, value] of [["true", true], ["false", false]] as const) {
    if (r.s.startsWith(word, r.i)) {
      r.i += word.length
      return { kind: "boolean", value }
    }
  }
  if (r.s.startsWith("null", r.i)) {
    r.i += 4
    return { kind: "null" }
  }
  NUMBER.lastIndex = r.i
  const match = NUMBER.exec(r.s)
  if (match === null) return undefined
  r.i += match[0].length
  return { kind: "number", text: match[0] }
}

const readObject = (r: Reader, depth: number): JsonValue | undefined => {
  const fields: Array<readonly [string, JsonValue]> = []
  r.i++
  r.ws()
  if (r.s[r.i] === "}") {
    r.i++
    return { kind: "object", fields }
  }
  for (;;) {
    r.ws()
    const key = readString(r)
    if (key === undefined) return undefined
    r.ws()
    if (r.s[r.i++] !== ":") return undefined
    const value = readValue(r, depth + 1)
    if (value === undefined) return undefined
    fields.push([key, value])
    r.ws()
    const next = r.s[r.i++]
    if (next === "}") return { kind: "object", fields }
    if (next !== ",") return undefined
  }
}

const readArray = (r: Reader, depth: number): JsonValue | undefined => {
  const items: Array<JsonValue> = []
  r.i++
  r.ws()
  if (r.s[r.i] === "]") {
    r.i++
    return { kind: "array", items }
  }
  for (;;) {
    const value = readValue(r, depth + 1)
    if (value === undefined) return undefined
    items.push(value)
    r.ws()
    const next = r.s[r.i++]
    if (next === "]") return { kind: "array", items }
    if (next !== ",") return undefined
  }
}

/** Parses JSON text; undefined when it is not JSON (or has trailing garbage). */
export const parseJson = (text: string): JsonValue | undefined => {
  const r = new Reader(text)
  const value = readValue(r, 0)
  if (value === undefined) return undefined
  r.ws()
  return r.i === text.length ? value : undefined
}

/** A field read failed: TDLib's message (without the Bad Request prefix). */
export class FieldError {
  constructor(readonly message: string) {}
}

type Obj = Extract<JsonValue, { kind: "object" }>

/** The first field of that name. */
export const field = (object: Obj, name: string): JsonValue | undefined =>
  object.fields.find(([key]) => key === name)?.[1]

const missing = (name: string) => new FieldError(`Can't find field "${name}"`)

/** TDLib's get_optional_string_field / get_required_string_field: strings, and numbers as their text. */
export const stringField = (object: Obj, name: string, required = false): string | FieldError => {
  const value = field(object, name)
  if (value === undefined) return required ? missing(name) : ""
  if (value.kind === "string") return value.value
  if (value.kind === "number") return value.text
  return new FieldError(`Field "${name}" must be of type String`)
}

/** TDLib's get_optional_bool_field / get_required_bool_field. */
export const boolField = (object: Obj, name: string, required = false): boolean | FieldError => {
  const value = field(object, name)
  if (value === undefined) return required ? missing(name) : false
  return value.kind === "boolean" ? value.value : new FieldError(`Field "${name}" must be of type Boolean`)
}

const INTEGER = /^(0|-?[1-9][0-9]*)$/

/** TDLib's int32 / int64 field readers: a Number, or a String holding a canonical integer that fits. */
export const intField = (object: Obj, name: string, required: boolean, bits: 32 | 64 = 32): number | FieldError => {
  const value = field(object, name)
  if (value === undefined) return required ? missing(name) : 0
  const text = value.kind === "string" ? value.value : value.kind === "number" ? value.text : undefined
  if (text === undefined) return new FieldError(`Field "${name}" must be a Number`)
  const limit = bits === 32 ? 2n ** 31n : 2n ** 63n
  if (!INTEGER.test(text) || text.length > 20) return new FieldError(`Field "${name}" must be a valid Number`)
  const big = BigInt(text)
  if (big >= limit || big < -limit) return new FieldError(`Field "${name}" must be a valid Number`)
  return Number(big)
}
