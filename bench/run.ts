/**
 * `npm run bench` (`-- --quick` for a short look): runs each section in its own process, prints one table of every
 * figure with its ratio and target, and writes bench/results.json.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import type { ClientFigures } from "./client.js"
import { readJson, ROOT } from "./common.js"
import type { FloodFigures } from "./flood.js"
import type { MswFigures } from "./msw.js"
import type { ServerFigures } from "./server.js"

const quick = process.argv.includes("--quick")
const sections = ["client", "server", "msw", "flood", "memory", "fleet"] as const
type Section = typeof sections[number]

const only = process.argv.slice(2).filter((a) => (sections as ReadonlyArray<string>).includes(a)) as Array<Section>
const toRun = only.length > 0 ? only : [...sections]

const dir = mkdtempSync(join(tmpdir(), "tg-bench-"))
const results: Partial<Record<Section, any>> = {}
const started = Date.now()
const loadBefore = loadavg()[0]!
try {
  for (const section of toRun) {
    const out = join(dir, `${section}.json`)
    process.stderr.write(`bench: ${section}${quick ? " (quick)" : ""}\n`)
    const t = Date.now()
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", `bench/${section}.ts`, "--out", out, ...(quick ? ["--quick"] : [])],
      { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] }
    )
    if (run.status !== 0) throw new Error(`bench/${section}.ts exited with ${run.status ?? run.signal}`)
    try {
      results[section] = readJson(out)
    } catch {
      throw new Error(`bench/${section}.ts wrote no result (did its event loop run dry?)`)
    }
    process.stderr.write(`bench: ${section} took ${((Date.now() - t) / 1000).toFixed(0)} s\n`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

// ---- the table ----------------------------------------------------------------------------------

const rows: Array<Array<string>> = []
const targets: Array<{ target: string; holds: boolean | null; detail: string }> = []
const f0 = (n: number) => Math.round(n).toLocaleString("en-US")
const f2 = (n: number) => `${n.toFixed(2)}×`
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
const check = (target: string, holds: boolean | null, detail: string) => {
  targets.push({ target, holds, detail })
  return holds === null ? "n/a" : holds ? "holds" : "MISSED"
}
const section = (title: string) => rows.push([`**${title}**`, "", "", ""])

if (results.client !== undefined) {
  const figures = results.client.figures as Array<ClientFigures>
  const r = results.client
  section(
    `1. Client, exportChatInviteLink against the standalone mock (${r.rounds} interleaved rounds; sequential ${
      f0(r.sequentialCalls)
    } calls, then ${r.concurrency} in flight for ${r.concurrentMs / 1000} s; ratios to raw fetch)`
  )
  for (const c of figures) {
    rows.push([
      c.name,
      `p50 ${f0(c.p50Us)} µs, p99 ${f0(c.p99Us)} µs; ${f0(c.callsPerSec)} calls/s`,
      `p50 ${f2(c.p50VsFetch)}, p99 ${f2(c.p99VsFetch)}; calls/s ${f2(c.callsPerSecVsFetch)}`,
      ""
    ])
  }
  const lib = figures[0]!
  const grammy = figures.find((c) => c.name === "grammY")!
  rows.push([
    "target: library p50 ≤ 1.15× raw fetch",
    "",
    f2(lib.p50VsFetch),
    check("client latency ≤ 1.15× raw fetch", lib.p50VsFetch <= 1.15, f2(lib.p50VsFetch))
  ])
  rows.push([
    "target: library calls/s ≥ 0.85× raw fetch",
    "",
    f2(lib.callsPerSecVsFetch),
    check("client throughput ≥ 0.85× raw fetch", lib.callsPerSecVsFetch >= 0.85, f2(lib.callsPerSecVsFetch))
  ])
  const fasterLatency = lib.p50VsFetch < grammy.p50VsFetch
  const fasterThroughput = lib.callsPerSecVsFetch > grammy.callsPerSecVsFetch
  rows.push([
    "target: library faster than grammY on both",
    "",
    `p50 ${f2(lib.p50Us / grammy.p50Us)} grammY's, calls/s ${f2(lib.callsPerSec / grammy.callsPerSec)} grammY's`,
    check(
      "client faster than grammY (latency and throughput)",
      fasterLatency && fasterThroughput,
      `latency ${fasterLatency ? "faster" : "slower"}, throughput ${fasterThroughput ? "faster" : "slower"}`
    )
  ])
}

if (results.server !== undefined) {
  const r = results.server
  section(
    `2. Server throughput, autocannon, ${r.connections} connections (${r.rounds} interleaved rounds of ${r.secondsPerRun} s)`
  )
  for (const s of r.figures as Array<ServerFigures>) {
    rows.push([
      s.name,
      `${f0(s.requestsPerSec)} req/s (latency p50 ${s.latencyP50Ms} ms, p99 ${s.latencyP99Ms} ms)`,
      "",
      ""
    ])
  }
  rows.push([
    "mock exportChatInviteLink / bare node:http (target ≥ 0.5×)",
    "",
    f2(r.ratios.mockExportVsBare),
    check(
      "mock ≥ 0.5× bare node:http (exportChatInviteLink)",
      r.ratios.mockExportVsBare >= 0.5,
      f2(r.ratios.mockExportVsBare)
    )
  ])
  rows.push(["mock getMe / bare node:http (information)", "", f2(r.ratios.mockGetMeVsBare), ""])
  rows.push([
    "mock getMe / telegram-test-api getMe (target ≥ 3×)",
    "",
    f2(r.ratios.mockGetMeVsTelegramTestApi),
    check(
      "mock ≥ 3× telegram-test-api (getMe)",
      r.ratios.mockGetMeVsTelegramTestApi >= 3,
      f2(r.ratios.mockGetMeVsTelegramTestApi)
    )
  ])
}

if (results.msw !== undefined) {
  const r = results.msw
  section(`3. In-process, through the MSW handlers (${r.calls} calls, ${r.concurrency} in flight, ${r.rounds} rounds)`)
  for (const m of r.figures as Array<MswFigures>) {
    rows.push([m.name, `${f0(m.callsPerSec)} calls/s`, `${f2(m.vsRawFetch)} raw fetch through MSW`, ""])
  }
}

if (results.flood !== undefined) {
  const r = results.flood
  section(
    `4. Flood gate: ${r.callers} exports to one chat, one 429 (retry_after ${r.retryAfterSeconds} s); requests beyond ${r.callers}`
  )
  for (const f of r.figures as Array<FloodFigures>) {
    const isLib = f.client.startsWith("library")
    rows.push([
      `${f.client}, ${f.shape === "burst" ? "burst (all start at once)" : "callers arrive during the wait"}`,
      `${f.extra} extra (${f.requests} requests, ${f.answered429} answered 429, ${f.failedCalls} calls failed)`,
      "",
      isLib
        ? check(`flood gate ≤ 1 extra request (${f.shape})`, f.extra <= 1 && f.failedCalls === 0, `${f.extra} extra`)
        : ""
    ])
  }
}

if (results.memory !== undefined) {
  const r = results.memory
  section("5. Memory")
  for (const p of r.server.points as Array<{ requests: number; rssBytes: number }>) {
    rows.push([`standalone mock RSS after ${f0(p.requests)} exportChatInviteLink requests`, mb(p.rssBytes), "", ""])
  }
  const last = r.server.points.at(-1).requests as number
  const full = last >= 1_000_000
  rows.push([
    `RSS growth from ${f0(r.server.points[0].requests)} to ${f0(last)} requests (target < 30 MB, 10k→1M)`,
    mb(r.server.growthBytes),
    "",
    check(
      "server RSS growth < 30 MB from 10k to 1M requests",
      full ? r.server.growthBytes < 30 * 2 ** 20 : null,
      full ? mb(r.server.growthBytes) : "quick run: not measured to 1M"
    )
  ])
  const [lib, raw] = r.client as Array<{ name: string; heapGrowthBytes: number; bytesPerCall: number; failed: number }>
  for (const c of [lib!, raw!]) {
    rows.push([
      `client heap, ${f0(r.inFlight)} calls in flight: ${c.name}`,
      `+${mb(c.heapGrowthBytes)} (${f0(c.bytesPerCall)} bytes per call)${c.failed > 0 ? `, ${c.failed} failed` : ""}`,
      c === lib ? `${f2(lib!.heapGrowthBytes / raw!.heapGrowthBytes)} raw fetch's` : "",
      ""
    ])
  }
}

if (results.fleet !== undefined) {
  const r = results.fleet
  if (r.skipped !== undefined) {
    section(`6. Fleet: not measured (${r.skipped}; install redis-server)`)
  } else {
    section(
      `6. Fleet: ${r.processes ?? 8} processes of one bot, one chat flooded; requests after the first 429 (medians of ${
        r.runs ?? "the"
      } runs)`
    )
    for (
      const c of r.contenders as Array<
        { name: string; extraAfter429: number; floodAnswers: number; failedCalls: number }
      >
    ) {
      const isRedis = /redis/i.test(c.name)
      rows.push([
        c.name,
        `${c.extraAfter429} extra after the first 429 (${c.floodAnswers} answered 429, ${c.failedCalls} calls failed)`,
        "",
        isRedis
          ? check(
            "fleet shares the flood gate: ≤ 1 extra request after a 429",
            c.extraAfter429 <= 1,
            `${c.extraAfter429} extra`
          )
          : ""
      ])
    }
  }
}

const table = [
  "| figure | value | ratio | target |",
  "|---|---|---|---|",
  ...rows.map((r) => `| ${r.join(" | ")} |`)
].join("\n")

const cpu = cpus()[0]?.model ?? "unknown CPU"
const loadAfter = loadavg()[0]!
const header =
  `\`npm run bench${quick ? " -- --quick" : ""}\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ` +
  `${availableParallelism()} cores (${cpu}), Node ${process.version}, ${
    ((Date.now() - started) / 1000).toFixed(0)
  } s; ` +
  `1-minute load average ${loadBefore.toFixed(1)} before, ${
    loadAfter.toFixed(1)
  } after (other work on the machine skews ` +
  `absolute figures; the ratios are paired per round)`
process.stdout.write(`\n${header}\n\n${table}\n\n`)
const missed = targets.filter((t) => t.holds === false)
process.stdout.write(
  missed.length === 0
    ? "Every target measured holds.\n"
    : `Missed: ${missed.map((t) => `${t.target} (${t.detail})`).join("; ")}\n`
)

writeFileSync(
  join(ROOT, "bench", "results.json"),
  `${
    JSON.stringify(
      {
        command: `npm run bench${quick ? " -- --quick" : ""}`,
        date: new Date().toISOString(),
        cores: availableParallelism(),
        cpu,
        node: process.version,
        loadAverage: { before: loadBefore, after: loadAfter },
        quick,
        seconds: (Date.now() - started) / 1000,
        targets,
        table,
        sections: results
      },
      null,
      2
    )
  }\n`
)
process.stderr.write("bench: wrote bench/results.json\n")
