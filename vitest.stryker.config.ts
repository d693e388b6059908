/**
 * The test run StrykerJS uses for each mutant (`npm run mutate`, stryker.config.mjs): the in-process suites that
 * exercise the mutated code (the client core, the policies, the mock's rules), none that starts a process (a child
 * would load the code unmutated) and none that only measures scale (Concurrency). The chaos properties run a fixed
 * seed and 200 runs each, so that a mutant meets the same scenarios every time.
 *
 * `telegram-bot-api-mock` is aliased to the sources next to this file: Stryker runs in a sandbox copy of the
 * repository whose node_modules is a link to the original's, where the workspace link points at the unmutated mock.
 */
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

process.env["CHAOS_RUNS"] ??= "200"
process.env["CHAOS_SEED"] ??= "20261202"

export default defineConfig({
  resolve: {
    conditions: ["effect-telegram-invite-source", "source"],
    alias: [
      { find: /^telegram-bot-api-mock$/, replacement: here("./mock-server/src/index.ts") },
      { find: /^telegram-bot-api-mock\/msw$/, replacement: here("./mock-server/src/Msw.ts") }
    ]
  },
  ssr: { resolve: { conditions: ["effect-telegram-invite-source", "source"] } },
  test: {
    include: [
      "test/core/**/*.test.ts",
      "test/client/{BotApi,ChatId,Chaos,ChaosMock,Policy,RequestSettings,Secrecy}.test.ts",
      "test/mock-*.test.ts",
      // The request path's shortcuts (a cached token, a plain target, hand-read numbers) against what they replace.
      "test/mock/hotPath.test.ts",
      "test/mutation/**/*.test.ts"
    ],
    // The mock suite that starts a process for many of its cases.
    exclude: ["test/mock-http-raw.test.ts"],
    setupFiles: ["test/mock/defects.setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
