/** The suite's watchdog over the fixture that never yields (test/watchdog/watchdog.test.ts runs it). */
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/watchdog/*.fixture.ts"],
    setupFiles: ["test/watchdog/watchdog.setup.ts"],
    pool: "forks",
    testTimeout: 30_000
  }
})
