/**
 * The standalone mock server under hostile input: a table of requests written byte by byte to a socket (bad tokens
 * of every kind, unknown and odd methods, every body encoding broken in every way, JSON of every shape, deep
 * nesting, huge numbers, lone surrogates, `__proto__` keys, bodies over the limit, giant headers, unsupported
 * encodings, raw garbage, slow and partial requests, and the control API fed the same).
 *
 * Each is answered as ../shared/telegram-wire.md says (the JSON envelope with HTTP status = error_code, or the bare
 * status line with `Content-Length: 0` and the connection closed), or closed; after each, the server still serves,
 * the world (GET /__mock/world) is unchanged when the request was refused, and `Object.prototype` is untouched.
 * Then: the journal never holds a token's secret, the control token guards every control route, and the server binds
 * 127.0.0.1 by default.
 */
import { connect } from "node:net"
import { gzipSync } from "node:zlib"
import { DEFAULT_BOT_TOKEN, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const T = DEFAULT_BOT_TOKEN
const SECRET = T.slice(T.indexOf(":") + 1)
/** A well-formed token the mock does not know (its secret must never be journaled either). */
const STRANGER = "987654:ZZZ-unknown-secret-Abcdefghijklmnop"
const SUPERGROUP = -1001234567890

let server: RunningMockServer
let baseline: string
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

beforeAll(async () => {
  server = await startMockServer({ mock: MockTelegram.make(), requestTimeoutMs: REQUEST_TIMEOUT_MS })
  baseline = await world()
})
afterAll(() => server.close())

const world = async (): Promise<string> => {
  const response = await fetch(`${server.url}/__mock/world`)
  expect(response.status).toBe(200)
  return JSON.stringify(await response.json())
}

/** The server's request timeout in this file: slow and partial requests are closed after it. */
const REQUEST_TIMEOUT_MS = 300
/** This file's own timer: far beyond the request timeout, so a close by the server and the timer cannot be confused. */
const WAIT_MS = 5_000

/** What came back on a socket: every byte, who ended the exchange, and when (after the last part was written). */
interface Reply {
  readonly bytes: Buffer
  /** `server`: the server closed the connection; `timer`: this file's timer gave up and destroyed the socket. */
  readonly endedBy: "server" | "timer"
  /** Milliseconds from the last part written to the end. */
  readonly afterLastPartMs: number
}

/** Writes the parts (pausing between them), returns every byte the server sent until it closed or `waitMs` passed. */
const raw = (parts: ReadonlyArray<string | Buffer>, options: { pauseMs?: number; waitMs?: number } = {}) =>
  new Promise<Reply>((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1")
    const chunks: Array<Buffer> = []
    let lastPartAt = performance.now()
    let settled = false
    const finish = (endedBy: Reply["endedBy"]) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ bytes: Buffer.concat(chunks), endedBy, afterLastPartMs: performance.now() - lastPartAt })
    }
    const timer = setTimeout(() => {
      finish("timer")
      socket.destroy()
    }, options.waitMs ?? WAIT_MS)
    socket.on("data", (chunk) => chunks.push(chunk))
    socket.on("close", () => finish("server"))
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNRESET" || error.code === "EPIPE") return
      clearTimeout(timer)
      reject(error)
    })
    socket.on("connect", async () => {
      for (const part of parts) {
        if (socket.destroyed) return
        socket.write(part)
        lastPartAt = performance.now()
        if (options.pauseMs !== undefined) await new Promise((r) => setTimeout(r, options.pauseMs))
      }
    })
  })

/** A request with `Connection: close`, so the server closes once it has answered. */
const request = (
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; contentLength?: number | null } = {}
): Buffer => {
  const bodyBytes = options.body === undefined
    ? Buffer.alloc(0)
    : typeof options.body === "string"
    ? Buffer.from(options.body, "utf8")
    : options.body
  const headers: Record<string, string> = { Host: "127.0.0.1", Connection: "close", ...options.headers }
  if (options.contentLength !== null && !("Transfer-Encoding" in headers)) {
    headers["Content-Length"] = String(options.contentLength ?? bodyBytes.length)
  }
  const head = `${method} ${target} HTTP/1.1\r\n${
    Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")
  }\r\n`
  return Buffer.concat([Buffer.from(head, "latin1"), bodyBytes])
}

const json = (path: string, body: string, headers: Record<string, string> = {}) =>
  request("POST", path, { headers: { "Content-Type": "application/json", ...headers }, body })

interface Parsed {
  readonly status: number | undefined
  readonly headers: Record<string, string>
  readonly body: string
}

