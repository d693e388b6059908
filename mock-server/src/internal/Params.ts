/**
 * Request parameters as the real Bot API server reads them (telegram-wire.md §2): the query string
 * first, then the body by Content-Type; a lookup returns the first match.
 */
import { scanJsonObject } from "./LenientJson.js"

/** A file part of a multipart body: its part name, the filename and type the client gave, and its bytes. */
export interface FilePart {
  readonly name: string
  readonly filename: string
  readonly contentType: string
  readonly bytes: Uint8Array
}

/** Name/value pairs in arrival order (the first of duplicate names wins), and the body's file parts. */
export class Params {
  /** Names and values interleaved (`[name, value, name, value, …]`): one array per request, not two. */
  private readonly pairs: Array<string> = []
  private parts: Array<FilePart> | undefined

  add(name: string, value: string): void {
    this.pairs.push(name, value)
  }

  get(name: string): string | undefined {
    for (let i = 0; i < this.pairs.length; i += 2) if (this.pairs[i] === name) return this.pairs[i + 1]
    return undefined
  }

  get size(): number {
    return this.pairs.length / 2
  }

  /** The parameter names, in arrival order (duplicates included). */
  keys(): ReadonlyArray<string> {
    return this.pairs.filter((_, i) => i % 2 === 0)
  }

  addFile(part: FilePart): void {
    ;(this.parts ??= []).push(part)
  }

  /** The first file part of that name. */
  file(name: string): FilePart | undefined {
    return this.parts?.find((part) => part.name === name)
  }

  /** Every file part, in arrival order. */
  get files(): ReadonlyArray<FilePart> {
    return this.parts ?? []
  }

  /** The bytes of every parameter's name and value (what the real server's 1 MiB limit counts). */
  get textBytes(): number {
    let total = 0
    for (const text of this.pairs) total += Buffer.byteLength(text)
    return total
  }
}

/** Why the body could not be read; the real server answers these with a bare status. */
export type BodyError = { readonly status: 400 | 413 }

const HEX = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1

const utf8 = new TextDecoder("utf-8")

/** Percent-decodes bytes leniently: a `%` not followed by two hex digits stays as it is. */
export const percentDecode = (bytes: Uint8Array, start: number, end: number, plusIsSpace: boolean): string => {
  let needs = false
  for (let i = start; i < end; i++) {
    const c = bytes[i]!
    if (c === 37 || (plusIsSpace && c === 43) || c >= 128) {
      needs = true
      break
    }
  }
  if (!needs) {
    let s = ""
    for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!)
    return s
  }
  const out = new Uint8Array(end - start)
  let n = 0
  for (let i = start; i < end; i++) {
    const c = bytes[i]!
    if (c === 37 && i + 2 < end) {
      const hi = HEX(bytes[i + 1]!)
      const lo = HEX(bytes[i + 2]!)
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo
        i += 2
        continue
      }
    }
    out[n++] = plusIsSpace && c === 43 ? 32 : c
  }
  return utf8.decode(out.subarray(0, n))
}

/** Parses `a=1&b=2` (a query string or an urlencoded form) into params. */
export const parseUrlEncoded = (bytes: Uint8Array, params: Params): void => {
  const end = bytes.length
  let start = 0
  while (start <= end) {
    let amp = bytes.indexOf(38, start)
    if (amp === -1) amp = end
    if (amp > start) {
      let eq = bytes.indexOf(61, start)
      if (eq === -1 || eq > amp) eq = amp
      params.add(percentDecode(bytes, start, eq, true), eq < amp ? percentDecode(bytes, eq + 1, amp, true) : "")
    }
    start = amp + 1
  }
}

// Buffer's latin1 is ISO-8859-1 (one char per byte); TextDecoder("latin1") is windows-1252.
const latin1 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1")
const latin1ToUtf8 = (s: string): string => Buffer.from(s, "latin1").toString("utf8")

/** The boundary of a multipart Content-Type, or undefined when it has none usable. */
const multipartBoundary = (contentType: string): string | undefined => {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  return boundary !== undefined && boundary.length > 0 && boundary.length <= 70 ? boundary : undefined
}

/** At most this many file parts are read from one request (the real server's HTTP reader: 50). */
export const MAX_FILE_PARTS = 50

