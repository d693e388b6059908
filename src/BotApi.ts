/**
 * The Bot API client service: one request path (`call`) for every method, and the invite-link family and the methods
 * of an invite-link bot (messages, callback answers, join requests, subscription links) declared on top of it. It
 * needs an `HttpClient` from the caller (`FetchHttpClient.layer`, `NodeHttpClient.layerUndici`, …) and never
 * provides one itself.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { type BotApiError, InvalidChatIdError } from "./BotApiError.js"
import * as BotApiMetrics from "./BotApiMetrics.js"
import type * as CallbackQuery from "./CallbackQuery.js"
import * as ChatFullInfo from "./ChatFullInfo.js"
import type * as ChatId from "./ChatId.js"
import * as ChatInviteLink from "./ChatInviteLink.js"
import { validateChatId } from "./core/chatId.js"
import { makeScrubber } from "./core/scrub.js"
import * as EditionConfig from "./edition/config.js"
import * as EditionDuration from "./edition/duration.js"
import { attemptOf, isTracing, requestTimeoutOf, withFiber } from "./edition/fiber.js"
import { HttpClient } from "./edition/http.js"
import { type Counter, forMethod, incrementNow } from "./edition/metric.js"
import type { ResultSchema } from "./edition/schema.js"
import { Service, withService } from "./edition/service.js"
import { currentTimers } from "./edition/timers.js"
import { methodsOver } from "./internal/methodTable.js"
import { makeSender } from "./internal/request.js"
import * as Message from "./Message.js"

/**
 * The default API root.
 *
 * @since 0.1.0
 */
export const defaultApiRoot: string = "https://api.telegram.org"

/**
 * The default timeout of one request (connect, send, and read the whole answer).
 *
 * @since 0.1.0
 */
export const defaultRequestTimeout: Duration.Duration = Duration.seconds(10)

export { currentAttempt, currentRequestTimeout, withAttempt, withRequestTimeout } from "./edition/settings.js"

/**
 * The Bot API client.
 *
 * @since 0.1.0
 */
export class BotApi extends Service<BotApi, BotApi.Service>()("effect-telegram-invite/BotApi") {}

/**
 * @since 0.1.0
 */
export declare namespace BotApi {
  /**
   * Parameters of a method, sent as a JSON object. `chat_id`, when present, is validated first (a failure is an
   * `InvalidChatIdError` and nothing is sent) and normalised (`"-100123"` → `-100123`).
   *
   * @since 0.1.0
   */
  export interface Params {
    readonly chat_id?: ChatId.Input
    readonly [key: string]: unknown
  }

  /**
   * @since 0.1.0
   */
  export interface Service {
    /**
     * Sends one request (a JSON POST to `<apiRoot>/bot<token>/<method>`) and decodes `result` with `result`.
     * Exactly one request, no retry. Traced as `BotApi.<method>` (attributes: method, chat id, attempt).
     */
    readonly call: <A, I = any>(
      method: string,
      params: Params,
      result: ResultSchema<A, I>
    ) => Effect.Effect<A, BotApiError>
    /** Makes a new primary invite link for the bot (revoking its previous one) and returns it. */
    readonly exportChatInviteLink: (chatId: ChatId.Input) => Effect.Effect<string, BotApiError>
    /** Makes an additional invite link. */
    readonly createChatInviteLink: (
      chatId: ChatId.Input,
      options?: ChatInviteLink.Options
    ) => Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError>
    /** Edits a non-primary invite link made by the bot. */
    readonly editChatInviteLink: (
      chatId: ChatId.Input,
      inviteLink: string,
      options?: ChatInviteLink.Options
    ) => Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError>
    /** Revokes an invite link made by the bot. */
    readonly revokeChatInviteLink: (
      chatId: ChatId.Input,
      inviteLink: string
    ) => Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError>
    /** Reads a chat; its `invite_link` is the bot's current primary link, if any. */
    readonly getChat: (chatId: ChatId.Input) => Effect.Effect<ChatFullInfo.ChatFullInfo, BotApiError>
    /** Sends a text message (since 0.2.0); returns it as Telegram stored it. */
    readonly sendMessage: (
      chatId: ChatId.Input,
      text: string,
      options?: Message.SendMessageOptions
    ) => Effect.Effect<Message.Message, BotApiError>
    /** Answers a callback query, with an optional notification for the person (since 0.2.0). */
    readonly answerCallbackQuery: (
      id: string,
      options?: CallbackQuery.AnswerOptions
    ) => Effect.Effect<void, BotApiError>
    /** Lets a person who asked to join in (since 0.2.0). */
    readonly approveChatJoinRequest: (chatId: ChatId.Input, userId: number) => Effect.Effect<void, BotApiError>
    /** Turns down a person's request to join (since 0.2.0). */
    readonly declineChatJoinRequest: (chatId: ChatId.Input, userId: number) => Effect.Effect<void, BotApiError>
    /** Makes a paid subscription link to a channel (since 0.2.0). */
    readonly createChatSubscriptionInviteLink: (
      chatId: ChatId.Input,
      options: ChatInviteLink.SubscriptionOptions
    ) => Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError>
    /** Renames a subscription link made by the bot, its only editable setting (since 0.2.0). */
    readonly editChatSubscriptionInviteLink: (
      chatId: ChatId.Input,
      inviteLink: string,
      options?: { readonly name?: string }
    ) => Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError>
  }
}

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 */
export interface Options {
  /** The bot token; it stays redacted until the request URL is built and is scrubbed from every error. */
  readonly token: Redacted.Redacted<string>
  /** Defaults to {@link defaultApiRoot}; a trailing `/` is ignored. */
  readonly apiRoot?: string | undefined
  /** Timeout of one request; defaults to {@link defaultRequestTimeout}. */
  readonly requestTimeout?: EditionDuration.DurationInput | undefined
}

