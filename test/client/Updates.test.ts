/**
 * Updates.stream against the in-process mock (MockHttpClient) on the TestClock: the mock's long polls wait on the same
 * clock, so a 30 s poll or a 7 s flood wait passes when the test moves it. Each request's parameters are recorded from
 * the wire (the body the client sent), so the offsets are read, not assumed.
 */
import { assert, describe, it } from "@effect/vitest"
import { Clock, Deferred, Duration, Effect, Fiber, Layer, Redacted, Schema, Stream } from "effect"
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import * as BotApi from "../../src/BotApi.js"
import * as Message from "../../src/Message.js"
import { makeMockHttpClient, mockClockFromEffect } from "../../src/MockHttpClient.js"
import * as Update from "../../src/Update.js"
import * as Updates from "../../src/Updates.js"
import { fork, hasEnded } from "../edition/fiber.js"
import { HttpClient } from "../edition/http.js"
import { TestClock } from "../edition/testClock.js"

const SUPERGROUP = -1001234567890
const FIRST_UPDATE_ID = 2_000_001

/** The mock on the test's clock, the client over it, and the parameters of every getUpdates sent. */
const setup = Effect.gen(function*() {
  const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Clock.clockWith(Effect.succeed)) })
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

/** Lets the forked fibers run up to their next wait (the mock answers in the same tick). */
const settle = TestClock.adjust(Duration.zero)

