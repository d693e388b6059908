#!/usr/bin/env node
// `npm run mutate`: StrykerJS over the client core, the policies and the mock's rules (stryker.config.mjs), then the
// summary the documents are generated from (scripts/mutation-summary.mjs → bench/results/mutation.json), with the
// run's duration and the load average before and after it. Extra arguments go to `stryker run`.
import { spawnSync } from "node:child_process"
import { loadavg } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..")
const started = Date.now()
const loadBefore = loadavg()[0]
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
  env: { ...process.env, MUTATION_STARTED: String(started), MUTATION_LOAD_BEFORE: String(loadBefore) }
})
process.exit(summary.status ?? 1)
