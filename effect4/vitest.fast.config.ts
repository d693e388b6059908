/**
 * The Effect 4 half of `npm run test:fast` (scripts/test-fast.mjs): the edition's pure and in-process suites, in two
 * groups. Most files share one worker, without isolation: what a file imports (Effect, the shared sources through
 * vite) is loaded once per worker instead of once per file, which was most of the time. The files that use MSW, which
 * patches the globals of the file that starts it, each get a fresh worker.
 */
import { defineConfig } from "vitest/config"
import base from "./vitest.config.js"

/** Files that start MSW: one fresh worker each. */
const mswFiles = ["test/client/BotMethods.test.ts", "test/client/integration.test.ts"]

/** The rest of the quick loop: no child process, no Redis, no 10,000-run chaos or concurrency sweep. */
const sharedWorkerFiles = [
  "test/client/{BotApi,ChatId,Policy,RequestSettings,Secrecy,transports,UndiciHttpClient,Updates}.test.ts",
  "test/edition/{core,reasons}.test.ts"
]

const { include: _everything, ...test } = base.test ?? {}

export default defineConfig({
  ...base,
  test: {
    ...test,
    projects: [
      { extends: true, test: { name: "shared worker", include: sharedWorkerFiles, isolate: false } },
      { extends: true, test: { name: "msw", include: mswFiles, isolate: true } }
    ]
  }
})