/**
 * Builds the service over the `HttpClient` in context. The client's own spans are turned off for these requests
 * (their attributes carry the URL, hence the token), and no trace headers are sent to Telegram.
 *
 * @since 0.1.0
 */
export const make = (options: Options): Effect.Effect<BotApi.Service, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const token = Redacted.value(options.token)
    const scrub = makeScrubber(token)
    const defaultTimeout = EditionDuration.decode(options.requestTimeout ?? defaultRequestTimeout)
    // One counter per method, built once: labelling it per call would build a new metric key each time.
    const requestCounters = new Map<string, Counter>()
    const requestCounter = (method: string): Counter => {
      let counter = requestCounters.get(method)
      if (counter === undefined) {
        counter = forMethod(BotApiMetrics.requests, method)
        requestCounters.set(method, counter)
      }
      return counter
    }

    const send = makeSender({
      client: yield* HttpClient.HttpClient,
      timers: yield* currentTimers,
      token,
      apiRoot: (options.apiRoot ?? defaultApiRoot).replace(/\/+$/, ""),
      scrub,
      countRequest: (method, fiber) => incrementNow(requestCounter(method), fiber)
    })

    const call = <A, I>(
      method: string,
      params: BotApi.Params,
      resultSchema: ResultSchema<A, I>
    ): Effect.Effect<A, BotApiError> =>
      withFiber((fiber) => {
        // The settings are read synchronously, and the span (when there is one) gets its attributes when it is made.
        const fiberTimeout = requestTimeoutOf(fiber)
        const timeout = Option.isSome(fiberTimeout) ? fiberTimeout.value : defaultTimeout
        let chatId: ChatId.ChatId | undefined
        let effect: Effect.Effect<A, BotApiError>
        if ("chat_id" in params) {
          const validated = validateChatId(params.chat_id)
          if (!validated.ok) {
            effect = Effect.fail(new InvalidChatIdError({ input: scrub(validated.input), reason: validated.reason }))
          } else {
            chatId = validated.chatId as ChatId.ChatId
            // Normalised ("-100123" → -100123): sent as the number.
            const sent = chatId === params.chat_id ? params : { ...params, chat_id: chatId }
            effect = send(fiber, method, chatId, sent, resultSchema, timeout)
          }
        } else {
          effect = send(fiber, method, undefined, params, resultSchema, timeout)
        }
        if (!isTracing(fiber)) return effect
        const attributes: Record<string, unknown> = { "telegram.method": method, "telegram.attempt": attemptOf(fiber) }
        if (chatId !== undefined) attributes["telegram.chat_id"] = String(chatId)
        return Effect.withSpan(effect, `BotApi.${method}`, { kind: "client", attributes, captureStackTrace: false })
      })

    return fromCall(call)
  })

/**
 * The whole service from its one request path: every method of {@link BotApi.Service} is `call` with its
 * parameters and result schema. For wrappers (rate limits, logging, a test double) that only need to change `call`.
 *
 * @since 0.2.0
 */
export const fromCall = (call: BotApi.Service["call"]): BotApi.Service => BotApi.of({ call, ...methodsOver(call) })

/**
 * The service as a layer.
 *
 * @since 0.1.0
 */
export const layer = (options: Options): Layer.Layer<BotApi, never, HttpClient.HttpClient> =>
  Layer.effect(BotApi, make(options))

/**
 * The service configured from `TELEGRAM_BOT_TOKEN` (redacted) and `TELEGRAM_API_ROOT`
 * (default {@link defaultApiRoot}); each can be replaced by another `Config`.
 *
 * @since 0.1.0
 */
