/**
 * The soak's traffic: its lanes (each a kind of request, its weight and the status the mock must answer), their
 * interleaved schedule, and the faults injected on the fault lane.
 */
import { gzipSync } from "node:zlib"
import type { FaultKind, LaneSpec } from "./accounting.js"

export const TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
export const SUPERGROUP = -1001234567890
export const CHANNEL = -1001000000001

export interface Lane extends LaneSpec {
  readonly name: string
  readonly weight: number
  readonly method: string
  /** A function for a lane whose request depends on earlier answers (the polling bot's offset). */
  readonly path: string | (() => string)
  readonly headers?: Record<string, string>
  /** Reads each JSON answer of the lane (the polling bot confirms what it got). */
  readonly onAnswer?: (body: any) => void
  readonly body?: Buffer
  /** What the mock answers when no fault and no flood limit interferes. */
  readonly status: number
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value))
const multipart = (name: string, value: string) =>
  Buffer.from(`--SoakB\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--SoakB--\r\n`)

/** The polling bot's next offset: one past the last update it got (telegram-wire-bots.md: confirmed ones are gone). */
let pollOffset = 0
const confirmUpdates = (body: any): void => {
  for (const update of Array.isArray(body?.result) ? body.result : []) {
    if (typeof update?.update_id === "number") pollOffset = Math.max(pollOffset, update.update_id + 1)
  }
}

export const LANES: ReadonlyArray<Lane> = [
  { name: "getMe", weight: 10, method: "GET", path: `/bot${TOKEN}/getMe`, status: 200 },
  // A bot at work: people write to it, it polls for their messages (confirming them) and answers.
  {
    name: "a person writes to the bot (control API)",
    weight: 4,
    method: "POST",
    path: "/__mock/users/42/send",
    headers: { "Content-Type": "application/json" },
    body: json({ text: "/invite" }),
    status: 200
  },
  {
    name: "the bot polls (getUpdates, offset confirmed)",
    weight: 4,
    method: "GET",
    path: () => `/bot${TOKEN}/getUpdates?offset=${pollOffset}&timeout=0&limit=100`,
    onAnswer: confirmUpdates,
    status: 200
  },
  {
    name: "the bot answers (sendMessage)",
    weight: 4,
    method: "POST",
    path: `/bot${TOKEN}/sendMessage`,
    headers: { "Content-Type": "application/json" },
    body: json({ chat_id: 42, text: "Here is your link: https://t.me/+AAAAAAAAAAAAAAAA" }),
    status: 200
  },
  {
    name: "export (faults)",
    role: "faults",
    weight: 10,
    method: "POST",
    path: `/bot${TOKEN}/exportChatInviteLink`,
    headers: { "Content-Type": "application/json" },
    body: json({ chat_id: SUPERGROUP }),
    status: 200
  },
  {
    name: "export form @channel",
    weight: 6,
    method: "POST",
    path: `/bot${TOKEN}/exportChatInviteLink`,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: Buffer.from("chat_id=%40my_test_channel"),
    status: 200
  },
  {
    name: "export multipart basic group",
    weight: 4,
    method: "POST",
    path: `/bot${TOKEN}/exportChatInviteLink`,
    headers: { "Content-Type": "multipart/form-data; boundary=SoakB" },
    body: multipart("chat_id", "-555555555"),
    status: 200
  },
  {
    name: "export gzip",
    weight: 3,
    method: "POST",
    path: `/bot${TOKEN}/exportChatInviteLink`,
    headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    body: gzipSync(JSON.stringify({ chat_id: -1009876543210 })),
    status: 200
  },
  { name: "getChat", weight: 6, method: "GET", path: `/bot${TOKEN}/getChat?chat_id=${SUPERGROUP}`, status: 200 },
  {
    name: "getChat (flood limit)",
    role: "flood",
    weight: 6,
    method: "GET",
    path: `/bot${TOKEN}/getChat?chat_id=${CHANNEL}`,
    status: 200
  },
  {
    name: "migrated group",
    weight: 4,
    method: "GET",
    path: `/bot${TOKEN}/exportChatInviteLink?chat_id=-987654321`,
    status: 400
  },
  {
    name: "no rights",
    weight: 3,
    method: "GET",
    path: `/bot${TOKEN}/exportChatInviteLink?chat_id=-1002000000002`,
    status: 400
  },
  {
    name: "kicked",
    weight: 3,
    method: "GET",
    path: `/bot${TOKEN}/exportChatInviteLink?chat_id=-1002000000004`,
    status: 403
  },
  { name: "unknown chat", weight: 2, method: "GET", path: `/bot${TOKEN}/exportChatInviteLink?chat_id=-1`, status: 400 },
  {
    name: "bad token",
    weight: 3,
    method: "GET",
    path: "/bot123456:wrong-secret-wrong-secret-wrong/getMe",
    status: 401
  },
  { name: "unallowed token", weight: 1, method: "GET", path: `/botabc:${TOKEN.split(":")[1]}/getMe`, status: 421 },
  { name: "unknown method", weight: 2, method: "GET", path: `/bot${TOKEN}/notAMethod`, status: 404 },
  { name: "PUT (bare 501)", weight: 1, method: "PUT", path: `/bot${TOKEN}/getMe`, status: 501 },
  { name: "not /bot", weight: 1, method: "GET", path: "/favicon.ico", status: 404 }
]
/** Lane of request i: a fixed, interleaved schedule by weight. */
export const schedule: Array<number> = LANES.flatMap((lane, index) => Array.from({ length: lane.weight }, () => index))
for (let i = schedule.length - 1; i > 0; i--) {
  const j = (i * 7919) % (i + 1)
  ;[schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!]
}

/** The faults injected on the fault lane: what each does to the answer. */
export const FAULTS: ReadonlyArray<{ readonly kind: FaultKind; readonly reply: Record<string, unknown> }> = [
  { kind: "429", reply: { error_code: 429, retry_after: 5 } },
  { kind: "500", reply: { error_code: 500 } },
  { kind: "502 html", reply: { html: 502 } },
  { kind: "drop", reply: { drop: true } },
  { kind: "delay", reply: { delay_ms: 25 } }
]
export const FAULT_TIMES = 20
