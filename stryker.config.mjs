// @ts-check
/**
 * Mutation testing (`npm run mutate`): StrykerJS mutates the client core (src/core), the policies (src/Policy.ts,
 * src/internal/{policyRun,compilePolicy,giveUp}.ts) and the mock's invite-link and flood rules, and runs the tests of
 * vitest.stryker.config.ts against each mutant. The JSON report is saved as bench/results/mutation-report.json;
 * scripts/mutation-summary.mjs turns it into bench/results/mutation.json (scores per group, the survivors judged
 * equivalent), from which the README's and BENCHMARKS.md's figures are generated.
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  // The mock's rules measured here are the invite-link rules (telegram-wire.md §4b), who may call what, and flood
  // control: the rules the client's policies meet. The rest of the mock (messages, updates, people) is covered by the
  // conformance suites but not mutated: on two cores the whole mock is several hours of mutants.
  mutate: [
    "src/core/**/*.ts",
    "src/Policy.ts",
    "src/internal/policyRun.ts",
    "src/internal/compilePolicy.ts",
    "src/internal/giveUp.ts",
    "mock-server/src/api/methods/inviteLinks.ts",
    "mock-server/src/api/chatAccess.ts",
    "mock-server/src/world/inviteLinks.ts",
    "mock-server/src/world/FloodControl.ts"
  ],
  // The Effect 4 edition links src/ and test/ folders (symbolic links Stryker's sandbox copy cannot copy), and none of
  // the tests below runs it.
  ignorePatterns: ["effect4"],
  coverageAnalysis: "perTest",
  // Code run once at import (constants, tables) would need every test for every mutant: left out of the score.
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ["json", "clear-text", "progress"],
  jsonReporter: { fileName: "bench/results/mutation-report.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  incremental: true,
  incrementalFile: "node_modules/.cache/stryker/incremental.json",
  tempDirName: "node_modules/.cache/stryker/tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 75, break: null }
}
