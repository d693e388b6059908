/**
 * Proactive limits shared by every process of a bot (for example 30 calls/s per bot and 20/min per chat), built on
 * @effect/experimental's `RateLimiter`: a call waits for its turn before it is sent, instead of being sent and told
 * to wait by a 429. Optional: the flood gate alone already makes a fleet obey the server's 429s.
 *
 * The limits wrap the {@link BotApi} service ({@link layerLimits}, over any `RateLimiter`), and {@link layerStore}
 * is a `RateLimiterStore` over the bot's {@link RedisConnection} (keys `tg:<botId>:rate:bot` and
 * `tg:<botId>:rate:chat:<id>`). The store speaks the fixed-window contract of the library's own Redis store, but
 * runs on the shared connection, never needs the client's clock (the window is a key expiry; the token bucket reads
 * Redis's `TIME`), accepts refill rates that are not whole milliseconds (30/s is 33.3 ms per call), and falls back to
 * an in-process store (each process then limits itself alone) with one warning per outage when Redis fails.
 * Why not the library's `RateLimiter/Redis` store itself: it opens its own connection, which cannot be given an
 * error listener (ioredis then prints every failed reconnection to stderr), its `quit` on shutdown dies when Redis
 * is down, and a refill rate that is not a whole number of milliseconds makes every call fail (`PX 33.333`).
 *
 * @since 0.1.0
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { BotApi } from "../BotApi.js"
import * as ChatId from "../ChatId.js"
import { rateChatKey, rateKeyPrefix } from "../core/keys.js"
import { orFallback, type ScriptedRedis } from "./internal.js"
import { RedisConnection } from "./RedisConnection.js"

/**
 * At most `limit` calls per `window`.
 *
 * @since 0.1.0
 */
export interface Limit {
  readonly limit: number
  readonly window: Duration.DurationInput
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
 * A `RateLimiterStore` over the connection in context, falling back to an in-process store when Redis fails.
 *
 * @since 0.1.0
 */
export const makeStore: Effect.Effect<RateLimiter.RateLimiterStore["Type"], never, RedisConnection> = Effect.gen(
  function*() {
    const connection = yield* RedisConnection
    const client = connection.client as ScriptedRedis
    const memory = yield* Effect.provide(RateLimiter.RateLimiterStore, RateLimiter.layerStoreMemory)
    const keyOf = (key: string) => rateKeyPrefix(connection.prefix) + key
    return RateLimiter.RateLimiterStore.of({
      fixedWindow: (options) =>
        orFallback(
          connection,
          "count a rate limit",
          () =>
            client.tgFixedWindow(
              keyOf(options.key),
              options.tokens,
              Duration.toMillis(options.refillRate),
              options.limit === undefined ? "" : String(options.limit)
            ).then(([count, ttl]) => [Number(count), Number(ttl)] as const),
          Effect.orDie(memory.fixedWindow(options))
        ),
      tokenBucket: (options) =>
        orFallback(
          connection,
          "count a rate limit",
          () =>
            client.tgTokenBucket(
              keyOf(options.key),
              options.tokens,
              Duration.toMillis(options.refillRate),
              options.limit,
              options.allowOverflow ? "1" : "0"
            ).then(Number),
          Effect.orDie(memory.tokenBucket(options))
        )
    })
  }
)

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
          Effect.catchAll((error) => Effect.logWarning("RateLimit: the limiter failed; sending anyway", error.message))
        )

    const turn = (chatId: unknown): Effect.Effect<void> =>
      Effect.suspend(() => {
        const steps: Array<Effect.Effect<void>> = []
        if (perBot !== false) steps.push(take(perBot, "bot"))
        if (perChat !== false && chatId !== undefined) {
          const valid = ChatId.validate(chatId)
          if (Either.isRight(valid)) steps.push(take(perChat, rateChatKey(valid.right)))
        }
        return Effect.all(steps, { discard: true })
      })

    return BotApi.of({
      call: (method, params, result) => Effect.zipRight(turn(params.chat_id), api.call(method, params, result)),
      exportChatInviteLink: (chatId) => Effect.zipRight(turn(chatId), api.exportChatInviteLink(chatId)),
      createChatInviteLink: (chatId, options) =>
        Effect.zipRight(turn(chatId), api.createChatInviteLink(chatId, options)),
      editChatInviteLink: (chatId, inviteLink, options) =>
        Effect.zipRight(turn(chatId), api.editChatInviteLink(chatId, inviteLink, options)),
      revokeChatInviteLink: (chatId, inviteLink) =>
        Effect.zipRight(turn(chatId), api.revokeChatInviteLink(chatId, inviteLink)),
      getChat: (chatId) => Effect.zipRight(turn(chatId), api.getChat(chatId)),
      sendMessage: (chatId, text, options) => Effect.zipRight(turn(chatId), api.sendMessage(chatId, text, options)),
      answerCallbackQuery: (id, options) => Effect.zipRight(turn(undefined), api.answerCallbackQuery(id, options)),
      approveChatJoinRequest: (chatId, userId) =>
        Effect.zipRight(turn(chatId), api.approveChatJoinRequest(chatId, userId)),
      declineChatJoinRequest: (chatId, userId) =>
        Effect.zipRight(turn(chatId), api.declineChatJoinRequest(chatId, userId)),
      createChatSubscriptionInviteLink: (chatId, options) =>
        Effect.zipRight(turn(chatId), api.createChatSubscriptionInviteLink(chatId, options)),
      editChatSubscriptionInviteLink: (chatId, inviteLink, options) =>
        Effect.zipRight(turn(chatId), api.editChatSubscriptionInviteLink(chatId, inviteLink, options))
    })
  })

/**
 * Replaces the {@link BotApi} in context by one limited by `limits` ({@link withLimits}), over the `RateLimiter` in
 * context (any store: in memory for one process, {@link layerStore} for a fleet).
 *
 * @since 0.1.0
 */
export const layerLimits = (limits?: Limits): Layer.Layer<BotApi, never, BotApi | RateLimiter.RateLimiter> =>
  Layer.effect(BotApi, Effect.flatMap(BotApi, (api) => withLimits(api, limits)))

/**
 * The limits shared through Redis: {@link layerLimits} over a `RateLimiter` on {@link layerStore}.
 *
 * @since 0.1.0
 */
export const layer = (limits?: Limits): Layer.Layer<BotApi, never, BotApi | RedisConnection> =>
  layerLimits(limits).pipe(Layer.provide(RateLimiter.layer), Layer.provide(layerStore))
