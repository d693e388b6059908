/**
 * `npm run soak [-- --requests N --max-seconds S --concurrency C --fault-every K --out FILE]`: starts the standalone
 * mock server as a child process on loopback, drives it with mixed keep-alive traffic at a fixed concurrency (a bot at
 * work among it: a person writes to it through the control API, it polls getUpdates confirming what it got and answers
 * with sendMessage, so updates and messages are made and dropped all run long), injecting faults through the control
 * API, and accounts for every request (soak/accounting.ts):
 *
 * - each lane (a kind of request) has the status the mock must answer; the fault lane's faults (429, 500, HTML 502,
 *   dropped connection, delay) are counted when injected and, at the end, what is left of them is read back from
 *   GET /__mock/world, so exactly how many of each were served is known; the flood lane may answer 429 (its flood
 *   limit) with `retry_after` and a matching `Retry-After` header;
 * - requests lost: counted when sent, a request lost is one that never ended (the driver stops waiting for stragglers
 *   a minute after the run) or failed without a dropped-connection fault to explain it: must be 0;
 * - statuses not explained: answers beyond what the lane and its faults allow, or malformed: must be 0;
 * - fault mismatch: the fault lane must show each fault served as its status, no fewer and no more: must be 0;
 * - defects: the mock's own failures, which the server answers 500 and reports on stderr (`defect in …`), and 5xx
 *   entries of the journal (sampled every 10 s) that no injected fault explains: must be 0;
 * - the server's RSS (VmRSS of /proc/<pid>/status) at start and end, and its peak (VmHWM).
 *
 * Defaults: 1,000,000 requests, bounded by 600 s (the report says when the bound cut the run short), concurrency 32.
 * Writes its report to `--out` (default: bench/results/soak.json for a run of the default length, from which the
 * README's soak figures are generated; bench/results/quick/soak.json for a shorter one) and exits non-zero when any of
 * the counts above is not 0.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { Agent, request as httpRequest } from "node:http"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { resultPath, startSection, writeResult } from "../bench/results.js"
import { account, type FaultKind, type LaneCounts, serverErrorsNotInjected } from "./accounting.js"
import { CHANNEL, FAULT_TIMES, FAULTS, type Lane, LANES, schedule, SUPERGROUP } from "./lanes.js"

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "1000000" },
    "max-seconds": { type: "string", default: "600" },
    concurrency: { type: "string", default: "32" },
    "fault-every": { type: "string", default: "10000" },
    out: { type: "string" }
  },
  strict: true
})
const TOTAL = Number(values.requests)
const MAX_SECONDS = Number(values["max-seconds"])
const CONCURRENCY = Number(values.concurrency)
const FAULT_EVERY = Number(values["fault-every"])
for (
  const [name, n] of [
    ["requests", TOTAL],
    ["max-seconds", MAX_SECONDS],
    ["concurrency", CONCURRENCY],
    ["fault-every", FAULT_EVERY]
  ] as const
) {
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(`soak: --${name} must be a positive number\n`)
    process.exit(2)
  }
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
/** A run of the default length is the one published (bench/results/soak.json); a shorter one is a quick look. */
const PUBLISHABLE = TOTAL === 1_000_000
const OUT = values.out === undefined ? resultPath("soak", !PUBLISHABLE) : resolve(values.out)
/** How long after the run (or its --max-seconds bound) the driver waits for requests still on their way. */
const DRAIN_MS = 60_000

// ---- the server ---------------------------------------------------------------------------------------------

/** The server's report of a defect of the mock (HttpServer.ts), one line each on its stderr. */
const DEFECT_LINE = /defect in /

const startServer = (): Promise<{ child: ChildProcess; host: string; port: number; defects: () => number }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "mock-server/src/bin/tg-mock-server.ts", "--port", "0"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let defects = 0
    let err = ""
    child.stderr!.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk)
      err += chunk.toString()
      const lines = err.split("\n")
      err = lines.pop()!
      for (const line of lines) if (DEFECT_LINE.test(line)) defects++
    })
    let out = ""
    child.stdout!.on("data", (chunk) => {
      out += chunk
      const match = /listening on http:\/\/([^:]+):(\d+)/.exec(out)
      if (match !== null) resolve({ child, host: match[1]!, port: Number(match[2]), defects: () => defects })
    })
    child.on("exit", (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)))
    child.on("error", reject)
  })

const memory = (pid: number): { rss: number; peak: number } => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN)
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 }
}

