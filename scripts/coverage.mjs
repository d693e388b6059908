#!/usr/bin/env node
// `npm run coverage`: the whole Effect 3 suite with coverage (`vitest run --coverage`), the table per folder against
// the floor (scripts/coverage-report.mjs), and, only when no test failed, the figures with that run's test counts and
// provenance (scripts/provenance.mjs) as bench/results/coverage.json, from which the documents' coverage figures are
// generated. A run with a failing test records nothing: its coverage is of a suite that is not green.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { coverageByFolder, ROOT } from "./coverage-folders.mjs"
import { startProvenance } from "./provenance.mjs"

const provenance = startProvenance()
const dir = mkdtempSync(join(tmpdir(), "coverage-run-"))
const reportFile = join(dir, "report.json")
const tests = spawnSync(join(ROOT, "node_modules", ".bin", "vitest"), ["run", "--coverage"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, VITEST_JSON_REPORT: reportFile }
})
const floors = spawnSync(process.execPath, [join(ROOT, "scripts", "coverage-report.mjs")], {
  cwd: ROOT,
  stdio: "inherit"
})

/** The run's test counts from vitest's JSON report; undefined when it wrote none. */
const counts = (() => {
  try {
    const report = JSON.parse(readFileSync(reportFile, "utf8"))
    return {
      files: report.testResults.length,
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests
    }
  } catch {
    return undefined
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})()

if (tests.status !== 0 || counts === undefined || counts.failed > 0) {
  console.error(
    `coverage: the tests did not pass (exit ${tests.status ?? tests.signal}${
      counts === undefined ? ", no report" : `, ${counts.failed} failed`
    }): bench/results/coverage.json is left as it was`
  )
  process.exit(1)
}
const summary = JSON.parse(readFileSync(join(ROOT, "coverage", "coverage-summary.json"), "utf8"))
const result = {
  section: "coverage",
  command: "npm run coverage",
  quick: false,
  ...provenance.finish(),
  tests: counts,
  folders: coverageByFolder(summary)
}
writeFileSync(join(ROOT, "bench", "results", "coverage.json"), `${JSON.stringify(result, null, 2)}\n`)
console.log(`coverage: wrote bench/results/coverage.json (${counts.passed} tests passed, ${counts.skipped} skipped)`)
process.exit(floors.status === 0 ? 0 : 1)