const parse = (reply: Buffer): Parsed => {
  const text = reply.toString("latin1")
  const end = text.indexOf("\r\n\r\n")
  const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(text)
  const headers: Record<string, string> = {}
  for (const line of text.slice(0, end === -1 ? text.length : end).split("\r\n").slice(1)) {
    const colon = line.indexOf(":")
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  const rawBody = end === -1 ? "" : reply.subarray(Buffer.byteLength(text.slice(0, end + 4), "latin1"))
  return {
    status: statusLine === null ? undefined : Number(statusLine[1]),
    headers,
    body: typeof rawBody === "string" ? rawBody : rawBody.toString("utf8")
  }
}

/** What a case must get back. */
type Expect =
  /** A Bot API envelope: HTTP status = error_code, the exact description (or a prefix ending in `*`). */
  | { readonly kind: "api"; readonly status: number; readonly description?: string }
  /** Some envelope, with HTTP status = error_code (the spec does not say which). */
  | { readonly kind: "envelope" }
  /** `{ok:true,…}` with status 200. */
  | { readonly kind: "ok" }
  /** The bare status line, `Content-Length: 0`, connection closed. */
  | { readonly kind: "bare"; readonly status: number }
  /** Either a bare status (one of these) or the connection closed without an answer. */
  | { readonly kind: "bareOrClosed"; readonly status: number | ReadonlyArray<number> }
  /** A control API answer: `{ok:false,…}` with this status. */
  | { readonly kind: "control"; readonly status: number }

interface Case {
  readonly name: string
  readonly send: ReadonlyArray<string | Buffer>
  readonly expect: Expect
  /** The request may change the world (a link made): the world is reset after it instead of compared. */
  readonly mayChangeWorld?: boolean
  readonly pauseMs?: number
  readonly waitMs?: number
}

const cases: Array<Case> = []
const add = (
  name: string,
  send: string | Buffer | ReadonlyArray<string | Buffer>,
  expect: Expect,
  extra?: Partial<Case>
) => cases.push({ name, send: Array.isArray(send) ? send : [send as string | Buffer], expect, ...extra })

const invalidToken = { kind: "api", status: 401, description: "Unauthorized: invalid token specified" } as const
const unallowedToken = {
  kind: "api",
  status: 421,
  description: "Misdirected Request: unallowed token specified"
} as const
const unauthorized = { kind: "api", status: 401, description: "Unauthorized" } as const
const notFound = { kind: "api", status: 404, description: "Not Found" } as const
const methodNotFound = { kind: "api", status: 404, description: "Not Found: method not found" } as const
const chatIdEmpty = { kind: "api", status: 400, description: "Bad Request: chat_id is empty" } as const
const chatNotFound = { kind: "api", status: 400, description: "Bad Request: chat not found" } as const

// ---- tokens (telegram-wire.md §1), each on a served and an unknown method, by GET and by POST ------------------

const tokens: ReadonlyArray<[string, string, Expect]> = [
  ["starts with 0", `0${T}`, invalidToken],
  ["bot id 0", `0:${SECRET}`, invalidToken],
  ["longer than 80 characters", `${T}${"a".repeat(60)}`, invalidToken],
  ["no colon", T.replace(":", ""), invalidToken],
  ["empty", "", invalidToken],
  ["only a colon", ":", unallowedToken],
  ["contains / (encoded as %2F)", T.replace(":", "%2F:"), invalidToken],
  ["bot id not a number", `abc:${SECRET}`, unallowedToken],
  ["bot id with letters", `12a:${SECRET}`, unallowedToken],
  ["bot id with a sign", `+123456:${SECRET}`, unallowedToken],
  ["bot id a decimal", `1.5:${SECRET}`, unallowedToken],
  ["bot id empty", `:${SECRET}`, unallowedToken],
  ["bot id negative", `-123456:${SECRET}`, invalidToken],
  ["bot id 2^54", `18014398509481984:${SECRET}`, invalidToken],
  ["bot id over int64", `99999999999999999999:${SECRET}`, unallowedToken],
  ["secret shorter than 24", "123456:short", unauthorized],
  ["secret with !", `123456:${SECRET.slice(0, -1)}!`, unauthorized],
  ["secret with =", `123456:${SECRET}=`, unauthorized],
  ["secret with a space (%20)", `123456:${SECRET.slice(0, 10)}%20${SECRET.slice(10)}`, unauthorized],
  ["secret with non-ASCII (%C3%A9)", `123456:${SECRET}%C3%A9`, unauthorized],
  ["unknown, well formed", STRANGER, unauthorized],
  ["the right secret with another bot id", `654321:${SECRET}`, unauthorized],
  ["a NUL in the secret (%00)", `123456:${SECRET}%00`, unauthorized],
  ["upper-cased secret", `123456:${SECRET.toUpperCase()}`, unauthorized]
]
for (const [name, token, expect] of tokens) {
  add(`token ${name}: GET getMe`, request("GET", `/bot${token}/getMe`), expect)
  add(
    `token ${name}: POST an unknown method (token checked first)`,
    request("POST", `/bot${token}/noSuchMethod`),
    expect
  )
  add(
    `token ${name}: exportChatInviteLink with a valid chat`,
    json(`/bot${token}/exportChatInviteLink`, JSON.stringify({ chat_id: SUPERGROUP })),
    expect
  )
}

// ---- routing and methods ------------------------------------------------------------------------------------

add("no / after the token", request("GET", `/bot${T}`), notFound)
add("a path not starting with /bot", request("GET", `/api/bot${T}/getMe`), notFound)
add("/Bot is case-sensitive", request("GET", `/Bot${T}/getMe`), notFound)
add("the root path", request("GET", "/"), notFound)
add("an absolute-form target", request("GET", `http://127.0.0.1/bot${T}/getMe`), notFound)
add("a misrouted root: /bot/bot<token>/getMe", request("GET", `/bot/bot${T}/getMe`), invalidToken)
add("a misrouted root, stranger's token", request("GET", `/bot/bot${STRANGER}/getMe`), invalidToken)
add("a token in the query string only", request("GET", `/bot/getMe?token=${T}`), invalidToken)
const oddMethods = [
  "notAMethod",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "getMe/x",
  "getMe%2Fx",
  "getMe%00",
  "getMe%",
  "getMe%zz",
  "exportChatInviteLink/",
  "get%20Me",
  "getM%C3%A9",
  "%F0%9F%98%80",
  "%ED%A0%80",
  "%FF%FE",
  "a".repeat(5000),
  "getMe;x=1",
  "..%2F..%2Fetc%2Fpasswd",
  "test/test/getMe",
  "TEST/getMe"
]
for (const method of oddMethods) {
  add(`unknown method ${method.slice(0, 40)}`, request("GET", `/bot${T}/${method}`), methodNotFound)
  add(
    `unknown method ${method.slice(0, 40)} with a bad token`,
    request("GET", `/bot${STRANGER}/${method}`),
    unauthorized
  )
}
add("an empty method and no method parameter", request("GET", `/bot${T}/`), methodNotFound)
add("an empty method, method=__proto__", request("GET", `/bot${T}/?method=__proto__`), methodNotFound)
add(
  "an empty method, method=constructor in a form",
  request("POST", `/bot${T}/`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "method=constructor"
  }),
  methodNotFound
)
add("method names are case-insensitive: GETME", request("GET", `/bot${T}/GETME`), { kind: "ok" })
add("the test environment", request("GET", `/bot${T}/test/getMe`), { kind: "ok" })
add("an empty method named by ?method=getMe", request("GET", `/bot${T}/?method=getMe`), { kind: "ok" })
add("EXPORTCHATINVITELINK without chat_id", request("POST", `/bot${T}/EXPORTCHATINVITELINK`), chatIdEmpty)

