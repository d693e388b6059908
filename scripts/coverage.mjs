#!/usr/bin/env node
// `npm run coverage`: the whole suite with coverage (`vitest run --coverage`), then the table per folder against the
// floor (scripts/coverage-report.mjs), saved with the run's duration and load average as bench/results/coverage.json,
// from which the README's and BENCHMARKS.md's coverage figures are generated.
import { spawnSync } from "node:child_process"
import { loadavg } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
const started = Date.now()
const loadBefore = loadavg()[0]
const tests = spawnSync(join(ROOT, "node_modules", ".bin", "vitest"), ["run", "--coverage"], {
  cwd: ROOT,
  stdio: "inherit"
})
const report = spawnSync(
  process.execPath,
  [
    join(ROOT, "scripts", "coverage-report.mjs"),
    join(ROOT, "coverage", "coverage-summary.json"),
    "--write",
    join(ROOT, "bench", "results", "coverage.json")
  ],
  {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, COVERAGE_STARTED: String(started), COVERAGE_LOAD_BEFORE: String(loadBefore) }
  }
)
if (tests.status !== 0) console.error(`coverage: the tests failed (exit ${tests.status ?? tests.signal})`)
process.exit(tests.status === 0 && report.status === 0 ? 0 : 1)
