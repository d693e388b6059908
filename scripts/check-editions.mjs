#!/usr/bin/env node
// The two editions are one source: effect4/src holds a link to each shared module of src/ (and to src/core and
// src/internal), and files of its own only where Effect 3 and Effect 4 truly differ: src/edition/ (the adapters, the
// same file names and the same exported names as the Effect 3 edition's src/edition/) and src/redis/ (Redis through
// ioredis vs Effect 4's persistence modules). Fails, naming the difference, on anything else: a shared module not
// linked, a copy instead of a link, a file of the edition's own outside those folders, an adapter missing or with
// other exports. `npm run check:editions`; a step of .ci/run.
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = resolve(fileURLToPath(import.meta.url), "..", "..")
const shared = join(root, "src")
const edition4 = join(root, "effect4", "src")
const perEdition = new Set(["edition", "redis"])
const problems = []

for (const name of readdirSync(shared)) {
  if (perEdition.has(name)) continue
  const at = join(edition4, name)
  if (!existsSync(at) && !lstatSync(at, { throwIfNoEntry: false })) {
    problems.push(`effect4/src/${name} is missing: link it (ln -s ../../src/${name} effect4/src/${name})`)
  } else if (!lstatSync(at).isSymbolicLink()) {
    problems.push(`effect4/src/${name} is a copy: it must be a link to ../../src/${name}`)
  } else if (resolve(edition4, readlinkSync(at)) !== join(shared, name)) {
    problems.push(`effect4/src/${name} links to ${readlinkSync(at)}, not ../../src/${name}`)
  }
}
for (const name of readdirSync(edition4)) {
  if (perEdition.has(name)) continue
  if (!existsSync(join(shared, name))) {
    problems.push(`effect4/src/${name} is the Effect 4 edition's own: not allowed there`)
  }
}

const exportsOf = (file) => {
  const text = readFileSync(file, "utf8")
  const names = new Set()
  for (
    const [, name] of text.matchAll(
      /^export (?:declare )?(?:const|let|function|class|interface|type|namespace) (\w+)/gm
    )
  ) {
    names.add(name)
  }
  for (const [, list] of text.matchAll(/^export (?:type )?\{([^}]*)\}/gm)) {
    for (const item of list.split(",")) {
      const name = item.trim().split(/\s+as\s+/).pop()?.replace(/^type\s+/, "")
      if (name) names.add(name)
    }
  }
  for (const [, name] of text.matchAll(/^export \* as (\w+)/gm)) names.add(name)
  return [...names].sort()
}
const adapters3 = join(shared, "edition")
const adapters4 = join(edition4, "edition")
const files3 = readdirSync(adapters3).filter((f) => f.endsWith(".ts")).sort()
const files4 = readdirSync(adapters4).filter((f) => f.endsWith(".ts")).sort()
for (const file of new Set([...files3, ...files4])) {
  if (!files3.includes(file)) {
    problems.push(`src/edition/${file} is missing (effect4/src/edition/${file} has no Effect 3 twin)`)
  } else if (!files4.includes(file)) {
    problems.push(`effect4/src/edition/${file} is missing (src/edition/${file} has no Effect 4 twin)`)
  } else {
    const three = exportsOf(join(adapters3, file))
    const four = exportsOf(join(adapters4, file))
    const only3 = three.filter((n) => !four.includes(n))
    const only4 = four.filter((n) => !three.includes(n))
    // The Effect 4 names of throwing functions are the one place the editions' public names differ (by design).
    if (file === "unsafeNames.ts") continue
    if (only3.length > 0 || only4.length > 0) {
      problems.push(
        `edition/${file}: exports differ (Effect 3 only: ${only3.join(", ") || "none"}; Effect 4 only: ${
          only4.join(", ") || "none"
        })`
      )
    }
  }
}

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`check-editions: ${problem}\n`)
  process.exit(1)
}
process.stdout.write(
  `check-editions: effect4/src links ${
    readdirSync(edition4).filter((n) => !perEdition.has(n)).length
  } shared entries of src/; ${files4.length} adapters in each edition, with the same exports\n`
)
