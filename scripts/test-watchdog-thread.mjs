// The watchdog's thread (started by test-watchdog.mjs): runs beside a vitest worker's main thread, whose loop cannot
// block it. Checks every second (more often for a shorter limit) that the main thread's heartbeat moved and that the current file has not run too
// long; when either fails, says which file and test, and kills the process (a blocked loop could not exit itself).
import { appendFileSync, writeSync } from "node:fs"
import { parentPort, workerData } from "node:worker_threads"

const { beat, stallSeconds, fileSeconds, pid } = workerData
let file = "(no test file yet)"
let test
let fileStartedAt = Date.now()
let lastBeat = Atomics.load(beat, 0)
let lastBeatAt = Date.now()

parentPort.on("message", (message) => {
  if (message.file !== undefined) {
    file = message.file
    test = undefined
    fileStartedAt = Date.now()
  }
  if (message.test !== undefined) test = message.test
})

const stop = (why) => {
  const line = `test watchdog: ${file}${
    test === undefined ? "" : ` > ${test}`
  }: ${why}; killing its worker (pid ${pid})`
  // Straight to the file descriptor: process.stderr of a worker thread goes through the blocked main thread.
  writeSync(2, `\n${line}\n`)
  const progress = process.env["TEST_PROGRESS_FILE"]
  if (progress !== undefined && progress !== "") appendFileSync(progress, `killed ${file}: ${why}\n`)
  process.kill(pid, "SIGKILL")
}

setInterval(() => {
  const now = Date.now()
  const current = Atomics.load(beat, 0)
  if (current !== lastBeat) {
    lastBeat = current
    lastBeatAt = now
  }
  if (now - lastBeatAt > stallSeconds * 1000) {
    stop(`the event loop has been blocked for ${stallSeconds} s (a test that never yields)`)
  } else if (now - fileStartedAt > fileSeconds * 1000) {
    stop(`the file has run for more than ${fileSeconds} s`)
  }
}, Math.min(1000, (stallSeconds * 1000) / 4))
