/**
 * TDLib's json_decode (tdutils JsonBuilder.cpp do_json_decode), for the parameters whose refusal quotes the parser's
 * own error (`can't parse JSON encoded inline query results: Unexpected symbol 'x'`): the same tree as JsonValue.ts
 * gives, with TDLib's leniencies (a number is any run of `-+.0-9eE`, an unknown escape is the character itself,
 * control characters pass) and its error texts.
 */
import type { JsonValue } from "./JsonValue.js"

/** The parser's error, as TDLib words it. */
export class TdJsonError {
  constructor(readonly message: string) {}
}

const MAX_DEPTH = 100
const NUMBER_CHARS = /[-+.0-9eE]*/y
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" }

class Parser {
  i = 0
  constructor(readonly s: string) {}
  skipWhitespace(): void {
    while (this.i < this.s.length && " \t\n\r".includes(this.s[this.i]!)) this.i++
  }
  tryChar(c: string): boolean {
    if (this.s[this.i] !== c) return false
    this.i++
    return true
  }
}

const hex = (text: string): number | undefined => /^[0-9a-fA-F]{4}$/.test(text) ? parseInt(text, 16) : undefined

/** A `\u` escape at `p.i` (after the `u`), joining a surrogate pair as TDLib does. */
const unicodeEscape = (p: Parser): string | TdJsonError => {
  if (p.i + 4 > p.s.length) return new TdJsonError("\\u has less than 4 symbols")
  const first = hex(p.s.slice(p.i, p.i + 4))
  if (first === undefined) return new TdJsonError("Invalid \\u -- not hex digit")
  p.i += 4
  if (first > 0xd7ff && first < 0xe000 && p.s.startsWith("\\u", p.i) && p.i + 6 <= p.s.length) {
    const second = hex(p.s.slice(p.i + 2, p.i + 6))
    if (second === undefined) return new TdJsonError("Invalid \\u -- not hex digit")
    if (second > 0xd7ff && second < 0xe000) {
      p.i += 6
      return String.fromCodePoint((((first & 0x3ff) << 10) | (second & 0x3ff)) + 0x10000)
    }
  }
  return String.fromCharCode(first)
}

const readString = (p: Parser): string | TdJsonError => {
  if (!p.tryChar("\"")) return new TdJsonError("Opening '\"' expected")
  let out = ""
  for (;;) {
    if (p.i >= p.s.length) return new TdJsonError("Closing '\"' not found")
    const c = p.s[p.i++]!
    if (c === "\"") return out
    if (c !== "\\") {
      out += c
      continue
    }
    if (p.i >= p.s.length) return new TdJsonError("Closing '\"' not found")
    const e = p.s[p.i++]!
    if (e === "u") {
      const char = unicodeEscape(p)
      if (char instanceof TdJsonError) return char
      out += char
    } else out += SIMPLE_ESCAPES[e] ?? e
  }
}

const readArray = (p: Parser, depth: number): JsonValue | TdJsonError => {
  p.i++
  p.skipWhitespace()
  const items: Array<JsonValue> = []
  if (p.tryChar("]")) return { kind: "array", items }
  for (;;) {
    if (p.i >= p.s.length) return new TdJsonError("Unexpected string end")
    const value = readValue(p, depth - 1)
    if (value instanceof TdJsonError) return value
    items.push(value)
    p.skipWhitespace()
    if (p.tryChar("]")) return { kind: "array", items }
    if (p.tryChar(",")) {
      p.skipWhitespace()
      continue
    }
    return new TdJsonError(p.i >= p.s.length ? "Unexpected string end" : "Unexpected symbol while parsing JSON Array")
  }
}

const readObject = (p: Parser, depth: number): JsonValue | TdJsonError => {
  p.i++
  p.skipWhitespace()
  const fields: Array<readonly [string, JsonValue]> = []
  if (p.tryChar("}")) return { kind: "object", fields }
  for (;;) {
    if (p.i >= p.s.length) return new TdJsonError("Unexpected string end")
    const key = readString(p)
    if (key instanceof TdJsonError) return key
    p.skipWhitespace()
    if (!p.tryChar(":")) return new TdJsonError("':' expected")
    const value = readValue(p, depth - 1)
    if (value instanceof TdJsonError) return value
    fields.push([key, value])
    p.skipWhitespace()
    if (p.tryChar("}")) return { kind: "object", fields }
    if (p.tryChar(",")) {
      p.skipWhitespace()
      continue
    }
    return new TdJsonError(p.i >= p.s.length ? "Unexpected string end" : "Unexpected symbol while parsing JSON Object")
  }
}

const WORDS = [["false", { kind: "boolean", value: false }], ["true", { kind: "boolean", value: true }], [
  "null",
  { kind: "null" }
]] as const

const readValue = (p: Parser, depth: number): JsonValue | TdJsonError => {
  if (depth < 0) return new TdJsonError("Too big object depth")
  p.skipWhitespace()
  const c = p.s[p.i]
  for (const [word, value] of WORDS) {
    if (c !== word[0]) continue
    if (!p.s.startsWith(word, p.i)) return new TdJsonError(`Token starts with '${c}' -- ${word} expected`)
    p.i += word.length
    return value
  }
  if (c === "\"") {
    const value = readString(p)
    return value instanceof TdJsonError ? value : { kind: "string", value }
  }
  if (c === "[") return readArray(p, depth)
  if (c === "{") return readObject(p, depth)
  if (c !== undefined && "-+.0123456789".includes(c)) {
    NUMBER_CHARS.lastIndex = p.i
    const text = NUMBER_CHARS.exec(p.s)![0]
    p.i += text.length
    return { kind: "number", text }
  }
  if (c === undefined || c === "\0") return new TdJsonError("Unexpected string end")
  const code = c.charCodeAt(0)
  return new TdJsonError(code > 0 && code < 127 ? `Unexpected symbol '${c}'` : "Unexpected symbol")
}

/** TDLib's json_decode: the value, or the parser's error (`Expected string end` after a complete value). */
export const tdJsonDecode = (text: string): JsonValue | TdJsonError => {
  const p = new Parser(text)
  const value = readValue(p, MAX_DEPTH)
  if (value instanceof TdJsonError) return value
  p.skipWhitespace()
  return p.i < text.length ? new TdJsonError("Expected string end") : value
}
