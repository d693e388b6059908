/**
 * The Effect 4 edition's bot methods and Updates.stream against the in-process mock (MockHttpClient) on the
 * TestClock: the same cases as the root suite's test/client/Updates.test.ts and BotMethods.test.ts, shortened.
 */
import { assert, describe, it } from "@effect/vitest"
import { Clock, Deferred, Duration, Effect, Fiber, Layer, Redacted, Stream } from "effect"
import { HttpClient } from "effect/http"
import { TestClock } from "effect/testing"
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import * as BotApi from "../src/BotApi.js"
import type { BotApiError } from "../src/BotApiError.js"
import * as Message from "../src/Message.js"
import { makeMockHttpClient, mockClockFromEffect } from "../src/MockHttpClient.js"
import * as Policy from "../src/Policy.js"
import * as Update from "../src/Update.js"
import * as Updates from "../src/Updates.js"

const SUPERGROUP = -1001234567890
const FIRST_UPDATE_ID = 2_000_001

const setup = Effect.gen(function*() {
  const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Clock.Clock) })
  const polls: Array<Record<string, unknown>> = []
  const decoder = new TextDecoder()
  const client = makeMockHttpClient(mock).pipe(
    HttpClient.tapRequest((request) =>
      Effect.sync(() => {
        if (!request.url.endsWith("/getUpdates")) return
        const body = request.body
        polls.push(body._tag === "Uint8Array" ? JSON.parse(decoder.decode(body.body)) : {})
      })
    )
  )
  const layer = BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(
    Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
  )
  return { mock, polls, layer }
})

const texts = (updates: Iterable<Update.Update>) =>
  Array.from(updates, (u) => u._tag === "message" ? u.message.text : u._tag)

const refusal = (error: BotApiError) =>
  error._tag === "TelegramApiError" ? `${error.errorCode} ${error.description}` : error._tag

describe("Updates.stream (Effect 4)", () => {
  it.effect("hands out updates in order, decoded, keeping undeclared fields; a stop confirms only what was handled", () =>
    Effect.gen(function*() {
      const { layer, mock, polls } = yield* setup
      mock.send(42, { text: "/start" })
      mock.send(42, { text: "hello" })
      const updates = yield* Updates.stream().pipe(Stream.take(2), Stream.runCollect, Effect.provide(layer))
      assert.deepStrictEqual(texts(updates), ["/start", "hello"])
      const first = updates[0]!
      assert.strictEqual(first._tag === "message" && Message.command(first.message), "start")
      assert.strictEqual(first._tag === "message" && first.message.chat.first_name, "Alice")
      // Fields the schemas do not declare are kept as sent.
      const kept = Update.decode({
        update_id: 1,
        message: { message_id: 1, date: 0, chat: { id: 1, type: "private", extra: "c" }, extra: 5 }
      })
      assert.strictEqual(kept._tag === "message" && kept.message["extra"], 5)
      assert.strictEqual(kept._tag === "message" && kept.message.chat["extra"], "c")
      assert.deepStrictEqual(polls, [
        { limit: 100, timeout: 30, offset: 0 },
        { offset: FIRST_UPDATE_ID + 1, limit: 1, timeout: 0 }
      ])
      assert.strictEqual(mock.pendingUpdateCount(DEFAULT_BOT_ID), 1)
    }))

  it.effect("interrupted mid-update, the next run gets that update again and not the handled one", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      for (const text of ["one", "two", "three"]) mock.send(42, { text })
      const handled: Array<string> = []
      const inSecond = yield* Deferred.make<void>()
      const bot = yield* Updates.stream().pipe(
        Stream.runForEach((update) => {
          const text = update._tag === "message" ? update.message.text ?? "" : ""
          if (text !== "two") return Effect.sync(() => handled.push(text))
          return Effect.andThen(Deferred.succeed(inSecond, undefined), Effect.never)
        }),
        Effect.provide(layer),
        Effect.forkChild
      )
      yield* Deferred.await(inSecond)
      yield* Fiber.interrupt(bot)
      assert.deepStrictEqual(handled, ["one"])
      const again = yield* Updates.stream().pipe(Stream.take(2), Stream.runCollect, Effect.provide(layer))
      assert.deepStrictEqual(texts(again), ["two", "three"])
    }))

  it.effect("a flood wait is waited exactly; a second poller ends the first with UpdatesConflictError", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      mock.send(42, { text: "after the wait" })
      mock.injectFault({ method: "getUpdates", reply: { error_code: 429, retry_after: 7 } })
      const fiber = yield* Updates.stream().pipe(
        Stream.take(1),
        Stream.runCollect,
        Effect.provide(layer),
        Effect.forkChild
      )
      yield* TestClock.adjust(Duration.millis(6_999))
      assert.isUndefined(fiber.pollUnsafe())
      yield* TestClock.adjust(Duration.millis(1))
      assert.deepStrictEqual(texts(yield* Fiber.join(fiber)), ["after the wait"])

      const drained = yield* Updates.getUpdates({ offset: FIRST_UPDATE_ID + 1 }).pipe(Effect.provide(layer))
      assert.strictEqual(drained.length, 0)
      const first = yield* Updates.stream().pipe(Stream.runDrain, Effect.provide(layer), Effect.forkChild)
      yield* TestClock.adjust(Duration.zero)
      const second = yield* Updates.stream().pipe(Stream.runDrain, Effect.provide(layer), Effect.forkChild)
      const failure = yield* Effect.flip(Fiber.join(first))
      assert.strictEqual(failure._tag === "UpdatesConflictError" && failure.reason, "OtherGetUpdates")
      yield* Fiber.interrupt(second)
    }))
})

