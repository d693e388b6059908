/**
 * Figures are data: BENCHMARKS.md and the README's figure blocks are what bench/report.ts generates from the results
 * files under bench/results/, every results file says how it was made, and no measured figure sits in the README
 * outside a generated block. When a document and the files disagree, regenerate (`node --import tsx bench/report.ts`)
 * or rerun what wrote the file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { benchmarks, fillReadme, loadResults, readmeBlocks } from "../bench/report.js"

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8")
const results = loadResults()
const blocks = readmeBlocks(results)
const readme = read("README.md")

/** The README without its generated blocks (markers kept). */
const prose = readme.replace(
  /(<!-- generated:([a-z-]+) -->\n)(?:[\s\S]*?\n)?(<!-- \/generated:\2 -->)/g,
  (_, open: string, _name: string, close: string) => `${open}${close}`
)

describe("the documents are generated from bench/results/", () => {
  it("BENCHMARKS.md is exactly what the results give", () => {
    expect(read("BENCHMARKS.md")).toBe(benchmarks(results))
  })

  it("each of the README's figure blocks is there once, and is exactly what the results give", () => {
    for (const name of Object.keys(blocks)) {
      expect(readme.split(`<!-- generated:${name} -->`).length - 1, name).toBe(1)
      expect(readme.split(`<!-- /generated:${name} -->`).length - 1, name).toBe(1)
    }
    expect(readme).toBe(fillReadme(readme, blocks))
  })

  it("no measured figure in the README outside a generated block", () => {
    const measured = [
      /\d(?:\.\d+)?×/, // a ratio
      /calls\/s|req\/s|µs\b/, // throughput, latency
      /\d(?:\.\d+)?\s?%/, // a score or a share
      /RSS[^.\n]*\d/, // memory
      /\d+ (?:more|extra) requests?\b/, // flood and fleet counts
      /\d+ ms\s*$/m // a timing in a table
    ]
    for (const pattern of measured) expect(prose, String(pattern)).not.toMatch(pattern)
  })
})

describe("the results files", () => {
  const dir = new URL("../bench/results/", import.meta.url)
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : []

  it("replace the hand-kept bench/results.json", () => {
    expect(existsSync(new URL("../bench/results.json", import.meta.url))).toBe(false)
  })

  it.each(files.filter((f) => f !== "mutation-report.json"))("%s says how, when and where it was measured", (file) => {
    const result = JSON.parse(readFileSync(new URL(file, dir), "utf8"))
    expect(result.section).toBe(file.replace(/\.json$/, ""))
    expect(result.command).toMatch(/^(npm|node) /)
    expect(Number.isNaN(Date.parse(result.date))).toBe(false)
    expect(result.nproc).toBeGreaterThan(0)
    expect(result.node).toMatch(/^v\d+/)
    expect(result.loadAverage).toMatchObject({ after: expect.any(Number) })
    // A quick run is a rough look, never published.
    expect(result.quick).not.toBe(true)
  })
})
