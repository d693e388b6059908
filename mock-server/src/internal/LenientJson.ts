/**
 * The real server's reading of a JSON body (telegram-wire.md §2): the top level must be an object;
 * string values are unescaped, any other value is kept as its raw JSON text; a top-level string
 * becomes one parameter `content`. Malformed JSON is not rejected: what was read before the fault
 * is kept. Iterative, so deep nesting cannot overflow the stack.
 */
import type { Params } from "./Params.js"

/** Deeper nesting than this is malformed (TDLib's parser has a depth limit too). */
const MAX_DEPTH = 100

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13

const skipWs = (s: string, i: number): number => {
  while (i < s.length && isWs(s.charCodeAt(i))) i++
  return i
}

/** The index after the string {@link readString} read last (a variable, not a tuple: every request reads strings). */
let stringEnd = 0

/** Reads a JSON string starting at the opening quote: its value (the index after it in `stringEnd`), or undefined. */
const readString = (s: string, i: number): string | undefined => {
  let out = ""
  let from = ++i
  for (;;) {
    if (i >= s.length) return undefined
    const c = s.charCodeAt(i)
    if (c === 34) {
      stringEnd = i + 1
      return out + s.slice(from, i)
    }
    if (c < 32) return undefined
    if (c !== 92) {
      i++
      continue
    }
    out += s.slice(from, i)
    const e = s[i + 1]
    switch (e) {
      case "\"":
      case "\\":
      case "/":
        out += e
        i += 2
        break
      case "b":
        out += "\b"
        i += 2
        break
      case "f":
        out += "\f"
        i += 2
        break
      case "n":
        out += "\n"
        i += 2
        break
      case "r":
        out += "\r"
        i += 2
        break
      case "t":
        out += "\t"
        i += 2
        break
      case "u": {
        const unit = readHex4(s, i + 2)
        if (unit === undefined) return undefined
        if (unit >= 0xd800 && unit <= 0xdbff) {
          // A high surrogate must be followed by an escaped low one, or the string is invalid.
          const low = s[i + 6] === "\\" && s[i + 7] === "u" ? readHex4(s, i + 8) : undefined
          if (low === undefined || low < 0xdc00 || low > 0xdfff) return undefined
          out += String.fromCharCode(unit, low)
          i += 12
        } else if (unit >= 0xdc00 && unit <= 0xdfff) {
          return undefined
        } else {
          out += String.fromCharCode(unit)
          i += 6
        }
        break
      }
      default:
        return undefined
    }
    from = i
  }
}

const readHex4 = (s: string, i: number): number | undefined => {
  if (i + 4 > s.length) return undefined
  const hex = s.slice(i, i + 4)
  return /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : undefined
}

/** Index after the digits from i (i itself when there are none). */
const digitsEnd = (s: string, i: number): number => {
  while (i < s.length) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) break
    i++
  }
  return i
}

/**
 * Index after the longest JSON number at i (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`: a fraction or exponent
 * without digits is left out, as the regex would), or -1. By hand: a sticky regex cost more on every request.
 */
const scanNumber = (s: string, i: number): number => {
  if (s.charCodeAt(i) === 45) i++ // "-"
  const first = s.charCodeAt(i)
  if (first === 48) i++
  else if (first >= 49 && first <= 57) i = digitsEnd(s, i + 1)
  else return -1
  if (s.charCodeAt(i) === 46) { // "."
    const end = digitsEnd(s, i + 1)
    if (end > i + 1) i = end
  }
  const e = s.charCodeAt(i)
  if (e === 101 || e === 69) { // "e", "E"
    const sign = s.charCodeAt(i + 1)
    const from = sign === 43 || sign === 45 ? i + 2 : i + 1
    const end = digitsEnd(s, from)
    if (end > from) i = end
  }
  return i
}

/** Index after one scalar (number, true, false, null) at i, or -1. */
const scanScalar = (s: string, i: number): number => {
  const c = s[i]
  if (c === "t") return s.startsWith("true", i) ? i + 4 : -1
  if (c === "f") return s.startsWith("false", i) ? i + 5 : -1
  if (c === "n") return s.startsWith("null", i) ? i + 4 : -1
  return scanNumber(s, i)
}

/** Index after an object member's `"key":` at i, or -1. */
const skipKey = (s: string, i: number): number => {
  const key = s.charCodeAt(i) === 34 ? readString(s, i) : undefined
  if (key === undefined) return -1
  i = skipWs(s, stringEnd)
  return s.charCodeAt(i) === 58 ? i + 1 : -1
}

/** Index after one whole JSON value (any nesting) at i, or -1 when it is malformed. */
const scanValue = (s: string, i: number): number => {
  i = skipWs(s, i)
  const start = s.charCodeAt(i)
  // A scalar (most values) needs no stack.
  if (start !== 123 && start !== 91 && start !== 34) return i >= s.length ? -1 : scanScalar(s, i)
  // The stack holds the closers still expected.
  const stack: Array<number> = []
  for (;;) {
    i = skipWs(s, i)
    if (i >= s.length) return -1
    const c = s.charCodeAt(i)
    if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH) return -1
      const closer = c === 123 ? 125 : 93
      i = skipWs(s, i + 1)
      if (s.charCodeAt(i) === closer) {
        i++
      } else {
        stack.push(closer)
        if (closer === 125) {
          i = skipKey(s, i)
          if (i === -1) return -1
        }
        continue
      }
    } else if (c === 34) {
      if (readString(s, i) === undefined) return -1
      i = stringEnd
    } else {
      i = scanScalar(s, i)
      if (i === -1) return -1
    }
    // A value ended: close containers or move to the next element.
    for (;;) {
      if (stack.length === 0) return i
      i = skipWs(s, i)
      const d = s.charCodeAt(i)
      const closer = stack[stack.length - 1]!
      if (d === closer) {
        stack.pop()
        i++
        continue
      }
      if (d !== 44) return -1
      i = skipWs(s, i + 1)
      if (closer === 125) {
        i = skipKey(s, i)
        if (i === -1) return -1
      }
      break
    }
  }
}

/** Appends the top-level members of a JSON object body to params, leniently. */
export const scanJsonObject = (s: string, params: Params): void => {
  let i = skipWs(s, 0)
  if (s.charCodeAt(i) === 34) {
    const str = readString(s, i)
    if (str !== undefined) params.add("content", str)
    return
  }
  if (s.charCodeAt(i) !== 123) return
  i = skipWs(s, i + 1)
  if (s.charCodeAt(i) === 125) return
  for (;;) {
    if (s.charCodeAt(i) !== 34) return
    const key = readString(s, i)
    if (key === undefined) return
    i = skipWs(s, stringEnd)
    if (s.charCodeAt(i) !== 58) return
    i = skipWs(s, i + 1)
    if (s.charCodeAt(i) === 34) {
      const value = readString(s, i)
      if (value === undefined) return
      params.add(key, value)
      i = stringEnd
    } else {
      const end = scanValue(s, i)
      if (end === -1) return
      params.add(key, s.slice(i, end))
      i = end
    }
    i = skipWs(s, i)
    if (s.charCodeAt(i) !== 44) return
    i = skipWs(s, i + 1)
  }
}