// ---- HTTP methods (only GET and POST; the rest a bare 501) ----------------------------------------------------

for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "PURGE", "HEAD"]) {
  add(`HTTP ${method} on a served method`, request(method, `/bot${T}/getMe`), { kind: "bare", status: 501 })
  add(
    `HTTP ${method} with a body that would export`,
    request(method, `/bot${T}/exportChatInviteLink`, {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ chat_id: SUPERGROUP })
    }),
    { kind: "bare", status: 501 }
  )
}
for (const method of ["FOO", "get", "G\x00ET", "GETT", "P0ST"]) {
  add(`invalid HTTP method token ${JSON.stringify(method)}`, request(method, `/bot${T}/getMe`), {
    kind: "bareOrClosed",
    status: 501
  })
}
add("CONNECT", `CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n`, { kind: "bareOrClosed", status: 400 })

// ---- bodies: multipart ----------------------------------------------------------------------------------------

const part = (name: string, value: string, extra = "") =>
  `--B\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`
const multipart = (body: string, contentType = "multipart/form-data; boundary=B") =>
  request("POST", `/bot${T}/exportChatInviteLink`, { headers: { "Content-Type": contentType }, body })
const badMultipart = { kind: "bare", status: 400 } as const
add(
  "multipart without a boundary",
  multipart(part("chat_id", String(SUPERGROUP)) + "--B--", "multipart/form-data"),
  badMultipart
)
add(
  "multipart with an empty boundary",
  multipart(part("chat_id", "1") + "--B--", "multipart/form-data; boundary="),
  badMultipart
)
add("multipart with a quoted empty boundary", multipart("--\r\n", "multipart/form-data; boundary=\"\""), badMultipart)
add(
  "multipart with a boundary over 70 characters",
  multipart("x", `multipart/form-data; boundary=${"b".repeat(71)}`),
  badMultipart
)
add("multipart whose boundary never appears", multipart(part("chat_id", "1").replace(/--B/g, "--C")), badMultipart)
add(
  "multipart cut inside a part",
  multipart(`--B\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n-100`),
  badMultipart
)
add("multipart cut inside the part headers", multipart(`--B\r\nContent-Disposition: form-data; na`), badMultipart)
add("multipart without the closing delimiter", multipart(part("chat_id", String(SUPERGROUP))), badMultipart)
add("multipart with garbage after the delimiter", multipart(`--Bxyz\r\n`), badMultipart)
add(
  "multipart with LF line ends",
  multipart(part("chat_id", String(SUPERGROUP)).replace(/\r\n/g, "\n") + "--B--"),
  badMultipart
)
add(
  "multipart: only a file part",
  multipart(part("chat_id", String(SUPERGROUP), "; filename=\"a.txt\"") + "--B--"),
  chatIdEmpty
)
add(
  "multipart: a part without a name",
  multipart(`--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--`),
  chatIdEmpty
)
add("multipart: an unknown chat", multipart(part("chat_id", "-1009999999999") + "--B--"), chatNotFound)
add("multipart: a __proto__ part", multipart(part("__proto__", "{\"polluted\":1}") + "--B--"), chatIdEmpty)
add("multipart: an empty body", multipart(""), chatIdEmpty)
add(
  "multipart: 2000 parts",
  multipart(Array.from({ length: 2000 }, (_, i) => part(`p${i}`, "x")).join("") + "--B--"),
  chatIdEmpty
)

// ---- bodies: JSON of every shape ------------------------------------------------------------------------------

