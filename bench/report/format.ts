/** Formatting of the generated documents: numbers, units, tables, verdicts and the line that says how a file was made. */
import type { Meta } from "./schema/meta.js"
import type { Check } from "./targets.js"

export const int = (n: number): string => Math.round(n).toLocaleString("en-US")
export const x2 = (n: number): string => `${n.toFixed(2)}×`
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`
export const ms0 = (n: number): string => `${int(n)} ms`
export const pct = (n: number): string => `${n.toFixed(1)}%`
export const signedMiB = (bytes: number): string => `${bytes >= 0 ? "+" : "−"}${mib(Math.abs(bytes))}`

/** The machine a file was measured on: `Intel(R) Xeon(R) Processor, 2 cores`. */
export const machineOf = (r: Meta): string => `${r.cpu}, ${r.nproc} cores`

/** `commit 1dd0ca3` (`with uncommitted changes` when the tree differed), or that the file did not record one. */
export const commitOf = (r: Meta): string =>
  r.commit === null
    ? "commit not recorded"
    : `commit ${r.commit.slice(0, 7)}${r.dirty === true ? " with uncommitted changes" : ""}`

/**
 * `npm run bench -- client`, 2026-12-02 03:44 UTC, commit 1dd0ca3, Intel(R) Xeon(R) Processor, 2 cores, Node
 * v20.20.2, 142 s; 1-minute load average 1.2 before, 1.8 after.
 */
export const runLine = (r: Meta): string =>
  `\`${r.command}\`, ${r.date.slice(0, 16).replace("T", " ")} UTC, ${commitOf(r)}, ${machineOf(r)}, Node ${r.node}, ${
    int(r.seconds)
  } s; 1-minute load average ${r.loadAverage.before.toFixed(1)} before, ${r.loadAverage.after.toFixed(1)} after`

export const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)]
    .join("\n")

export const holds = (check: Check | undefined): string =>
  check === undefined ? "–" : check.holds ? "holds" : "**missed**"

export const missing = (file: string): string =>
  `Not measured yet: there is no \`bench/results/${file}.json\`, so no figure is published here.`
