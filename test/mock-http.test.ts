import { manualClock, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll } from "vitest"
import { conformanceSuite, type Transport } from "./mock/conformance.js"
import { fileConformanceSuite } from "./mock/conformanceFiles.js"
import { memberConformanceSuite } from "./mock/conformanceMembers.js"
import { messageConformanceSuite } from "./mock/conformanceMessages.js"
import { updateConformanceSuite } from "./mock/conformanceUpdates.js"
import { waitingConformanceSuite } from "./mock/conformanceWaiting.js"

const clock = manualClock()
const mock = MockTelegram.make({ clock })
let server: RunningMockServer

beforeAll(async () => {
  server = await startMockServer({ mock })
})
afterAll(() => server.close())

const transport = (): Transport => ({
  request: (path, init) => fetch(`${server.url}${path}`, init),
  mock,
  clock
})

conformanceSuite("standalone HTTP server", transport)
updateConformanceSuite("standalone HTTP server", transport)
messageConformanceSuite("standalone HTTP server", transport)
memberConformanceSuite("standalone HTTP server", transport)
fileConformanceSuite("standalone HTTP server", transport)
waitingConformanceSuite("standalone HTTP server", transport)
