/**
 * The method table: every Bot API method the mock serves, gathered from the family files, with the real server's
 * old aliases. A new family is a new file and one entry in TABLES.
 */
import { BOT_API_ALIASES } from "../table/botApiMethods.js"
import type { Method } from "../table/method.js"
import { albumMethods } from "./albums.js"
import { botMethods } from "./bot.js"
import { botInfoMethods } from "./botInfo.js"
import { businessMethods } from "./business.js"
import { businessGiftMethods } from "./businessGifts.js"
import { businessProfileMethods } from "./businessProfile.js"
import { callbackMethods } from "./callbacks.js"
import { chatActionMethods } from "./chatActions.js"
import { chatPhotoMethods } from "./chatPhotos.js"
import { chatMethods } from "./chats.js"
import { chatSettingMethods } from "./chatSettings.js"
import { checklistMethods } from "./checklists.js"
import { checkoutAnswerMethods } from "./checkoutAnswers.js"
import { commandMethods } from "./commands.js"
import { customRequestMethods } from "./customRequests.js"
import { deletionMethods } from "./deletions.js"
import { documentMethods } from "./documents.js"
import { editMethods } from "./edits.js"
import { fileMethods } from "./files.js"
import { forumTopicMethods } from "./forumTopics.js"
import { forwardMethods } from "./forwards.js"
import { gameMethods } from "./games.js"
import { generalTopicMethods } from "./generalTopic.js"
import { giftMethods } from "./gifts.js"
import { inlineQueryMethods } from "./inlineQueries.js"
import { inviteLinkMethods } from "./inviteLinks.js"
import { invoiceMethods } from "./invoices.js"
import { joinRequestMethods } from "./joinRequests.js"
import { liveLocationMethods } from "./liveLocations.js"
import { managedBotMethods } from "./managedBots.js"
import { mediaEditMethods } from "./mediaEdits.js"
import { memberMethods } from "./members.js"
import { messageMethods } from "./messages.js"
import { paidMediaMethods } from "./paidMedia.js"
import { passportMethods } from "./passport.js"
import { photoMethods } from "./photos.js"
import { pinMethods } from "./pins.js"
import { placeMethods } from "./places.js"
import { pollMethods } from "./polls.js"
import { promoteMethods } from "./promote.js"
import { reactionMethods } from "./reactions.js"
import { restrictMethods } from "./restrict.js"
import { senderChatMethods } from "./senderChats.js"
import { sessionMethods } from "./session.js"
import { soundMethods } from "./sounds.js"
import { starMethods } from "./stars.js"
import { stickerEditMethods } from "./stickerEdits.js"
import { stickerSetMethods } from "./stickerSets.js"
import { storyMethods } from "./stories.js"
import { subscriptionLinkMethods } from "./subscriptionLinks.js"
import { suggestedPostMethods } from "./suggestedPosts.js"
import { topicIconMethods } from "./topicIcons.js"
import { updateMethods } from "./updates.js"
import { userMethods } from "./users.js"
import { verificationMethods } from "./verification.js"
import { videoMethods } from "./videos.js"
import { webAppMethods } from "./webApps.js"
import { webhookMethods } from "./webhooks.js"

const TABLES: ReadonlyArray<ReadonlyArray<Method>> = [
  updateMethods,
  webhookMethods,
  botMethods,
  messageMethods,
  documentMethods,
  fileMethods,
  callbackMethods,
  inlineQueryMethods,
  webAppMethods,
  chatMethods,
  memberMethods,
  inviteLinkMethods,
  subscriptionLinkMethods,
  joinRequestMethods,
  editMethods,
  deletionMethods,
  pollMethods,
  checklistMethods,
  forwardMethods,
  reactionMethods,
  pinMethods,
  forumTopicMethods,
  generalTopicMethods,
  restrictMethods,
  promoteMethods,
  chatSettingMethods,
  senderChatMethods,
  commandMethods,
  botInfoMethods,
  sessionMethods,
  userMethods,
  photoMethods,
  topicIconMethods,
  soundMethods,
  videoMethods,
  placeMethods,
  albumMethods,
  paidMediaMethods,
  chatActionMethods,
  mediaEditMethods,
  liveLocationMethods,
  chatPhotoMethods,
  stickerSetMethods,
  stickerEditMethods,
  gameMethods,
  businessMethods,
  businessProfileMethods,
  giftMethods,
  businessGiftMethods,
  storyMethods,
  verificationMethods,
  passportMethods,
  managedBotMethods,
  suggestedPostMethods,
  customRequestMethods,
  invoiceMethods,
  checkoutAnswerMethods,
  starMethods
]

/** Every method the mock serves, aliases included (an alias is its method under another name). */
export const METHODS: ReadonlyArray<Method> = (() => {
  const all = TABLES.flat()
  const byName = new Map(all.map((method) => [method.name, method]))
  for (const [alias, target] of Object.entries(BOT_API_ALIASES)) {
    const method = byName.get(target)
    if (method !== undefined) all.push({ ...method, name: alias })
  }
  return all
})()

const byLowerName = new Map(METHODS.map((method) => [method.name.toLowerCase(), method]))

/** The method a lower-cased name calls (method names are case-insensitive). */
export const methodByName = (method: string): Method | undefined => byLowerName.get(method)

/** The Bot API's spelling of a served method (`exportChatInviteLink`), from its lower-cased name. */
export const canonicalMethodName = (method: string): string | undefined => byLowerName.get(method)?.name

/** The Bot API methods the mock serves, as the Bot API spells them; every other method answers 404. */
export const SERVED_METHODS: ReadonlyArray<string> = METHODS.map((method) => method.name)
