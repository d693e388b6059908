/**
 * Figures are data: every benchmark section, the fleet run, the soak, the memory runs and the mutation and coverage
 * runs write one JSON file under bench/results/: what was measured (the raw samples, per round at least) and where
 * and on what (the command, the commit and whether the tree differed from it, the CPU, the core count, the Node
 * version, the load average before and after, the date). Nothing derived is stored: bench/report computes every
 * median, ratio and verdict from the samples when it writes BENCHMARKS.md and the README's figures, and the schemas
 * of bench/report/schema/ refuse a file that holds more than its samples. test/docs.test.ts fails when the documents
 * and the files disagree.
 *
 * A `--quick` run writes under bench/results/quick/ (not committed, never published).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { type Provenance, startProvenance } from "../scripts/provenance.mjs"

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
export const RESULTS_DIR = join(ROOT, "bench", "results")

/** What every results file starts with. */
export interface Meta extends Provenance {
  /** The section's name, also the file's: bench/results/<section>.json. */
  readonly section: string
  /** The command that reproduces this file. */
  readonly command: string
  readonly quick: boolean
}

export type Result<A> = Meta & A

/** The file of `section`: bench/results/<section>.json, or bench/results/quick/<section>.json for a quick run. */
export const resultPath = (section: string, quick: boolean): string =>
  quick ? join(RESULTS_DIR, "quick", `${section}.json`) : join(RESULTS_DIR, `${section}.json`)

/**
 * Starts recording a section (the commit and the load average are read now): call `finish` with its samples to get
 * the whole result (meta first) and write it.
 */
export const startSection = (section: string, command: string, quick: boolean) => {
  const provenance = startProvenance()
  return {
    finish: <A extends object>(samples: A): Result<A> => ({
      section,
      command,
      quick,
      ...provenance.finish(),
      ...samples
    })
  }
}

/** Writes a result where {@link resultPath} says; returns the path, relative to the repository. */
export const writeResult = (result: Meta, path = resultPath(result.section, result.quick)): string => {
  mkdirSync(dirname(path), { recursive: true })
  if (dirname(path) === join(RESULTS_DIR, "quick")) writeFileSync(join(dirname(path), ".gitignore"), "*\n")
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`)
  return relative(ROOT, path)
}

/** A results file as JSON (undefined when there is none); bench/report/results.ts decodes it. */
export const readResultJson = (section: string, quick = false): unknown => {
  const path = resultPath(section, quick)
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined
}
