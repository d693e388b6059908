/**
 * A test that never yields blocks its worker's event loop, where vitest's own timeout cannot fire: the watchdog
 * (scripts/test-watchdog.mjs, started by watchdog.setup.ts in both editions' suites) kills that worker and names the
 * file and the test, on stderr and in TEST_PROGRESS_FILE. Run on a fixture that spins, with a short limit.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, it } from "vitest"

it("a test file that spins is killed, with the file and the test named", async () => {
  const dir = mkdtempSync(join(tmpdir(), "watchdog-"))
  try {
    const progress = join(dir, "progress")
    const child = spawn(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "--config", "test/watchdog/vitest.fixture.config.ts"],
      {
        env: { ...process.env, TEST_STALL_LIMIT_S: "1", TEST_PROGRESS_FILE: progress, VITEST_JSON_REPORT: "" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true
      }
    )
    // Without a working watchdog the run would never end: its whole process group goes after 30 s.
    const guard = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000)
    let output = ""
    child.stdout!.on("data", (chunk) => (output += chunk))
    child.stderr!.on("data", (chunk) => (output += chunk))
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve))
    clearTimeout(guard)
    expect(code, output).not.toBe(0)
    expect(output).toContain(
      "test watchdog: test/watchdog/spins.fixture.ts > spins forever: the event loop has been blocked for 1 s"
    )
    expect(readFileSync(progress, "utf8")).toBe(
      "start test/watchdog/spins.fixture.ts\n" +
        "killed test/watchdog/spins.fixture.ts: the event loop has been blocked for 1 s (a test that never yields)\n"
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
