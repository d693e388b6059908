/**
 * The Effect 3 half of `npm run test:fast` (scripts/test-fast.mjs): the pure and in-process suites of the library,
 * its CLI and the mock, in two groups. Most files share one worker, without isolation: what a file imports (Effect,
 * the platform, the mock's sources through vite) is loaded once per worker instead of once per file, which was most
 * of the time. The files that use MSW, which patches the globals of the file that starts it, each get a fresh worker.
 * Vitest 3.2 sets isolation per pool, not per project: forks without it (the test watchdog, scripts/test-watchdog.mjs,
 * watches a worker process), threads with it.
 */
import { defineConfig } from "vitest/config"
import base from "./vitest.config.js"

/**
 * Files that start MSW: one fresh worker each. (Not the mock's conformance suite over MSW, test/mock-msw.test.ts: at
 * some 400 tests it is not quick; `npm test` runs it, over MSW and over HTTP.)
 */
const mswFiles = ["test/client/BotMethods.test.ts", "test/client/integration.test.ts", "examples/flood-wait.test.ts"]

/** The rest of the quick loop: no child process, no Redis, no browser, no 10,000-run chaos or concurrency sweep. */
const sharedWorkerFiles = [
  "test/core/*.test.ts",
  "test/types/*.test.ts",
  "test/cli/{Demo,ExportCommand,TgInvite}.test.ts",
  "test/client/{BotApi,ChatId,Policy,RequestSettings,Secrecy,transports,UndiciHttpClient,Updates}.test.ts",
  "test/mock-{world,people,longpoll,webhooks,effect-client}.test.ts",
  "test/mock/{methodTable,mediaWorld,longTailHostile,worldTail}.test.ts",
  "test/mutation/*.test.ts"
]

const { include: _everything, ...test } = base.test ?? {}

export default defineConfig({
  ...base,
  test: {
    ...test,
    poolOptions: { forks: { isolate: false }, threads: { isolate: true } },
    projects: [
      { extends: true, test: { name: "shared worker", include: sharedWorkerFiles, pool: "forks" } },
      { extends: true, test: { name: "msw", include: mswFiles, pool: "threads" } }
    ]
  }
})
