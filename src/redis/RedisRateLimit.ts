/**
 * Proactive limits shared by every process of a bot (for example 30 calls/s per bot and 20/min per chat), built on
 * Effect's `RateLimiter` (@effect/experimental's in the Effect 3 edition, `effect/persistence`'s in the Effect 4
 * edition): a call waits for its turn before it is sent, instead of being sent and told to wait by a 429. Optional:
 * the flood gate alone already makes a fleet obey the server's 429s.
 *
 * The limits wrap the {@link BotApi} service ({@link layerLimits}, over any `RateLimiter`), and {@link layerStore}
 * is a `RateLimiterStore` over the bot's {@link RedisConnection}, with the keys `tg:<botId>:rate:bot` and
 * `tg:<botId>:rate:chat:<id>` (the same in both editions), falling back to an in-process store (each process then
 * limits itself alone) with one warning per outage when Redis fails.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { BotApi } from "../BotApi.js"
import * as ChatId from "../ChatId.js"
import { rateChatKey } from "../core/keys.js"
import { catchAll } from "../edition/combinators.js"
import type { DurationInput } from "../edition/duration.js"
import { getSuccess } from "../edition/result.js"
import { withService } from "../edition/service.js"
import { makeStore, RateLimiter } from "./rateLimitStore.js"
import type { RedisConnection } from "./RedisConnection.js"

// The store is the edition's own (its RateLimiter's, over its Redis client).
export { makeStore } from "./rateLimitStore.js"

/**
 * At most `limit` calls per `window`.
 *
 * @since 0.1.0
 */
export interface Limit {
  readonly limit: number
  readonly window: DurationInput
}

/**
 * The limits applied to each call; `false` turns one off.
 *
 * @since 0.1.0
 */
export interface Limits {
  /** Calls of the whole bot (every process). Default 30 per second. */
  readonly perBot?: Limit | false | undefined
  /** Calls for one chat (every process). Default 20 per minute. */
  readonly perChat?: Limit | false | undefined
}

/**
 * The default limits: Telegram's documented broadcast limits, 30 calls/s per bot and 20/min per group.
 *
 * @since 0.1.0
 */
export const defaults: { readonly perBot: Limit; readonly perChat: Limit } = {
  perBot: { limit: 30, window: Duration.seconds(1) },
  perChat: { limit: 20, window: Duration.minutes(1) }
}

/**
 * {@link makeStore} as a layer.
 *
 * @since 0.1.0
 */
export const layerStore: Layer.Layer<RateLimiter.RateLimiterStore, never, RedisConnection> = Layer.effect(
  RateLimiter.RateLimiterStore,
  makeStore
)

/**
 * Wraps a {@link BotApi} service so that every request first waits for its turn under `limits` (the bot's, then the
 * chat's when the request names a valid chat). The limiter never fails a call: an error of the limiter is logged
 * and the request goes on.
 *
 * @since 0.1.0
 */
export const withLimits = (
  api: BotApi.Service,
  limits?: Limits
): Effect.Effect<BotApi.Service, never, RateLimiter.RateLimiter> =>
  Effect.gen(function*() {
    const limiter = yield* RateLimiter.RateLimiter
    const perBot = limits?.perBot === undefined ? defaults.perBot : limits.perBot
    const perChat = limits?.perChat === undefined ? defaults.perChat : limits.perChat

    const take = (limit: Limit, key: string): Effect.Effect<void> =>
      limiter.consume({ algorithm: "fixed-window", onExceeded: "delay", limit: limit.limit, window: limit.window, key })
        .pipe(
          Effect.flatMap(({ delay }) => Duration.isZero(delay) ? Effect.void : Effect.sleep(delay)),
          catchAll((error) => Effect.logWarning("RateLimit: the limiter failed; sending anyway", error.message))
        )

    const turn = (chatId: unknown): Effect.Effect<void> =>
      Effect.suspend(() => {
        const steps: Array<Effect.Effect<void>> = []
        if (perBot !== false) steps.push(take(perBot, "bot"))
        if (perChat !== false && chatId !== undefined) {
          const valid = getSuccess(ChatId.validate(chatId))
          if (Option.isSome(valid)) steps.push(take(perChat, rateChatKey(valid.value)))
        }
        return Effect.all(steps, { discard: true })
      })

    return BotApi.of({
      call: (method, params, result) => Effect.andThen(turn(params.chat_id), api.call(method, params, result)),
      exportChatInviteLink: (chatId) => Effect.andThen(turn(chatId), api.exportChatInviteLink(chatId)),
      createChatInviteLink: (chatId, options) =>
        Effect.andThen(turn(chatId), api.createChatInviteLink(chatId, options)),
      editChatInviteLink: (chatId, inviteLink, options) =>
        Effect.andThen(turn(chatId), api.editChatInviteLink(chatId, inviteLink, options)),
      revokeChatInviteLink: (chatId, inviteLink) =>
        Effect.andThen(turn(chatId), api.revokeChatInviteLink(chatId, inviteLink)),
      getChat: (chatId) => Effect.andThen(turn(chatId), api.getChat(chatId)),
      sendMessage: (chatId, text, options) => Effect.andThen(turn(chatId), api.sendMessage(chatId, text, options)),
      answerCallbackQuery: (id, options) => Effect.andThen(turn(undefined), api.answerCallbackQuery(id, options)),
      approveChatJoinRequest: (chatId, userId) =>
        Effect.andThen(turn(chatId), api.approveChatJoinRequest(chatId, userId)),
      declineChatJoinRequest: (chatId, userId) =>
        Effect.andThen(turn(chatId), api.declineChatJoinRequest(chatId, userId)),
      createChatSubscriptionInviteLink: (chatId, options) =>
        Effect.andThen(turn(chatId), api.createChatSubscriptionInviteLink(chatId, options)),
      editChatSubscriptionInviteLink: (chatId, inviteLink, options) =>
        Effect.andThen(turn(chatId), api.editChatSubscriptionInviteLink(chatId, inviteLink, options))
    })
  })

/**
 * Replaces the {@link BotApi} in context by one limited by `limits` ({@link withLimits}), over the `RateLimiter` in
 * context (any store: in memory for one process, {@link layerStore} for a fleet).
 *
 * @since 0.1.0
 */
export const layerLimits = (limits?: Limits): Layer.Layer<BotApi, never, BotApi | RateLimiter.RateLimiter> =>
  Layer.effect(BotApi, withService(BotApi, (api) => withLimits(api, limits)))

/**
 * The limits shared through Redis: {@link layerLimits} over a `RateLimiter` on {@link layerStore}.
 *
 * @since 0.1.0
 */
export const layer = (limits?: Limits): Layer.Layer<BotApi, never, BotApi | RedisConnection> =>
  layerLimits(limits).pipe(Layer.provide(RateLimiter.layer), Layer.provide(layerStore))
