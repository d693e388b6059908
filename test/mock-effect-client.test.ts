/** The mock served in-process to Effect through `makeMockHttpClient`: bodies of every kind, delays on the TestClock, drops. */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, TestClock } from "effect"
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { makeMockHttpClient, mockClockFromEffect } from "../src/MockHttpClient.js"

const url = (method: string) => `https://api.telegram.org/bot${DEFAULT_BOT_TOKEN}/${method}`

const setup = Effect.gen(function*() {
  const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Effect.clock) })
  return { mock, client: makeMockHttpClient(mock) }
})

describe("makeMockHttpClient", () => {
  it.effect("reads JSON, urlencoded and multipart bodies as the real server does", () =>
    Effect.gen(function*() {
      const { client } = yield* setup
      const bodies = [
        HttpClientRequest.post(url("exportChatInviteLink")).pipe(
          HttpClientRequest.bodyUnsafeJson({ chat_id: -1001234567890 })
        ),
        HttpClientRequest.post(url("exportChatInviteLink")).pipe(
          HttpClientRequest.bodyUrlParams({ chat_id: "-1001234567890" })
        ),
        HttpClientRequest.post(url("exportChatInviteLink")).pipe(
          HttpClientRequest.bodyFormData((() => {
            const data = new FormData()
            data.set("chat_id", "-1001234567890")
            return data
          })())
        )
      ]
      for (const request of bodies) {
        const response = yield* client.execute(request)
        assert.strictEqual(response.status, 200)
        assert.match(String(((yield* response.json) as { result: string }).result), /^https:\/\/t\.me\/\+/)
      }
    }))

  it.effect("waits a delay fault on the Effect clock", () =>
    Effect.gen(function*() {
      const { mock, client } = yield* setup
      mock.injectFault({ method: "getMe", reply: { delay_ms: 5_000 } })
      const fiber = yield* Effect.fork(client.execute(HttpClientRequest.get(url("getMe"))))
      yield* TestClock.adjust(Duration.millis(4_999))
      assert.isNull(fiber.unsafePoll())
      yield* TestClock.adjust(Duration.millis(1))
      const response = yield* Fiber.join(fiber)
      assert.strictEqual(response.status, 200)
    }))

  it.effect("turns a dropped connection into a transport RequestError, and serves the bare statuses", () =>
    Effect.gen(function*() {
      const { mock, client } = yield* setup
      mock.injectFault({ method: "getMe", reply: { drop: true } })
      const dropped = yield* Effect.flip(client.execute(HttpClientRequest.get(url("getMe"))))
      assert.strictEqual(dropped._tag, "RequestError")
      assert.strictEqual(dropped.reason, "Transport")
      const bare = yield* client.execute(HttpClientRequest.put(url("getMe")))
      assert.strictEqual(bare.status, 501)
      assert.strictEqual(yield* bare.text, "")
      const foreign = yield* Effect.flip(
        HttpClient.get("https://example.org/").pipe(Effect.provideService(HttpClient.HttpClient, client))
      )
      assert.strictEqual(foreign._tag, "RequestError")
    }))
})
