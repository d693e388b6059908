#!/usr/bin/env node
// Installs this package's dependencies (its own Node 22, Effect 4, vitest 5, …) with `npm ci` in effect4/, unless
// they are already installed from the same package.json and package-lock.json. The repository root's scripts call it
// before the edition's tests (`npm run test:effect4`), so `npm ci && npm test` at the root installs and runs both
// editions on a fresh clone, while a root `npm install` stays as fast as before. Node 22 is installed into
// effect4/node_modules only: the root's scripts, and the Effect 3 suite, keep the machine's Node.
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const stamp = join(pkg, "node_modules", ".effect4-installed")
const hash = createHash("sha256")
for (const file of ["package.json", "package-lock.json"]) hash.update(readFileSync(join(pkg, file)))
const wanted = hash.digest("hex")
const ready = existsSync(stamp) && readFileSync(stamp, "utf8") === wanted &&
  existsSync(join(pkg, "node_modules", ".bin", "node"))
if (!ready) {
  process.stderr.write("effect4: installing the Effect 4 edition's dependencies (npm ci in effect4/)\n")
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: pkg, stdio: "inherit" })
  writeFileSync(stamp, wanted)
}
