/**
 * The closing verdict of CI (scripts/ci-summary.mjs): a skipped test is accepted only when ALLOW_SKIPPED names what it
 * skipped for, wherever its file is (the Effect 4 edition's examples test skips without Redis); and the files the
 * test watchdog killed, or that were still running when the run's time limit stopped it, are named.
 */
import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, describe, expect, it } from "vitest"

const dir = mkdtempSync(join(tmpdir(), "ci-summary-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A vitest JSON report: one file, its tests passed or skipped. */
const report = (name: string, file: string, tests: ReadonlyArray<"passed" | "skipped">): string => {
  const path = join(dir, name)
  writeFileSync(
    path,
    JSON.stringify({
      numPassedTests: tests.filter((t) => t === "passed").length,
      numFailedTests: 0,
      numPendingTests: tests.filter((t) => t === "skipped").length,
      numTodoTests: 0,
      testResults: [{
        name: resolve(file),
        assertionResults: tests.map((status, i) => ({ status, fullName: `test ${i}` }))
      }]
    })
  )
  return path
}

const summary = (
  args: ReadonlyArray<string>,
  env: Record<string, string> = {}
): Promise<{ code: number; out: string }> =>
  new Promise((done) =>
    execFile(
      process.execPath,
      ["scripts/ci-summary.mjs", ...args],
      { env: { ...process.env, TEST_PROGRESS_FILE: "", ...env } },
      (error, stdout) => done({ code: error === null ? 0 : Number(error.code), out: stdout })
    )
  )

describe("skipped tests", () => {
  const effect3 = report("e3.json", "test/core/policy.test.ts", ["passed"])
  const examples4 = report("e4.json", "effect4/test/edition/redisKeyValueStore.test.ts", ["passed", "skipped"])

  it("the Effect 4 edition's own Redis test skipped without Redis is accepted by ALLOW_SKIPPED=redis", async () => {
    const { code, out } = await summary([effect3, "0", "0", "redis", examples4, "0"])
    expect(out).toContain("CI: 1 skipped test(s) accepted by ALLOW_SKIPPED=redis")
    expect(out).toContain("tests: 2 passed, 0 failed, 1 skipped")
    expect(code).toBe(0)
  })

  it("and refused without it, as a Redis skip", async () => {
    const { code, out } = await summary([effect3, "0", "0", "", examples4, "0"])
    expect(out).toContain("CI FAILED: 1 test(s) skipped (redis)")
    expect(out).toContain("skipped: effect4/test/edition/redisKeyValueStore.test.ts > test 1")
    expect(code).toBe(1)
  })

  it("a skip in a file that needs nothing is refused whatever ALLOW_SKIPPED says", async () => {
    const other = report("other.json", "test/mock-http.test.ts", ["skipped"])
    const { code, out } = await summary([other, "0", "0", "redis,browser"])
    expect(out).toContain("CI FAILED: 1 test(s) skipped (other)")
    expect(code).toBe(1)
  })

  it("both editions' Redis, browser and Python folders are theirs", async () => {
    const skips = [
      report("r3.json", "test/redis/layers.test.ts", ["skipped"]),
      report("r4.json", "effect4/test/redis/fleet.test.ts", ["skipped"]),
      report("b3.json", "test/browser/console.test.ts", ["skipped"]),
      report("p3.json", "test/python/recipes.test.ts", ["skipped"])
    ]
    const args = [skips[0]!, "0", "0", "redis,browser,python", skips[1]!, "0", skips[2]!, "0", skips[3]!, "0"]
    const { code, out } = await summary(args)
    expect(out).toContain("CI: 4 skipped test(s) accepted by ALLOW_SKIPPED=redis,browser,python")
    expect(code).toBe(0)
    const withoutPython = await summary(args.map((a) => (a === "redis,browser,python" ? "redis,browser" : a)))
    expect(withoutPython.out).toContain("CI FAILED: 1 test(s) skipped (python)")
  })
})

describe("tests that hang", () => {
  const progress = join(dir, "progress")
  writeFileSync(
    progress,
    [
      "start test/core/policy.test.ts",
      "end test/core/policy.test.ts",
      "start test/client/Updates.test.ts",
      "killed test/client/Updates.test.ts: the event loop has been blocked for 60 s (a test that never yields)",
      "start test/mock-http.test.ts",
      ""
    ].join("\n")
  )
  const passed = report("passed.json", "test/core/policy.test.ts", ["passed"])

  it("a file the watchdog killed is named", async () => {
    const { code, out } = await summary([passed, "1", "0", ""], { TEST_PROGRESS_FILE: progress })
    expect(out).toContain(
      "CI FAILED: the test watchdog killed test/client/Updates.test.ts: the event loop has been blocked for 60 s"
    )
    expect(out).not.toContain("still running")
    expect(code).toBe(1)
  })

  it("a run stopped by its time limit names the files still running", async () => {
    const { code, out } = await summary([passed, "124", "0", ""], { TEST_PROGRESS_FILE: progress })
    expect(out).toContain("CI FAILED: the tests were stopped by the run's time limit")
    expect(out).toContain("CI FAILED: still running when the tests were stopped: test/mock-http.test.ts")
    expect(out).not.toContain("still running when the tests were stopped: test/core/policy.test.ts")
    expect(code).toBe(1)
  })
})
