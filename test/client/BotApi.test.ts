import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber, Layer, Option, Redacted, Ref } from "effect"
import { inspect } from "node:util"
import * as BotApi from "../../src/BotApi.js"
import type { BotApiError } from "../../src/BotApiError.js"
import { configLayer } from "../edition/config.js"
import { fork, poll } from "../edition/fiber.js"
import { HttpClient } from "../edition/http.js"
import { TestClock } from "../edition/testClock.js"
import { reasonName } from "../edition/transportReason.js"
import {
  failure,
  flood,
  hang,
  html502,
  layerFor,
  link,
  makeFake,
  makeRecordingTracer,
  makeScripted,
  migrated,
  networkFailure,
  ok,
  type Reply,
  SECRET,
  TOKEN
} from "./support.js"

/** Runs `exportChatInviteLink` once against a fake answering `reply`; returns the error and the request count. */
const exportFailure = (reply: Reply) =>
  Effect.gen(function*() {
    const { client, sent } = yield* makeScripted([reply])
    const error = yield* BotApi.exportChatInviteLink(-1001234567890).pipe(
      Effect.flip,
      Effect.provide(layerFor(client))
    )
    return { error, requests: (yield* Ref.get(sent)).length }
  })

describe("BotApi: the request", () => {
  it.effect("exportChatInviteLink sends one JSON POST to /bot<token>/exportChatInviteLink and returns the link", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      const result = yield* BotApi.exportChatInviteLink(-1001234567890).pipe(Effect.provide(layerFor(client)))
      assert.strictEqual(result, link(1))
      const requests = yield* Ref.get(sent)
      assert.strictEqual(requests.length, 1)
      assert.strictEqual(requests[0]!.url, `https://api.telegram.org/bot${TOKEN}/exportChatInviteLink`)
      assert.strictEqual(requests[0]!.httpMethod, "POST")
      assert.strictEqual(requests[0]!.contentType, "application/json")
      assert.deepStrictEqual(requests[0]!.params, { chat_id: -1001234567890 })
    }))

  it.effect("a decimal string chat id is sent as a number; an @username as is; apiRoot's trailing / is ignored", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      const layer = layerFor(client, { apiRoot: "http://localhost:8081/" })
      yield* BotApi.exportChatInviteLink("-1001234567890").pipe(Effect.provide(layer))
      yield* BotApi.exportChatInviteLink("@my_test_channel").pipe(Effect.provide(layer))
      const requests = yield* Ref.get(sent)
      assert.deepStrictEqual(requests.map((r) => r.params), [
        { chat_id: -1001234567890 },
        { chat_id: "@my_test_channel" }
      ])
      assert.strictEqual(requests[0]!.url, `http://localhost:8081/bot${TOKEN}/exportChatInviteLink`)
    }))

  it.effect("an invalid chat id fails with InvalidChatIdError before any request", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      for (const bad of ["@a__b", "@1abc", "@abc_", "my_channel", "1.5", 1.5, 2 ** 53, 0, "@", ""]) {
        const error = yield* BotApi.exportChatInviteLink(bad).pipe(Effect.flip, Effect.provide(layerFor(client)))
        assert.strictEqual(error._tag, "InvalidChatIdError", String(bad))
      }
      assert.strictEqual((yield* Ref.get(sent)).length, 0)
    }))

  it.effect("an API root that is not a URL fails with TransportError Encode, nothing sent", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      const error = yield* BotApi.exportChatInviteLink(1).pipe(
        Effect.flip,
        Effect.provide(layerFor(client, { apiRoot: "not a url" }))
      )
      assert.deepStrictEqual(error._tag === "TransportError" && [reasonName(error), error.status], [
        "Encode",
        undefined
      ])
      assert.notInclude(error.message, SECRET)
      assert.strictEqual((yield* Ref.get(sent)).length, 0)
    }))

  it.effect("the invite-link family: create, edit, revoke decode a ChatInviteLink; getChat its invite_link", () =>
    Effect.gen(function*() {
      const inviteLink = {
        invite_link: link(2),
        creator: { id: 123456, is_bot: true, first_name: "Bot", username: "test_bot" },
        creates_join_request: false,
        is_primary: false,
        is_revoked: false,
        name: "promo",
        member_limit: 10
      }
      const { client, sent } = yield* makeFake((request) =>
        Effect.succeed(
          request.method === "getChat"
            ? ok({ id: -1001234567890, type: "supergroup", title: "Test", invite_link: link(1), extra: 1 })
            : request.method === "revokeChatInviteLink"
            ? ok({ ...inviteLink, is_revoked: true })
            : ok(inviteLink)
        )
      )
      const layer = layerFor(client)
      const created = yield* BotApi.createChatInviteLink(-1001234567890, { name: "promo", member_limit: 10 }).pipe(
        Effect.provide(layer)
      )
      assert.deepStrictEqual(created, inviteLink)
      const edited = yield* BotApi.editChatInviteLink(-1001234567890, link(2), { name: "promo2" }).pipe(
        Effect.provide(layer)
      )
      assert.strictEqual(edited.invite_link, link(2))
      const revoked = yield* BotApi.revokeChatInviteLink(-1001234567890, link(2)).pipe(Effect.provide(layer))
      assert.isTrue(revoked.is_revoked)
      const chat = yield* BotApi.getChat(-1001234567890).pipe(Effect.provide(layer))
      assert.strictEqual(chat.invite_link, link(1))
      assert.deepStrictEqual((yield* Ref.get(sent)).map((r) => [r.method, r.params]), [
        ["createChatInviteLink", { name: "promo", member_limit: 10, chat_id: -1001234567890 }],
        ["editChatInviteLink", { name: "promo2", chat_id: -1001234567890, invite_link: link(2) }],
        ["revokeChatInviteLink", { chat_id: -1001234567890, invite_link: link(2) }],
        ["getChat", { chat_id: -1001234567890 }]
      ])
    }))

  it.effect("call is the one generic path: any method, any params, any result schema", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok({ id: 123456, is_bot: true, first_name: "Bot" })])
      const { User } = yield* Effect.promise(() => import("../../src/ChatInviteLink.js"))
      const me = yield* BotApi.call("getMe", {}, User).pipe(Effect.provide(layerFor(client)))
      assert.strictEqual(me.id, 123456)
      assert.deepStrictEqual((yield* Ref.get(sent))[0]!.params, {})
    }))

  it.effect("exportChatInviteLink alone sends exactly one request, even on 429 or 500 (no policy)", () =>
    Effect.gen(function*() {
      for (const reply of [flood(1), failure(500, "Internal Server Error: restart"), networkFailure]) {
        const { requests } = yield* exportFailure(reply)
        assert.strictEqual(requests, 1)
      }
    }))
})

