import { defineConfig } from "vitest/config"

const jsonReport = process.env["VITEST_JSON_REPORT"]

// The workspace packages (telegram-bot-api-mock) are read from their TypeScript sources through the `source` export
// condition, in the tests and in every child process they start (tsx reads NODE_OPTIONS).
if (!(process.env["NODE_OPTIONS"] ?? "").includes("--conditions=source")) {
  process.env["NODE_OPTIONS"] = `${process.env["NODE_OPTIONS"] ?? ""} --conditions=source`.trim()
}

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    // A bug of the mock is a defect, not a 500 that clients would retry as transient (and hide).
    setupFiles: ["test/mock/defects.setup.ts"],
    // Each file runs in its own process: MSW patches globals per file.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // .ci/run asks for a JSON report to print its closing `tests: N passed, N failed` line.
    reporters: jsonReport ? ["default", "json"] : ["default"],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {})
  }
})