const exportJson = (body: string) => json(`/bot${T}/exportChatInviteLink`, body)
const jsonEmpty: ReadonlyArray<string> = [
  "[1,2]",
  "123",
  "-1001234567890",
  "null",
  "true",
  "{}",
  "",
  "   ",
  "{",
  "{\"chat_id\":",
  "{\"chat_id\"",
  "{'chat_id':-1001234567890}",
  "{chat_id:-1001234567890}",
  "\"-1001234567890\"",
  "[{\"chat_id\":-1001234567890}]",
  "{\"chat_id\":\"\\ud800\"}",
  "{\"chat_id\":\"\\udc00\"}",
  "{\"chat_id\":\"\\ud800\\u0041\"}",
  "{\"chat_id\":\"\\x41\"}",
  "{\"chat_id\":\"a\nb\"}",
  "{\"chat_id\":tru}",
  "{\"chat_id\":-}",
  "{\"chat_id\":NaN}",
  "{\"chat_id\":Infinity}",
  `{"chat_id":${"[".repeat(100_000)}`,
  `{"chat_id":${"[".repeat(101)}1${"]".repeat(101)}}`,
  `{"chat_id":${"{\"a\":".repeat(50_000)}1${"}".repeat(50_000)}}`,
  "{\"__proto__\":{\"chat_id\":-1001234567890}}",
  "{\"__proto__\":{\"polluted\":true}}",
  "{\"constructor\":{\"prototype\":{\"polluted\":true}}}",
  "{\"__proto__\":null}"
]
const short = (body: string) =>
  `${JSON.stringify(body.slice(0, 50))}${body.length > 50 ? ` (${body.length} characters)` : ""}`
// Not in the spec: a leading zero, a trailing dot or e, a byte-order mark. Whatever the answer, a proper envelope.
for (
  const body of [
    "{\"chat_id\":01}",
    "{\"chat_id\":1.}",
    "{\"chat_id\":-1001234567890e}",
    "\ufeff{\"chat_id\":-1001234567890}"
  ]
) {
  add(`JSON ${JSON.stringify(body)}: some envelope`, exportJson(body), { kind: "envelope" }, { mayChangeWorld: true })
}
for (const body of jsonEmpty) {
  add(`JSON ${short(body)} gives no chat_id`, exportJson(body), chatIdEmpty)
}
const jsonNotFound: ReadonlyArray<string> = [
  "{\"chat_id\":null}",
  "{\"chat_id\":{}}",
  "{\"chat_id\":[]}",
  "{\"chat_id\":[-1001234567890]}",
  "{\"chat_id\":{\"id\":-1001234567890}}",
  "{\"chat_id\":true}",
  "{\"chat_id\":1.5}",
  "{\"chat_id\":-1001234567890.0}",
  "{\"chat_id\":-1.00123456789e12}",
  "{\"chat_id\":1e400}",
  "{\"chat_id\":-1e400}",
  "{\"chat_id\":99999999999999999999999}",
  "{\"chat_id\":-9223372036854775809}",
  "{\"chat_id\":9007199254740993}",
  "{\"chat_id\":-0}",
  "{\"chat_id\":0}",
  "{\"chat_id\":\"-1009999999999\"}",
  "{\"chat_id\":\" -1001234567890\"}",
  "{\"chat_id\":\"-01001234567890\"}",
  "{\"chat_id\":\"+1001234567890\"}",
  "{\"chat_id\":\"0x10\"}",
  "{\"chat_id\":\"\\u0000\"}",
  "{\"chat_id\":\"@\"}",
  "{\"chat_id\":\"@no_such_channel\"}",
  "{\"chat_id\":\"@__proto__\"}",
  "{\"chat_id\":\"@constructor\"}",
  "{\"chat_id\":\"\ud83d\ude00\"}",
  `{"chat_id":"${"9".repeat(10_000)}"}`,
  `{"chat_id":${"9".repeat(10_000)}}`,
  `{"chat_id":"${T}"}`
]
for (const body of jsonNotFound) {
  add(`JSON ${short(body)}: chat not found`, exportJson(body), chatNotFound)
}
add("JSON with Latin-1 letters in chat_id", exportJson("{\"chat_id\":\"\xed\xa0\x80\"}"), chatNotFound)
add(
  "JSON: a lone high surrogate as raw (invalid UTF-8) bytes",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/json" },
    body: Buffer.concat([Buffer.from("{\"chat_id\":\""), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from("\"}")])
  }),
  chatNotFound
)
add(
  "JSON: the content type in upper case",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "APPLICATION/JSON; charset=utf-16" },
    body: "{\"chat_id\":\"@no_such_channel\"}"
  }),
  chatNotFound
)
add(
  "JSON body under text/plain is not read",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "text/plain" },
    body: JSON.stringify({ chat_id: SUPERGROUP })
  }),
  chatIdEmpty
)
add(
  "JSON body without a content type is not read",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    body: JSON.stringify({ chat_id: SUPERGROUP })
  }),
  chatIdEmpty
)
add("a JSON chat_id the bot may not use", exportJson("{\"chat_id\":-1002000000002}"), {
  kind: "api",
  status: 400,
  description: "Bad Request: not enough rights to manage chat invite link"
})
add(
  "the query string wins over a body naming a chat",
  json(
    `/bot${T}/exportChatInviteLink?chat_id=nope`,
    JSON.stringify({
      chat_id: SUPERGROUP
    })
  ),
  chatNotFound
)
add(
  "malformed JSON keeps what it read (a link is made)",
  exportJson(`{"chat_id":${SUPERGROUP}, bad}`),
  { kind: "ok" },
  {
    mayChangeWorld: true
  }
)

