/**
 * `npm run bench`: runs the benchmark sections, each in its own process; each writes its samples to its results
 * file, bench/results/<section>.json (bench/results/quick/ for a quick run). A full run then regenerates BENCHMARKS.md
 * and the README's figures from those files (bench/report.ts); a quick run only prints its verdicts.
 *
 *   npm run bench                    the seven benchmark sections (startup … fleet)
 *   npm run bench -- client server   some of them
 *   npm run bench -- --quick         a rough look: fewer rounds, under bench/results/quick/, never published
 *   npm run bench -- --all           everything the documents print, one after the other: the seven sections, the
 *                                    ablation, the mock's memory diagnosis and handle cost, the soak (1M requests),
 *                                    coverage and mutation testing (about 1.5 hours on two cores); then the documents
 */
import { spawnSync } from "node:child_process"
import { ROOT } from "./common.js"
import { loadResults, type Section } from "./report/results.js"
import { verdicts } from "./report/targets.js"
import { readResultJson } from "./results.js"

const quick = process.argv.includes("--quick")
const everything = process.argv.includes("--all")
const tsx = (file: string) => ["--import", "tsx", file]

/** What writes each results file, and its quick form (none: it has no quick form and a quick run leaves it out). */
const WRITERS: Record<Section, { readonly argv: ReadonlyArray<string>; readonly quick?: ReadonlyArray<string> }> = {
  startup: { argv: tsx("bench/startup.ts"), quick: ["--quick"] },
  client: { argv: tsx("bench/client.ts"), quick: ["--quick"] },
  server: { argv: tsx("bench/server.ts"), quick: ["--quick"] },
  msw: { argv: tsx("bench/msw.ts"), quick: ["--quick"] },
  flood: { argv: tsx("bench/flood.ts"), quick: ["--quick"] },
  memory: { argv: tsx("bench/memory.ts"), quick: ["--quick"] },
  fleet: { argv: tsx("bench/fleet.ts"), quick: ["--quick"] },
  ablation: { argv: tsx("bench/ablation.ts"), quick: ["--quick"] },
  "memory-diag": { argv: tsx("bench/memory-diag.ts") },
  "mock-handle": { argv: tsx("bench/mock-handle.ts"), quick: ["--quick"] },
  "mock-start": { argv: tsx("bench/mock-start.ts"), quick: ["--quick"] },
  soak: { argv: tsx("soak/soak.ts"), quick: ["--requests", "20000"] },
  coverage: { argv: ["scripts/coverage.mjs"] },
  mutation: { argv: ["scripts/mutate.mjs"] }
}
export const SECTIONS = ["startup", "client", "server", "msw", "flood", "memory", "fleet"] as const

const named = process.argv.slice(2).filter((a): a is Section => a in WRITERS)
const toRun: ReadonlyArray<Section> = everything
  ? (Object.keys(WRITERS) as Array<Section>)
  : named.length > 0
  ? named
  : SECTIONS
const runnable = toRun.filter((section) => !quick || WRITERS[section].quick !== undefined)
if (quick && runnable.length < toRun.length) {
  process.stderr.write(`bench: no quick form, left out: ${toRun.filter((s) => !runnable.includes(s)).join(", ")}\n`)
}

/**
 * The workspace's mock package is read from its TypeScript sources (its `source` export condition, named
 * `effect-telegram-invite-source` in newer trees), in each section and in every server it starts.
 */
const CONDITIONS = "--conditions=source --conditions=effect-telegram-invite-source"
const env = { ...process.env, NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} ${CONDITIONS}`.trim() }

const failed: Array<string> = []
for (const section of runnable) {
  process.stderr.write(`bench: ${section}${quick ? " (quick)" : ""}\n`)
  const started = Date.now()
  const writer = WRITERS[section]
  const run = spawnSync(process.execPath, [...writer.argv, ...(quick ? writer.quick! : [])], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"]
  })
  if (run.status !== 0) {
    failed.push(`${section} (exit ${run.status ?? run.signal})`)
    process.stderr.write(`bench: ${section} FAILED: its results file was not rewritten\n`)
    continue
  }
  process.stderr.write(`bench: ${section} took ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
}

// The verdicts the files now give, computed from their samples as the documents are.
const results = loadResults((section) => (runnable.includes(section) ? readResultJson(section, quick) : undefined))
const lines = verdicts(results).filter((v) => runnable.includes(v.target.section)).map((v) => {
  const part = (name: string, check: typeof v.floor) =>
    check === undefined ? "" : ` ${name} ${check.bound}: ${check.figure} ${check.holds ? "holds" : "MISSED"};`
  return `  ${v.target.name}:${part("floor", v.floor)}${part("goal", v.goal)}`
})
process.stdout.write(`\nVerdicts${quick ? " (quick run: not published)" : ""}:\n${lines.join("\n")}\n`)

if (!quick) {
  const report = spawnSync(process.execPath, tsx("bench/report.ts"), {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"]
  })
  if (report.status !== 0) failed.push("report")
}
if (failed.length > 0) {
  process.stderr.write(`bench: failed: ${failed.join(", ")}\n`)
  process.exitCode = 1
}