describe("Updates.stream", () => {
  it.effect("hands out the queued updates in order, decoded, then waits in a long poll", () =>
    Effect.gen(function*() {
      const { layer, mock, polls } = yield* setup
      mock.send(42, { text: "/start" })
      mock.send(42, { text: "hello" })
      const updates = yield* Updates.stream().pipe(Stream.take(2), Stream.runCollect, Effect.provide(layer))
      const [first, second] = Array.from(updates)
      assert.strictEqual(first?._tag, "message")
      if (first?._tag !== "message") return
      assert.strictEqual(first.update_id, FIRST_UPDATE_ID)
      assert.strictEqual(first.message.from?.first_name, "Alice")
      assert.strictEqual(first.message.chat.first_name, "Alice")
      assert.strictEqual(Message.command(first.message), "start")
      assert.strictEqual(second?.update_id, FIRST_UPDATE_ID + 1)
      assert.deepStrictEqual(texts(updates), ["/start", "hello"])
      // One poll from the oldest, then the stop confirms the first (handled) and not the second (in hand).
      assert.deepStrictEqual(polls, [
        { limit: 100, timeout: 30, offset: 0 },
        { offset: FIRST_UPDATE_ID + 1, limit: 1, timeout: 0 }
      ])
      assert.strictEqual(mock.pendingUpdateCount(DEFAULT_BOT_ID), 1)
    }))

  it.effect("confirms an update only once it was handled: interrupted mid-update, the next run gets it again", () =>
    Effect.gen(function*() {
      const { layer, mock, polls } = yield* setup
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
        fork
      )
      yield* Deferred.await(inSecond)
      yield* Fiber.interrupt(bot)
      assert.deepStrictEqual(handled, ["one"])
      assert.deepStrictEqual(polls.map((p) => p["offset"]), [0, FIRST_UPDATE_ID + 1])
      assert.strictEqual(mock.pendingUpdateCount(DEFAULT_BOT_ID), 2)

      const again = yield* Updates.stream().pipe(Stream.take(2), Stream.runCollect, Effect.provide(layer))
      assert.deepStrictEqual(texts(again), ["two", "three"])
      assert.deepStrictEqual(Array.from(again).map((u) => u.update_id), [
        FIRST_UPDATE_ID + 1,
        FIRST_UPDATE_ID + 2
      ])
    }))

  it.effect("the next poll confirms what was handled; a quiet 30 s poll is not cut by the 10 s request timeout", () =>
    Effect.gen(function*() {
      const { layer, mock, polls } = yield* setup
      mock.send(42, { text: "a" })
      const seen: Array<string> = []
      const bot = yield* Updates.stream().pipe(
        Stream.runForEach((u) => Effect.sync(() => seen.push(texts([u])[0] ?? ""))),
        Effect.provide(layer),
        fork
      )
      yield* settle
      assert.deepStrictEqual(seen, ["a"])
      assert.deepStrictEqual(polls.map((p) => p["offset"]), [0, FIRST_UPDATE_ID + 1])
      assert.strictEqual(mock.pendingUpdateCount(DEFAULT_BOT_ID), 0)
      // The second poll is parked; at 30 s it answers [] and a third one starts, with the same offset.
      yield* TestClock.adjust(Duration.seconds(29))
      assert.strictEqual(polls.length, 2)
      yield* TestClock.adjust(Duration.seconds(1))
      assert.deepStrictEqual(polls.map((p) => p["offset"]), [0, FIRST_UPDATE_ID + 1, FIRST_UPDATE_ID + 1])
      assert.isFalse(hasEnded(bot))
      mock.send(42, { text: "b" })
      yield* settle
      assert.deepStrictEqual(seen, ["a", "b"])
      yield* Fiber.interrupt(bot)
      // Stopping confirmed "b" (handled: the stream was pulled again after it).
      assert.strictEqual(polls.at(-1)?.["offset"], FIRST_UPDATE_ID + 2)
      assert.strictEqual(mock.pendingUpdateCount(DEFAULT_BOT_ID), 0)
    }))

  it.effect("allowed_updates goes with every poll; chat_member and chat_join_request arrive only when asked", () =>
    Effect.gen(function*() {
      const { layer, mock, polls } = yield* setup
      // By default (no chat_member): Bob joins by the owner's link; only the service message comes.
      const link = mock.primaryLink(SUPERGROUP, 1000)!
      mock.join(43, { invite_link: link })
      const byDefault = yield* Updates.stream().pipe(Stream.take(1), Stream.runCollect, Effect.provide(layer))
      const joined = Array.from(byDefault)[0]!
      assert.strictEqual(joined._tag, "message")
      if (joined._tag === "message") assert.deepStrictEqual(joined.message.new_chat_members?.map((u) => u.id), [43])
      assert.isUndefined(polls[0]?.["allowed_updates"])

      // Asked for chat_member and chat_join_request only: the message queued before still comes (as Telegram does,
      // the setting applies when an update is queued), then the joins that follow come as asked. The joins are made
      // once that message is in hand (the setting is known by then), so that both are queued before the next poll:
      // one answer holds both, whichever edition's scheduler runs first.
      const request = yield* BotApi.createChatInviteLink(SUPERGROUP, { creates_join_request: true }).pipe(
        Effect.provide(layer)
      )
      const joinBoth = Effect.sync(() => {
        mock.join(44, { invite_link: link })
        mock.join(45, { invite_link: request.invite_link })
      })
      const options = { allowed_updates: ["chat_member", "chat_join_request"] as const }
      const fiber = yield* Updates.stream(options).pipe(
        Stream.tap((update) => update.update_id === joined.update_id ? joinBoth : Effect.void),
        Stream.take(3),
        Stream.runCollect,
        Effect.provide(layer),
        fork
      )
      const [again, member, joinRequest] = Array.from(yield* Fiber.join(fiber))
      assert.strictEqual(again?.update_id, joined.update_id)
      assert.strictEqual(member?._tag, "chat_member")
      if (member?._tag === "chat_member") {
        assert.strictEqual(member.chat_member.new_chat_member.user.first_name, "Carol")
        assert.strictEqual(member.chat_member.new_chat_member.status, "member")
        // Someone else's link is shown to the bot cut short, as Telegram does.
        const shown = member.chat_member.invite_link?.invite_link ?? ""
        assert.isTrue(shown.endsWith("…") && link.startsWith(shown.slice(0, -1)), shown)
      }
      assert.strictEqual(joinRequest?._tag, "chat_join_request")
      if (joinRequest?._tag === "chat_join_request") {
        assert.strictEqual(joinRequest.chat_join_request.from.id, 45)
        assert.strictEqual(joinRequest.chat_join_request.invite_link?.invite_link, request.invite_link)
      }
      const asking = polls.slice(1, -1)
      assert.isAtLeast(asking.length, 2)
      for (const poll of asking) assert.deepStrictEqual(poll["allowed_updates"], ["chat_member", "chat_join_request"])
      // The last request is the stop's confirmation (of the chat_member, not of the join request in hand).
      assert.deepStrictEqual(polls.at(-1), { offset: joinRequest!.update_id, limit: 1, timeout: 0 })
    }))

  it.effect("another poller ends the waiting one with UpdatesConflictError (OtherGetUpdates), exact description", () =>
    Effect.gen(function*() {
      const { layer } = yield* setup
      const first = yield* Updates.stream().pipe(Stream.runDrain, Effect.provide(layer), fork)
      yield* settle
      const second = yield* Updates.stream().pipe(Stream.runDrain, Effect.provide(layer), fork)
      const failure = yield* Effect.flip(Fiber.join(first))
      assert.strictEqual(failure._tag, "UpdatesConflictError")
      if (failure._tag === "UpdatesConflictError") {
        assert.strictEqual(failure.reason, "OtherGetUpdates")
        assert.strictEqual(
          failure.description,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
        )
      }
      assert.isFalse(hasEnded(second))
      yield* Fiber.interrupt(second)
    }))

  it.effect("a webhook makes the stream fail at once with WebhookActive", () =>
    Effect.gen(function*() {
      const { layer } = yield* setup
      yield* BotApi.call("setWebhook", { url: "http://127.0.0.1:9/hook" }, Schema.Literal(true)).pipe(
        Effect.provide(layer)
      )
      const failure = yield* Updates.stream().pipe(Stream.runDrain, Effect.flip, Effect.provide(layer))
      assert.strictEqual(failure._tag === "UpdatesConflictError" && failure.reason, "WebhookActive")
      assert.strictEqual(
        failure._tag === "UpdatesConflictError" && failure.description,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
      )
    }))

  it.effect("a flood wait on getUpdates is waited exactly retry_after on the TestClock", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      mock.send(42, { text: "after the wait" })
      mock.injectFault({ method: "getUpdates", reply: { error_code: 429, retry_after: 7 } })
      const fiber = yield* Updates.stream().pipe(Stream.take(1), Stream.runCollect, Effect.provide(layer), fork)
      yield* settle
      yield* TestClock.adjust(Duration.millis(6_999))
      assert.deepStrictEqual(mock.journal().map((e) => e.status), [429])
      assert.isFalse(hasEnded(fiber))
      yield* TestClock.adjust(Duration.millis(1))
      assert.deepStrictEqual(texts(yield* Fiber.join(fiber)), ["after the wait"])
      // The update is in hand when take(1) ends the stream: not confirmed, so no confirming request.
      assert.deepStrictEqual(mock.journal().map((e) => e.status), [429, 200])
    }))

  it.effect("transient failures back off (100 ms, 200 ms without jitter), and maxAttempts bounds them", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      mock.send(42, { text: "through" })
      mock.injectFault({ method: "getUpdates", reply: { html: 502 }, times: 2 })
      const fiber = yield* Updates.stream({ jitter: false }).pipe(
        Stream.take(1),
        Stream.runCollect,
        Effect.provide(layer),
        fork
      )
      yield* settle
      yield* TestClock.adjust(Duration.millis(99))
      assert.strictEqual(mock.journal().length, 1)
      yield* TestClock.adjust(Duration.millis(1))
      assert.strictEqual(mock.journal().length, 2)
      yield* TestClock.adjust(Duration.millis(199))
      assert.strictEqual(mock.journal().length, 2)
      yield* TestClock.adjust(Duration.millis(1))
      assert.deepStrictEqual(texts(yield* Fiber.join(fiber)), ["through"])

      mock.injectFault({ method: "getUpdates", reply: { html: 502 }, times: 2 })
      const bounded = yield* Updates.stream({ jitter: false, maxAttempts: 2 }).pipe(
        Stream.runDrain,
        Effect.flip,
        Effect.provide(layer),
        fork
      )
      yield* TestClock.adjust(Duration.millis(100))
      const failure = yield* Fiber.join(bounded)
      assert.strictEqual(failure._tag === "TransportError" && failure.status, 502)
    }))

  it.effect("a wrong token ends the stream with the typed refusal, no retry", () =>
    Effect.gen(function*() {
      const { mock } = yield* setup
      const layer = BotApi.layer({ token: Redacted.make("999:wrong") }).pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, makeMockHttpClient(mock)))
      )
      const failure = yield* Updates.stream().pipe(Stream.runDrain, Effect.flip, Effect.provide(layer))
      assert.strictEqual(failure._tag === "TelegramApiError" && failure.errorCode, 401)
      assert.strictEqual(mock.journal().length, 1)
    }))

  it.effect("interrupting a parked poll cancels it in the mock: nothing lost, the next poller parks without 409", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      const first = yield* Updates.stream().pipe(Stream.runDrain, Effect.provide(layer), fork)
      yield* TestClock.adjust(Duration.seconds(5))
      yield* Fiber.interrupt(first)
      mock.send(42, { text: "while nobody polled" })
      const next = yield* Updates.stream().pipe(Stream.take(1), Stream.runCollect, Effect.provide(layer))
      assert.deepStrictEqual(texts(next), ["while nobody polled"])
      assert.isTrue(mock.journal().every((e) => e.method === "getUpdates" && e.status === 200))
    }))
})

