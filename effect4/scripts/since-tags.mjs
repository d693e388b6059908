#!/usr/bin/env node
// The `@since` tags of this package's compiled files (dist/, written by `npm run build`) say when a name shipped in
// this package. Its shared modules are the Effect 3 edition's sources (src/ links them), whose tags count that
// package's versions: a name that shipped there in 0.1.0 first shipped here in 0.2.0, this package's first version.
// So every tag older than that becomes it; the source keeps one tag, true for the Effect 3 edition.
// Run by `npm run build` after tsc; `--check` only reports (exit 1) what it would change.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** This package's first published version. */
const firstVersion = "0.2.0"

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist")
const check = process.argv.includes("--check")

const older = (version, than) => {
  const a = version.split(".").map(Number)
  const b = than.split(".").map(Number)
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0)
  return false
}

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(d\.ts|js)$/.test(entry.name) ? [join(dir, entry.name)] : []
  )

let changed = 0
for (const file of files(dist)) {
  const text = readFileSync(file, "utf8")
  const updated = text.replace(/@since (\d+\.\d+\.\d+)/g, (tag, version) => {
    if (!older(version, firstVersion)) return tag
    changed++
    return `@since ${firstVersion}`
  })
  if (!check && updated !== text) writeFileSync(file, updated)
}
if (check && changed > 0) {
  process.stderr.write(`since-tags: ${changed} tags in dist/ predate ${firstVersion}, this package's first version\n`)
  process.exit(1)
}
process.stdout.write(`since-tags: ${changed} tags ${check ? "to change" : "changed"} to ${firstVersion}\n`)
