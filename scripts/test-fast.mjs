#!/usr/bin/env node
// `npm run test:fast`: the quick loop. The pure and in-process suites of both editions (the core, the client over
// scripted and in-process transports, the CLI's commands in process, the public types), run side by side: no type
// check first, no child process, no Redis, no browser, no 10,000-run chaos or concurrency sweep. `npm test` stays the
// whole thing (and CI runs it).
import { spawn } from "node:child_process"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const effect4 = join(root, "effect4")

const effect3Files = [
  "test/core",
  "test/types",
  "test/cli/TgInvite.test.ts",
  "test/cli/ExportCommand.test.ts",
  "test/client/BotApi.test.ts",
  "test/client/BotMethods.test.ts",
  "test/client/ChatId.test.ts",
  "test/client/Policy.test.ts",
  "test/client/RequestSettings.test.ts",
  "test/client/Secrecy.test.ts",
  "test/client/transports.test.ts",
  "test/client/Updates.test.ts",
  "test/client/integration.test.ts",
  "examples/flood-wait.test.ts"
]
const effect4Files = [
  "test/core.test.ts",
  "test/ChatId.test.ts",
  "test/BotApi.test.ts",
  "test/Policy.test.ts",
  "test/RequestSettings.test.ts",
  "test/Secrecy.test.ts",
  "test/transports.test.ts",
  "test/Updates.test.ts",
  "test/integration.test.ts",
  "test/reasons.test.ts",
  "test/inviteBot.test.ts"
]

const run = (name, cwd, args, env) =>
  new Promise((done) => {
    const started = performance.now()
    const child = spawn("npx", ["vitest", "run", ...args], { cwd, stdio: "inherit", env: { ...process.env, ...env } })
    child.on("exit", (code) => done({ name, code: code ?? 1, seconds: (performance.now() - started) / 1000 }))
  })

const started = performance.now()
// The Effect 4 edition runs on its own Node 22 (effect4/node_modules/.bin first on PATH, as `npm test` there does).
const path = `${join(effect4, "node_modules", ".bin")}:${process.env["PATH"] ?? ""}`
const results = await Promise.all([
  run("Effect 3", root, effect3Files, {}),
  run("Effect 4", effect4, effect4Files, { PATH: path })
])
for (const { code, name, seconds } of results) {
  process.stdout.write(`test:fast: ${name} ${code === 0 ? "passed" : "FAILED"} in ${seconds.toFixed(1)} s\n`)
}
process.stdout.write(`test:fast: ${((performance.now() - started) / 1000).toFixed(1)} s in all\n`)
process.exit(results.every((r) => r.code === 0) ? 0 : 1)
