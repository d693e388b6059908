#!/usr/bin/env node
// examples/effect4/ lives outside this package, beside the Effect 3 examples, and imports what an Effect 4 user's
// program imports (`effect`, `@effect/platform-node`, `effect-telegram-invite-effect4`). From there Node would find the
// repository root's node_modules, which hold Effect 3; so this gives examples/effect4 a node_modules of its own whose
// entries are links into this package (its Effect 4, and the package itself). Run by `prepare` (so by `npm ci`);
// idempotent; the links are ignored by git (node_modules/).
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const target = resolve(pkg, "..", "examples", "effect4", "node_modules")
// Every package this one installed (its Effect 4 and what that needs: the shell's source is read with
// --preserve-symlinks, so each dependency is found where the links are), and the package itself.
const modules = join(pkg, "node_modules")
const installed = existsSync(modules)
  ? readdirSync(modules).filter((name) => !name.startsWith(".")).flatMap((name) =>
    name.startsWith("@") ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]
  )
  : []
const links = {
  ...Object.fromEntries(installed.map((name) => [name, join(modules, name)])),
  "effect-telegram-invite-effect4": pkg
}
for (const [name, to] of Object.entries(links)) {
  const at = join(target, name)
  mkdirSync(dirname(at), { recursive: true })
  rmSync(at, { recursive: true, force: true })
  symlinkSync(relative(dirname(at), to), at, "dir")
}
