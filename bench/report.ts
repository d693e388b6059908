/**
 * Generates BENCHMARKS.md, and the README's figure blocks (`<!-- generated:NAME -->` … `<!-- /generated:NAME -->`),
 * from the results files under bench/results/ (bench/results.ts). Nothing here measures: every figure printed is
 * computed here from the samples of a file a script wrote (bench/report/figures.ts, targets.ts, checks.ts).
 * `npm run bench` runs it at the end of a full run.
 *
 *   node --import tsx bench/report.ts            # rewrite BENCHMARKS.md and the README's blocks
 *   node --import tsx bench/report.ts --check    # exit 1 when either differs from what the files give
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { benchmarks, fillReadme, readmeBlocks } from "./report/documents.js"
import { loadResults } from "./report/results.js"
import { ROOT } from "./results.js"

export { benchmarks, fillReadme, loadResults, readmeBlocks }
export { decodeSection, SCHEMAS, type Section } from "./report/results.js"
export { verdicts } from "./report/targets.js"

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes("--check")
  const results = loadResults()
  const benchmarksPath = join(ROOT, "BENCHMARKS.md")
  const readmePath = join(ROOT, "README.md")
  const wantBenchmarks = benchmarks(results)
  const readme = readFileSync(readmePath, "utf8")
  const wantReadme = fillReadme(readme, readmeBlocks(results))
  if (check) {
    const stale = [
      readFileSync(benchmarksPath, "utf8") === wantBenchmarks ? undefined : "BENCHMARKS.md",
      readme === wantReadme ? undefined : "README.md"
    ].filter((f) => f !== undefined)
    if (stale.length > 0) {
      process.stderr.write(
        `bench/report: ${stale.join(" and ")} disagree with bench/results/: run node --import tsx bench/report.ts\n`
      )
      process.exit(1)
    }
    process.stdout.write("bench/report: BENCHMARKS.md and README.md agree with bench/results/\n")
  } else {
    writeFileSync(benchmarksPath, wantBenchmarks)
    if (wantReadme !== readme) writeFileSync(readmePath, wantReadme)
    process.stdout.write("bench/report: wrote BENCHMARKS.md and the README's generated blocks\n")
  }
}
