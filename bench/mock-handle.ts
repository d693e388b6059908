/**
 * Diagnostic (not part of `npm run bench`): the cost of one `MockTelegram.handle`, in process, without HTTP: an
 * exportChatInviteLink (a JSON POST: makes and revokes a link) and a getMe, on a clock that advances 25 µs a call.
 * After a warm-up, rounds of 100,000 calls; µs per call in each round. Writes bench/results/mock-handle.json with the
 * commit measured, so that a change to the mock's hot path can be measured before and after.
 *
 * With `--baseline <dir>` (a checkout of another commit, e.g. `git worktree add --detach /tmp/base <commit>`), the
 * mock of `<dir>/mock-server/src` runs in the same process, its rounds alternating with this tree's, and the file
 * holds both (the baseline under `baseline`, with its commit): a before-and-after on the same machine at the same load.
 *
 *   node --import tsx --conditions=effect-telegram-invite-source bench/mock-handle.ts [--quick] [--baseline <dir>]
 */
import { execFileSync } from "node:child_process"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { args } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { median, round2 } from "./stats.js"

const { quick } = args()
const baselineIndex = process.argv.indexOf("--baseline")
const baselineDir = baselineIndex > 0 ? process.argv[baselineIndex + 1] : undefined
const ROUNDS = quick ? 2 : 7
const CALLS = 100_000
const section = startSection(
  "mock-handle",
  `node --import tsx --conditions=effect-telegram-invite-source bench/mock-handle.ts${quick ? " --quick" : ""}${
    baselineDir === undefined ? "" : " --baseline <checkout of the baseline commit>"
  }`,
  quick
)

interface Handles {
  handle(request: (typeof requests)[keyof typeof requests]): unknown
}

let now = Date.now()
const clock = { now: () => now }
const mock: Handles = MockTelegram.make({ clock })
const baseline: { commit: string; mock: Handles } | undefined = baselineDir === undefined ? undefined : {
  commit: execFileSync("git", ["-C", baselineDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
  mock: (await import(pathToFileURL(resolve(baselineDir, "mock-server/src/index.ts")).href)).MockTelegram.make({
    clock
  })
}
const requests = {
  exportChatInviteLink: {
    method: "POST",
    target: `/bot${DEFAULT_BOT_TOKEN}/exportChatInviteLink`,
    contentType: "application/json",
    body: new TextEncoder().encode(JSON.stringify({ chat_id: -1001234567890 }))
  },
  getMe: { method: "GET", target: `/bot${DEFAULT_BOT_TOKEN}/getMe`, body: new Uint8Array() }
} as const

const microsPerCall = (target: Handles, request: (typeof requests)[keyof typeof requests]): number => {
  const started = performance.now()
  for (let i = 0; i < CALLS; i++) {
    now += 0.025
    target.handle(request)
  }
  return ((performance.now() - started) * 1000) / CALLS
}

const report = (who: string, name: string, rounds: ReadonlyArray<number>) =>
  process.stderr.write(
    `  ${who} ${name}: ${rounds.map((r) => r.toFixed(2)).join(", ")} µs (median ${median(rounds).toFixed(2)})\n`
  )

const ours: Record<string, { roundsMicros: Array<number> }> = {}
const theirs: Record<string, { roundsMicros: Array<number> }> = {}
for (const [name, request] of Object.entries(requests)) {
  microsPerCall(mock, request) // warm-up
  if (baseline !== undefined) microsPerCall(baseline.mock, request)
  const rounds: Array<number> = []
  const baselineRounds: Array<number> = []
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which runs first, so that neither always meets the other's garbage.
    if (baseline !== undefined && round % 2 === 1) baselineRounds.push(microsPerCall(baseline.mock, request))
    rounds.push(microsPerCall(mock, request))
    if (baseline !== undefined && round % 2 === 0) baselineRounds.push(microsPerCall(baseline.mock, request))
  }
  report("mock.handle", name, rounds)
  ours[name] = { roundsMicros: rounds.map(round2) }
  if (baseline !== undefined) {
    report(`baseline ${baseline.commit.slice(0, 7)}`, name, baselineRounds)
    theirs[name] = { roundsMicros: baselineRounds.map(round2) }
  }
}
const path = writeResult(
  section.finish({
    callsPerRound: CALLS,
    operations: ours,
    ...(baseline === undefined ? {} : { baseline: { commit: baseline.commit, operations: theirs } })
  })
)
process.stderr.write(`  mock-handle: wrote ${path}\n`)
