/**
 * The public API's types, channel by channel: what each entry point succeeds with, how it fails (the closed
 * `BotApiError` union, nothing wider, nothing narrower than documented) and what it requires from the context. A
 * change that widens an error channel, drops a requirement or leaks an internal type fails `tsc --noEmit` (the first
 * half of `npm test`); at run time these are no-ops, kept as tests so the suite lists them.
 */
import type { RateLimiter } from "@effect/experimental"
import type { HttpClient } from "@effect/platform"
import type { ConfigError, Duration, Either, Layer, Redacted, Schedule, Scope, Stream } from "effect"
import { Effect, Schema } from "effect"
import { describe, expectTypeOf, it } from "vitest"
import {
  BotApi,
  BotApiError,
  type ChatFullInfo,
  ChatId,
  type ChatInviteLink,
  ChatMigrations,
  type FloodGate,
  Message,
  Policy,
  type PolicyEvent,
  type Update,
  Updates
} from "../../src/index.js"
import * as MockHttpClient from "../../src/MockHttpClient.js"
import { RedisConnection, RedisPolicy, RedisRateLimit } from "../../src/redis/index.js"
import * as UndiciHttpClient from "../../src/UndiciHttpClient.js"

type Success<T> = T extends Effect.Effect<infer A, infer _E, infer _R> ? A : never
type Failure<T> = T extends Effect.Effect<infer _A, infer E, infer _R> ? E : never
type Requires<T> = T extends Effect.Effect<infer _A, infer _E, infer R> ? R : never
type Provides<T> = T extends Layer.Layer<infer ROut, infer _E, infer _RIn> ? ROut : never
type LayerFailure<T> = T extends Layer.Layer<infer _ROut, infer E, infer _RIn> ? E : never
type LayerRequires<T> = T extends Layer.Layer<infer _ROut, infer _E, infer RIn> ? RIn : never

type Policies = FloodGate.FloodGate | ChatMigrations.ChatMigrations

describe("the error channel: one closed union", () => {
  it("BotApiError is exactly its five tagged errors, each with its documented fields", () => {
    expectTypeOf<BotApiError.BotApiError>().toEqualTypeOf<
      | BotApiError.InvalidChatIdError
      | BotApiError.FloodWaitError
      | BotApiError.ChatMigratedError
      | BotApiError.TelegramApiError
      | BotApiError.TransportError
    >()
    expectTypeOf<BotApiError.BotApiError["_tag"]>().toEqualTypeOf<
      "InvalidChatIdError" | "FloodWaitError" | "ChatMigratedError" | "TelegramApiError" | "TransportError"
    >()
    expectTypeOf<BotApiError.FloodWaitError["retryAfter"]>().toEqualTypeOf<Duration.Duration>()
    expectTypeOf<BotApiError.ChatMigratedError["migrateToChatId"]>().toEqualTypeOf<number>()
    expectTypeOf<BotApiError.TelegramApiError["errorCode"]>().toEqualTypeOf<number>()
    expectTypeOf<BotApiError.TransportError["reason"]>().toEqualTypeOf<
      "Network" | "Timeout" | "Encode" | "NotJson" | "NotEnvelope" | "UnexpectedResult"
    >()
    expectTypeOf<BotApiError.TransportError["status"]>().toEqualTypeOf<number | undefined>()
    // Errors are Errors (stack, message), so they can be thrown across a promise boundary and still be typed.
    expectTypeOf<BotApiError.TelegramApiError>().toMatchTypeOf<Error>()
  })

  it("catchTag on every tag leaves nothing in the error channel", () => {
    const _handled = Policy.exportChatInviteLink(-1001234567890).pipe(
      Effect.catchTags({
        InvalidChatIdError: () => Effect.succeed(null),
        FloodWaitError: (e) => Effect.succeed(e.retryAfter),
        ChatMigratedError: (e) => Effect.succeed(e.migrateToChatId),
        TelegramApiError: (e) => Effect.succeed(e.description),
        TransportError: (e) => Effect.succeed(e.reason)
      })
    )
    expectTypeOf<Failure<typeof _handled>>().toEqualTypeOf<never>()
  })

  it("the BotApiError schema decodes to the union (errors cross process boundaries typed)", () => {
    expectTypeOf<Schema.Schema.Type<typeof BotApiError.BotApiError>>().toEqualTypeOf<BotApiError.BotApiError>()
  })
})