// ---- bodies: urlencoded ---------------------------------------------------------------------------------------

const form = (body: string) =>
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body
  })
for (
  const body of [
    "__proto__[chat_id]=-1001234567890",
    "__proto__%5Bpolluted%5D=1",
    "constructor[prototype][polluted]=1",
    "chat_id",
    "=&=&&",
    "chat%5Fid=",
    "%=%",
    "chat_id=",
    "&".repeat(100_000)
  ]
) {
  add(`form ${JSON.stringify(body.slice(0, 40))}`, form(body), chatIdEmpty)
}
for (
  const body of [
    "chat_id=%ZZ",
    "chat_id=%",
    "chat_id=%ED%A0%80",
    "chat_id=%FF",
    "chat_id=+-1001234567890",
    "chat_id=-1001234567890%00",
    "chat_id=@__proto__",
    `chat_id=${"1".repeat(50_000)}`
  ]
) {
  add(`form ${JSON.stringify(body.slice(0, 40))}: chat not found`, form(body), chatNotFound)
}

// ---- sizes and encodings ------------------------------------------------------------------------------------

const MiB = 1 << 20
add(
  "a declared body over 1 MiB (not read)",
  request("POST", `/bot${T}/getMe`, {
    headers: { "Content-Type": "application/json" },
    body: "{\"a\":",
    contentLength: 2 * MiB
  }),
  { kind: "bareOrClosed", status: 413 }
)
add(
  "a declared body of 1 MiB + 1",
  request("POST", `/bot${T}/getMe`, {
    headers: { "Content-Type": "text/plain" },
    body: "x".repeat(MiB + 1)
  }),
  { kind: "bareOrClosed", status: 413 }
)
add(
  "a body of exactly 1 MiB is read",
  request("POST", `/bot${T}/getMe`, {
    headers: { "Content-Type": "text/plain" },
    body: "x".repeat(MiB)
  }),
  { kind: "ok" }
)
add(
  "a JSON body of 1 MiB + 1 naming a chat",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/json" },
    body: `{"chat_id":${SUPERGROUP},"pad":"${"x".repeat(MiB)}"}`
  }),
  { kind: "bareOrClosed", status: 413 }
)
{
  const chunk = "x".repeat(256 * 1024)
  const parts = [
    `POST /bot${T}/exportChatInviteLink HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n`
  ]
  for (let i = 0; i < 5; i++) parts.push(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
  parts.push("0\r\n\r\n")
  add("a chunked body growing over 1 MiB", parts, { kind: "bareOrClosed", status: 413 })
}
add(
  "a header block over 256 KiB",
  request("GET", `/bot${T}/getMe`, {
    headers: { "X-Big": "a".repeat(300 * 1024) }
  }),
  { kind: "bare", status: 431 }
)
add(
  "4000 headers over 256 KiB",
  request("GET", `/bot${T}/getMe`, {
    headers: Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`X-H${i}`, "v".repeat(64)]))
  }),
  { kind: "bare", status: 431 }
)
add(
  "a header line of 200 KiB is accepted",
  request("GET", `/bot${T}/getMe`, {
    headers: { "X-Big": "a".repeat(200 * 1024) }
  }),
  { kind: "ok" }
)
add(
  "a giant Content-Type",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": `application/json; ${"x=y; ".repeat(20_000)}` },
    body: "{\"chat_id\":\"@no_such_channel\"}"
  }),
  chatNotFound
)
const gzipBomb = gzipSync(Buffer.alloc(8 * MiB))
for (const encoding of ["br", "compress", "zstd", "gzip, br", "x-unknown", "gzip;q=1", "*"]) {
  add(
    `Content-Encoding: ${encoding}`,
    request("POST", `/bot${T}/exportChatInviteLink`, {
      headers: { "Content-Type": "application/json", "Content-Encoding": encoding },
      body: JSON.stringify({ chat_id: SUPERGROUP })
    }),
    { kind: "bare", status: 415 }
  )
}
add(
  "gzip that is not gzip",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    body: JSON.stringify({ chat_id: SUPERGROUP })
  }),
  { kind: "bare", status: 400 }
)
add(
  "deflate that is not deflate",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/json", "Content-Encoding": "deflate" },
    body: "\xff\xff\xff\xff"
  }),
  { kind: "bare", status: 400 }
)
add(
  "truncated gzip",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    body: gzipSync(JSON.stringify({ chat_id: SUPERGROUP })).subarray(0, 12)
  }),
  { kind: "bare", status: 400 }
)
add(
  "a gzip bomb (8 MiB of zeros)",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    body: gzipBomb
  }),
  { kind: "bare", status: 413 }
)
add(
  "gzip of JSON naming no known chat",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    body: gzipSync("{\"chat_id\":\"@no_such_channel\"}")
  }),
  chatNotFound
)

// ---- broken HTTP, garbage, slow and partial requests -------------------------------------------------------

