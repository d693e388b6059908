/**
 * What importing each entry loads, from a child process that lists the modules (scripts/modules-loaded.mjs): the main
 * entry loads no Redis code (ioredis, @effect/experimental, src/redis) and nothing of the mock package.
 */
import { execFile } from "node:child_process"
import { describe, expect, it } from "vitest"

interface Loaded {
  readonly esm: ReadonlyArray<string>
  readonly cjs: ReadonlyArray<string>
}

const modulesLoaded = (entry: string) =>
  new Promise<Loaded>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--conditions=effect-telegram-invite-source", "scripts/modules-loaded.mjs", entry],
      { timeout: 60_000 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))
    )
  })

const all = (loaded: Loaded) => [...loaded.esm, ...loaded.cjs]
const redisCode = /\/node_modules\/ioredis\/|\/node_modules\/@effect\/experimental\/|\/src\/redis\//
const mockCode = /\/mock-server\/|\/node_modules\/telegram-bot-api-mock\//

describe("imports", () => {
  it("the main entry loads no Redis code and nothing of the mock", async () => {
    const loaded = await modulesLoaded("src/index.ts")
    expect(all(loaded).some((url) => url.includes("/src/BotApi.ts"))).toBe(true)
    expect(all(loaded).filter((url) => redisCode.test(url))).toEqual([])
    expect(all(loaded).filter((url) => mockCode.test(url))).toEqual([])
  })

  it("the redis subpath loads ioredis (so the check above can see it)", async () => {
    const loaded = await modulesLoaded("src/redis/index.ts")
    expect(all(loaded).filter((url) => url.includes("/node_modules/ioredis/")).length).toBeGreaterThan(10)
  })

  it("the MockHttpClient subpath loads nothing of the mock (its import of the mock is for types)", async () => {
    const loaded = await modulesLoaded("src/MockHttpClient.ts")
    expect(all(loaded).some((url) => url.includes("/src/MockHttpClient.ts"))).toBe(true)
    expect(all(loaded).filter((url) => mockCode.test(url))).toEqual([])
  })
})
