import { manualClock, MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import { afterAll, beforeAll } from "vitest"
import { conformanceSuite, type Transport } from "./mock/conformance.js"
import { adminConformanceSuite } from "./mock/conformanceAdmin.js"
import { albumConformanceSuite } from "./mock/conformanceAlbums.js"
import { businessConformanceSuite } from "./mock/conformanceBusiness.js"
import { businessProfileConformanceSuite } from "./mock/conformanceBusinessProfile.js"
import { chatSettingsConformanceSuite } from "./mock/conformanceChatSettings.js"
import { checklistConformanceSuite } from "./mock/conformanceChecklists.js"
import { deletionConformanceSuite } from "./mock/conformanceDeletions.js"
import { editConformanceSuite } from "./mock/conformanceEdits.js"
import { fileConformanceSuite } from "./mock/conformanceFiles.js"
import { forumConformanceSuite } from "./mock/conformanceForum.js"
import { forumMessageConformanceSuite } from "./mock/conformanceForumMessages.js"
import { forwardConformanceSuite } from "./mock/conformanceForwards.js"
import { giftConformanceSuite } from "./mock/conformanceGifts.js"
import { invoiceConformanceSuite } from "./mock/conformanceInvoices.js"
import { locationConformanceSuite } from "./mock/conformanceLocation.js"
import { longTailConformanceSuite } from "./mock/conformanceLongTail.js"
import { mediaConformanceSuite } from "./mock/conformanceMedia.js"
import { mediaEditConformanceSuite } from "./mock/conformanceMediaEdits.js"
import { memberConformanceSuite } from "./mock/conformanceMembers.js"
import { messageConformanceSuite } from "./mock/conformanceMessages.js"
import { paymentConformanceSuite } from "./mock/conformancePayments.js"
import { peopleMediaConformanceSuite } from "./mock/conformancePeopleMedia.js"
import { photoConformanceSuite } from "./mock/conformancePhotos.js"
import { pollConformanceSuite } from "./mock/conformancePolls.js"
import { profileConformanceSuite } from "./mock/conformanceProfile.js"
import { promoteConformanceSuite } from "./mock/conformancePromote.js"
import { reactionConformanceSuite } from "./mock/conformanceReactions.js"
import { replyMarkupConformanceSuite } from "./mock/conformanceReplyMarkup.js"
import { stickerRefusalConformanceSuite } from "./mock/conformanceStickerRefusals.js"
import { stickerConformanceSuite } from "./mock/conformanceStickers.js"
import { updateConformanceSuite } from "./mock/conformanceUpdates.js"
import { voteConformanceSuite } from "./mock/conformanceVotes.js"
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
forumConformanceSuite("standalone HTTP server", transport)
forumMessageConformanceSuite("standalone HTTP server", transport)
profileConformanceSuite("standalone HTTP server", transport)
adminConformanceSuite("standalone HTTP server", transport)
promoteConformanceSuite("standalone HTTP server", transport)
chatSettingsConformanceSuite("standalone HTTP server", transport)
fileConformanceSuite("standalone HTTP server", transport)
photoConformanceSuite("standalone HTTP server", transport)
waitingConformanceSuite("standalone HTTP server", transport)
pollConformanceSuite("standalone HTTP server", transport)
voteConformanceSuite("standalone HTTP server", transport)
forwardConformanceSuite("standalone HTTP server", transport)
deletionConformanceSuite("standalone HTTP server", transport)
editConformanceSuite("standalone HTTP server", transport)
checklistConformanceSuite("standalone HTTP server", transport)
reactionConformanceSuite("standalone HTTP server", transport)
mediaConformanceSuite("standalone HTTP server", transport)
albumConformanceSuite("standalone HTTP server", transport)
locationConformanceSuite("standalone HTTP server", transport)
mediaEditConformanceSuite("standalone HTTP server", transport)
replyMarkupConformanceSuite("standalone HTTP server", transport)
peopleMediaConformanceSuite("standalone HTTP server", transport)
stickerConformanceSuite("standalone HTTP server", transport)
businessConformanceSuite("standalone HTTP server", transport)
longTailConformanceSuite("standalone HTTP server", transport)
giftConformanceSuite("standalone HTTP server", transport)
stickerRefusalConformanceSuite("standalone HTTP server", transport)
businessProfileConformanceSuite("standalone HTTP server", transport)
invoiceConformanceSuite("standalone HTTP server", transport)
paymentConformanceSuite("standalone HTTP server", transport)
