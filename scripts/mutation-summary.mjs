#!/usr/bin/env node
// Summarises StrykerJS's JSON report (bench/results/mutation-report.json) into bench/results/mutation.json: per group
// of mutated code, its goal and the counts by status; the survivors, each with the source text it replaced; and the
// survivors judged equivalent (bench/mutation-equivalents.json). Run by `npm run mutate` (scripts/mutate.mjs), which
// passes the run's provenance (the commit mutated, read when the run started); `--again` summarises the same report
// again (say, with equivalents added) and keeps the provenance of the summary it replaces.
//
// An equivalent is named by its file, its mutator, the source text mutated and what replaced it, not by a line
// number, so that it still names the same mutant after the file has moved around it. An entry that names no survivor,
// or more than one, is not applied and is listed as unmatched. The scores are computed from the counts where the
// documents are generated (bench/report/checks.ts): (killed + timed out) ÷ (killed + timed out + survived + no coverage).
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
/** The files read and written (`--report`, `--equivalents`, `--out` name others, for a test). */
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : process.argv[at + 1]
}
const reportPath = option("report", join(ROOT, "bench", "results", "mutation-report.json"))
const resultPath = option("out", join(ROOT, "bench", "results", "mutation.json"))
const report = JSON.parse(readFileSync(reportPath, "utf8"))
const equivalents = JSON.parse(
  readFileSync(option("equivalents", join(ROOT, "bench", "mutation-equivalents.json")), "utf8")
)

const GROUPS = [
  {
    name: "client core and policies",
    goal: 85,
    matches: (f) =>
      f.startsWith("src/core/") || f === "src/Policy.ts" ||
      ["policyRun", "compilePolicy", "giveUp"].some((name) => f === `src/internal/${name}.ts`)
  },
  {
    name: "the mock's invite-link, access and flood rules",
    goal: 75,
    matches: (f) => f.startsWith("mock-server/src/api/") || f.startsWith("mock-server/src/world/")
  }
]

/** The source text a mutant replaced (Stryker's locations: lines and columns from 1, the end excluded). */
const textAt = (source, { start, end }) => {
  const lines = source.split("\n")
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1)
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1)
  ].join("\n")
}

/** Every mutant that survived or was not covered, with the text it replaced. */
const survivors = Object.entries(report.files).flatMap(([path, data]) =>
  data.mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage").map((m) => ({
    file: relative(ROOT, join(ROOT, path)),
    line: m.location.start.line,
    mutator: m.mutatorName,
    original: textAt(data.source, m.location),
    replacement: m.replacement ?? "",
    status: m.status
  }))
)
const sameMutant = (e, s) =>
  e.file === s.file && e.mutator === s.mutator && e.original === s.original && e.replacement === s.replacement
const applied = equivalents.filter((e) => survivors.filter((s) => sameMutant(e, s)).length === 1)
const unmatchedEquivalents = equivalents.filter((e) => !applied.includes(e)).map((e) => ({
  file: e.file,
  mutator: e.mutator,
  original: e.original,
  replacement: e.replacement,
  matches: survivors.filter((s) => sameMutant(e, s)).length
}))
const equivalentOf = (s) => applied.find((e) => sameMutant(e, s))

const groups = GROUPS.map((group) => {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0, equivalent: 0 }
  const files = Object.keys(report.files).map((path) => relative(ROOT, join(ROOT, path))).filter(group.matches)
  for (const path of Object.keys(report.files)) {
    if (!group.matches(relative(ROOT, join(ROOT, path)))) continue
    for (const mutant of report.files[path].mutants) {
      const key = { Killed: "killed", Timeout: "timeout", Survived: "survived", NoCoverage: "noCoverage" }[
        mutant.status
      ] ?? (mutant.status === "Ignored" ? "ignored" : "errors")
      counts[key]++
    }
  }
  const mine = survivors.filter((s) => group.matches(s.file))
  counts.equivalent = mine.filter((s) => equivalentOf(s) !== undefined).length
  return {
    name: group.name,
    goal: group.goal,
    files: files.sort(),
    ...counts,
    survivors: mine.filter((s) => equivalentOf(s) === undefined)
  }
})

/** Where and on what the mutation run ran, with the commit it mutated: from mutate.mjs, or kept from the last summary. */
const provenance = (() => {
  if (process.argv.includes("--again")) {
    const previous = JSON.parse(readFileSync(resultPath, "utf8"))
    const keys = ["section", "command", "quick", "date", "commit", "dirty", "cpu", "nproc", "node", "loadAverage"]
    return { ...Object.fromEntries(keys.map((key) => [key, previous[key] ?? null])), seconds: previous.seconds }
  }
  const given = process.env["MUTATION_PROVENANCE"]
  if (given === undefined) {
    console.error("mutation-summary: run by `npm run mutate` (which says what it mutated), or with --again")
    process.exit(2)
  }
  return { section: "mutation", command: "npm run mutate", quick: false, ...JSON.parse(given) }
})()

const result = {
  ...provenance,
  report: "bench/results/mutation-report.json",
  groups,
  equivalents: survivors.flatMap((s) => {
    const e = equivalentOf(s)
    return e === undefined ? [] : [{ ...s, why: e.why }]
  }),
  unmatchedEquivalents
}
writeFileSync(resultPath, `${JSON.stringify(result, null, 2)}\n`)
for (const g of groups) {
  const detected = g.killed + g.timeout
  const score = (100 * detected) / (detected + g.survived + g.noCoverage)
  console.log(
    `mutation: ${g.name}: ${
      score.toFixed(2)
    }% (goal ≥ ${g.goal}%; ${g.killed} killed, ${g.timeout} timed out, ${g.survived} survived, ${g.noCoverage} no coverage, ${g.equivalent} of them judged equivalent)`
  )
}
for (const e of unmatchedEquivalents) {
  console.log(
    `mutation: equivalent not applied (${e.matches} survivors match): ${e.file} ${e.mutator} ${
      JSON.stringify(e.original)
    } → ${JSON.stringify(e.replacement)}`
  )
}
console.log(`mutation: wrote ${relative(ROOT, resultPath)} (commit ${provenance.commit ?? "not recorded"})`)