describe("Updates.getUpdates and conflictReason", () => {
  it.effect("one request, decoded; an unknown kind is kept raw with its update_id", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup
      mock.send(42, { text: "x" })
      const updates = yield* Updates.getUpdates({ timeout: 0 }).pipe(Effect.provide(layer))
      assert.deepStrictEqual(texts(updates), ["x"])
      assert.deepStrictEqual(Update.decode({ update_id: 7, poll: { id: "p" } }), {
        _tag: "other",
        update_id: 7,
        type: "poll",
        raw: { update_id: 7, poll: { id: "p" } }
      })
      const kept = Update.decode({
        update_id: 1,
        message: { message_id: 1, date: 0, chat: { id: 1, type: "private", extra: "c" }, extra: 5 }
      })
      assert.strictEqual(kept._tag === "message" && kept.message["extra"], 5)
      assert.strictEqual(kept._tag === "message" && kept.message.chat["extra"], "c")
      // A message without its chat: kept raw, and the problem names the missing key.
      const odd = Update.decode({ update_id: 8, message: { message_id: 1, date: 0, text: "no chat" } })
      assert.strictEqual(odd._tag === "other" && odd.type, "message")
      assert.match(odd._tag === "other" ? odd.problem ?? "" : "", /\["chat"\]/)
    }))

  it("reads the three 409 descriptions", () => {
    assert.strictEqual(
      Updates.conflictReason(
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
      ),
      "OtherGetUpdates"
    )
    assert.strictEqual(Updates.conflictReason("Conflict: terminated by setWebhook request"), "SetWebhook")
    assert.strictEqual(Updates.conflictReason("Conflict: something else"), "Other")
  })
})
