/**
 * Figures are data: every benchmark section, the fleet run, the soak, the memory runs and the mutation and coverage
 * runs write one JSON file under bench/results/ (the run's command, date, machine, load before and after, Node
 * version, raw samples, medians and verdicts). BENCHMARKS.md and the README's figures are generated from these files
 * (bench/report.ts); test/docs.test.ts fails when the documents and the files disagree.
 *
 * A `--quick` run writes under bench/results/quick/ (not committed, never published).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { availableParallelism, cpus, loadavg } from "node:os"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
export const RESULTS_DIR = join(ROOT, "bench", "results")

/** What every results file starts with. */
export interface Meta {
  /** The section's name, also the file's: bench/results/<section>.json. */
  readonly section: string
  /** The command that reproduces this file. */
  readonly command: string
  /** When the run ended (ISO 8601, UTC). */
  readonly date: string
  readonly nproc: number
  readonly cpu: string
  readonly node: string
  /** 1-minute load average before and after the run: other work on the machine skews absolute figures. */
  readonly loadAverage: { readonly before: number; readonly after: number }
  readonly seconds: number
  readonly quick: boolean
}

/** One bound of a target, checked: e.g. `≤ 1.15× raw fetch`, measured `1.08×`, holds. */
export interface BoundCheck {
  /** The bound as the issue states it, e.g. `≤ 1.15× raw fetch`. */
  readonly bound: string
  /** The figure measured for it, e.g. `1.08× raw fetch`. */
  readonly figure: string
  readonly value: number
  readonly holds: boolean
}

/** A target of a section and whether the run met it: a floor (must hold) and, for some, a goal (what we aim at). */
export interface Verdict {
  /** Stable key, e.g. `startup.wall`. */
  readonly id: string
  readonly target: string
  readonly floor?: BoundCheck | undefined
  readonly goal?: BoundCheck | undefined
}

export type Result<A> = Meta & A

/** The file of `section`: bench/results/<section>.json, or bench/results/quick/<section>.json for a quick run. */
export const resultPath = (section: string, quick: boolean): string =>
  quick ? join(RESULTS_DIR, "quick", `${section}.json`) : join(RESULTS_DIR, `${section}.json`)

/**
 * Starts timing a section: call `finish` with its figures to get the whole result (meta first) and write it. The
 * load average is read now and again at `finish`.
 */
export const startSection = (section: string, command: string, quick: boolean) => {
  const started = Date.now()
  const before = loadavg()[0]!
  return {
    finish: <A extends object>(figures: A): Result<A> => ({
      section,
      command,
      date: new Date().toISOString(),
      nproc: availableParallelism(),
      cpu: cpus()[0]?.model ?? "unknown CPU",
      node: process.version,
      loadAverage: { before: round2(before), after: round2(loadavg()[0]!) },
      seconds: round2((Date.now() - started) / 1000),
      quick,
      ...figures
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

export const readResult = <A>(section: string, quick = false): Result<A> | undefined => {
  try {
    return JSON.parse(readFileSync(resultPath(section, quick), "utf8")) as Result<A>
  } catch {
    return undefined
  }
}

export const round2 = (n: number): number => Math.round(n * 100) / 100

/** A ratio as the documents print it: `1.23×`. */
export const times = (n: number): string => `${n.toFixed(2)}×`

/** A bound to check: `value op limit`, printed as `bound` (what the issue says) and `figure` (what was measured). */
export interface Bound {
  readonly value: number
  readonly op: "≤" | "≥" | "<"
  readonly limit: number
  readonly bound: string
  readonly figure: string
}

const checkBound = (b: Bound | undefined): BoundCheck | undefined =>
  b === undefined ? undefined : {
    bound: b.bound,
    figure: b.figure,
    value: round2(b.value),
    // Judged on the figure as printed (two decimals), so a document never shows `1.15×` next to "missed ≤ 1.15×".
    holds: Number.isFinite(b.value) &&
      (b.op === "≤"
        ? round2(b.value) <= b.limit
        : b.op === "<"
        ? round2(b.value) < b.limit
        : round2(b.value) >= b.limit)
  }

/** A target checked against its floor and goal. */
export const verdict = (
  id: string,
  target: string,
  bounds: { readonly floor?: Bound | undefined; readonly goal?: Bound | undefined }
): Verdict => ({ id, target, floor: checkBound(bounds.floor), goal: checkBound(bounds.goal) })
