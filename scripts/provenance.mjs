// Where and on what a measurement ran, as every results file under bench/results/ records it: the commit and whether
// the tree differed from it, the CPU, the core count, the Node version, the load average before and after, the date.
// Shared by the bench sections (bench/results.ts), the soak, the coverage and the mutation runs.
import { execFileSync } from "node:child_process"
import { availableParallelism, cpus, loadavg } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")

/** What a measurement writes itself: its results and the documents generated from them do not make a tree dirty. */
const OUTPUTS = [":!bench/results", ":!BENCHMARKS.md", ":!README.md"]

const git = (args) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })

/**
 * The commit checked out and whether the tree differs from it (tracked or untracked files, outside the outputs), read
 * when a run starts; both null outside a git checkout.
 */
export const commitOf = () => {
  try {
    return {
      commit: git(["rev-parse", "HEAD"]).trim(),
      dirty: git(["status", "--porcelain", "--", ".", ...OUTPUTS]).trim() !== ""
    }
  } catch {
    return { commit: null, dirty: null }
  }
}

const round2 = (n) => Math.round(n * 100) / 100

/**
 * Starts recording a run: call `finish()` at its end for the provenance fields (date, machine, Node, load before and
 * after, seconds), the commit as it was at the start.
 */
export const startProvenance = () => {
  const started = Date.now()
  const loadBefore = loadavg()[0]
  const { commit, dirty } = commitOf()
  return {
    finish: () => ({
      date: new Date().toISOString(),
      commit,
      dirty,
      cpu: cpus()[0]?.model ?? "unknown CPU",
      nproc: availableParallelism(),
      node: process.version,
      loadAverage: { before: round2(loadBefore), after: round2(loadavg()[0]) },
      seconds: round2((Date.now() - started) / 1000)
    })
  }
}
