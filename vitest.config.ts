import { defineConfig } from "vitest/config"

const jsonReport = process.env["VITEST_JSON_REPORT"]

// The workspace packages (telegram-bot-api-mock) are read from their TypeScript sources through the `source` export
// condition, in the tests and in every child process they start (tsx reads NODE_OPTIONS).
if (!(process.env["NODE_OPTIONS"] ?? "").includes("--conditions=effect-telegram-invite-source")) {
  process.env["NODE_OPTIONS"] = `${process.env["NODE_OPTIONS"] ?? ""} --conditions=effect-telegram-invite-source`.trim()
}

export default defineConfig({
  resolve: { conditions: ["effect-telegram-invite-source"] },
  ssr: { resolve: { conditions: ["effect-telegram-invite-source"] } },
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    // A bug of the mock is a defect, not a 500 that clients would retry as transient (and hide).
    setupFiles: ["test/watchdog/watchdog.setup.ts", "test/mock/defects.setup.ts"],
    // Each file runs in its own process: MSW patches globals per file.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // .ci/run asks for a JSON report to print its closing `tests: N passed, N failed` line.
    reporters: jsonReport ? ["default", "json"] : ["default"],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
    // Off unless asked for (`npm test -- --coverage`, as .ci/run does): statements and branches of the shipped code,
    // per file in coverage/coverage-summary.json, which scripts/coverage-report.mjs sums per folder and holds to a floor.
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts", "cli/**/*.ts", "mock-server/src/**/*.ts"],
      // The bins run only as child processes (test/cli, the server tests) and the console's page only in the browser
      // (test/browser): V8 coverage sees neither from the test process, so they would count as 0%.
      exclude: ["**/*.d.ts", "cli/bin/**", "mock-server/src/bin/**", "mock-server/src/console/page/**"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "coverage",
      // Printed even when a test failed: CI shows the figure either way (and fails on the test).
      reportOnFailure: true
    }
  }
})