const garbage: ReadonlyArray<[string, string | Buffer]> = [
  ["NUL bytes", Buffer.from([0, 1, 2, 3, 13, 10, 13, 10])],
  ["binary noise", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256))],
  ["a TLS ClientHello", Buffer.from("160301002c010000280303", "hex")],
  ["an HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"],
  ["HTTP/9.Z", "GET /x HTTP/9.Z\r\n\r\n"],
  ["spaces in the target", `GET /bot${T}/get Me HTTP/1.1\r\nHost: x\r\n\r\n`],
  ["a header without a colon", `GET /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nBroken\r\n\r\n`],
  ["a header name with a space", `GET /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n`],
  [
    "both Content-Length and chunked",
    `POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`
  ],
  [
    "two Content-Lengths",
    `POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`
  ],
  ["a negative Content-Length", `POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`],
  ["a non-numeric Content-Length", `POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`],
  [
    "a bad chunk size",
    `POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n`
  ],
  ["an unknown Transfer-Encoding", `POST /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: foo\r\n\r\n`],
  ["a bare LF request", `GET /bot${T}/getMe HTTP/1.1\nHost: x\n\n`],
  ["an obsolete line folding", `GET /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n`]
]
// A request line that does not start with a method token is a bare 501 (as the real server answers an unknown
// method), anything else broken a bare 400.
for (const [name, bytes] of garbage) add(`garbage: ${name}`, bytes, { kind: "bareOrClosed", status: [400, 501] })
add("garbage: a lone CRLF then noise", "\r\n\x7f\x7f\x7f\r\n\r\n", { kind: "bareOrClosed", status: [400, 501] })
add("a request line with no version (HTTP/0.9 style)", `GET /bot${T}/getMe\r\n\r\n`, { kind: "envelope" })
add(
  "no Host header on HTTP/1.1 is served (the real server does not require it)",
  `GET /bot${T}/getMe HTTP/1.1\r\nConnection: close\r\n\r\n`,
  {
    kind: "ok"
  }
)

add("slow: only a request line, never finished", `GET /bot${T}/getMe HTTP/1.1\r\n`, {
  kind: "bareOrClosed",
  status: 408
})
add("slow: headers never finished", `GET /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nX-A: `, {
  kind: "bareOrClosed",
  status: 408
})
add(
  "slow: a body shorter than declared",
  request("POST", `/bot${T}/exportChatInviteLink`, {
    headers: { "Content-Type": "application/json" },
    body: "{\"chat_id\":",
    contentLength: 100
  }),
  { kind: "bareOrClosed", status: 408 }
)
add(
  "slow: a chunked body never ended",
  `POST /bot${T}/exportChatInviteLink HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"cha\r\n`,
  {
    kind: "bareOrClosed",
    status: 408
  }
)
add(
  "slow: headers dribbled a byte at a time past the timeout",
  Array.from(`GET /bot${T}/getMe HTTP/1.1\r\nHost: x\r\nX-Slow: ${"s".repeat(40)}\r\n\r\n`),
  { kind: "bareOrClosed", status: 408 },
  { pauseMs: 15 }
)
add(
  "slow but in time: a body sent in three parts",
  [
    `POST /bot${T}/exportChatInviteLink HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 30\r\n\r\n`,
    "{\"chat_id\":\"@no_s",
    "uch_channel\"}"
  ],
  chatNotFound,
  { pauseMs: 20 }
)

// ---- the control API fed the same -------------------------------------------------------------------------------

const control = (method: string, route: string, body?: string, headers: Record<string, string> = {}) =>
  request(method, `/__mock/${route}`, {
    headers: { "Content-Type": "application/json", ...headers },
    ...(body !== undefined ? { body } : {})
  })