export const layerConfig = (
  options?: {
    readonly token?: Config.Config<Redacted.Redacted<string>> | undefined
    readonly apiRoot?: Config.Config<string> | undefined
    readonly requestTimeout?: Config.Config<Duration.Duration> | undefined
  }
): Layer.Layer<BotApi, EditionConfig.ConfigError, HttpClient.HttpClient> =>
  Layer.effect(
    BotApi,
    Effect.gen(function*() {
      const token = yield* (options?.token ?? EditionConfig.redacted("TELEGRAM_BOT_TOKEN"))
      const apiRoot = yield* (options?.apiRoot ?? EditionConfig.string("TELEGRAM_API_ROOT").pipe(
        Config.withDefault(defaultApiRoot)
      ))
      const requestTimeout = options?.requestTimeout === undefined ? undefined : yield* options.requestTimeout
      return yield* make({ token, apiRoot, requestTimeout })
    })
  )

/**
 * Sends one request through the service in context; see {@link BotApi.Service.call}.
 *
 * @since 0.1.0
 */
export const call = <A, I = any>(
  method: string,
  params: BotApi.Params,
  result: ResultSchema<A, I>
): Effect.Effect<A, BotApiError, BotApi> => withService(BotApi, (api) => api.call(method, params, result))

/**
 * exportChatInviteLink: exactly one request, no policy (see `Policy.exportChatInviteLink` for the resilient one).
 *
 * @since 0.1.0
 */
export const exportChatInviteLink = (chatId: ChatId.Input): Effect.Effect<string, BotApiError, BotApi> =>
  withService(BotApi, (api) => api.exportChatInviteLink(chatId))

/**
 * createChatInviteLink through the service in context.
 *
 * @since 0.1.0
 */
export const createChatInviteLink = (
  chatId: ChatId.Input,
  options?: ChatInviteLink.Options
): Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError, BotApi> =>
  withService(BotApi, (api) => api.createChatInviteLink(chatId, options))

/**
 * editChatInviteLink through the service in context.
 *
 * @since 0.1.0
 */
export const editChatInviteLink = (
  chatId: ChatId.Input,
  inviteLink: string,
  options?: ChatInviteLink.Options
): Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError, BotApi> =>
  withService(BotApi, (api) => api.editChatInviteLink(chatId, inviteLink, options))

/**
 * revokeChatInviteLink through the service in context.
 *
 * @since 0.1.0
 */
export const revokeChatInviteLink = (
  chatId: ChatId.Input,
  inviteLink: string
): Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError, BotApi> =>
  withService(BotApi, (api) => api.revokeChatInviteLink(chatId, inviteLink))

/**
 * getChat through the service in context.
 *
 * @since 0.1.0
 */
export const getChat = (chatId: ChatId.Input): Effect.Effect<ChatFullInfo.ChatFullInfo, BotApiError, BotApi> =>
  withService(BotApi, (api) => api.getChat(chatId))

/**
 * sendMessage through the service in context (one request, no policy; see `Policy.sendMessage`).
 *
 * @since 0.2.0
 */
export const sendMessage = (
  chatId: ChatId.Input,
  text: string,
  options?: Message.SendMessageOptions
): Effect.Effect<Message.Message, BotApiError, BotApi> =>
  withService(BotApi, (api) => api.sendMessage(chatId, text, options))

/**
 * answerCallbackQuery through the service in context.
 *
 * @since 0.2.0
 */
export const answerCallbackQuery = (
  id: string,
  options?: CallbackQuery.AnswerOptions
): Effect.Effect<void, BotApiError, BotApi> => withService(BotApi, (api) => api.answerCallbackQuery(id, options))

/**
 * approveChatJoinRequest through the service in context.
 *
 * @since 0.2.0
 */
export const approveChatJoinRequest = (
  chatId: ChatId.Input,
  userId: number
): Effect.Effect<void, BotApiError, BotApi> => withService(BotApi, (api) => api.approveChatJoinRequest(chatId, userId))

/**
 * declineChatJoinRequest through the service in context.
 *
 * @since 0.2.0
 */
export const declineChatJoinRequest = (
  chatId: ChatId.Input,
  userId: number
): Effect.Effect<void, BotApiError, BotApi> => withService(BotApi, (api) => api.declineChatJoinRequest(chatId, userId))

/**
 * createChatSubscriptionInviteLink through the service in context.
 *
 * @since 0.2.0
 */
export const createChatSubscriptionInviteLink = (
  chatId: ChatId.Input,
  options: ChatInviteLink.SubscriptionOptions
): Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError, BotApi> =>
  withService(BotApi, (api) => api.createChatSubscriptionInviteLink(chatId, options))

/**
 * editChatSubscriptionInviteLink through the service in context.
 *
 * @since 0.2.0
 */
export const editChatSubscriptionInviteLink = (
  chatId: ChatId.Input,
  inviteLink: string,
  options?: { readonly name?: string }
): Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError, BotApi> =>
  withService(BotApi, (api) => api.editChatSubscriptionInviteLink(chatId, inviteLink, options))
