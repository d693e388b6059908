/**
 * Diagnostic: the standalone mock (as `tg-mock-server` starts it) that, on SIGUSR2, runs a full GC and prints its
 * `process.memoryUsage()` as one JSON line; tells heap growth (a leak) from RSS that V8 or malloc keep.
 */
import { startMockServer } from "telegram-bot-api-mock"
import { gc } from "../common.js"

const server = await startMockServer()
process.stdout.write(`listening on ${server.url}\n`)
process.on("SIGUSR2", () => {
  gc()
  process.stdout.write(`memory ${JSON.stringify(process.memoryUsage())}\n`)
})
process.once("SIGTERM", () => {
  void server.close().then(() => process.exit(0))
})