describe("bot methods (Effect 4)", () => {
  it.effect("sendMessage with an inline keyboard; join requests approved and declined; the refusals", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      const sent = yield* BotApi.sendMessage(42, "Your <b>link</b>", {
        parse_mode: "HTML",
        reply_markup: Message.inlineKeyboard([Message.urlButton("Join", "https://t.me/+abc")])
      }).pipe(Effect.provide(layer))
      assert.strictEqual(sent.text, "Your link")
      assert.deepStrictEqual(sent.reply_markup?.inline_keyboard, [[{ text: "Join", url: "https://t.me/+abc" }]])
      const bob = yield* BotApi.sendMessage(43, "hi").pipe(Effect.flip, Effect.provide(layer))
      assert.strictEqual(refusal(bob), "403 Forbidden: bot can't initiate conversation with a user")

      const link = yield* BotApi.createChatInviteLink(SUPERGROUP, { creates_join_request: true }).pipe(
        Effect.provide(layer)
      )
      mock.join(43, { invite_link: link.invite_link })
      mock.join(44, { invite_link: link.invite_link })
      yield* Effect.all([BotApi.approveChatJoinRequest(SUPERGROUP, 43), BotApi.declineChatJoinRequest(SUPERGROUP, 44)])
        .pipe(Effect.provide(layer))
      const members = (mock.chat(SUPERGROUP)?.members ?? []).map((m) => `${m.user_id} ${m.status}`)
      assert.include(members, "43 member")
      assert.notInclude(members, "44 member")
      const again = yield* BotApi.approveChatJoinRequest(SUPERGROUP, 44).pipe(Effect.flip, Effect.provide(layer))
      assert.strictEqual(refusal(again), "400 Bad Request: HIDE_REQUESTER_MISSING")

      const sub = yield* BotApi.createChatSubscriptionInviteLink(-1001000000001, {
        subscription_period: 2_592_000,
        subscription_price: 50
      }).pipe(Effect.provide(layer))
      assert.strictEqual(sub.subscription_price, 50)
      const renamed = yield* BotApi.editChatSubscriptionInviteLink(-1001000000001, sub.invite_link, { name: "Fans" })
        .pipe(Effect.provide(layer))
      assert.strictEqual(renamed.name, "Fans")
    }))

  it.effect("Policy.sendMessage waits exactly a flood wait and sends once", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      mock.injectFault({ method: "sendMessage", reply: { error_code: 429, retry_after: 3 } })
      const fiber = yield* Policy.sendMessage(42, "after the wait").pipe(
        Effect.provide(Layer.merge(layer, Policy.layerMemory)),
        Effect.forkChild
      )
      yield* TestClock.adjust(Duration.millis(2_999))
      assert.isUndefined(fiber.pollUnsafe())
      yield* TestClock.adjust(Duration.millis(1))
      assert.strictEqual((yield* Fiber.join(fiber)).attempts, 2)
      assert.deepStrictEqual(mock.journal().map((e) => e.status), [429, 200])
    }))
})
