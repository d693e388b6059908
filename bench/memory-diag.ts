/**
 * Diagnostic (not part of `npm run bench`): the standalone mock's RSS and its live heap after a full GC at
 * 10k…1M exportChatInviteLink requests, to tell a leak (heapUsed grows) from memory V8 keeps (RSS grows, heap flat).
 *
 *   node --import tsx bench/memory-diag.ts
 */
import autocannon from "autocannon"
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { ROOT } from "./common.js"
const child = spawn(process.execPath, ["--import", "tsx", "bench/servers/mock-memory.ts"], {
  cwd: ROOT,
  stdio: ["ignore", "pipe", "inherit"]
})
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
const stat = async (label: string) => {
  child.kill("SIGUSR2")
  await new Promise((r) => setTimeout(r, 700))
  const m = JSON.parse(lines.at(-1)!.slice(7))
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024
  console.log(
    label,
    "rss",
    rss.toFixed(1),
    "heapUsed",
    (m.heapUsed / 2 ** 20).toFixed(1),
    "heapTotal",
    (m.heapTotal / 2 ** 20).toFixed(1),
    "external",
    (m.external / 2 ** 20).toFixed(1),
    "arrayBuffers",
    (m.arrayBuffers / 2 ** 20).toFixed(1)
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
let done = 0
for (const n of [10_000, 100_000, 300_000, 600_000, 1_000_000]) {
  await drive(n - done)
  done = n
  await stat(String(n))
}
child.kill("SIGTERM")
