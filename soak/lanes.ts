/**
 * The soak's traffic: its lanes (each a kind of request, its weight and the status the mock must answer), their
 * interleaved schedule, and the faults injected on the fault lane. The lanes of people and their bot, whose requests
 * depend on what came before, are in soak/conversation.ts.
 */
import { gzipSync } from "node:zlib"
import type { FaultKind, LaneSpec } from "./accounting.js"
import { TOKEN } from "./conversation.js"

export const SUPERGROUP = -1001234567890
export const CHANNEL = -1001000000001

/** A request as the driver sends it. */
export interface Request {
  readonly method: string
  readonly path: string
  readonly headers?: Record<string, string>
  readonly body?: Buffer
}

/** A request made when it is sent (it depends on what came before), told its answer, and `done` once it ended. */
export interface Prepared extends Request {
  /** A JSON answer (its status and body); not called for an answer that is not JSON or a failed connection. */
  readonly onAnswer?: (status: number, body: any) => void
  readonly done?: () => void
}

export interface Lane extends LaneSpec {
  readonly name: string
  readonly weight: number
  /** The same request every time, or one made when sent. */
  readonly request: Request | (() => Prepared | Promise<Prepared>)
  /** What the mock answers when no fault and no flood limit interferes. */
  readonly status: number
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value))
const multipart = (name: string, value: string) =>
  Buffer.from(`--SoakB\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--SoakB--\r\n`)

/** The requests that need no state: the bot's other calls, wrong requests, and the lanes of faults and floods. */
const FIXED_LANES: ReadonlyArray<Lane> = [
  { name: "getMe", weight: 10, status: 200, request: { method: "GET", path: `/bot${TOKEN}/getMe` } },
  {
    name: "export (faults)",
    role: "faults",
    weight: 10,
    status: 200,
    request: {
      method: "POST",
      path: `/bot${TOKEN}/exportChatInviteLink`,
      headers: { "Content-Type": "application/json" },
      body: json({ chat_id: SUPERGROUP })
    }
  },
  {
    name: "export form @channel",
    weight: 6,
    status: 200,
    request: {
      method: "POST",
      path: `/bot${TOKEN}/exportChatInviteLink`,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: Buffer.from("chat_id=%40my_test_channel")
    }
  },
  {
    name: "export multipart basic group",
    weight: 4,
    status: 200,
    request: {
      method: "POST",
      path: `/bot${TOKEN}/exportChatInviteLink`,
      headers: { "Content-Type": "multipart/form-data; boundary=SoakB" },
      body: multipart("chat_id", "-555555555")
    }
  },
  {
    name: "export gzip",
    weight: 3,
    status: 200,
    request: {
      method: "POST",
      path: `/bot${TOKEN}/exportChatInviteLink`,
      headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
      body: gzipSync(JSON.stringify({ chat_id: -1009876543210 }))
    }
  },
  {
    name: "getChat",
    weight: 6,
    status: 200,
    request: { method: "GET", path: `/bot${TOKEN}/getChat?chat_id=${SUPERGROUP}` }
  },
  {
    name: "getChat (flood limit)",
    role: "flood",
    weight: 6,
    status: 200,
    request: { method: "GET", path: `/bot${TOKEN}/getChat?chat_id=${CHANNEL}` }
  },
  {
    name: "migrated group",
    weight: 4,
    status: 400,
    request: { method: "GET", path: `/bot${TOKEN}/exportChatInviteLink?chat_id=-987654321` }
  },
  {
    name: "no rights",
    weight: 3,
    status: 400,
    request: { method: "GET", path: `/bot${TOKEN}/exportChatInviteLink?chat_id=-1002000000002` }
  },
  {
    name: "kicked",
    weight: 3,
    status: 403,
    request: { method: "GET", path: `/bot${TOKEN}/exportChatInviteLink?chat_id=-1002000000004` }
  },
  {
    name: "unknown chat",
    weight: 2,
    status: 400,
    request: { method: "GET", path: `/bot${TOKEN}/exportChatInviteLink?chat_id=-1` }
  },
  {
    name: "bad token",
    weight: 3,
    status: 401,
    request: { method: "GET", path: "/bot123456:wrong-secret-wrong-secret-wrong/getMe" }
  },
  {
    name: "unallowed token",
    weight: 1,
    status: 421,
    request: { method: "GET", path: `/botabc:${TOKEN.split(":")[1]}/getMe` }
  },
  { name: "unknown method", weight: 2, status: 404, request: { method: "GET", path: `/bot${TOKEN}/notAMethod` } },
  { name: "PUT (bare 501)", weight: 1, status: 501, request: { method: "PUT", path: `/bot${TOKEN}/getMe` } },
  { name: "not /bot", weight: 1, status: 404, request: { method: "GET", path: "/favicon.ico" } }
]

/** Every lane: the conversation's (people and their bot at work, soak/conversation.ts), then the fixed ones. */
export const allLanes = (conversation: ReadonlyArray<Lane>): ReadonlyArray<Lane> => [...conversation, ...FIXED_LANES]

/** Lane of request i (modulo its length): a fixed, interleaved schedule by weight. */
export const scheduleOf = (lanes: ReadonlyArray<Lane>): Array<number> => {
  const schedule = lanes.flatMap((lane, index) => Array.from({ length: lane.weight }, () => index))
  for (let i = schedule.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1)
    ;[schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!]
  }
  return schedule
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
