/**
 * The same client over every HttpClient a user may pick, against the standalone mock server on loopback:
 * FetchHttpClient, NodeHttpClient over undici and over node:http, and this library's UndiciHttpClient (the recommended
 * one on Node, which BotApi sends through directly).
 * These run on real time (`it.live`): nothing here waits, the mock answers at once.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Duration, Effect, Layer, Redacted } from "effect"
import { inspect } from "node:util"
import { DEFAULT_BOT_TOKEN, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import * as BotApi from "../../src/BotApi.js"
import * as ChatId from "../../src/ChatId.js"
import * as Policy from "../../src/Policy.js"
import * as UndiciHttpClient from "../../src/UndiciHttpClient.js"
import { FetchHttpClient, type HttpClient, nodeHttpLayer, nodeUndiciLayer } from "../edition/http.js"
import { reasonName } from "../edition/transportReason.js"

let server: RunningMockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())

const SECRET = DEFAULT_BOT_TOKEN.split(":")[1]!
const LINK = /^https:\/\/t\.me\/\+[A-Za-z0-9_-]+$/

const transports: ReadonlyArray<[string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["FetchHttpClient", FetchHttpClient.layer],
  ["NodeHttpClient (undici)", nodeUndiciLayer],
  ["NodeHttpClient (node:http)", nodeHttpLayer],
  ["UndiciHttpClient (direct path)", UndiciHttpClient.layer]
]

for (const [name, transport] of transports) {
  describe(`over ${name}`, () => {
    const layer = () =>
      Layer.mergeAll(
        BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN), apiRoot: server.url }).pipe(Layer.provide(transport)),
        Policy.layerMemory
      )

    it.live("exports a link, and getChat shows it", () =>
      Effect.gen(function*() {
        server.mock.reset()
        const { chat, link } = yield* Effect.gen(function*() {
          const link = yield* BotApi.exportChatInviteLink(-1001234567890)
          const chat = yield* BotApi.getChat(-1001234567890)
          return { link, chat }
        }).pipe(Effect.provide(layer()))
        assert.match(link, LINK)
        assert.strictEqual(chat.invite_link, link)
      }))

    it.live("classifies a 429, a migration, an HTML 502 and a dropped connection, without the token", () =>
      Effect.gen(function*() {
        server.mock.reset()
        const mock = server.mock
        mock.injectFault({ method: "exportChatInviteLink", reply: { error_code: 429, retry_after: 7 } })
        mock.injectFault({ method: "getChat", reply: { html: 502 } })
        mock.injectFault({ method: "createChatInviteLink", reply: { drop: true } })
        const errors = yield* Effect.gen(function*() {
          const flood = yield* Effect.flip(BotApi.exportChatInviteLink(-1001234567890))
          const migrated = yield* Effect.flip(BotApi.exportChatInviteLink(-987654321))
          const html = yield* Effect.flip(BotApi.getChat(-1001234567890))
          const dropped = yield* Effect.flip(BotApi.createChatInviteLink(-1001234567890))
          return { flood, migrated, html, dropped }
        }).pipe(Effect.provide(layer()))
        assert.isTrue(
          errors.flood._tag === "FloodWaitError" && Duration.equals(errors.flood.retryAfter, Duration.seconds(7))
        )
        assert.strictEqual(
          errors.migrated._tag === "ChatMigratedError" && errors.migrated.migrateToChatId,
          -1009876543210
        )
        assert.deepStrictEqual(errors.html._tag === "TransportError" && [reasonName(errors.html), errors.html.status], [
          "NotJson",
          502
        ])
        assert.strictEqual(errors.dropped._tag === "TransportError" && reasonName(errors.dropped), "Network")
        for (const error of Object.values(errors)) {
          assert.notInclude(inspect(error, { depth: null, showHidden: true }), SECRET)
          assert.notInclude(error.message, SECRET)
        }
      }))

    it.live("the resilient export follows the migration", () =>
      Effect.gen(function*() {
        server.mock.reset()
        const result = yield* Policy.exportChatInviteLink(-987654321).pipe(Effect.provide(layer()))
        assert.strictEqual(result.chatId, ChatId.unsafeMake(-1009876543210))
        assert.strictEqual(result.migratedFrom, ChatId.unsafeMake(-987654321))
      }))
  })
}
