#!/usr/bin/env node
// examples/effect4/ lives outside this package, beside the Effect 3 examples, and imports what an Effect 4 user's
// program imports (`effect`, `@effect/platform-node`, `effect-telegram-invite-effect4`). From there Node would find the
// repository root's node_modules, which hold Effect 3; so this gives examples/effect4 a node_modules of its own whose
// entries are links into this package (its Effect 4, and the package itself). Run by `prepare` (so by `npm ci`);
// idempotent; the links are ignored by git (node_modules/).
import { mkdirSync, rmSync, symlinkSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const target = resolve(pkg, "..", "examples", "effect4", "node_modules")
const links = {
  "effect": join(pkg, "node_modules", "effect"),
  "@effect/platform-node": join(pkg, "node_modules", "@effect", "platform-node"),
  "effect-telegram-invite-effect4": pkg
}
for (const [name, to] of Object.entries(links)) {
  const at = join(target, name)
  mkdirSync(dirname(at), { recursive: true })
  rmSync(at, { recursive: true, force: true })
  symlinkSync(relative(dirname(at), to), at, "dir")
}
