import { setupServer } from "msw/node"
import { manualClock, MockTelegram } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"
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
forumConformanceSuite("MSW", transport)
forumMessageConformanceSuite("MSW", transport)
profileConformanceSuite("MSW", transport)
adminConformanceSuite("MSW", transport)
promoteConformanceSuite("MSW", transport)
chatSettingsConformanceSuite("MSW", transport)
fileConformanceSuite("MSW", transport)
photoConformanceSuite("MSW", transport)
waitingConformanceSuite("MSW", transport)
pollConformanceSuite("MSW", transport)
voteConformanceSuite("MSW", transport)
forwardConformanceSuite("MSW", transport)
deletionConformanceSuite("MSW", transport)
editConformanceSuite("MSW", transport)
checklistConformanceSuite("MSW", transport)
reactionConformanceSuite("MSW", transport)
mediaConformanceSuite("MSW", transport)
albumConformanceSuite("MSW", transport)
locationConformanceSuite("MSW", transport)
mediaEditConformanceSuite("MSW", transport)
replyMarkupConformanceSuite("MSW", transport)
peopleMediaConformanceSuite("MSW", transport)
stickerConformanceSuite("MSW", transport)
businessConformanceSuite("MSW", transport)
longTailConformanceSuite("MSW", transport)
giftConformanceSuite("MSW", transport)
stickerRefusalConformanceSuite("MSW", transport)
businessProfileConformanceSuite("MSW", transport)
invoiceConformanceSuite("MSW", transport)
paymentConformanceSuite("MSW", transport)
