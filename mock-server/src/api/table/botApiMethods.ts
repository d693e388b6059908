/**
 * Every method the real Bot API server answers (Bot API 10.0): the 179 names of `methods_` in tdlib/telegram-bot-api's
 * Client.cpp at 01a3679c0bbf ("Update version to 10.0"), three of them old aliases, plus `close` and `logOut`, which
 * it answers before looking at the table. Grouped by family as telegram-wire-messages.md §M1 lists them. The mock's
 * own method tables are checked against this list (what it serves, what it still lacks).
 */

/** Where the list was read. */
export const BOT_API_SOURCE = {
  version: "10.0",
  repository: "tdlib/telegram-bot-api",
  commit: "01a3679c0bbf9bbba03d1d3e20f621fa4becddcc",
  file: "telegram-bot-api/Client.cpp (Client::init_methods, Client::on_cmd)"
} as const

/** A family of the Bot API, named as the mock's README and method tables name it. */
export type BotApiFamily =
  | "updates"
  | "profile"
  | "messages"
  | "media"
  | "polls"
  | "edits"
  | "reactions"
  | "pins"
  | "chatActions"
  | "files"
  | "users"
  | "administration"
  | "forumTopics"
  | "inline"
  | "payments"
  | "stickers"
  | "games"
  | "business"
  | "gifts"
  | "stories"
  | "verification"
  | "passport"
  | "managedBots"
  | "other"

