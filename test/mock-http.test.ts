import { manualClock, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll } from "vitest"
import { conformanceSuite } from "./mock/conformance.js"

const clock = manualClock()
const mock = MockTelegram.make({ clock })
let server: RunningMockServer

beforeAll(async () => {
  server = await startMockServer({ mock })
})
afterAll(() => server.close())

conformanceSuite("standalone HTTP server", () => ({
  request: (path, init) => fetch(`${server.url}${path}`, init),
  mock,
  clock
}))
