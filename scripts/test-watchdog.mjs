// A watchdog for a vitest worker process: a test that never yields (a synchronous loop, or promises that resolve
// forever without an await on a timer) blocks the worker's event loop, so vitest's own testTimeout, a timer in that
// same loop, never fires and the run hangs. This starts a thread (test-watchdog-thread.mjs) that the loop cannot
// block: when the loop has not ticked for `stallSeconds`, or one test file has run for `fileSeconds`, it writes which
// file (and test) was running to stderr, and to $TEST_PROGRESS_FILE when set, then kills the process: vitest reports
// the file as failed and the run goes on.
//
// Used by the setup files of both editions' suites (test/watchdog.setup.ts); shared, so it imports no vitest.
import { appendFileSync } from "node:fs"
import { dirname, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { Worker } from "node:worker_threads"

/** The repository's root: files are named from it, whichever edition's suite runs. */
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))

/** How long the event loop may stay blocked: twice the suite's testTimeout (30 s), far past any sync step it takes. */
export const STALL_SECONDS = Number(process.env["TEST_STALL_LIMIT_S"] ?? 60)
/** How long one test file may run in all. */
export const FILE_SECONDS = Number(process.env["TEST_FILE_LIMIT_S"] ?? 600)

const STARTED = Symbol.for("effect-telegram-invite.test-watchdog")

/**
 * Starts the watchdog of this process (once; later calls give the same one). `file(path)` says which test file runs
 * now (restarting its clock), `fileDone(path)` that it ended; `test(name)`, which of its tests runs.
 */
export const startWatchdog = () => {
  const existing = globalThis[STARTED]
  if (existing !== undefined) return existing
  const beat = new Int32Array(new SharedArrayBuffer(4))
  const thread = new Worker(new URL("./test-watchdog-thread.mjs", import.meta.url), {
    workerData: { beat, stallSeconds: STALL_SECONDS, fileSeconds: FILE_SECONDS, pid: process.pid },
    stdout: false,
    stderr: false
  })
  thread.unref()
  // The heartbeat: a blocked loop stops it.
  setInterval(() => Atomics.add(beat, 0, 1), 1000).unref()
  const progress = process.env["TEST_PROGRESS_FILE"]
  const log = (line) => {
    if (progress !== undefined && progress !== "") appendFileSync(progress, `${line}\n`)
  }
  const watchdog = {
    file: (path) => {
      log(`start ${relative(ROOT, path)}`)
      thread.postMessage({ file: relative(ROOT, path) })
    },
    fileDone: (path) => log(`end ${relative(ROOT, path)}`),
    test: (name) => thread.postMessage({ test: name })
  }
  globalThis[STARTED] = watchdog
  return watchdog
}
