/**
 * A vitest setup file: the test watchdog of the repository's suites (scripts/test-watchdog.mjs, as in the Effect 3
 * suite's test/watchdog.setup.ts), so that a test that blocks the event loop fails with its file named instead of
 * hanging the run.
 */
import { afterAll, beforeEach } from "vitest"
import { startWatchdog } from "../../scripts/test-watchdog.mjs"

/** The file this worker runs now: vitest's worker state has it before the file is imported (a hang may be there). */
const file = (globalThis as { __vitest_worker__?: { filepath?: string } }).__vitest_worker__?.filepath ??
  "(unknown file)"

const watchdog = startWatchdog()
watchdog.file(file)
beforeEach((context) => watchdog.test(context.task.name))
afterAll(() => watchdog.fileDone(file))
