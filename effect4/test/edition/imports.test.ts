/**
 * What importing each entry loads, from a child process that lists the modules (scripts/modules-loaded.mjs): the main
 * entry loads no Redis code, no undici, no platform package and not the mock; the subpaths load what they need.
 */
import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..", "..")

const loaded = (entry: string) =>
  new Promise<ReadonlyArray<string>>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--conditions=effect-telegram-invite-source", "scripts/modules-loaded.mjs", entry],
      { cwd: PACKAGE, timeout: 60_000 },
      (error, stdout) => {
        if (error) return reject(error)
        const { cjs, esm } = JSON.parse(stdout) as { esm: Array<string>; cjs: Array<string> }
        resolve([...esm, ...cjs])
      }
    )
  })

const some = (modules: ReadonlyArray<string>, part: string) => modules.some((m) => m.includes(part))

describe("imports", () => {
  it("the main entry loads no Redis code, no undici, no @effect/platform-node, no mock", async () => {
    const modules = await loaded("src/index.ts")
    assert.isTrue(some(modules, "/src/BotApi.ts"), "the entry itself was listed")
    for (
      const part of [
        "/src/redis/",
        "node_modules/redis/",
        "@redis/",
        "undici",
        "platform-node",
        "telegram-bot-api-mock",
        "mock-server",
        "msw"
      ]
    ) {
      assert.isFalse(some(modules, part), `the main entry loads ${part}`)
    }
    // The shared core is read from source, through this package's link to the repository's src/core (no copy).
    assert.isTrue(some(modules, "/effect4/src/core/policy.ts"))
  }, 60_000)

  it("the redis subpath loads NodeRedis; UndiciHttpClient loads undici", async () => {
    assert.isTrue(some(await loaded("src/redis/index.ts"), "NodeRedis"))
    assert.isTrue(some(await loaded("src/UndiciHttpClient.ts"), "undici"))
  }, 60_000)
})
