/**
 * The mutation summary (scripts/mutation-summary.mjs) names a survivor judged equivalent by its file, its mutator, the
 * source text it mutated and what replaced it, so that the judgement still applies when the file moves around it, and
 * stops applying, loudly, when the code it was about changed. It records the commit the run mutated.
 */
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, expect, it } from "vitest"

const dir = mkdtempSync(join(tmpdir(), "mutation-summary-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const FILE = "src/core/example.ts"
const EQUIVALENT = {
  file: FILE,
  mutator: "ConditionalExpression",
  original: "cached === undefined",
  replacement: "true",
  why: "only the cache is lost"
}
const PROVENANCE = {
  date: "2026-12-06T00:00:00.000Z",
  commit: "0123456789abcdef0123456789abcdef01234567",
  dirty: false,
  cpu: "a CPU",
  nproc: 2,
  node: "v20.20.2",
  loadAverage: { before: 1, after: 1 },
  seconds: 60
}

/** A Stryker report of one file: `lines` of code before the survivor's line; a second survivor and a killed mutant. */
const summarise = async (linesBefore: number, condition = "cached === undefined") => {
  const padding = Array.from({ length: linesBefore }, (_, i) => `const x${i} = ${i}`)
  const source = [...padding, `if (${condition}) cached = compute()`, "return flag && other"].join("\n")
  const line = linesBefore + 1
  const at = (l: number, from: number, to: number) => ({
    start: { line: l, column: from },
    end: { line: l, column: to }
  })
  const report = {
    files: {
      [FILE]: {
        source,
        mutants: [
          {
            mutatorName: "ConditionalExpression",
            replacement: "true",
            status: "Survived",
            location: at(line, 5, 5 + condition.length)
          },
          {
            mutatorName: "LogicalOperator",
            replacement: "flag || other",
            status: "Survived",
            location: at(line + 1, 8, 21)
          },
          {
            mutatorName: "ConditionalExpression",
            replacement: "false",
            status: "Killed",
            location: at(line, 5, 5 + condition.length)
          }
        ]
      }
    }
  }
  const files = {
    report: join(dir, "report.json"),
    equivalents: join(dir, "equivalents.json"),
    out: join(dir, "out.json")
  }
  writeFileSync(files.report, JSON.stringify(report))
  writeFileSync(files.equivalents, JSON.stringify([EQUIVALENT]))
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      ["scripts/mutation-summary.mjs", ...Object.entries(files).flatMap(([k, v]) => [`--${k}`, v])],
      { env: { ...process.env, MUTATION_PROVENANCE: JSON.stringify(PROVENANCE) } },
      (error) => (error === null ? resolve() : reject(error))
    )
  )
  return JSON.parse(readFileSync(files.out, "utf8"))
}

it("an equivalent applies wherever its line moved; the other survivor stays one; the commit is named", async () => {
  for (const linesBefore of [3, 40]) {
    const summary = await summarise(linesBefore)
    expect(summary.commit).toBe(PROVENANCE.commit)
    expect(summary.equivalents).toEqual([
      { ...EQUIVALENT, line: linesBefore + 1, status: "Survived", why: "only the cache is lost" }
    ])
    expect(summary.unmatchedEquivalents).toEqual([])
    const group = summary.groups.find((g: any) => g.name === "client core and policies")
    expect(group).toMatchObject({ killed: 1, survived: 2, equivalent: 1 })
    expect(group.survivors).toEqual([
      {
        file: FILE,
        line: linesBefore + 2,
        mutator: "LogicalOperator",
        original: "flag && other",
        replacement: "flag || other",
        status: "Survived"
      }
    ])
  }
})

it("an equivalent whose code changed no longer applies, and is listed as such", async () => {
  const summary = await summarise(3, "cached == null")
  expect(summary.equivalents).toEqual([])
  expect(summary.unmatchedEquivalents).toEqual([
    { file: FILE, mutator: "ConditionalExpression", original: "cached === undefined", replacement: "true", matches: 0 }
  ])
  expect(summary.groups[0]).toMatchObject({ survived: 2, equivalent: 0 })
})
