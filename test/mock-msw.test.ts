import { setupServer } from "msw/node"
import { manualClock, MockTelegram } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"
import { afterAll, beforeAll } from "vitest"
import { conformanceSuite, type Transport } from "./mock/conformance.js"
import { fileConformanceSuite } from "./mock/conformanceFiles.js"
import { memberConformanceSuite } from "./mock/conformanceMembers.js"
import { messageConformanceSuite } from "./mock/conformanceMessages.js"
import { updateConformanceSuite } from "./mock/conformanceUpdates.js"
import { waitingConformanceSuite } from "./mock/conformanceWaiting.js"

const clock = manualClock()
const mock = MockTelegram.make({ clock })
const server = setupServer(...telegramHandlers(mock, { sleep: () => Promise.resolve() }))

beforeAll(() => server.listen({ onUnhandledRequest: "error" }))
afterAll(() => server.close())

const transport = (): Transport => ({
  request: (path, init) => fetch(`https://api.telegram.org${path}`, init),
  mock,
  clock
})

conformanceSuite("MSW", transport)
updateConformanceSuite("MSW", transport)
messageConformanceSuite("MSW", transport)
memberConformanceSuite("MSW", transport)
fileConformanceSuite("MSW", transport)
waitingConformanceSuite("MSW", transport)
