#!/usr/bin/env node
// Coverage per folder, held to a floor (what .ci/run prints after `npm test -- --coverage`):
//   node scripts/coverage-report.mjs [coverage/coverage-summary.json] [--not-enforced FOLDER]…
// Reads vitest's per-file json-summary, sums statements and branches per folder (scripts/coverage-folders.mjs),
// prints one line each with its floor (scripts/coverage-floors.json), and exits 1 when one is under its floor.
// `--not-enforced src/redis` reports that folder without holding it to its floor (a run that was allowed to skip the
// Redis tests). The results file the documents' coverage figures come from is written by `npm run coverage`
// (scripts/coverage.mjs), and only from a run where no test failed.
import { readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { coverageByFolder, percent, ROOT } from "./coverage-folders.mjs"

const argv = process.argv.slice(2)
const notEnforced = new Set()
let file = join(ROOT, "coverage", "coverage-summary.json")
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--not-enforced") notEnforced.add(argv[++i])
  else file = argv[i]
}

let summary
try {
  summary = JSON.parse(readFileSync(file, "utf8"))
} catch (error) {
  console.log(`coverage: no summary to read at ${relative(process.cwd(), file)} (did the tests run?): ${error.message}`)
  process.exit(1)
}

const failures = []
const lines = []
for (const [folder, data] of Object.entries(coverageByFolder(summary))) {
  const cells = ["statements", "branches"].map((metric) => {
    const value = percent(data[metric])
    const min = data.floor[metric]
    const under = value + 1e-9 < min
    if (under && !notEnforced.has(folder)) failures.push(`${folder}: ${metric} ${value.toFixed(1)}% < floor ${min}%`)
    const text = `${value.toFixed(1)}% (${data[metric].covered}/${data[metric].total}) ≥ ${min}%`
    return `${text}${under ? (notEnforced.has(folder) ? " (under, not enforced)" : " UNDER") : ""}`
  })
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
process.exit(failures.length === 0 ? 0 : 1)