describe("BotApi: one request, no policy", () => {
  it("the invite-link family succeeds with its Bot API object, fails with BotApiError, needs only BotApi", () => {
    const exported = BotApi.exportChatInviteLink(-1001234567890)
    expectTypeOf(exported).toEqualTypeOf<Effect.Effect<string, BotApiError.BotApiError, BotApi.BotApi>>()
    expectTypeOf(BotApi.getChat("@my_test_channel")).toEqualTypeOf<
      Effect.Effect<ChatFullInfo.ChatFullInfo, BotApiError.BotApiError, BotApi.BotApi>
    >()
    expectTypeOf(BotApi.createChatInviteLink(1, { name: "x" })).toEqualTypeOf<
      Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError.BotApiError, BotApi.BotApi>
    >()
    expectTypeOf(BotApi.editChatInviteLink(1, "https://t.me/+x")).toEqualTypeOf<
      Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError.BotApiError, BotApi.BotApi>
    >()
    expectTypeOf(BotApi.revokeChatInviteLink(1, "https://t.me/+x")).toEqualTypeOf<
      Effect.Effect<ChatInviteLink.ChatInviteLink, BotApiError.BotApiError, BotApi.BotApi>
    >()
  })

  it("call decodes with the schema given, whose own requirements are refused", () => {
    const _me = BotApi.call("getMe", {}, Schema.Struct({ id: Schema.Number, username: Schema.String }))
    expectTypeOf<Success<typeof _me>>().toEqualTypeOf<{ readonly id: number; readonly username: string }>()
    expectTypeOf<Failure<typeof _me>>().toEqualTypeOf<BotApiError.BotApiError>()
    expectTypeOf<Requires<typeof _me>>().toEqualTypeOf<BotApi.BotApi>()
    // A schema that needs a service cannot be passed: decoding happens inside the library, with nothing provided.
    expectTypeOf(BotApi.call).parameter(2).toEqualTypeOf<Schema.Schema<unknown, unknown, never>>()
  })

  it("the service's methods need nothing: a held service is a plain client", () => {
    expectTypeOf<ReturnType<BotApi.BotApi.Service["exportChatInviteLink"]>>().toEqualTypeOf<
      Effect.Effect<string, BotApiError.BotApiError>
    >()
    expectTypeOf<Requires<ReturnType<BotApi.BotApi.Service["getChat"]>>>().toEqualTypeOf<never>()
  })

  it("layers: the HttpClient is the caller's to give; layerConfig fails with ConfigError only", () => {
    const _layer = BotApi.layer({ token: null as unknown as Redacted.Redacted<string> })
    expectTypeOf<Provides<typeof _layer>>().toEqualTypeOf<BotApi.BotApi>()
    expectTypeOf<LayerFailure<typeof _layer>>().toEqualTypeOf<never>()
    expectTypeOf<LayerRequires<typeof _layer>>().toEqualTypeOf<HttpClient.HttpClient>()
    const _fromConfig = BotApi.layerConfig()
    expectTypeOf<LayerFailure<typeof _fromConfig>>().toEqualTypeOf<ConfigError.ConfigError>()
    expectTypeOf<LayerRequires<typeof _fromConfig>>().toEqualTypeOf<HttpClient.HttpClient>()
    expectTypeOf(BotApi.make).returns.toEqualTypeOf<
      Effect.Effect<BotApi.BotApi.Service, never, HttpClient.HttpClient>
    >()
  })

  it("per-call settings keep the effect's own channels, in both calling styles", () => {
    const effect = Effect.fail(new Error("x")) as Effect.Effect<number, Error, "R">
    expectTypeOf(BotApi.withRequestTimeout(effect, "2 seconds")).toEqualTypeOf<Effect.Effect<number, Error, "R">>()
    expectTypeOf(effect.pipe(BotApi.withRequestTimeout("2 seconds"))).toEqualTypeOf<
      Effect.Effect<number, Error, "R">
    >()
    expectTypeOf(effect.pipe(BotApi.withAttempt(2))).toEqualTypeOf<Effect.Effect<number, Error, "R">>()
  })
})

describe("Policy: the resilient calls", () => {
  it("exportChatInviteLink needs BotApi, the flood gate and the migration registry, and fails typed", () => {
    const _call = Policy.exportChatInviteLink("@my_test_channel", { maxAttempts: 3, maxFloodWait: "30 seconds" })
    expectTypeOf<Success<typeof _call>>().toEqualTypeOf<Policy.ExportedLink>()
    expectTypeOf<Failure<typeof _call>>().toEqualTypeOf<BotApiError.BotApiError>()
    expectTypeOf<Requires<typeof _call>>().toEqualTypeOf<BotApi.BotApi | Policies>()
    expectTypeOf<Policy.ExportedLink>().toEqualTypeOf<{
      readonly link: string
      readonly chatId: ChatId.ChatId
      readonly migratedFrom?: ChatId.ChatId
      readonly attempts: number
    }>()
  })

  it("resilient keeps the operation's success and requirements and adds only the policies' services", () => {
    const operation = (chatId: ChatId.ChatId) =>
      Effect.as(Effect.fail(new BotApiError.TelegramApiError({} as never)), { chatId }) as Effect.Effect<
        { chatId: ChatId.ChatId },
        BotApiError.BotApiError,
        "Operation"
      >
    const _wrapped = Policy.resilient("custom", operation)(42)
    expectTypeOf<Success<typeof _wrapped>>().toEqualTypeOf<Policy.Outcome<{ chatId: ChatId.ChatId }>>()
    expectTypeOf<Failure<typeof _wrapped>>().toEqualTypeOf<BotApiError.BotApiError>()
    expectTypeOf<Requires<typeof _wrapped>>().toEqualTypeOf<"Operation" | Policies>()
  })

  it("an operation failing with something else than BotApiError is refused", () => {
    expectTypeOf(Policy.resilient<number, never>).parameter(1).returns.toEqualTypeOf<
      Effect.Effect<number, BotApiError.BotApiError, never>
    >()
  })

  it("onEvent gets the three events, may not fail, and runs in the wait's Scope", () => {
    expectTypeOf<NonNullable<Policy.Options["onEvent"]>>().toEqualTypeOf<
      (event: PolicyEvent.PolicyEvent) => Effect.Effect<void, never, Scope.Scope>
    >()
    expectTypeOf<PolicyEvent.PolicyEvent["_tag"]>().toEqualTypeOf<"FloodWait" | "Migrated" | "TransientRetry">()
  })

  it("layerMemory provides both policy services and needs nothing", () => {
    expectTypeOf(Policy.layerMemory).toEqualTypeOf<Layer.Layer<Policies>>()
    expectTypeOf(Policy.floodWaitSchedule()).toEqualTypeOf<
      Schedule.Schedule<[BotApiError.BotApiError, number], BotApiError.BotApiError>
    >()
    expectTypeOf(ChatMigrations.resolve).returns.toEqualTypeOf<
      Effect.Effect<ReadonlyArray<ChatId.ChatId>, never, ChatMigrations.ChatMigrations>
    >()
  })
})