describe("BotApi: classification of answers (parameters and error_code, never the text)", () => {
  it.effect("retry_after → FloodWaitError with the exact Duration", () =>
    Effect.gen(function*() {
      const { error } = yield* exportFailure(flood(7))
      assert.strictEqual(error._tag, "FloodWaitError")
      if (error._tag !== "FloodWaitError") return
      assert.isTrue(Duration.equals(error.retryAfter, Duration.seconds(7)))
      assert.strictEqual(error.method, "exportChatInviteLink")
      assert.strictEqual(error.chatId, -1001234567890)
      assert.strictEqual(error.description, "Too Many Requests: retry after 7")
    }))

  it.effect("migrate_to_chat_id → ChatMigratedError with the new id", () =>
    Effect.gen(function*() {
      const { error } = yield* exportFailure(migrated(-1009876543210))
      assert.strictEqual(error._tag, "ChatMigratedError")
      if (error._tag !== "ChatMigratedError") return
      assert.strictEqual(error.migrateToChatId, -1009876543210)
      assert.strictEqual(error.chatId, -1001234567890)
    }))

  it.effect("retry_after is read before migrate_to_chat_id when both are present", () =>
    Effect.gen(function*() {
      const { error } = yield* exportFailure(
        failure(429, "Too Many Requests: retry after 3", { retry_after: 3, migrate_to_chat_id: -1009876543210 })
      )
      assert.strictEqual(error._tag, "FloodWaitError")
    }))

  it.effect("any other ok:false → TelegramApiError keeping error_code, description and parameters", () =>
    Effect.gen(function*() {
      const { error } = yield* exportFailure(failure(403, "Forbidden: bot was kicked from the supergroup chat"))
      assert.deepStrictEqual(
        error._tag === "TelegramApiError" && [error.errorCode, error.description, error.parameters],
        [403, "Forbidden: bot was kicked from the supergroup chat", undefined]
      )
    }))

  it.effect("descriptions that read like a flood wait or a migration, without parameters, are TelegramApiError", () =>
    Effect.gen(function*() {
      for (
        const reply of [
          failure(429, "Too Many Requests: retry after 5"),
          failure(400, "Bad Request: group chat was upgraded to a supergroup chat")
        ]
      ) {
        const { error } = yield* exportFailure(reply)
        assert.strictEqual(error._tag, "TelegramApiError")
      }
    }))

  it.effect("retry_after 0, negative or not a number → TelegramApiError with the parameters as sent", () =>
    Effect.gen(function*() {
      for (const retryAfter of [0, -5, "7", null, true, { s: 1 }]) {
        const { error } = yield* exportFailure(failure(429, "Too Many Requests", { retry_after: retryAfter }))
        assert.strictEqual(error._tag, "TelegramApiError", JSON.stringify(retryAfter))
        if (error._tag !== "TelegramApiError") return
        assert.strictEqual(error.errorCode, 429)
        assert.deepStrictEqual(error.parameters, { retry_after: retryAfter })
      }
    }))

  it.effect("migrate_to_chat_id that is not a safe integer → TelegramApiError", () =>
    Effect.gen(function*() {
      for (const to of ["-100987", 1.5, 0, 2 ** 60]) {
        const { error } = yield* exportFailure(failure(400, "Bad Request: upgraded", { migrate_to_chat_id: to }))
        assert.strictEqual(error._tag, "TelegramApiError", JSON.stringify(to))
      }
    }))

  const transportCases: ReadonlyArray<[string, Reply, BotApiError["_tag"], string, number | undefined]> = [
    ["ok:true without result", { _tag: "Json", status: 200, body: { ok: true } }, "TransportError", "NotEnvelope", 200],
    ["result of the wrong type", ok(42), "TransportError", "UnexpectedResult", 200],
    ["result null", ok(null), "TransportError", "UnexpectedResult", 200],
    ["HTML 502 from a proxy", html502, "TransportError", "NotJson", 502],
    [
      "empty body",
      { _tag: "Text", status: 504, body: "", contentType: "text/plain" },
      "TransportError",
      "NotJson",
      504
    ],
    [
      "JSON that is not an envelope",
      { _tag: "Json", status: 200, body: { foo: 1 } },
      "TransportError",
      "NotEnvelope",
      200
    ],
    ["JSON array", { _tag: "Json", status: 200, body: [1, 2] }, "TransportError", "NotEnvelope", 200],
    [
      "ok:false without error_code",
      { _tag: "Json", status: 400, body: { ok: false, description: "x" } },
      "TransportError",
      "NotEnvelope",
      400
    ],
    [
      "ok as a string",
      { _tag: "Json", status: 200, body: { ok: "true", result: "x" } },
      "TransportError",
      "NotEnvelope",
      200
    ],
    ["network failure (RequestError)", networkFailure, "TransportError", "Network", undefined],
    ["body that breaks while read (ResponseError)", { _tag: "BrokenBody" }, "TransportError", "Network", 200]
  ]
  for (const [name, reply, tag, reason, status] of transportCases) {
    it.effect(`${name} → ${tag} ${reason}`, () =>
      Effect.gen(function*() {
        const { error, requests } = yield* exportFailure(reply)
        assert.strictEqual(requests, 1)
        assert.strictEqual(error._tag, tag)
        if (error._tag !== "TransportError") return
        assert.strictEqual(reasonName(error), reason)
        assert.strictEqual(error.status, status)
        assert.strictEqual(error.method, "exportChatInviteLink")
      }))
  }

  it.effect("a request with no answer times out after exactly the request timeout (TestClock)", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([hang])
      const fiber = yield* BotApi.exportChatInviteLink(-1001234567890).pipe(
        Effect.provide(layerFor(client, { requestTimeout: "3 seconds" })),
        fork
      )
      yield* TestClock.adjust("2999 millis")
      assert.isTrue(Option.isNone(yield* poll(fiber)))
      yield* TestClock.adjust("1 millis")
      const exit = yield* Fiber.await(fiber)
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(exit)
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Timeout")
    }))

  it.effect("the default request timeout is 10 s", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([hang])
      const fiber = yield* BotApi.exportChatInviteLink(-1001234567890).pipe(
        Effect.provide(layerFor(client)),
        fork
      )
      yield* TestClock.adjust("9999 millis")
      assert.isTrue(Option.isNone(yield* poll(fiber)))
      yield* TestClock.adjust("1 millis")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Timeout")
    }))
})

