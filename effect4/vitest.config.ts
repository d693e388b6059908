import { defineConfig } from "vitest/config"

// The edition's tests read its own sources (and the repository's mock, telegram-bot-api-mock, from its TypeScript
// sources) through the `effect-telegram-invite-source` export condition, as the root suite does. The mock and msw are
// the repository root's (installed by the root `npm ci`): the mock runs on the root's Effect 3 internally (a plain
// dependency of it; no Effect type crosses its API), and its MSW handlers are made with the root's msw, so this
// package installs neither. Child processes (tsx) read the condition from NODE_OPTIONS.
if (!(process.env["NODE_OPTIONS"] ?? "").includes("--conditions=effect-telegram-invite-source")) {
  process.env["NODE_OPTIONS"] = `${process.env["NODE_OPTIONS"] ?? ""} --conditions=effect-telegram-invite-source`.trim()
}
// The shell's source is linked into src/ (see below): child processes resolve it where the links are, too.
if (!(process.env["NODE_OPTIONS"] ?? "").includes("--preserve-symlinks")) {
  process.env["NODE_OPTIONS"] = `${process.env["NODE_OPTIONS"]} --preserve-symlinks`
}

const jsonReport = process.env["VITEST_JSON_REPORT"]

export default defineConfig({
  // src/ is the repository's one source of the shell, linked file by file (src/edition/ is this edition's own):
  // resolved where the links are, its imports of `effect` find this package's Effect 4.
  resolve: { conditions: ["effect-telegram-invite-source"], preserveSymlinks: true },
  ssr: { resolve: { conditions: ["effect-telegram-invite-source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    // A bug of the mock is a defect, not a 500 that clients would retry as transient (and hide).
    setupFiles: ["test/watchdog.setup.ts", "test/setup.ts"],
    // Each file runs in its own process: MSW patches globals per file.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: jsonReport ? ["default", "json"] : ["default"],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {})
  }
})
