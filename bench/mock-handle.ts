/**
 * Diagnostic (not part of `npm run bench`): the cost of one `MockTelegram.handle`, in process, without HTTP: an
 * exportChatInviteLink (a JSON POST: makes and revokes a link) and a getMe, on a clock that advances 25 µs a call.
 * After a warm-up, rounds of 100,000 calls; µs per call in each round. Writes bench/results/mock-handle.json with the
 * commit measured, so that a change to the mock's hot path can be measured before and after.
 *
 *   node --import tsx --conditions=effect-telegram-invite-source bench/mock-handle.ts [--quick]
 */
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { args } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { median, round2 } from "./stats.js"

const { quick } = args()
const ROUNDS = quick ? 2 : 7
const CALLS = 100_000
const section = startSection(
  "mock-handle",
  `node --import tsx --conditions=effect-telegram-invite-source bench/mock-handle.ts${quick ? " --quick" : ""}`,
  quick
)

let now = Date.now()
const mock = MockTelegram.make({ clock: { now: () => now } })
const requests = {
  exportChatInviteLink: {
    method: "POST",
    target: `/bot${DEFAULT_BOT_TOKEN}/exportChatInviteLink`,
    contentType: "application/json",
    body: new TextEncoder().encode(JSON.stringify({ chat_id: -1001234567890 }))
  },
  getMe: { method: "GET", target: `/bot${DEFAULT_BOT_TOKEN}/getMe`, body: new Uint8Array() }
} as const

const microsPerCall = (request: (typeof requests)[keyof typeof requests]): number => {
  const started = performance.now()
  for (let i = 0; i < CALLS; i++) {
    now += 0.025
    mock.handle(request)
  }
  return ((performance.now() - started) * 1000) / CALLS
}

const operations = Object.fromEntries(
  Object.entries(requests).map(([name, request]) => {
    microsPerCall(request) // warm-up
    const rounds = Array.from({ length: ROUNDS }, () => microsPerCall(request))
    process.stderr.write(
      `  mock.handle ${name}: ${rounds.map((r) => r.toFixed(2)).join(", ")} µs (median ${median(rounds).toFixed(2)})\n`
    )
    return [name, { roundsMicros: rounds.map(round2) }]
  })
)
const path = writeResult(section.finish({ callsPerRound: CALLS, operations }))
process.stderr.write(`  mock-handle: wrote ${path}\n`)