/** The real server's methods by family, spelled as the Bot API documents them. */
export const BOT_API_METHODS: Readonly<Record<BotApiFamily, ReadonlyArray<string>>> = {
  updates: ["getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo", "close", "logOut"],
  profile: [
    "getMe",
    "getMyCommands",
    "setMyCommands",
    "deleteMyCommands",
    "getMyDefaultAdministratorRights",
    "setMyDefaultAdministratorRights",
    "getMyName",
    "setMyName",
    "getMyDescription",
    "setMyDescription",
    "getMyShortDescription",
    "setMyShortDescription",
    "setMyProfilePhoto",
    "removeMyProfilePhoto",
    "getChatMenuButton",
    "setChatMenuButton"
  ],
  messages: [
    "sendMessage",
    "forwardMessage",
    "forwardMessages",
    "copyMessage",
    "copyMessages",
    "sendMessageDraft",
    "sendChecklist",
    "deleteMessage",
    "deleteMessages"
  ],
  media: [
    "sendPhoto",
    "sendLivePhoto",
    "sendAudio",
    "sendDocument",
    "sendVideo",
    "sendAnimation",
    "sendVoice",
    "sendVideoNote",
    "sendSticker",
    "sendPaidMedia",
    "sendMediaGroup",
    "sendLocation",
    "sendVenue",
    "sendContact",
    "sendDice"
  ],
  polls: ["sendPoll", "stopPoll"],
  edits: [
    "editMessageText",
    "editMessageCaption",
    "editMessageMedia",
    "editMessageLiveLocation",
    "stopMessageLiveLocation",
    "editMessageChecklist",
    "editMessageReplyMarkup"
  ],
  reactions: ["setMessageReaction", "deleteMessageReaction", "deleteAllMessageReactions"],
  pins: ["pinChatMessage", "unpinChatMessage", "unpinAllChatMessages"],
  chatActions: ["sendChatAction"],
  files: ["getFile"],
  users: [
    "getUserProfilePhotos",
    "getUserProfileAudios",
    "getUserPersonalChatMessages",
    "setUserEmojiStatus",
    "getUserChatBoosts"
  ],
  administration: [
    "getChat",
    "setChatPhoto",
    "deleteChatPhoto",
    "setChatTitle",
    "setChatDescription",
    "setChatPermissions",
    "setChatStickerSet",
    "deleteChatStickerSet",
    "leaveChat",
    "getChatMember",
    "getChatAdministrators",
    "getChatMemberCount",
    "getChatMembersCount",
    "promoteChatMember",
    "setChatAdministratorCustomTitle",
    "setChatMemberTag",
    "banChatMember",
    "kickChatMember",
    "unbanChatMember",
    "restrictChatMember",
    "banChatSenderChat",
    "unbanChatSenderChat",
    "approveChatJoinRequest",
    "declineChatJoinRequest",
    "exportChatInviteLink",
    "createChatInviteLink",
    "editChatInviteLink",
    "revokeChatInviteLink",
    "createChatSubscriptionInviteLink",
    "editChatSubscriptionInviteLink",
    "approveSuggestedPost",
    "declineSuggestedPost"
  ],
  forumTopics: [
    "getForumTopicIconStickers",
    "createForumTopic",
    "editForumTopic",
    "closeForumTopic",
    "reopenForumTopic",
    "deleteForumTopic",
    "unpinAllForumTopicMessages",
    "editGeneralForumTopic",
    "closeGeneralForumTopic",
    "reopenGeneralForumTopic",
    "hideGeneralForumTopic",
    "unhideGeneralForumTopic",
    "unpinAllGeneralForumTopicMessages"
  ],
  inline: [
    "answerCallbackQuery",
    "answerInlineQuery",
    "answerWebAppQuery",
    "savePreparedInlineMessage",
    "savePreparedKeyboardButton",
    "answerGuestQuery"
  ],
  payments: [
    "sendInvoice",
    "createInvoiceLink",
    "answerShippingQuery",
    "answerPreCheckoutQuery",
    "getMyStarBalance",
    "getStarTransactions",
    "refundStarPayment",
    "editUserStarSubscription"
  ],
  stickers: [
    "getStickerSet",
    "getCustomEmojiStickers",
    "uploadStickerFile",
    "createNewStickerSet",
    "addStickerToSet",
    "replaceStickerInSet",
    "setStickerSetTitle",
    "setStickerSetThumbnail",
    "setStickerSetThumb",
    "setCustomEmojiStickerSetThumbnail",
    "deleteStickerSet",
    "setStickerPositionInSet",
    "deleteStickerFromSet",
    "setStickerEmojiList",
    "setStickerKeywords",
    "setStickerMaskPosition"
  ],
  games: ["sendGame", "setGameScore", "getGameHighScores"],
  business: [
    "getBusinessConnection",
    "readBusinessMessage",
    "deleteBusinessMessages",
    "setBusinessAccountName",
    "setBusinessAccountUsername",
    "setBusinessAccountBio",
    "setBusinessAccountProfilePhoto",
    "removeBusinessAccountProfilePhoto",
    "setBusinessAccountGiftSettings",
    "getBusinessAccountStarBalance",
    "transferBusinessAccountStars",
    "getBusinessAccountGifts"
  ],
  gifts: [
    "getAvailableGifts",
    "sendGift",
    "giftPremiumSubscription",
    "getUserGifts",
    "getChatGifts",
    "convertGiftToStars",
    "upgradeGift",
    "transferGift"
  ],
  stories: ["postStory", "repostStory", "editStory", "deleteStory"],
  verification: ["verifyUser", "verifyChat", "removeUserVerification", "removeChatVerification"],
  passport: ["setPassportDataErrors"],
  managedBots: [
    "getManagedBotToken",
    "replaceManagedBotToken",
    "getManagedBotAccessSettings",
    "setManagedBotAccessSettings"
  ],
  other: ["sendCustomRequest", "answerCustomQuery"]
}

/** The old names the real server still answers, and the method each one is. */
export const BOT_API_ALIASES: Readonly<Record<string, string>> = {
  kickChatMember: "banChatMember",
  getChatMembersCount: "getChatMemberCount",
  setStickerSetThumb: "setStickerSetThumbnail"
}

/** The family headings the README uses. */
export const FAMILY_TITLES: Readonly<Record<BotApiFamily, string>> = {
  updates: "updates",
  profile: "bot profile / commands",
  messages: "messages",
  media: "media",
  polls: "polls",
  edits: "edits",
  reactions: "reactions",
  pins: "pins",
  chatActions: "chat actions",
  files: "files",
  users: "users",
  administration: "chat administration",
  forumTopics: "forum topics",
  inline: "inline mode, callbacks, Web Apps",
  payments: "payments / Stars",
  stickers: "stickers",
  games: "games",
  business: "business",
  gifts: "gifts",
  stories: "stories",
  verification: "verification",
  passport: "passport",
  managedBots: "managed bots",
  other: "other"
}
