import { manualClock, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll } from "vitest"
import { conformanceSuite, type Transport } from "./mock/conformance.js"
import { businessConformanceSuite } from "./mock/conformanceBusiness.js"
import { businessProfileConformanceSuite } from "./mock/conformanceBusinessProfile.js"
import { fileConformanceSuite } from "./mock/conformanceFiles.js"
import { giftConformanceSuite } from "./mock/conformanceGifts.js"
import { longTailConformanceSuite } from "./mock/conformanceLongTail.js"
import { memberConformanceSuite } from "./mock/conformanceMembers.js"
import { messageConformanceSuite } from "./mock/conformanceMessages.js"
import { stickerRefusalConformanceSuite } from "./mock/conformanceStickerRefusals.js"
import { stickerConformanceSuite } from "./mock/conformanceStickers.js"
import { updateConformanceSuite } from "./mock/conformanceUpdates.js"

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
stickerConformanceSuite("standalone HTTP server", transport)
businessConformanceSuite("standalone HTTP server", transport)
longTailConformanceSuite("standalone HTTP server", transport)
giftConformanceSuite("standalone HTTP server", transport)
stickerRefusalConformanceSuite("standalone HTTP server", transport)
businessProfileConformanceSuite("standalone HTTP server", transport)
