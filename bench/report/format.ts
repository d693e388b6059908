/** Formatting of the generated documents: numbers, units, tables, verdicts and the line that says how a file was made. */
import { type Result, type Verdict } from "../results.js"

export const int = (n: number): string => Math.round(n).toLocaleString("en-US")
export const x2 = (n: number): string => `${n.toFixed(2)}×`
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`
export const ms0 = (n: number): string => `${int(n)} ms`
export const pct = (n: number): string => `${n.toFixed(1)}%`
export const signedMiB = (bytes: number): string => `${bytes >= 0 ? "+" : "−"}${mib(Math.abs(bytes))}`

/** `npm run bench -- client`, 2026-12-02 03:44 UTC, 2 cores (AMD EPYC), Node v20.20.2, 142 s, load 1.2 → 1.8. */
export const runLine = (r: Result<unknown>): string => {
  const load = r.loadAverage as { before?: number | null; after?: number | null }
  const loads = [
    typeof load.before === "number" ? `${load.before.toFixed(1)} before` : undefined,
    typeof load.after === "number" ? `${load.after.toFixed(1)} after` : undefined
  ].filter((l) => l !== undefined)
  return `\`${r.command}\`, ${r.date.slice(0, 16).replace("T", " ")} UTC, ${r.nproc} cores (${
    r.cpu ?? "unknown CPU"
  }), Node ${r.node}${typeof r.seconds === "number" ? `, ${int(r.seconds)} s` : ""}${
    loads.length > 0 ? `; 1-minute load average ${loads.join(", ")}` : ""
  }`
}

export const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)]
    .join("\n")

export const holds = (check: Verdict["floor"]): string =>
  check === undefined ? "–" : check.holds ? "holds" : "**missed**"

export const missing = (file: string): string =>
  `Not measured yet: there is no \`bench/results/${file}.json\`, so no figure is published here.`
