/**
 * telegram-bot-api-mock: a stateful, faithful offline imitation of the Telegram Bot API (invite links, admin rights,
 * migrations, flood control and faults; updates by long polling and webhooks, messages, people who join through the
 * links), in-process or as a local HTTP server. The MSW handlers live in
 * `telegram-bot-api-mock/msw` (they need the optional peer dependency `msw`).
 *
 * @module telegram-bot-api-mock
 */
export type { BusinessConnectInput, BusinessMessageInput, ManagedBotInput } from "./decode/accounts.js"
export type { PayInput, StarsInput } from "./decode/payments.js"
export type {
  DiceQueueInput,
  SendContactInput,
  SendDiceInput,
  SendFileInput,
  SendLocationInput
} from "./decode/peopleMedia.js"
export { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, DEFAULT_OWNER_ID, defaultWorld } from "./DefaultWorld.js"
export { defaultDefectMode, setDefaultDefectMode } from "./Defects.js"
export type { DefectMode } from "./Defects.js"
export type { AccountOperations } from "./facade/accounts.js"
export type { PaymentMethods } from "./facade/payments.js"
export { startMockServer } from "./HttpServer.js"
export type { MockServerOptions, RunningMockServer } from "./HttpServer.js"
export { manualClock, systemClock } from "./MockClock.js"
export type { ManualClock, MockClock } from "./MockClock.js"
export type { MockActionEvent, MockEvent, MockObserver, MockRequestEvent, MockUpdateEvent } from "./MockEvents.js"
export { MockInputError } from "./MockInputError.js"
export { MockTelegram, SERVED_METHODS } from "./MockTelegram.js"
export type { BotProfileData, JoinOutcome, MockTelegramOptions, WebhookOptions } from "./MockTelegram.js"
export type { CheckoutState, PayOutcome } from "./people/pay.js"
export { fetchDeliverer, handlerDeliverer, nodeDeliverer } from "./Webhooks.js"
export type { WebhookDeliverer, WebhookDelivery, WebhookReply } from "./Webhooks.js"
export { MAX_BODY_BYTES, MAX_HEADER_BYTES } from "./Wire.js"
export type { WireRequest, WireResponse } from "./Wire.js"
export type { ChatActionRecord } from "./world/mediaState.js"
export type { UpdateOptions } from "./world/World.js"
export { decodeWorld, defaultCaps } from "./WorldSnapshot.js"
export type {
  Bot,
  Chat,
  ChatInput,
  ChatPermissions,
  ChatType,
  DecodeWorldResult,
  Fault,
  FaultDelayReply,
  FaultDropReply,
  FaultErrorReply,
  FaultHtmlReply,
  FaultInput,
  FaultReply,
  FloodLimit,
  ForumTopic,
  GeneralForumTopic,
  InviteLink,
  InviteLinkInput,
  JoinRequest,
  JournalEntry,
  Member,
  MemberStatus,
  StoredFile,
  StoredFileType,
  User,
  UserInput,
  WorldCaps,
  WorldSnapshot,
  WorldSnapshotInput
} from "./WorldSnapshot.js"
export type {
  BusinessBotRights,
  BusinessConnection,
  Game,
  Gift,
  ManagedBot,
  MaskPosition,
  OwnedGift,
  SetSticker,
  StarBalance,
  StickerFormat,
  StickerSet,
  StickerType,
  Verification,
  WorldSnapshotTail
} from "./WorldSnapshotTail.js"