// ---- the driver -----------------------------------------------------------------------------------------------

interface Outcome {
  readonly status: number | "error"
  readonly error?: string
  readonly ok?: boolean
  readonly retryAfterConsistent?: boolean
}

const main = async (): Promise<void> => {
  const section = startSection("soak", ["npm run soak", ...soakArgs()].join(" "), !PUBLISHABLE)
  const { child, host, port, defects } = await startServer()
  if (host !== "127.0.0.1") throw new Error(`the server listens on ${host}, not loopback`)
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const send = (lane: Lane, timeoutMs = 30_000): Promise<Outcome> =>
    new Promise((resolve) => {
      const req = httpRequest({
        host,
        port,
        agent,
        method: lane.method,
        path: typeof lane.path === "function" ? lane.path() : lane.path,
        headers: { ...lane.headers, ...(lane.body !== undefined ? { "Content-Length": lane.body.length } : {}) }
      }, (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (chunk: Buffer) => chunks.push(chunk))
        res.on("end", () => {
          const status = res.statusCode ?? 0
          const text = Buffer.concat(chunks).toString("utf8")
          if (text === "") return resolve({ status, ok: res.headers["content-length"] === "0" })
          try {
            const body = JSON.parse(text)
            lane.onAnswer?.(body)
            const envelopeOk = body.ok === true ? status === 200 : body.error_code === status
            const retryAfter = body.parameters?.retry_after
            resolve({
              status,
              ok: envelopeOk,
              retryAfterConsistent: retryAfter === undefined
                ? res.headers["retry-after"] === undefined
                : String(retryAfter) === res.headers["retry-after"]
            })
          } catch {
            resolve({ status, ok: res.headers["content-type"] === "text/html" })
          }
        })
        res.on("error", (error) => resolve({ status: "error", error: error.message }))
      })
      req.setTimeout(timeoutMs, () => req.destroy(new Error("timeout")))
      req.on(
        "error",
        (error: NodeJS.ErrnoException) => resolve({ status: "error", error: error.code ?? error.message })
      )
      req.end(lane.body)
    })
  const control = async (method: string, route: string, body?: unknown): Promise<any> => {
    const response = await fetch(`http://${host}:${port}/__mock/${route}`, {
      method,
      headers: { "Content-Type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {})
    })
    const answer = await response.json() as { ok: boolean; result: unknown }
    if (!answer.ok) throw new Error(`control ${method} ${route}: ${JSON.stringify(answer)}`)
    return answer.result
  }

  await control("PUT", "limits", [{ method: "getChat", chat_id: CHANNEL, max_calls: 200, per_seconds: 1 }])
  const start = memory(child.pid!)
  const startedAt = performance.now()
  const deadline = startedAt + MAX_SECONDS * 1000

  const injected = new Map<FaultKind, number>(FAULTS.map((f) => [f.kind, 0]))
  const sent = LANES.map(() => 0)
  const counts = LANES.map(() => new Map<string, number>())
  const malformed = LANES.map(() => 0)
  const errors = new Map<string, number>()
  let next = 0
  let done = 0
  let injecting: Promise<void> = Promise.resolve()
  let journalSamples = 0
  let journal5xxNotInjected = 0
  const sampleJournal = async () => {
    const journal = await control("GET", "journal") as Array<{ status: number; fault?: string }>
    journalSamples++
    journal5xxNotInjected += serverErrorsNotInjected(journal)
  }

  const inject = async () => {
    for (const fault of FAULTS) {
      await control("POST", "faults", {
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
      const laneIndex = schedule[i % schedule.length]!
      // Counted when sent: a request that never comes back is seen as lost, not as never made.
      sent[laneIndex]!++
      const outcome = await send(LANES[laneIndex]!)
      const key = outcome.status === "error" ? "error" : String(outcome.status)
      counts[laneIndex]!.set(key, (counts[laneIndex]!.get(key) ?? 0) + 1)
      if (outcome.status === "error") errors.set(outcome.error ?? "?", (errors.get(outcome.error ?? "?") ?? 0) + 1)
      else if (outcome.ok === false || outcome.retryAfterConsistent === false) malformed[laneIndex]!++
      done++
    }
  }
  const progress = setInterval(() => {
    const seconds = (performance.now() - startedAt) / 1000
    process.stderr.write(
      `soak: ${done} requests, ${(done / seconds).toFixed(0)}/s, RSS ${memory(child.pid!).rss.toFixed(1)} MiB\n`
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

  // What is left of the faults tells how many of each were served.
  const world = await control("GET", "world") as { faults: Array<{ reply: Record<string, unknown>; times: number }> }
  const left = new Map<FaultKind, number>(FAULTS.map((f) => [f.kind, 0]))
  for (const fault of world.faults) {
    const kind = FAULTS.find((f) => JSON.stringify(f.reply) === JSON.stringify(fault.reply))!.kind
    left.set(kind, left.get(kind)! + fault.times)
  }
  const served = new Map<FaultKind, number>(FAULTS.map((f) => [f.kind, injected.get(f.kind)! - left.get(f.kind)!]))
  const end = memory(child.pid!)

  const laneCounts: Array<LaneCounts> = LANES.map((_, i) => ({
    sent: sent[i]!,
    statuses: counts[i]!,
    malformed: malformed[i]!
  }))
  const result = account({
    lanes: LANES,
    counts: laneCounts,
    served,
    defects: defects(),
    journal5xxNotInjected
  })

  const statuses = new Map<string, number>()
  for (const lane of counts) for (const [s, n] of lane) statuses.set(s, (statuses.get(s) ?? 0) + n)
  const totalSent = sent.reduce((a, b) => a + b, 0)
  const cut = totalSent < TOTAL
  const lines = [
    `soak: ${done} requests in ${seconds.toFixed(1)} s (${
      (done / seconds).toFixed(0)
    } req/s), concurrency ${CONCURRENCY}, ` +
    `server ${host}:${port} (pid ${child.pid})${
      cut ? `; stopped by --max-seconds ${MAX_SECONDS} before ${TOTAL}` : ""
    }${drained ? "" : `; ${totalSent - done} request(s) still unanswered ${DRAIN_MS / 1000} s after the run`}`,
    `  requests lost: ${result.lost}`,
    `  statuses not explained by the faults injected: ${result.unexplained}`,
    `  fault lane statuses not matching the faults served: ${result.faultMismatch}`,
    `  defects of the mock: ${result.defects} reported by the server, ${result.journal5xxNotInjected} 5xx not injected in ${journalSamples} journal samples`,
    `  faults injected/served: ${
      FAULTS.map((f) => `${f.kind} ${injected.get(f.kind)}/${served.get(f.kind)}`).join(", ")
    }`,
    `  statuses: ${[...statuses].sort().map(([s, n]) => `${s} ${n}`).join(", ")}`,
    `  client errors: ${errors.size === 0 ? "none" : [...errors].map(([e, n]) => `${e} ${n}`).join(", ")}`,
    `  server RSS: start ${start.rss.toFixed(1)} MiB, end ${end.rss.toFixed(1)} MiB (peak ${end.peak.toFixed(1)} MiB)`,
    ...result.details.map((d) => `  ! ${d}`)
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
        server: "node --import tsx mock-server/src/bin/tg-mock-server.ts --port 0 (its own process)"
      },
      figures: {
        requests: done,
        sent: totalSent,
        seconds: Math.round(seconds * 10) / 10,
        requestsPerSec: Math.round(done / seconds),
        cutByMaxSeconds: cut,
        lost: result.lost,
        unexplained: result.unexplained,
        faultMismatch: result.faultMismatch,
        defects: result.defects,
        journal5xxNotInjected: result.journal5xxNotInjected,
        journalSamples,
        faults: Object.fromEntries(
          FAULTS.map((f) => [f.kind, { injected: injected.get(f.kind)!, served: served.get(f.kind)! }])
        ),
        statuses: Object.fromEntries([...statuses].sort()),
        clientErrors: Object.fromEntries(errors),
        rssMiB: {
          start: Math.round(start.rss * 10) / 10,
          end: Math.round(end.rss * 10) / 10,
          peak: Math.round(end.peak * 10) / 10
        }
      },
      lanes: LANES.map((lane, i) => ({
        name: lane.name,
        expected: lane.status,
        sent: sent[i]!,
        statuses: Object.fromEntries(counts[i]!),
        malformed: malformed[i]!
      })),
      details: result.details,
      verdict: { ok: result.ok }
    }),
    OUT
  )
  process.stdout.write(`soak: wrote ${written}\n`)

  agent.destroy()
  const exited = new Promise((resolve) => child.on("exit", resolve))
  child.kill("SIGTERM")
  await exited
  process.exitCode = result.ok ? 0 : 1
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
