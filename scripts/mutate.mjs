#!/usr/bin/env node
// `npm run mutate`: StrykerJS over the client core, the policies and the mock's rules (stryker.config.mjs), then the
// summary the documents are generated from (scripts/mutation-summary.mjs → bench/results/mutation.json), with the
// run's provenance: the commit mutated and whether the tree differed from it (read before Stryker copies the sources),
// the machine, the duration and the load average before and after. Extra arguments go to `stryker run`.
import { spawnSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { startProvenance } from "./provenance.mjs"

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
const provenance = startProvenance()
const stryker = spawnSync(join(ROOT, "node_modules", ".bin", "stryker"), ["run", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit"
})
if (stryker.status !== 0) {
  console.error(`mutate: stryker exited with ${stryker.status ?? stryker.signal}`)
  process.exit(1)
}
const summary = spawnSync(process.execPath, [join(ROOT, "scripts", "mutation-summary.mjs")], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, MUTATION_PROVENANCE: JSON.stringify(provenance.finish()) }
})
process.exit(summary.status ?? 1)