/** Parses a multipart/form-data body: each part without a filename is a parameter, each with one a file part. */
export const parseMultipart = (contentType: string, body: Uint8Array, params: Params): BodyError | undefined => {
  const boundary = multipartBoundary(contentType)
  if (boundary === undefined) return { status: 400 }
  // latin1 maps each byte to one char, so string offsets are byte offsets.
  const text = latin1(body)
  const delimiter = `--${boundary}`
  let pos = text.indexOf(delimiter)
  if (pos === -1) return { status: 400 }
  for (;;) {
    pos += delimiter.length
    if (text.startsWith("--", pos)) return undefined // closing delimiter
    if (!text.startsWith("\r\n", pos)) return { status: 400 }
    const headersEnd = text.indexOf("\r\n\r\n", pos + 2)
    if (headersEnd === -1) return { status: 400 }
    const headers = text.slice(pos + 2, headersEnd)
    const next = text.indexOf(`\r\n${delimiter}`, headersEnd + 4)
    if (next === -1) return { status: 400 }
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1]
    if (disposition !== undefined) {
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? /\bname=([^;\s]+)/i.exec(disposition)?.[1]
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? /\bfilename=([^;\s]+)/i.exec(disposition)?.[1]
      const isFile = /\bfilename\*?=/i.test(disposition)
      if (name !== undefined && !isFile) {
        params.add(latin1ToUtf8(name), utf8.decode(body.subarray(headersEnd + 4, next)))
      } else if (name !== undefined) {
        if (params.files.length >= MAX_FILE_PARTS) return { status: 413 }
        params.addFile({
          name: latin1ToUtf8(name),
          filename: latin1ToUtf8(filename ?? ""),
          contentType: /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? "",
          // A copy: the file outlives the request's buffer.
          bytes: Uint8Array.prototype.slice.call(body, headersEnd + 4, next)
        })
      }
    }
    pos = next + 2
  }
}

/** Reads the body's parameters by Content-Type (substring match, as the real server does). */
export const parseBody = (contentType: string | undefined, body: Uint8Array, params: Params): BodyError | undefined => {
  if (body.length === 0 || contentType === undefined) return undefined
  // What clients send, first: exactly this type names neither form type, so it is JSON without the searches below.
  if (contentType === "application/json") {
    scanJsonObject(utf8.decode(body), params)
    return undefined
  }
  const type = contentType.toLowerCase()
  if (type.includes("multipart/form-data")) return parseMultipart(contentType, body, params)
  if (type.includes("application/x-www-form-urlencoded")) {
    parseUrlEncoded(body, params)
  } else if (type.includes("application/json")) {
    scanJsonObject(utf8.decode(body), params)
  }
  return undefined
}

/** `true`, `yes`, `1` (any case, trimmed) are true. */
export const toBool = (value: string | undefined): boolean => {
  if (value === undefined) return false
  const v = value.trim().toLowerCase()
  return v === "true" || v === "yes" || v === "1"
}

const INT64_MAX = 9223372036854775807n
const INT64_MIN = -9223372036854775808n

/** A canonical decimal 64-bit integer (TDLib's `to_integer_safe<int64>`), or undefined. */
export const toInt64 = (text: string): bigint | undefined => {
  if (!/^(0|-?[1-9][0-9]*)$/.test(text) || text.length > 20) return undefined
  const big = BigInt(text)
  return big > INT64_MAX || big < INT64_MIN ? undefined : big
}

/**
 * A canonical decimal of at most 15 characters (so a safe integer, exact digit by digit), else undefined: the same
 * reading as `/^(0|-?[1-9][0-9]*)$/` and `Number`, by hand, because every chat_id goes through it.
 */
const shortCanonicalInt = (text: string): number | undefined => {
  const negative = text.charCodeAt(0) === 45 // "-"
  let i = negative ? 1 : 0
  if (i === text.length) return undefined // "" or "-"
  if (text.charCodeAt(i) === 48) return text.length === 1 ? 0 : undefined // "0" alone; "05", "-0" are refused
  let n = 0
  for (; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return undefined
    n = n * 10 + digit
  }
  return negative ? -n : n
}

/**
 * A strict 64-bit integer as TDLib's `to_integer_safe` reads it: canonical decimal only
 * (`05`, `+5`, ` 5`, `-0` are refused). Undefined when it is not one or does not fit a JS number.
 */
export const toSafeInt64 = (text: string): number | undefined => {
  if (text.length < 16) return shortCanonicalInt(text)
  const big = toInt64(text)
  const n = Number(big)
  return big !== undefined && Number.isSafeInteger(n) ? n : undefined
}

/** An integer argument as the real server's `get_integer_arg` reads it: its leading digits, else 0. */
export const toLenientInt = (text: string | undefined): number => {
  if (text === undefined) return 0
  const match = /^-?[0-9]+/.exec(text)
  if (match === null) return 0
  const n = Number(match[0])
  return Number.isFinite(n) ? Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, n)) : 0
}
