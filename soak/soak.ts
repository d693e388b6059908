/**
 * `npm run soak [-- --requests N --max-seconds S --concurrency C --fault-every K --out FILE --break KIND]`: starts
 * the standalone mock server as a child process on loopback and drives it with mixed keep-alive traffic at a fixed
 * concurrency, injecting faults through the control API, and accounts for every request and every message:
 *
 * - requests (soak/accounting.ts): each lane (a kind of request) has the status the mock must answer; the fault
 *   lane's faults (429, 500, HTML 502, dropped connection, delay) are counted when injected and, at the end, what is
 *   left of them is read back from GET /__mock/world, so exactly how many of each were served is known; the flood
 *   lane may answer 429 with `retry_after` and a matching `Retry-After`. Lost (sent, never ended, or failed without a
 *   dropped-connection fault), unexplained (answers beyond what the lane and its faults allow, or malformed), fault
 *   mismatches, and defects of the mock (reported on the server's stderr, or 5xx entries of the journal, sampled
 *   every 10 s, that no fault explains): all must be 0;
 * - messages (soak/conversation.ts, soak/messages.ts): 200 people write to the bot, each message with an id of its
 *   own, and join and leave a group through a link; the bot polls getUpdates (confirming what it got) and replies in
 *   each person's chat. Each message must reach the bot exactly once and in its chat's order, no confirmed update may
 *   come back, each message must be in its chat at the end, and the joins and leaves must show in the chat_member
 *   updates and in the members' list;
 * - the server's RSS (VmRSS of /proc/<pid>/status) at start and end, and its peak (VmHWM).
 *
 * `--break drop-messages|replay-confirmed` puts a proxy that breaks getUpdates between the soak and the mock
 * (soak/breakages.ts): the run must then fail. Defaults: 1,000,000 requests, bounded by 600 s, concurrency 32. Writes
 * its samples (bench/report computes the verdict from them) to `--out` (default: bench/results/soak.json for a run of
 * the default length without a breakage, from which the README's soak figures are generated;
 * bench/results/quick/soak.json otherwise), and exits non-zero when anything is not accounted for.
 */
