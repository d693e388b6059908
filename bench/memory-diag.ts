/**
 * Diagnostic (not part of `npm run bench`): the standalone mock's RSS and its heap, without and then after a full GC,
 * at 10k…1M exportChatInviteLink requests, to tell a leak (heapUsed after GC grows) from memory V8 keeps (RSS and
 * heapTotal grow, heapUsed after GC flat).
 *
 *   node --import tsx bench/memory-diag.ts          # the compiled bin, as the installed `tg-mock-server` runs
 *   node --import tsx bench/memory-diag.ts --tsx    # mock-server/bin/tg-mock-server.ts under tsx
 *
 * Writes bench/results/memory-diag.json (memory-diag-tsx.json with --tsx).
 *
 * The server is the real bin; a preloaded module (`--expose-gc --import data:…`) prints `process.memoryUsage()`
 * and V8's spaces on SIGUSR2, once as they are and once after a full GC.
 */
import autocannon from "autocannon"
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { buildCompiledMock, ROOT } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { round2 } from "./stats.js"

const tsx = process.argv.includes("--tsx")
const section = startSection(
  tsx ? "memory-diag-tsx" : "memory-diag",
  `node --import tsx bench/memory-diag.ts${tsx ? " --tsx" : ""}`,
  false
)
const rows: Array<Record<string, unknown>> = []

const compiledBin = buildCompiledMock

const probe = `
import v8 from "node:v8"
const mb = (n) => +(n / 2 ** 20).toFixed(1)
const read = () => {
  const m = process.memoryUsage()
  const spaces = {}
  for (const s of v8.getHeapSpaceStatistics()) {
    if (s.space_size > 0) spaces[s.space_name.replace("_space", "")] = mb(s.space_used_size) + "/" + mb(s.space_size)
  }
  return { heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), spaces }
}
process.on("SIGUSR2", () => {
  const before = read()
  globalThis.gc()
  process.stdout.write("memory " + JSON.stringify({ before, after: read() }) + "\\n")
})`

const script = tsx ? ["--import", "tsx", "mock-server/src/bin/tg-mock-server.ts"] : [compiledBin()]
const child = spawn(
  process.execPath,
  ["--expose-gc", "--import", `data:text/javascript,${encodeURIComponent(probe)}`, ...script, "--port", "0"],
  { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] }
)
let buf = ""
const lines: Array<string> = []
let resolveUrl: (u: string) => void
const urlP = new Promise<string>((r) => (resolveUrl = r))
child.stdout.on("data", (d) => {
  buf += d
  let i
  while ((i = buf.indexOf("\n")) >= 0) {
    const l = buf.slice(0, i)
    buf = buf.slice(i + 1)
    if (l.startsWith("listening on ")) resolveUrl(l.slice(13))
    else lines.push(l)
  }
})
const url = await urlP
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024
const stat = async (label: string) => {
  await new Promise((r) => setTimeout(r, 500))
  const rssBefore = rss()
  child.kill("SIGUSR2")
  await new Promise((r) => setTimeout(r, 700))
  const m = JSON.parse(lines.at(-1)!.slice(7))
  rows.push({
    requests: label,
    rssMB: round2(rssBefore),
    rssAfterGcMB: round2(rss()),
    before: m.before,
    afterGc: m.after
  })
  console.log(
    `${label}: rss ${rssBefore.toFixed(1)} → ${rss().toFixed(1)} after GC;`,
    `heapUsed ${m.before.heapUsed} → ${m.after.heapUsed}; heapTotal ${m.before.heapTotal} → ${m.after.heapTotal};`,
    `external ${m.after.external}; spaces (used/size) before GC ${JSON.stringify(m.before.spaces)}`
  )
}
const drive = (amount: number) =>
  autocannon({
    url: `${url}/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/exportChatInviteLink`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{\"chat_id\":-1001234567890}",
    connections: 64,
    amount
  })
await stat("idle")
let done = 0
for (const n of [10_000, 100_000, 300_000, 600_000, 1_000_000]) {
  await drive(n - done)
  done = n
  await stat(String(n))
}
child.kill("SIGTERM")
const path = writeResult(section.finish({ server: tsx ? "tsx" : "compiled", checkpoints: rows }))
console.log(`memory-diag: wrote ${path}`)
