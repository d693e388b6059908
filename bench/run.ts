/**
 * `npm run bench` (`-- --quick` for a short look; `-- client server` for some sections): runs each section in its own
 * process. Each writes its own results file, bench/results/<section>.json (bench/results/quick/ for a quick run),
 * with its command, date, machine, load average before and after, raw samples, medians and verdicts. A full run then
 * regenerates BENCHMARKS.md and the README's figures from those files (bench/report.ts); a quick run only prints
 * its verdicts.
 */
import { spawnSync } from "node:child_process"
import { ROOT } from "./common.js"
import { readResult, type Verdict } from "./results.js"

const quick = process.argv.includes("--quick")
export const SECTIONS = ["startup", "client", "server", "msw", "flood", "memory", "fleet"] as const
type Section = typeof SECTIONS[number]

const only = process.argv.slice(2).filter((a) => (SECTIONS as ReadonlyArray<string>).includes(a)) as Array<Section>
const toRun = only.length > 0 ? only : [...SECTIONS]

/**
 * The workspace's mock package is read from its TypeScript sources (its `source` export condition, named
 * `effect-telegram-invite-source` in newer trees), in each section and in every server it starts.
 */
const CONDITIONS = "--conditions=source --conditions=effect-telegram-invite-source"
const env = { ...process.env, NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} ${CONDITIONS}`.trim() }

const failed: Array<string> = []
for (const section of toRun) {
  process.stderr.write(`bench: ${section}${quick ? " (quick)" : ""}\n`)
  const started = Date.now()
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", `bench/${section}.ts`, ...(quick ? ["--quick"] : [])],
    { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] }
  )
  if (run.status !== 0) {
    failed.push(`${section} (exit ${run.status ?? run.signal})`)
    process.stderr.write(`bench: ${section} FAILED: its results file was not rewritten\n`)
    continue
  }
  process.stderr.write(`bench: ${section} took ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
}

// The verdicts of the sections just run, as their files say.
const lines: Array<string> = []
for (const section of toRun) {
  const result = readResult<{ verdicts?: ReadonlyArray<Verdict> }>(section, quick)
  for (const v of result?.verdicts ?? []) {
    const part = (name: string, check: Verdict["floor"]) =>
      check === undefined ? "" : ` ${name} ${check.bound}: ${check.figure} ${check.holds ? "holds" : "MISSED"};`
    lines.push(`  ${v.target}:${part("floor", v.floor)}${part("goal", v.goal)}`)
  }
}
process.stdout.write(`\nVerdicts${quick ? " (quick run: not published)" : ""}:\n${lines.join("\n")}\n`)

if (!quick) {
  const report = spawnSync(process.execPath, ["--import", "tsx", "bench/report.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"]
  })
  if (report.status !== 0) failed.push("report")
}
if (failed.length > 0) {
  process.stderr.write(`bench: failed: ${failed.join(", ")}\n`)
  process.exitCode = 1
}
