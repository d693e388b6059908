#!/usr/bin/env node
// The Effect 4 edition is compiled from the Effect 3 edition's source, whose `@since` tags say when each name shipped
// in effect-telegram-invite; this package's first version is 0.2.0, so a name "since 0.1.0" ships here since 0.2.0.
// Run after the build (`node scripts/since-as-shipped.mjs dist`): rewrites the tags of the declarations in dist/;
// the API reference (typedoc.effect4.json at the repository's root) applies the same rule through
// scripts/typedoc-effect4-edition.mjs.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

/** The first version of effect-telegram-invite-effect4. */
export const FIRST_VERSION = "0.2.0"

const parts = (version) => version.split(".").map(Number)
const older = (a, b) => {
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i]
  return false
}

/** The version of this edition that shipped a name tagged `since` in the shared source. */
export const shippedSince = (since) =>
  /^\d+\.\d+\.\d+$/.test(since) && older(since, FIRST_VERSION) ? FIRST_VERSION : since

/** The declarations of `dir` (recursively) with their `@since` tags as this edition shipped them. */
const rewrite = (dir) => {
  let changed = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) changed += rewrite(path)
    else if (entry.name.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8")
      const next = text.replace(/@since (\d+\.\d+\.\d+)/g, (_, since) => `@since ${shippedSince(since)}`)
      if (next !== text) {
        writeFileSync(path, next)
        changed++
      }
    }
  }
  return changed
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "dist"
  rewrite(dir)
}