describe("BotApi: layers and tracing", () => {
  it.effect("layerConfig reads TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      const layer = BotApi.layerConfig().pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, client)),
        Layer.provide(configLayer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9999" }))
      )
      yield* BotApi.exportChatInviteLink(-1001234567890).pipe(Effect.provide(layer))
      assert.strictEqual((yield* Ref.get(sent))[0]!.url, `http://127.0.0.1:9999/bot${TOKEN}/exportChatInviteLink`)
    }))

  it.effect("layerConfig defaults the API root and fails with a ConfigError without a token (token not shown)", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok(link(1))])
      const withToken = BotApi.layerConfig().pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, client)),
        Layer.provide(configLayer({ TELEGRAM_BOT_TOKEN: TOKEN }))
      )
      yield* BotApi.exportChatInviteLink(-1001234567890).pipe(Effect.provide(withToken))
      assert.strictEqual((yield* Ref.get(sent))[0]!.url, `https://api.telegram.org/bot${TOKEN}/exportChatInviteLink`)
      const withoutToken = BotApi.layerConfig().pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, client)),
        Layer.provide(configLayer({}))
      )
      const exit = yield* Effect.exit(BotApi.exportChatInviteLink(1).pipe(Effect.provide(withoutToken)))
      assert.isTrue(Exit.isFailure(exit))
    }))

  it.effect("the service object does not show the token", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([ok(link(1))])
      const api = yield* Effect.provide(
        Effect.gen(function*() {
          return yield* BotApi.BotApi
        }),
        layerFor(client)
      )
      assert.isFalse(inspect(api, { depth: null, showHidden: true }).includes(SECRET))
      assert.isFalse(String(Redacted.make(TOKEN)).includes(SECRET))
    }))

  it.effect("one span per call named after the method, with chat id and attempt; no HTTP client span", () =>
    Effect.gen(function*() {
      const { tracer, spans } = makeRecordingTracer()
      const { client } = yield* makeScripted([ok(link(1))])
      yield* BotApi.exportChatInviteLink(-1001234567890).pipe(
        Effect.provide(layerFor(client)),
        Effect.withTracer(tracer)
      )
      assert.deepStrictEqual(spans.map((s) => s.name), ["BotApi.exportChatInviteLink"])
      const span = spans[0]!
      assert.strictEqual(span.kind, "client")
      assert.strictEqual(span.attributes.get("telegram.chat_id"), "-1001234567890")
      assert.strictEqual(span.attributes.get("telegram.attempt"), 1)
      assert.strictEqual(span.attributes.get("telegram.method"), "exportChatInviteLink")
      assert.isFalse([...span.attributes.values()].some((v) => String(v).includes(SECRET)))
    }))
})