import { Agent } from "node:http"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { resultPath, startSection, writeResult } from "../bench/results.js"
import { account, type FaultKind, serverErrorsNotInjected } from "./accounting.js"
import { type Breakage, BREAKAGES, startBreakingProxy } from "./breakages.js"
import { makeConversation } from "./conversation.js"
import { caller, sender } from "./http.js"
import { allLanes, CHANNEL, FAULT_TIMES, FAULTS, type Prepared, scheduleOf, SUPERGROUP } from "./lanes.js"
import { memory, startServer } from "./server.js"

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "1000000" },
    "max-seconds": { type: "string", default: "600" },
    concurrency: { type: "string", default: "32" },
    "fault-every": { type: "string", default: "10000" },
    out: { type: "string" },
    break: { type: "string" }
  },
  strict: true
})
const TOTAL = Number(values.requests)
const MAX_SECONDS = Number(values["max-seconds"])
const CONCURRENCY = Number(values.concurrency)
const FAULT_EVERY = Number(values["fault-every"])
const BREAK = values.break as Breakage | undefined
for (
  const [name, n] of [["requests", TOTAL], ["max-seconds", MAX_SECONDS], ["concurrency", CONCURRENCY], [
    "fault-every",
    FAULT_EVERY
  ]] as const
) {
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(`soak: --${name} must be a positive number\n`)
    process.exit(2)
  }
}
if (BREAK !== undefined && !BREAKAGES.includes(BREAK)) {
  process.stderr.write(`soak: --break must be one of ${BREAKAGES.join(", ")}\n`)
  process.exit(2)
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
/** A run of the default length against the mock itself is the one published; any other is a quick look. */
const PUBLISHABLE = TOTAL === 1_000_000 && BREAK === undefined
const OUT = values.out === undefined ? resultPath("soak", !PUBLISHABLE) : resolve(values.out)
/** How long after the run (or its --max-seconds bound) the driver waits for requests still on their way. */
const DRAIN_MS = 60_000

const main = async (): Promise<void> => {
  const section = startSection("soak", ["npm run soak", ...soakArgs()].join(" "), !PUBLISHABLE)
  const server = await startServer(ROOT)
  if (server.host !== "127.0.0.1") throw new Error(`the server listens on ${server.host}, not loopback`)
  const proxy = BREAK === undefined ? undefined : await startBreakingProxy(server, BREAK)
  const { host, port } = proxy ?? server
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const send = sender(host, port, agent)
  const call = caller(`http://${host}:${port}`)
  const conversation = makeConversation()
  const lanes = allLanes(conversation.lanes)
  const schedule = scheduleOf(lanes)

  await call("PUT", "/__mock/limits", [{ method: "getChat", chat_id: CHANNEL, max_calls: 200, per_seconds: 1 }])
  await conversation.setUp(call)
  const start = memory(server.child.pid!)
  const startedAt = performance.now()
  const deadline = startedAt + MAX_SECONDS * 1000

  const injected = new Map<FaultKind, number>(FAULTS.map((f) => [f.kind, 0]))
  const sent = lanes.map(() => 0)
  const counts = lanes.map(() => new Map<string, number>())
  const malformed = lanes.map(() => 0)
  const errors = new Map<string, number>()
  let next = 0
  let done = 0
  let injecting: Promise<void> = Promise.resolve()
  let journalSamples = 0
  let journal5xxNotInjected = 0
  const sampleJournal = async () => {
    journal5xxNotInjected += serverErrorsNotInjected(await call("GET", "/__mock/journal"))
    journalSamples++
  }
  const inject = async () => {
    for (const fault of FAULTS) {
      await call("POST", "/__mock/faults", {
        method: "exportChatInviteLink",
        chat_id: SUPERGROUP,
        reply: fault.reply,
        times: FAULT_TIMES
      })
      injected.set(fault.kind, injected.get(fault.kind)! + FAULT_TIMES)
    }
  }

  const worker = async () => {
    while (next < TOTAL && performance.now() < deadline) {
      const i = next++
      if (i % FAULT_EVERY === 0) injecting = injecting.then(inject)
      if (i % FAULT_EVERY === 0) await injecting
      const index = schedule[i % schedule.length]!
      const lane = lanes[index]!
      const request: Prepared = typeof lane.request === "function" ? await lane.request() : lane.request
      // Counted when sent: a request that never comes back is seen as lost, not as never made.
      sent[index]!++
      const outcome = await send(request)
      if (outcome.body !== undefined && "onAnswer" in request) {
        request.onAnswer?.(outcome.status as number, outcome.body)
      }
      if ("done" in request) request.done?.()
      const key = outcome.status === "error" ? "error" : String(outcome.status)
      counts[index]!.set(key, (counts[index]!.get(key) ?? 0) + 1)
      if (outcome.status === "error") errors.set(outcome.error ?? "?", (errors.get(outcome.error ?? "?") ?? 0) + 1)
      else if (outcome.ok === false || outcome.retryAfterConsistent === false) malformed[index]!++
      done++
    }
  }
  const progress = setInterval(() => {
    const seconds = (performance.now() - startedAt) / 1000
    process.stderr.write(
      `soak: ${done} requests, ${(done / seconds).toFixed(0)}/s, RSS ${memory(server.child.pid!).rss.toFixed(1)} MiB\n`
    )
    void sampleJournal().catch(() => undefined)
  }, 10_000)
  // Requests still on their way a minute after the run are given up on: they count as lost, not as never sent.
  let drainTimer: ReturnType<typeof setTimeout> | undefined
  const drained = await Promise.race([
    Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => true),
    new Promise<boolean>((resolve) => {
      const arm = () => {
        const wait = deadline + DRAIN_MS - performance.now()
        drainTimer = setTimeout(() => (performance.now() >= deadline + DRAIN_MS ? resolve(false) : arm()), wait)
      }
      arm()
    })
  ])
  clearTimeout(drainTimer)
  clearInterval(progress)
  const seconds = (performance.now() - startedAt) / 1000
  await injecting
  await sampleJournal()
  const messages = await conversation.finish(call)

  // What is left of the faults tells how many of each were served.
  const world = await call("GET", "/__mock/world") as {
    faults: Array<{ reply: Record<string, unknown>; times: number }>
  }
  const left = new Map<FaultKind, number>(FAULTS.map((f) => [f.kind, 0]))
  for (const fault of world.faults) {
    const kind = FAULTS.find((f) => JSON.stringify(f.reply) === JSON.stringify(fault.reply))!.kind
    left.set(kind, left.get(kind)! + fault.times)
  }
  const served = new Map<FaultKind, number>(FAULTS.map((f) => [f.kind, injected.get(f.kind)! - left.get(f.kind)!]))
  const end = memory(server.child.pid!)

  const requests = account({
    lanes,
    counts: lanes.map((_, i) => ({ sent: sent[i]!, statuses: counts[i]!, malformed: malformed[i]! })),
    served,
    defects: server.defects(),
    journal5xxNotInjected
  })
  const messageProblems = [
    messages.undelivered,
    messages.duplicated,
    messages.unknown,
    messages.outOfOrder,
    messages.replayedUpdates,
    messages.notInChat,
    messages.memberUpdatesWrong,
    messages.membersWrong
  ].reduce((a, b) => a + b, 0)
  const ok = requests.ok && messageProblems === 0

  const statuses = new Map<string, number>()
  for (const lane of counts) for (const [s, n] of lane) statuses.set(s, (statuses.get(s) ?? 0) + n)
  const totalSent = sent.reduce((a, b) => a + b, 0)
  const lines = [
    `soak: ${done} requests in ${seconds.toFixed(1)} s (${
      (done / seconds).toFixed(0)
    } req/s), concurrency ${CONCURRENCY}, ` +
    `server ${server.host}:${server.port} (pid ${server.child.pid})${
      proxy === undefined ? "" : `, through a proxy breaking getUpdates (${BREAK})`
    }${totalSent < TOTAL ? `; stopped by --max-seconds ${MAX_SECONDS} before ${TOTAL}` : ""}${
      drained ? "" : `; ${totalSent - done} request(s) still unanswered ${DRAIN_MS / 1000} s after the run`
    }`,
    `  requests lost: ${requests.lost}`,
    `  statuses not explained by the faults injected: ${requests.unexplained}`,
    `  fault lane statuses not matching the faults served: ${requests.faultMismatch}`,
    `  defects of the mock: ${requests.defects} reported by the server, ${requests.journal5xxNotInjected} 5xx not injected in ${journalSamples} journal samples`,
    `  faults injected/served: ${
      FAULTS.map((f) => `${f.kind} ${injected.get(f.kind)}/${served.get(f.kind)}`).join(", ")
    }`,
    `  statuses: ${[...statuses].sort().map(([s, n]) => `${s} ${n}`).join(", ")}`,
    `  client errors: ${errors.size === 0 ? "none" : [...errors].map(([e, n]) => `${e} ${n}`).join(", ")}`,
    `  messages: ${messages.sent} sent by people, ${messages.delivered} delivered, ${messages.undelivered} undelivered, ${messages.duplicated} twice, ${messages.outOfOrder} out of order, ${messages.unknown} unknown, ${messages.replayedUpdates} confirmed updates handed back; ${messages.botMessages} bot replies, ${messages.notInChat} not in their chat`,
    `  joins and leaves through the link: ${messages.joins} and ${messages.leaves}, ${messages.memberUpdates} chat_member updates; ${messages.memberUpdatesWrong} people whose updates differ, ${messages.membersWrong} whose standing differs from the members' list`,
    `  server RSS: start ${start.rss.toFixed(1)} MiB, end ${end.rss.toFixed(1)} MiB (peak ${end.peak.toFixed(1)} MiB)`,
    ...[...requests.details, ...conversation.ledger.details].map((d) => `  ! ${d}`),
    `soak: ${ok ? "every request and every message accounted for" : "FAILED: not everything is accounted for"}`
  ]
  process.stdout.write(lines.join("\n") + "\n")

  const written = writeResult(
    section.finish({
      config: {
        requests: TOTAL,
        maxSeconds: MAX_SECONDS,
        concurrency: CONCURRENCY,
        faultEvery: FAULT_EVERY,
        faultTimes: FAULT_TIMES,
        server: `node --import tsx mock-server/src/bin/tg-mock-server.ts --port 0 (its own process)${
          proxy === undefined ? "" : `, behind a proxy breaking getUpdates (--break ${BREAK})`
        }`
      },
      run: {
        requests: done,
        sent: totalSent,
        seconds: Math.round(seconds * 10) / 10,
        journalSamples,
        journal5xxNotInjected,
        defects: server.defects(),
        clientErrors: Object.fromEntries(errors),
        rssMiB: {
          start: Math.round(start.rss * 10) / 10,
          end: Math.round(end.rss * 10) / 10,
          peak: Math.round(end.peak * 10) / 10
        }
      },
      faults: Object.fromEntries(
        FAULTS.map((f) => [f.kind, { injected: injected.get(f.kind)!, served: served.get(f.kind)! }])
      ),
      lanes: lanes.map((lane, i) => ({
        name: lane.name,
        ...(lane.role === undefined ? {} : { role: lane.role }),
        expected: lane.status,
        sent: sent[i]!,
        statuses: Object.fromEntries(counts[i]!),
        malformed: malformed[i]!
      })),
      messages
    }),
    OUT
  )
  process.stdout.write(`soak: wrote ${written}\n`)

  agent.destroy()
  proxy?.close()
  const exited = new Promise((resolve) => server.child.on("exit", resolve))
  server.child.kill("SIGTERM")
  await exited
  process.exitCode = ok ? 0 : 1
  // Requests given up on keep their sockets: do not wait for them.
  if (!drained) process.exit()
}

/** This run's options, as given on the command line (for the report's command). */
const soakArgs = (): Array<string> => {
  const given = process.argv.slice(2).filter((a) => a !== "--")
  return given.length === 0 ? [] : ["--", ...given]
}

main().catch((error) => {
  process.stderr.write(`soak: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
