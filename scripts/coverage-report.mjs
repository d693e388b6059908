#!/usr/bin/env node
// Coverage per folder, held to a floor (what .ci/run prints after `npm test -- --coverage`):
//   node scripts/coverage-report.mjs [coverage/coverage-summary.json] [--not-enforced FOLDER]… [--write FILE]
// Reads vitest's per-file json-summary, sums statements and branches per folder (src/core, mock-server/src/api, …)
// and for the whole, prints one line each with its floor (scripts/coverage-floors.json), and exits 1 when one is under
// its floor. `--not-enforced src/redis` reports that folder without holding it to its floor (a run that was allowed to
// skip the Redis tests). `--write FILE` also saves the figures, with the run's command, date and machine, as the
// results file the README's coverage figure is generated from (`npm run coverage` does both: scripts/coverage.mjs).
import { readFileSync, writeFileSync } from "node:fs"
import { availableParallelism, cpus, loadavg } from "node:os"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
const argv = process.argv.slice(2)
const notEnforced = new Set()
let file = join(ROOT, "coverage", "coverage-summary.json")
let write
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--not-enforced") notEnforced.add(argv[++i])
  else if (argv[i] === "--write") write = argv[++i]
  else file = argv[i]
}

let summary
try {
  summary = JSON.parse(readFileSync(file, "utf8"))
} catch (error) {
  console.log(`coverage: no summary to read at ${relative(process.cwd(), file)} (did the tests run?): ${error.message}`)
  process.exit(1)
}
const floors = JSON.parse(readFileSync(join(ROOT, "scripts", "coverage-floors.json"), "utf8"))

/** @type {Map<string, {statements: {covered: number, total: number}, branches: {covered: number, total: number}}>} */
const folders = new Map()
const add = (key, data) => {
  const entry = folders.get(key) ?? { statements: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } }
  for (const metric of ["statements", "branches"]) {
    entry[metric].covered += data[metric].covered
    entry[metric].total += data[metric].total
  }
  folders.set(key, entry)
}
for (const [path, data] of Object.entries(summary)) {
  if (path === "total") continue
  add(dirname(relative(ROOT, path)), data)
  add("all", data)
}

const pct = ({ covered, total }) => (total === 0 ? 100 : (100 * covered) / total)
const rows = [...folders.keys()].sort((a, b) => (a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b)))
const failures = []
const lines = []
const figures = {}
for (const folder of rows) {
  const data = folders.get(folder)
  const floor = floors.folders[folder] ?? floors.default
  const cells = ["statements", "branches"].map((metric) => {
    const value = pct(data[metric])
    const min = floor[metric]
    const under = value + 1e-9 < min
    if (under && !notEnforced.has(folder)) failures.push(`${folder}: ${metric} ${value.toFixed(1)}% < floor ${min}%`)
    const text = `${value.toFixed(1)}% (${data[metric].covered}/${data[metric].total}) ≥ ${min}%`
    return `${text}${under ? (notEnforced.has(folder) ? " (under, not enforced)" : " UNDER") : ""}`
  })
  figures[folder] = {
    statements: { ...data.statements, pct: Number(pct(data.statements).toFixed(2)) },
    branches: { ...data.branches, pct: Number(pct(data.branches).toFixed(2)) },
    floor
  }
  lines.push([folder, ...cells])
}
const widths = [0, 1, 2].map((i) =>
  Math.max(...[["folder", "statements", "branches"], ...lines].map((l) => l[i].length))
)
const fmt = (l) => `  ${l.map((c, i) => c.padEnd(widths[i])).join("  ")}`.trimEnd()
console.log("coverage per folder (covered/total ≥ floor):")
console.log(fmt(["folder", "statements", "branches"]))
for (const l of lines) console.log(fmt(l))
for (const f of failures) console.log(`coverage under its floor: ${f}`)

if (write !== undefined) {
  writeFileSync(
    write,
    `${
      JSON.stringify(
        {
          section: "coverage",
          command: "npm run coverage",
          date: new Date().toISOString(),
          nproc: availableParallelism(),
          cpu: cpus()[0]?.model ?? "unknown CPU",
          node: process.version,
          loadAverage: {
            before: process.env["COVERAGE_LOAD_BEFORE"] === undefined
              ? null
              : Math.round(Number(process.env["COVERAGE_LOAD_BEFORE"]) * 100) / 100,
            after: Math.round(loadavg()[0] * 100) / 100
          },
          seconds: process.env["COVERAGE_STARTED"] === undefined
            ? null
            : Math.round((Date.now() - Number(process.env["COVERAGE_STARTED"])) / 10) / 100,
          quick: false,
          folders: figures
        },
        null,
        2
      )
    }\n`
  )
  console.log(`coverage: wrote ${relative(process.cwd(), write)}`)
}
process.exit(failures.length === 0 ? 0 : 1)
