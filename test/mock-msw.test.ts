import { setupServer } from "msw/node"
import { manualClock, MockTelegram } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"
import { afterAll, beforeAll } from "vitest"
import { conformanceSuite } from "./mock/conformance.js"

const clock = manualClock()
const mock = MockTelegram.make({ clock })
const server = setupServer(...telegramHandlers(mock, { sleep: () => Promise.resolve() }))

beforeAll(() => server.listen({ onUnhandledRequest: "error" }))
afterAll(() => server.close())

conformanceSuite("MSW", () => ({
  request: (path, init) => fetch(`https://api.telegram.org${path}`, init),
  mock,
  clock
}))
