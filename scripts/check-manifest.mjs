#!/usr/bin/env node
// Checks the package.json inside each tarball given (`node scripts/check-manifest.mjs a.tgz b.tgz`) against the rule of
// scripts/published-manifest.cjs: no install-time script (`prepare` among them), no devDependencies or other
// development field, no `effect-telegram-invite-source` export condition. Prints one line per problem and exits 1
// when there is any; both package checks run it on every tarball they pack.
import { execFileSync } from "node:child_process"
import { basename } from "node:path"
import rule from "./published-manifest.cjs"

const tarballs = process.argv.slice(2)
if (tarballs.length === 0) {
  process.stderr.write("usage: node scripts/check-manifest.mjs <tarball>...\n")
  process.exit(2)
}
let failed = false
for (const tarball of tarballs) {
  const manifest = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }))
  const problems = rule.manifestProblems(manifest)
  for (const problem of problems) process.stderr.write(`${basename(tarball)}: package.json: ${problem}\n`)
  if (problems.length > 0) failed = true
  else process.stdout.write(`${basename(tarball)}: package.json carries only what an installer needs\n`)
}
process.exit(failed ? 1 : 0)