const badWorlds = [
  "",
  "{",
  "null",
  "[]",
  "{}",
  "{\"__proto__\":{\"polluted\":true}}",
  "{\"constructor\":{\"prototype\":{\"polluted\":true}}}",
  JSON.stringify({ bots: [{ token: "1:x", user_id: 1 }], users: [], chats: [] }),
  JSON.stringify({ bots: [], users: [{ id: 0, first_name: "x" }], chats: [] }),
  JSON.stringify({ bots: [], users: [], chats: [{ id: 1.5, type: "group" }] }),
  JSON.stringify({ bots: [], users: [], chats: [{ id: -1, type: "galaxy" }] }),
  `{"bots":${"[".repeat(10_000)}`
]
for (const body of badWorlds) {
  add(`PUT /__mock/world ${JSON.stringify(body.slice(0, 40))}`, control("PUT", "world", body), {
    kind: "control",
    status: 400
  })
}
for (
  const body of [
    "{}",
    "{\"method\":\"exportChatInviteLink\"}",
    "{\"method\":\"exportChatInviteLink\",\"reply\":{\"error_code\":200}}",
    "{\"method\":\"exportChatInviteLink\",\"reply\":{\"html\":200}}",
    "{\"method\":\"exportChatInviteLink\",\"reply\":{\"drop\":false}}",
    "{\"method\":\"exportChatInviteLink\",\"reply\":{\"delay_ms\":-1}}",
    "{\"method\":\"exportChatInviteLink\",\"reply\":{\"error_code\":429,\"retry_after\":1e400}}",
    "{\"method\":\"exportChatInviteLink\",\"reply\":{\"drop\":true},\"times\":0}",
    "{\"method\":\"exportChatInviteLink\",\"reply\":{\"drop\":true},\"__proto__\":{\"times\":5}}",
    "not json"
  ]
) {
  add(`POST /__mock/faults ${body.slice(0, 60)}`, control("POST", "faults", body), { kind: "control", status: 400 })
}
for (
  const body of [
    "{}",
    "{\"chat_id\":\"x\"}",
    "{\"chat_id\":1.5}",
    "{\"chat_id\":-1009999999999}",
    "{\"chat_id\":-1001234567890}",
    "[]"
  ]
) {
  add(`POST /__mock/upgrade ${body}`, control("POST", "upgrade", body), { kind: "control", status: 400 })
}
for (
  const body of [
    "[{\"max_calls\":0,\"per_seconds\":1}]",
    "[{\"max_calls\":1,\"per_seconds\":0}]",
    "{\"flood_limits\":5}",
    "[{\"max_calls\":1,\"per_seconds\":1,\"x\":1}]"
  ]
) {
  add(`PUT /__mock/limits ${body}`, control("PUT", "limits", body), { kind: "control", status: 400 })
}
add("PATCH /__mock/world", control("PATCH", "world", "{}"), { kind: "control", status: 405 })
add("GET /__mock/__proto__", control("GET", "__proto__"), { kind: "control", status: 404 })
add("GET /__mock/constructor", control("GET", "constructor"), { kind: "control", status: 404 })
add("GET /__mock/../world", control("GET", "..%2Fworld"), { kind: "control", status: 404 })
add("POST /__mock/reset/x", control("POST", "reset/x"), { kind: "control", status: 404 })

// ---- the run ------------------------------------------------------------------------------------------------------

/**
 * How long after its last byte a request the server refuses without an answer may stay open: the request timeout,
 * plus room for a loaded machine. Far under this file's own timer (WAIT_MS).
 */
const CLOSE_WITHIN_MS = REQUEST_TIMEOUT_MS + 2_000

const checkReply = (c: Case, { bytes: reply, endedBy, afterLastPartMs }: Reply): void => {
  const parsed = parse(reply)
  const expect_ = c.expect
  switch (expect_.kind) {
    case "api":
    case "control": {
      expect(parsed.status, `${c.name}: ${reply.toString("latin1").slice(0, 200)}`).toBe(expect_.status)
      expect(parsed.headers["content-type"]).toBe("application/json")
      const body = JSON.parse(parsed.body)
      expect(Object.keys(body).slice(0, 3)).toEqual(["ok", "error_code", "description"])
      expect(body.ok).toBe(false)
      expect(body.error_code).toBe(expect_.status)
      if (expect_.kind === "api" && expect_.description !== undefined) {
        expect(body.description).toBe(expect_.description)
      }
      break
    }
    case "envelope": {
      const body = JSON.parse(parsed.body)
      expect(parsed.status, `${c.name}: ${reply.toString("latin1").slice(0, 200)}`).toBe(
        body.ok ? 200 : body.error_code
      )
      break
    }
    case "ok": {
      expect(parsed.status, `${c.name}: ${reply.toString("latin1").slice(0, 200)}`).toBe(200)
      expect(JSON.parse(parsed.body).ok).toBe(true)
      break
    }
    case "bare":
    case "bareOrClosed": {
      if (expect_.kind === "bareOrClosed" && reply.length === 0) {
        // Closed without an answer: by the server, within its request timeout, not by this file's timer (which
        // also gives an empty reply, and would make the case pass against a server that does nothing).
        expect(endedBy, `${c.name}: nothing came back and the server never closed the connection`).toBe("server")
        expect(afterLastPartMs, `${c.name}: closed ${Math.round(afterLastPartMs)} ms after the last byte`)
          .toBeLessThanOrEqual(CLOSE_WITHIN_MS)
        return
      }
      const text = reply.toString("latin1")
      const statuses: ReadonlyArray<number> = typeof expect_.status === "number" ? [expect_.status] : expect_.status
      expect(statuses, `${c.name}: ${text.slice(0, 200)}`).toContain(parsed.status)
      expect(parsed.headers["content-length"]).toBe("0")
      expect(parsed.headers["connection"]).toBe("close")
      expect(text.endsWith("\r\n\r\n")).toBe(true)
      break
    }
  }
}

describe("the standalone mock under hostile input", () => {
  it("has at least 200 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200)
    const names = cases.map((c) => c.name)
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
  })

  it.for(cases)("$name", async (c) => {
    const reply = await raw(c.send, {
      ...(c.pauseMs !== undefined ? { pauseMs: c.pauseMs } : {}),
      waitMs: c.waitMs ?? WAIT_MS
    })
    checkReply(c, reply)
    // The server stays up, and a refused request changed nothing.
    const after = await world()
    if (c.mayChangeWorld) {
      expect((await fetch(`${server.url}/__mock/reset`, { method: "POST" })).status).toBe(200)
    } else {
      expect(after).toBe(baseline)
    }
    // Nothing polluted.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
    expect(({} as Record<string, unknown>)["chat_id"]).toBeUndefined()
    expect((await fetch(`${server.url}/bot${T}/getMe`)).status).toBe(200)
  })
})

