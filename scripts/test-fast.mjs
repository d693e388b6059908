#!/usr/bin/env node
// `npm run test:fast`: the quick loop. The pure and in-process suites of both editions (the core, the client over
// scripted and in-process transports, the CLI's commands in process, the public types, the mock's rules), the two
// editions side by side: no type check first, no child process, no Redis, no browser, no 10,000-run chaos or
// concurrency sweep. Which files, and how they share workers: vitest.fast.config.ts and effect4/vitest.fast.config.ts.
// Arguments go to both vitest runs (`npm run test:fast -- Policy`). `npm test` stays the whole thing (and CI runs it).
import { spawn } from "node:child_process"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const effect4 = join(root, "effect4")
const args = process.argv.slice(2)

const run = (name, cwd, env) =>
  new Promise((done) => {
    const started = performance.now()
    const child = spawn("npx", ["vitest", "run", "--config", "vitest.fast.config.ts", ...args], {
      cwd,
      stdio: "inherit",
      env: { ...process.env, ...env }
    })
    child.on("exit", (code) => done({ name, code: code ?? 1, seconds: (performance.now() - started) / 1000 }))
  })

const started = performance.now()
// The Effect 4 edition runs on its own Node 22 (effect4/node_modules/.bin first on PATH, as `npm test` there does).
const path = `${join(effect4, "node_modules", ".bin")}:${process.env["PATH"] ?? ""}`
const results = await Promise.all([run("Effect 3", root, {}), run("Effect 4", effect4, { PATH: path })])
for (const { code, name, seconds } of results) {
  process.stdout.write(`test:fast: ${name} ${code === 0 ? "passed" : "FAILED"} in ${seconds.toFixed(1)} s\n`)
}
process.stdout.write(`test:fast: ${((performance.now() - started) / 1000).toFixed(1)} s in all\n`)
process.exit(results.every((r) => r.code === 0) ? 0 : 1)