describe("ChatId: validated before anything is sent", () => {
  it("make fails with InvalidChatIdError only; validate is synchronous", () => {
    expectTypeOf(ChatId.make(1)).toEqualTypeOf<Effect.Effect<ChatId.ChatId, BotApiError.InvalidChatIdError>>()
    expectTypeOf(ChatId.validate).returns.toEqualTypeOf<Either.Either<ChatId.ChatId, BotApiError.InvalidChatIdError>>()
    // A ChatId is branded: a plain number is not one.
    expectTypeOf<number>().not.toMatchTypeOf<ChatId.ChatId>()
    expectTypeOf<ChatId.ChatId>().toMatchTypeOf<number | `@${string}`>()
  })
})

describe("transports and subpaths", () => {
  it("UndiciHttpClient and the mock's client are HttpClient layers that need nothing", () => {
    expectTypeOf(UndiciHttpClient.layer).toEqualTypeOf<Layer.Layer<HttpClient.HttpClient>>()
    expectTypeOf(MockHttpClient.layerMockHttpClient).returns.toEqualTypeOf<Layer.Layer<HttpClient.HttpClient>>()
  })

  it("redis: the shared policies need a RedisConnection; the config layer fails with ConfigError only", () => {
    expectTypeOf(RedisPolicy.layerShared).toEqualTypeOf<
      Layer.Layer<Policies, never, RedisConnection.RedisConnection>
    >()
    expectTypeOf(RedisPolicy.layerConfig()).toEqualTypeOf<Layer.Layer<Policies, ConfigError.ConfigError>>()
    expectTypeOf(RedisRateLimit.layer()).toEqualTypeOf<
      Layer.Layer<BotApi.BotApi, never, BotApi.BotApi | RedisConnection.RedisConnection>
    >()
    expectTypeOf(RedisRateLimit.layerLimits()).toEqualTypeOf<
      Layer.Layer<BotApi.BotApi, never, BotApi.BotApi | RateLimiter.RateLimiter>
    >()
  })
})

describe("a bot: methods and updates (0.3.0)", () => {
  it("the bot methods fail with BotApiError only and need only BotApi", () => {
    const _sent = BotApi.sendMessage(42, "hi", { parse_mode: "HTML", reply_markup: Message.inlineKeyboard() })
    expectTypeOf<Success<typeof _sent>>().toEqualTypeOf<Message.Message>()
    expectTypeOf<Failure<typeof _sent>>().toEqualTypeOf<BotApiError.BotApiError>()
    expectTypeOf<Requires<typeof _sent>>().toEqualTypeOf<BotApi.BotApi>()
    expectTypeOf(BotApi.approveChatJoinRequest(-1, 43)).toEqualTypeOf<
      Effect.Effect<void, BotApiError.BotApiError, BotApi.BotApi>
    >()
    expectTypeOf(Policy.sendMessage(42, "hi")).toEqualTypeOf<
      Effect.Effect<Policy.Outcome<Message.Message>, BotApiError.BotApiError, BotApi.BotApi | Policies>
    >()
  })

  it("Updates.stream: the Update union, BotApiError or the 409's own error, and BotApi", () => {
    expectTypeOf(Updates.stream()).toEqualTypeOf<
      Stream.Stream<Update.Update, BotApiError.BotApiError | Updates.UpdatesConflictError, BotApi.BotApi>
    >()
    expectTypeOf<Update.Update["_tag"]>().toEqualTypeOf<
      "message" | "edited_message" | "callback_query" | "my_chat_member" | "chat_member" | "chat_join_request" | "other"
    >()
  })
})
