/**
 * effect-telegram-invite/mock-server: a stateful, faithful mock of the Telegram Bot API's
 * invite-link methods, as a local HTTP server or in-process. The MSW handlers live in
 * `effect-telegram-invite/mock-server/msw` (they need the optional peer dependency `msw`).
 */
export { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, DEFAULT_OWNER_ID, defaultWorld } from "./DefaultWorld.js"
export { startMockServer } from "./HttpServer.js"
export type { MockServerOptions, RunningMockServer } from "./HttpServer.js"
export { manualClock, systemClock } from "./MockClock.js"
export type { ManualClock, MockClock } from "./MockClock.js"
export { MockInputError, MockTelegram, SERVED_METHODS } from "./MockTelegram.js"
export type { MockTelegramOptions } from "./MockTelegram.js"
export { MAX_BODY_BYTES, MAX_HEADER_BYTES } from "./Wire.js"
export type { WireRequest, WireResponse } from "./Wire.js"
export { defaultCaps } from "./World.js"
export type { JournalEntry, WorldCaps } from "./World.js"
export { decodeWorld, WorldSnapshot } from "./WorldSnapshot.js"
export type { FaultReply, FloodLimit, WorldSnapshotInput } from "./WorldSnapshot.js"
