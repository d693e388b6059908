/**
 * effect-telegram-invite: a Telegram Bot API client for Effect (invite links), with typed flood-wait, migration and
 * transient-failure policies.
 *
 * Every module here is also its own subpath (`effect-telegram-invite/BotApi`, …). Two modules are only subpaths,
 * because they need packages most programs do not: `effect-telegram-invite/redis` (ioredis, @effect/experimental) and
 * `effect-telegram-invite/MockHttpClient` (telegram-bot-api-mock).
 *
 * @since 0.1.0
 *
 * @module effect-telegram-invite
 */

/** The client service and its one request path. */
export * as BotApi from "./BotApi.js"

/** The closed union of failures. */
export * as BotApiError from "./BotApiError.js"

/** Counters of requests, flood waits, migrations and transient retries. */
export * as BotApiMetrics from "./BotApiMetrics.js"

/** The `CallbackQuery` object: a pressed inline button. @since 0.2.0 */
export * as CallbackQuery from "./CallbackQuery.js"

/** The short `Chat` object of messages, members and join requests. @since 0.2.0 */
export * as Chat from "./Chat.js"

/** The `ChatFullInfo` object (getChat). */
export * as ChatFullInfo from "./ChatFullInfo.js"

/** Chat ids: safe integers and `@usernames`. */
export * as ChatId from "./ChatId.js"

/** The `ChatInviteLink` object. */
export * as ChatInviteLink from "./ChatInviteLink.js"

/** `ChatMember`, `ChatMemberUpdated` and `ChatJoinRequest`: members and joins. @since 0.2.0 */
export * as ChatMember from "./ChatMember.js"

/** The registry of chat migrations. */
export * as ChatMigrations from "./ChatMigrations.js"

/** The `Message` object, the parameters of sendMessage, inline keyboards. @since 0.2.0 */
export * as Message from "./Message.js"

/** The shared flood gate. */
export * as FloodGate from "./FloodGate.js"

/** Flood-wait, gate, migration and transient-retry policies. */
export * as Policy from "./Policy.js"

/** What the policies tell the caller while they work. */
export * as PolicyEvent from "./PolicyEvent.js"

/** The `Update` object as a tagged union (the kinds an invite-link bot handles; the rest raw). @since 0.2.0 */
export * as Update from "./Update.js"

/** A bot's updates as a `Stream`, by long polling. @since 0.2.0 */
export * as Updates from "./Updates.js"

/** The `User` object. @since 0.2.0 */
export * as User from "./User.js"
