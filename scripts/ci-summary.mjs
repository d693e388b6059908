#!/usr/bin/env node
// The verdict of a CI run (.ci/run), from vitest's JSON report:
//   node scripts/ci-summary.mjs <report.json> <exit status> <failed steps> <ALLOW_SKIPPED> [<report.json> <exit status>]…
// (one report and exit status per edition: the Effect 3 suite first, then the Effect 4 edition's)
// Prints why the run failed (failed tests, skipped tests nobody accepted, failed steps), then the closing line
// `tests: N passed, N failed, N skipped`; exits 1 when the run failed.
//
// A skipped test is accepted only when its kind is named in ALLOW_SKIPPED (comma-separated): `redis` for test/redis,
// `browser` for test/browser, `python` for test/python. Any other skipped test fails the run, whatever ALLOW_SKIPPED
// says.
import { readFileSync } from "node:fs"
import { relative } from "node:path"

const [firstFile, firstStatus = "1", failedSteps = "0", allowSkipped = "", ...more] = process.argv.slice(2)
const runs = [{ name: "Effect 3", file: firstFile, status: firstStatus }]
for (let i = 0; i < more.length; i += 2) runs.push({ name: "Effect 4", file: more[i], status: more[i + 1] ?? "1" })
const allowed = new Set(allowSkipped.split(",").map((s) => s.trim()).filter((s) => s !== ""))

/** The kind of a test file, as ALLOW_SKIPPED names it. */
export const kindOf = (path) =>
  /(^|\/)test\/redis\//.test(path)
    ? "redis"
    : /(^|\/)test\/browser\//.test(path)
    ? "browser"
    : /(^|\/)test\/python\//.test(path)
    ? "python"
    : "other"

let passed = 0
let failed = 0
const skipped = []
const problems = []
const perEdition = []
for (const run of runs) {
  const before = { passed, failed, skipped: skipped.length }
  readRun(run)
  perEdition.push(
    `${run.name}: ${passed - before.passed} passed, ${failed - before.failed} failed, ${
      skipped.length - before.skipped
    } skipped`
  )
}

/** Adds one edition's report to the totals. */
function readRun({ name, file, status }) {
  let runFailed = 0
  try {
    const report = JSON.parse(readFileSync(file, "utf8"))
    passed += report.numPassedTests
    runFailed = report.numFailedTests
    const listed = skipped.length
    for (const suite of report.testResults ?? []) {
      const path = relative(process.cwd(), suite.name)
      for (const test of suite.assertionResults ?? []) {
        if (test.status === "skipped" || test.status === "pending" || test.status === "todo") {
          skipped.push({ path, title: test.fullName ?? test.title, kind: kindOf(path) })
        }
      }
    }
    const counted = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    if (counted !== skipped.length - listed) {
      problems.push(`${name}: the report counts ${counted} skipped tests but lists ${skipped.length - listed}`)
      while (skipped.length - listed < counted) skipped.push({ path: "?", title: "?", kind: "other" })
    }
  } catch (error) {
    problems.push(`${name}: no readable test report (${error instanceof Error ? error.message : String(error)})`)
    runFailed = Math.max(runFailed, 1)
  }
  if (status !== "0" && runFailed === 0) {
    problems.push(`${name}: the tests exited with ${status} (type check or the runner itself failed)`)
    runFailed = 1
  }
  failed += runFailed
}
if (failed > 0) problems.push(`${failed} test(s) failed`)

const refused = skipped.filter((s) => !allowed.has(s.kind))
if (refused.length > 0) {
  const kinds = [...new Set(refused.map((s) => s.kind))]
  problems.push(
    `${refused.length} test(s) skipped (${kinds.join(", ")}): a skipped test is a feature nobody checked. ` +
      (kinds.includes("other")
        ? "Tests outside test/redis and test/browser may not be skipped at all."
        : `Install what they need, or run with ALLOW_SKIPPED=${kinds.join(",")} to accept it (CI never does).`)
  )
  for (const s of refused.slice(0, 20)) problems.push(`  skipped: ${s.path} > ${s.title}`)
  if (refused.length > 20) problems.push(`  … and ${refused.length - 20} more`)
}
const acceptedSkips = skipped.length - refused.length
if (acceptedSkips > 0) {
  console.log(`CI: ${acceptedSkips} skipped test(s) accepted by ALLOW_SKIPPED=${allowSkipped}`)
}
if (Number(failedSteps) > 0) problems.push(`${failedSteps} step(s) failed (see "STEP FAILED" above)`)

for (const problem of problems) console.log(`CI FAILED: ${problem}`)
for (const line of perEdition) console.log(`CI: ${line}`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped.length} skipped`)
process.exit(problems.length === 0 ? 0 : 1)
