#!/usr/bin/env node
// The two editions are one source and one test suite.
//
// The source: effect4/src holds a link to each shared module of src/ (and to src/core and src/internal), and files of
// its own only where Effect 3 and Effect 4 truly differ: src/edition/ (the adapters, the same file names and the same
// exported names as the Effect 3 edition's src/edition/) and, in src/redis/, the Redis adapters named below (Redis
// through ioredis vs Effect 4's persistence modules): every other file of src/redis/ is linked from effect4/src/redis/.
//
// The tests: effect4/test links the shared test folders of test/ (the client, the examples, Redis), so each test file
// is written once and run by both editions' vitest; what differs between @effect/vitest 0.30 on Effect 3 and its
// Effect 4 counterpart (TestClock, forking, Cause, loggers, the platform's modules, …) lives in test/edition/ and
// effect4/test/edition/, the same file names with the same exports. An edition's own tests (what only it has, e.g.
// Effect 4's `catchReason`) are the `*.test.ts` files of its edition/ folder; effect4/test/*setup.ts are its vitest
// setup files.
//
// Fails, naming the difference, on anything else: a shared module or test folder not linked, a copy instead of a
// link, a file of the edition's own outside those places, an adapter missing or with other exports.
// `npm run check:editions` (also run by `npm run lint`); a step of .ci/run.
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = resolve(fileURLToPath(import.meta.url), "..", "..")
const problems = []

/** The test folders both editions run (test/core, test/cli, test/types, the mock's tests: the Effect 3 package's). */
const sharedTestFolders = ["client", "examples", "redis"]

/**
 * The files of src/redis/ that each edition writes for its own Redis client and Effect's persistence API (the
 * others are the Redis logic, written once and linked): the entry, the connection's life cycle, the gate's module
 * (Effect 4 also exports its `Redis.Script`), the client's commands, the rate limiter's store; the Effect 3 edition's
 * ioredis options and scripts (internal.ts), the Effect 4 edition's `KeyValueStore` over Redis.
 */
const redisAdapters = new Set([
  "index.ts",
  "RedisConnection.ts",
  "RedisFloodGate.ts",
  "clientCommands.ts",
  "rateLimitStore.ts",
  "internal.ts",
  "RedisKeyValueStore.ts"
])

/** `at` must be a link to `target` (both absolute); says how to make it otherwise. */
const checkLink = (at, target) => {
  const shown = relative(root, at)
  const link = relative(resolve(at, ".."), target)
  const stat = lstatSync(at, { throwIfNoEntry: false })
  if (stat === undefined) {
    problems.push(`${shown} is missing: link it (ln -s ${link} ${shown})`)
  } else if (!stat.isSymbolicLink()) {
    problems.push(
      `${shown} is a copy: it must be a link to ${link} (the editions differ only through their adapters: edition/ and the Redis adapters)`
    )
  } else if (resolve(at, "..", readlinkSync(at)) !== target) {
    problems.push(`${shown} links to ${readlinkSync(at)}, not ${link}`)
  }
}

/** Each entry of `shared` but `perEdition` is linked from `edition`, which holds nothing else of its own. */
const checkLinkedFolder = (shared, edition, perEdition, whereOwnFilesGo) => {
  for (const name of readdirSync(shared)) {
    if (!perEdition.has(name)) checkLink(join(edition, name), join(shared, name))
  }
  for (const name of readdirSync(edition)) {
    if (!perEdition.has(name) && !existsSync(join(shared, name))) {
      problems.push(`${relative(root, join(edition, name))} is the Effect 4 edition's own: ${whereOwnFilesGo}`)
    }
  }
}

/** The names a module exports, read from its text. */
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

/** The adapters of `three` and `four` (their `.ts` files but tests): the same files, with the same exports. */
const checkAdapters = (three, four, exempt = new Set()) => {
  const adapters = (dir) => readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort()
  const files3 = adapters(three)
  const files4 = adapters(four)
  for (const file of new Set([...files3, ...files4])) {
    const in3 = relative(root, join(three, file))
    const in4 = relative(root, join(four, file))
    if (!files3.includes(file)) {
      problems.push(`${in3} is missing (${in4} has no Effect 3 twin)`)
    } else if (!files4.includes(file)) {
      problems.push(`${in4} is missing (${in3} has no Effect 4 twin)`)
    } else if (!exempt.has(file)) {
      const exports3 = exportsOf(join(three, file))
      const exports4 = exportsOf(join(four, file))
      const only3 = exports3.filter((n) => !exports4.includes(n))
      const only4 = exports4.filter((n) => !exports3.includes(n))
      if (only3.length > 0 || only4.length > 0) {
        problems.push(
          `${in3} and ${in4}: exports differ (Effect 3 only: ${only3.join(", ") || "none"}; Effect 4 only: ${
            only4.join(", ") || "none"
          })`
        )
      }
    }
  }
  return files4.length
}

// The source.
const src3 = join(root, "src")
const src4 = join(root, "effect4", "src")
checkLinkedFolder(src3, src4, new Set(["edition", "redis"]), "not allowed there")
checkLinkedFolder(
  join(src3, "redis"),
  join(src4, "redis"),
  redisAdapters,
  "the Redis logic is written once in src/redis/ (and linked); an adapter of the edition's own is named in redisAdapters"
)
// The Effect 4 names of throwing functions are the one place the editions' public names differ (by design).
const sourceAdapters = checkAdapters(join(src3, "edition"), join(src4, "edition"), new Set(["unsafeNames.ts"]))

// The tests.
const test3 = join(root, "test")
const test4 = join(root, "effect4", "test")
for (const folder of sharedTestFolders) checkLink(join(test4, folder), join(test3, folder))
for (const name of readdirSync(test4)) {
  if (!sharedTestFolders.includes(name) && name !== "edition" && !/(^|\.)setup\.ts$/.test(name)) {
    problems.push(
      `effect4/test/${name} is the Effect 4 edition's own: its own tests go in effect4/test/edition/*.test.ts, ` +
        `a test both editions run in one of test/{${sharedTestFolders.join(",")}}/`
    )
  }
}
const testAdapters = checkAdapters(join(test3, "edition"), join(test4, "edition"))

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`check-editions: ${problem}\n`)
  process.exit(1)
}
process.stdout.write(
  `check-editions: effect4/src links ${
    readdirSync(src4).filter((n) => n !== "edition" && n !== "redis").length
  } shared entries of src/ and ${
    readdirSync(join(src4, "redis")).filter((n) => !redisAdapters.has(n)).length
  } of src/redis/, ${sourceAdapters} adapters in each edition with the same exports; effect4/test links ` +
    `test/{${sharedTestFolders.join(",")}}, ${testAdapters} test adapters in each edition with the same exports\n`
)
