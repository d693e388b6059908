/**
 * The lean transport: an ordinary HttpClient, and a direct path for BotApi whose timeouts run on Effect's Clock
 * (one timer for every request, driven here by the TestClock) and which aborts what it gives up on.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Layer, Option, Redacted } from "effect"
import { DEFAULT_BOT_TOKEN, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import * as BotApi from "../../src/BotApi.js"
import type { DurationInput } from "../../src/edition/duration.js"
import { currentTimers } from "../../src/edition/timers.js"
import { makeDeadlines } from "../../src/internal/deadlines.js"
import { DirectTransportTypeId, type PostCallback } from "../../src/internal/directTransport.js"
import * as UndiciHttpClient from "../../src/UndiciHttpClient.js"
import { isInterruptedExit } from "../edition/cause.js"
import { fork, poll } from "../edition/fiber.js"
import { HttpClient, HttpClientRequest } from "../edition/http.js"
import { TestClock } from "../edition/testClock.js"
import { reasonName } from "../edition/transportReason.js"

let server: RunningMockServer
beforeAll(async () => {
  server = await startMockServer()
})
afterAll(() => server.close())

const CHAT = -1001234567890
const LINK = /^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/

/** A direct transport that never answers by itself: the test answers (or not) and sees what was aborted. */
const makeManualTransport = () => {
  const pending: Array<{ path: string; callback: PostCallback; aborted: boolean }> = []
  const client = Object.assign(HttpClient.make(() => Effect.never), {
    [DirectTransportTypeId]: {
      postJson: (_origin: string, path: string, _body: string, callback: PostCallback) => {
        const request = { path, callback, aborted: false }
        pending.push(request)
        return () => void (request.aborted = true)
      }
    }
  })
  return { client, pending }
}

const botApiOver = (client: HttpClient.HttpClient, requestTimeout?: DurationInput) =>
  BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN), apiRoot: "http://127.0.0.1:9", requestTimeout }).pipe(
    Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
  )

describe("UndiciHttpClient", () => {
  it.live("is an ordinary HttpClient: GET and a form POST against the standalone mock", () =>
    Effect.gen(function*() {
      const client = yield* HttpClient.HttpClient
      const me = yield* client.get(`${server.url}/bot${DEFAULT_BOT_TOKEN}/getMe`).pipe(
        Effect.flatMap((response) => response.json)
      )
      assert.deepInclude(me as object, { ok: true })
      const chat = yield* client.execute(
        HttpClientRequest.post(`${server.url}/bot${DEFAULT_BOT_TOKEN}/getChat`).pipe(
          HttpClientRequest.bodyUrlParams({ chat_id: String(CHAT) })
        )
      ).pipe(Effect.flatMap((response) => Effect.map(response.json, (body) => [response.status, body] as const)))
      assert.strictEqual(chat[0], 200)
      assert.strictEqual((chat[1] as { result: { id: number } }).result.id, CHAT)
    }).pipe(Effect.provide(UndiciHttpClient.layer)))

  it.live("BotApi over it exports through the direct path (no HttpClient request is executed)", () =>
    Effect.gen(function*() {
      server.mock.reset()
      const link = yield* BotApi.exportChatInviteLink(CHAT)
      assert.match(link, LINK)
      assert.deepStrictEqual(server.mock.journal().map((entry) => [entry.method, entry.status]), [[
        "exportChatInviteLink",
        200
      ]])
    }).pipe(
      Effect.provide(
        BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN), apiRoot: server.url }).pipe(
          Layer.provide(UndiciHttpClient.layer)
        )
      )
    ))
})

describe("the direct path's deadlines (TestClock)", () => {
  it.effect("a request with no answer times out after exactly the request timeout, and is aborted", () =>
    Effect.gen(function*() {
      const { client, pending } = makeManualTransport()
      const fiber = yield* BotApi.exportChatInviteLink(CHAT).pipe(
        Effect.provide(botApiOver(client, "3 seconds")),
        fork
      )
      yield* TestClock.adjust("2999 millis")
      assert.isTrue(Option.isNone(yield* poll(fiber)))
      assert.strictEqual(pending.length, 1)
      assert.isFalse(pending[0]!.aborted)
      yield* TestClock.adjust("1 millis")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Timeout")
      assert.isTrue(pending[0]!.aborted)
      // A late answer changes nothing.
      pending[0]!.callback(undefined, 200, `{"ok":true,"result":"https://t.me/+late"}`)
    }))

  it.effect("many requests with different timeouts each end at their own deadline", () =>
    Effect.gen(function*() {
      const { client, pending } = makeManualTransport()
      const layer = botApiOver(client)
      const fibers = yield* Effect.forEach([5, 2, 8, 2], (seconds) =>
        BotApi.exportChatInviteLink(CHAT).pipe(
          BotApi.withRequestTimeout(Duration.seconds(seconds)),
          Effect.provide(layer),
          fork
        ))
      const ended = () => Effect.forEach(fibers, (fiber) => Effect.map(poll(fiber), Option.isSome))
      yield* TestClock.adjust("1999 millis")
      assert.deepStrictEqual(yield* ended(), [false, false, false, false])
      yield* TestClock.adjust("1 millis")
      assert.deepStrictEqual(yield* ended(), [false, true, false, true])
      // The first one gets its answer before its deadline.
      pending[0]!.callback(undefined, 200, `{"ok":true,"result":"https://t.me/+AAAAAAAAAAAAAAAA"}`)
      assert.strictEqual(yield* Fiber.join(fibers[0]!), "https://t.me/+AAAAAAAAAAAAAAAA")
      yield* TestClock.adjust("5999 millis")
      assert.deepStrictEqual(yield* ended(), [true, true, false, true])
      yield* TestClock.adjust("1 millis")
      assert.deepStrictEqual(yield* ended(), [true, true, true, true])
      assert.deepStrictEqual(pending.map((request) => request.aborted), [false, true, true, true])
    }))

  it.effect("interrupting the caller aborts the request and clears its deadline", () =>
    Effect.gen(function*() {
      const { client, pending } = makeManualTransport()
      const fiber = yield* BotApi.exportChatInviteLink(CHAT).pipe(Effect.provide(botApiOver(client)), fork)
      yield* TestClock.adjust("1 second")
      yield* Fiber.interrupt(fiber)
      assert.isTrue(pending[0]!.aborted)
      assert.isTrue(isInterruptedExit(yield* Fiber.await(fiber)))
    }))

  it.effect("the deadline list is empty once every request has ended", () =>
    Effect.gen(function*() {
      const deadlines = makeDeadlines(yield* currentTimers)
      const fired: Array<number> = []
      const cancel = [3000, 1000, 2000].map((ms) => deadlines.add(ms, () => fired.push(ms)))
      assert.strictEqual(deadlines.size(), 3)
      cancel[2]!()
      yield* TestClock.adjust("1 second")
      assert.deepStrictEqual(fired, [1000])
      yield* TestClock.adjust("2 seconds")
      assert.deepStrictEqual(fired, [1000, 3000])
      assert.strictEqual(deadlines.size(), 0)
      cancel[0]!()
      assert.strictEqual(deadlines.size(), 0)
    }))
})
