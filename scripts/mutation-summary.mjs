#!/usr/bin/env node
// Summarises StrykerJS's JSON report (bench/results/mutation-report.json) into bench/results/mutation.json: the
// mutation score of each group of mutated code against its goal, the counts by status, and the survivors judged
// equivalent (bench/mutation-equivalents.json: file, line, mutator and why no test can tell them from the original).
// Run by `npm run mutate` (scripts/mutate.mjs), which passes the run's start time and load average.
//
// Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker computes it; mutants
// Stryker ignored (static code) or that did not compile are not counted. Equivalent survivors stay in the score (they
// are listed, and the score without them is given next to it).
import { execFileSync } from "node:child_process"
import { readFileSync, statSync, writeFileSync } from "node:fs"
import { availableParallelism, cpus, loadavg } from "node:os"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
const reportPath = join(ROOT, "bench", "results", "mutation-report.json")
const report = JSON.parse(readFileSync(reportPath, "utf8"))
const equivalents = JSON.parse(readFileSync(join(ROOT, "bench", "mutation-equivalents.json"), "utf8"))

const GROUPS = [
  {
    name: "client core and policies",
    goal: 85,
    matches: (f) =>
      f.startsWith("src/core/") || f === "src/Policy.ts" || f === "src/internal/policyRun.ts" ||
      f === "src/internal/backoff.ts"
  },
  {
    name: "the mock's invite-link, access and flood rules",
    goal: 75,
    matches: (f) => f.startsWith("mock-server/src/api/") || f.startsWith("mock-server/src/world/")
  }
]

const isEquivalent = (file, mutant) =>
  equivalents.find((e) =>
    e.file === file && e.line === mutant.location.start.line && e.mutator === mutant.mutatorName &&
    (e.replacement === undefined || e.replacement === mutant.replacement)
  )

const listedEquivalents = []
const groups = GROUPS.map((group) => {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0, equivalent: 0 }
  const files = []
  const survivors = []
  for (const [path, data] of Object.entries(report.files)) {
    const file = relative(ROOT, join(ROOT, path))
    if (!group.matches(file)) continue
    files.push(file)
    for (const mutant of data.mutants) {
      switch (mutant.status) {
        case "Killed":
          counts.killed++
          break
        case "Timeout":
          counts.timeout++
          break
        case "Survived":
        case "NoCoverage": {
          if (mutant.status === "Survived") counts.survived++
          else counts.noCoverage++
          const equivalent = isEquivalent(file, mutant)
          if (equivalent !== undefined) {
            counts.equivalent++
            listedEquivalents.push({
              file,
              line: mutant.location.start.line,
              mutator: mutant.mutatorName,
              replacement: mutant.replacement ?? "",
              status: mutant.status,
              why: equivalent.why
            })
          } else {
            survivors.push({
              file,
              line: mutant.location.start.line,
              mutator: mutant.mutatorName,
              replacement: mutant.replacement ?? "",
              status: mutant.status
            })
          }
          break
        }
        case "Ignored":
          counts.ignored++
          break
        default:
          counts.errors++
      }
    }
  }
  const detected = counts.killed + counts.timeout
  const valid = detected + counts.survived + counts.noCoverage
  const round = (n) => Math.round(n * 100) / 100
  return {
    name: group.name,
    goal: group.goal,
    files: files.sort(),
    score: round(valid === 0 ? 100 : (100 * detected) / valid),
    scoreWithoutEquivalent: round(
      valid - counts.equivalent === 0 ? 100 : (100 * detected) / (valid - counts.equivalent)
    ),
    ...counts,
    survivors
  }
})

const started = Number(process.env["MUTATION_STARTED"] ?? statSync(reportPath).mtimeMs)
const loadBefore = Number(process.env["MUTATION_LOAD_BEFORE"] ?? Number.NaN)
// `--again`: the report is summarised again (new equivalents listed, say); the run's own facts are kept from the
// summary it had: when and where it ran, how long, and the commit it mutated.
const previous = process.argv.includes("--again")
  ? JSON.parse(readFileSync(join(ROOT, "bench", "results", "mutation.json"), "utf8"))
  : undefined
const result = {
  section: "mutation",
  command: "npm run mutate",
  date: new Date().toISOString(),
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? "unknown CPU",
  node: process.version,
  loadAverage: {
    before: Number.isNaN(loadBefore) ? null : Math.round(loadBefore * 100) / 100,
    after: Math.round(loadavg()[0] * 100) / 100
  },
  seconds: Math.round((Date.now() - started) / 10) / 100,
  quick: false,
  report: "bench/results/mutation-report.json",
  /** The commit whose code was mutated (the run takes long; the tree may have moved on since). */
  commit: (() => {
    try {
      return execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim()
    } catch {
      return null
    }
  })(),
  groups,
  equivalents: listedEquivalents
}
const kept = previous === undefined
  ? result
  : {
    ...result,
    ...Object.fromEntries(
      ["date", "nproc", "cpu", "node", "loadAverage", "seconds", "commit"].map((key) => [key, previous[key]])
    )
  }
writeFileSync(join(ROOT, "bench", "results", "mutation.json"), `${JSON.stringify(kept, null, 2)}\n`)
for (const g of groups) {
  console.log(
    `mutation: ${g.name}: ${g.score}% (goal ≥ ${g.goal}%; ${g.killed} killed, ${g.timeout} timed out, ${g.survived} survived, ${g.noCoverage} no coverage, ${g.equivalent} of them judged equivalent)`
  )
}
console.log("mutation: wrote bench/results/mutation.json")
