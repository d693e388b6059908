import { defineConfig } from "vitest/config"

const jsonReport = process.env["VITEST_JSON_REPORT"]

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file runs in its own process: MSW patches globals per file.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // .ci/run asks for a JSON report to print its closing `tests: N passed, N failed` line.
    reporters: jsonReport ? ["default", "json"] : ["default"],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {})
  }
})
