#!/usr/bin/env node
// The verdict of a CI run (.ci/run), from vitest's JSON report:
//   node scripts/ci-summary.mjs <report.json> <exit status> <failed steps> <ALLOW_SKIPPED> [<report.json> <exit status>]…
// (one report and exit status per edition: the Effect 3 suite first, then the Effect 4 edition's)
// Prints why the run failed (failed tests, skipped tests nobody accepted, failed steps), then the closing line
// `tests: N passed, N failed, N skipped`; exits 1 when the run failed.
//
// A skipped test is accepted only when its kind is named in ALLOW_SKIPPED (comma-separated): `redis` for the files
// that skip without redis-server, `browser` for those that skip without Chromium, `python` for those that skip without
// Debian's python-telegram-bot (SKIP_KINDS). Any other skipped test fails the run, whatever ALLOW_SKIPPED says.
//
// With TEST_PROGRESS_FILE set (.ci/run sets it), the test watchdog's record (scripts/test-watchdog.mjs) says which
// files it killed, and which had started but never ended when the run was stopped (by the run's time limit).
import { existsSync, readFileSync } from "node:fs"
import { relative } from "node:path"

const [firstFile, firstStatus = "1", failedSteps = "0", allowSkipped = "", ...more] = process.argv.slice(2)
const runs = [{ name: "Effect 3", file: firstFile, status: firstStatus }]
for (let i = 0; i < more.length; i += 2) runs.push({ name: "Effect 4", file: more[i], status: more[i + 1] ?? "1" })
const allowed = new Set(allowSkipped.split(",").map((s) => s.trim()).filter((s) => s !== ""))

/**
 * The files that may skip, by what they need (both editions; paths from the repository's root). A file that skips
 * for want of something and is not listed here is "other": it cannot be accepted, so list it here with its kind.
 */
const SKIP_KINDS = [
  { kind: "redis", files: /^(effect4\/)?test\/redis\/|^effect4\/test\/edition\/redis/ },
  { kind: "browser", files: /^(effect4\/)?test\/browser\// },
  { kind: "python", files: /^(effect4\/)?test\/python\// }
]

/** The kind of a test file, as ALLOW_SKIPPED names it. */
const kindOf = (path) => SKIP_KINDS.find((k) => k.files.test(path))?.kind ?? "other"

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
        ? "Only tests that need redis-server, Chromium or python-telegram-bot (SKIP_KINDS in scripts/ci-summary.mjs) may be skipped."
        : `Install what they need, or run with ALLOW_SKIPPED=${kinds.join(",")} to accept it (CI never does).`)
  )
  for (const s of refused.slice(0, 20)) problems.push(`  skipped: ${s.path} > ${s.title}`)
  if (refused.length > 20) problems.push(`  … and ${refused.length - 20} more`)
}
const acceptedSkips = skipped.length - refused.length
if (acceptedSkips > 0) {
  console.log(`CI: ${acceptedSkips} skipped test(s) accepted by ALLOW_SKIPPED=${allowSkipped}`)
}
// `timeout` (the run's time limit in .ci/run) exits 124 when it stopped the tests, 137 when it had to kill them.
const stopped = runs.some((run) => run.status === "124" || run.status === "137")
if (stopped) problems.push("the tests were stopped by the run's time limit (TEST_RUN_LIMIT_S in .ci/run)")
problems.push(...watchdogReport(process.env["TEST_PROGRESS_FILE"], stopped))
if (Number(failedSteps) > 0) problems.push(`${failedSteps} step(s) failed (see "STEP FAILED" above)`)

/**
 * What the test watchdog recorded: the files it killed (a blocked event loop, or over the file's time limit), and, when
 * the whole run was stopped, the files that had started and not ended (`start FILE`, `end FILE`, `killed FILE: why`).
 */
function watchdogReport(file, stopped) {
  if (file === undefined || file === "" || !existsSync(file)) return []
  const running = new Map()
  const lines = []
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [, verb, rest] = /^(start|end|killed) (.*)$/.exec(line) ?? []
    if (verb === "start") running.set(rest, (running.get(rest) ?? 0) + 1)
    else if (verb === "end") running.set(rest, (running.get(rest) ?? 1) - 1)
    else if (verb === "killed") {
      const path = rest.slice(0, rest.indexOf(": "))
      running.set(path, 0)
      lines.push(`the test watchdog killed ${rest}`)
    }
  }
  if (!stopped) return lines
  for (const [path, open] of running) if (open > 0) lines.push(`still running when the tests were stopped: ${path}`)
  return lines
}

for (const problem of problems) console.log(`CI FAILED: ${problem}`)
for (const line of perEdition) console.log(`CI: ${line}`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped.length} skipped`)
process.exit(problems.length === 0 ? 0 : 1)