describe("security of the standalone server", () => {
  it("the journal records bot ids, never a token's secret, even from misrouted requests (regression)", async () => {
    const fresh = await startMockServer({ mock: MockTelegram.make() })
    try {
      const secretOf = (token: string) => token.slice(token.indexOf(":") + 1)
      const requests: ReadonlyArray<[string, RequestInit?]> = [
        [`/bot${T}/getMe`],
        [`/bot/bot${T}/getMe`], // an API root that already ends in /bot
        [`/bot/bot${STRANGER}/exportChatInviteLink`],
        [`/bot1%2F${T}/getMe`], // a token cut by an encoded slash
        [`/bot${T}/${T}`], // the token as the method
        [`/bot${T}/send${T.toUpperCase()}`],
        [`/bot${T}/exportChatInviteLink?chat_id=${T}`], // the token as the chat id
        [`/bot${T}/getChat?chat_id=${encodeURIComponent(STRANGER)}`],
        [`/bot${T}/exportChatInviteLink`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ chat_id: `x ${STRANGER} y` })
        }],
        [`/bot${T}/`, { method: "POST", body: new URLSearchParams({ method: `get${T}` }) }]
      ]
      for (const [path, init] of requests) await (await fetch(`${fresh.url}${path}`, init)).text()
      const entries = fresh.mock.journal()
      expect(entries).toHaveLength(requests.length)
      expect(entries[0]).toMatchObject({ bot_id: 123456, method: "getMe", status: 200 })
      const journal = JSON.stringify((await (await fetch(`${fresh.url}/__mock/journal`)).json()).result)
      for (const secret of [secretOf(T), secretOf(STRANGER)]) {
        for (const form of [secret, secret.toLowerCase(), secret.toUpperCase(), encodeURIComponent(secret)]) {
          expect(journal.includes(form), `the journal holds ${form}: ${journal}`).toBe(false)
        }
      }
      expect(journal).toContain("<token>")
    } finally {
      await fresh.close()
    }
  })

  it("binds 127.0.0.1 unless told otherwise", () => {
    expect(server.host).toBe("127.0.0.1")
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it("with a control token, every control route refuses a missing or wrong token and changes nothing", async () => {
    const guarded = await startMockServer({ mock: MockTelegram.make({ controlToken: "s3cret-control" }) })
    try {
      const snapshot = JSON.stringify(guarded.mock.snapshot())
      const routes: ReadonlyArray<[string, string, string?]> = [
        ["GET", "world"],
        ["PUT", "world", JSON.stringify({ bots: [], users: [], chats: [] })],
        ["POST", "reset"],
        ["POST", "upgrade", JSON.stringify({ chat_id: -555555555 })],
        ["POST", "faults", JSON.stringify({ method: "getMe", reply: { drop: true } })],
        ["DELETE", "faults"],
        ["GET", "limits"],
        ["PUT", "limits", "[]"],
        ["GET", "journal"],
        ["GET", "nope"]
      ]
      for (const [method, route, body] of routes) {
        for (const headers of [{}, { "X-Mock-Control-Token": "wrong" }, { "X-Mock-Control-Token": "" }]) {
          const response = await fetch(`${guarded.url}/__mock/${route}`, {
            method,
            headers: { "Content-Type": "application/json", ...headers },
            ...(body !== undefined ? { body } : {})
          })
          expect(response.status, `${method} ${route} ${JSON.stringify(headers)}`).toBe(401)
          expect(JSON.stringify(await response.json())).not.toContain("s3cret-control")
        }
      }
      expect(JSON.stringify(guarded.mock.snapshot())).toBe(snapshot)
      const allowed = await fetch(`${guarded.url}/__mock/world`, {
        headers: { "X-Mock-Control-Token": "s3cret-control" }
      })
      expect(allowed.status).toBe(200)
    } finally {
      await guarded.close()
    }
  })
})

describe("faults on the standalone server", () => {
  it("holds a delay fault's answer for its time, without holding up other requests", async () => {
    const DELAY_MS = 200
    const fresh = await startMockServer({ mock: MockTelegram.make() })
    try {
      fresh.mock.injectFault({ method: "exportChatInviteLink", reply: { delay_ms: DELAY_MS } })
      const order: Array<string> = []
      const sent = performance.now()
      const delayed = fetch(`${fresh.url}/bot${T}/exportChatInviteLink?chat_id=${SUPERGROUP}`).then(async (r) => {
        const waited = performance.now() - sent
        order.push("export")
        return { status: r.status, body: await r.json(), waited }
      })
      // Another request sent meanwhile is answered at once, before the delayed one.
      const other = await fetch(`${fresh.url}/bot${T}/getMe`)
      order.push("getMe")
      expect(other.status).toBe(200)
      const answer = await delayed
      expect(order).toEqual(["getMe", "export"])
      expect(answer.status).toBe(200)
      expect(answer.body.result).toMatch(/^https:\/\/t\.me\/\+/)
      // Not before its time (a timer may fire a millisecond early); only a lower bound: a loaded machine is slow.
      expect(answer.waited).toBeGreaterThanOrEqual(DELAY_MS - 2)
      expect(fresh.mock.journal().map((e) => [e.method, e.status])).toEqual([["getMe", 200], [
        "exportChatInviteLink",
        200
      ]])
    } finally {
      await fresh.close()
    }
  })
})
