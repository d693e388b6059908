/**
 * effect-telegram-invite-effect4: the Effect 4 edition of effect-telegram-invite, a Telegram Bot API client for
 * Effect (invite links), with typed flood-wait, migration and transient-failure policies.
 *
 * Every module here is also its own subpath (`effect-telegram-invite-effect4/BotApi`, …). Three modules are only
 * subpaths, because they need packages most programs do not: `effect-telegram-invite-effect4/redis`
 * (`@effect/platform-node`'s NodeRedis, over `redis`), `effect-telegram-invite-effect4/UndiciHttpClient` (undici) and
 * `effect-telegram-invite-effect4/MockHttpClient` (telegram-bot-api-mock).
 *
 * @since 0.2.0
 */

/** The client service and its one request path. */
export * as BotApi from "./BotApi.js"

/** The closed union of failures. */
export * as BotApiError from "./BotApiError.js"

/** Counters of requests, flood waits, migrations and transient retries. */
export * as BotApiMetrics from "./BotApiMetrics.js"

/** The `ChatFullInfo` object (getChat). */
export * as ChatFullInfo from "./ChatFullInfo.js"

/** Chat ids: safe integers and `@usernames`. */
export * as ChatId from "./ChatId.js"

/** The `ChatInviteLink` object. */
export * as ChatInviteLink from "./ChatInviteLink.js"

/** The registry of chat migrations. */
export * as ChatMigrations from "./ChatMigrations.js"

/** The shared flood gate. */
export * as FloodGate from "./FloodGate.js"

/** Flood-wait, gate, migration and transient-retry policies. */
export * as Policy from "./Policy.js"

/** What the policies tell the caller while they work. */
export * as PolicyEvent from "./PolicyEvent.js"

/** The `CallbackQuery` object: a pressed inline button. @since 0.3.0 */
export * as CallbackQuery from "./CallbackQuery.js"

/** The short `Chat` object of messages, members and join requests. @since 0.3.0 */
export * as Chat from "./Chat.js"

/** `ChatMember`, `ChatMemberUpdated` and `ChatJoinRequest`: members and joins. @since 0.3.0 */
export * as ChatMember from "./ChatMember.js"

/** The `Message` object, the parameters of sendMessage, inline keyboards. @since 0.3.0 */
export * as Message from "./Message.js"

/** The `Update` object as a tagged union (the kinds an invite-link bot handles; the rest raw). @since 0.3.0 */
export * as Update from "./Update.js"

/** A bot's updates as a `Stream`, by long polling. @since 0.3.0 */
export * as Updates from "./Updates.js"

/** The `User` object. @since 0.3.0 */
export * as User from "./User.js"
