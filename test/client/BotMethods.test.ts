/**
 * The methods of an invite-link bot (sendMessage, answerCallbackQuery, approve/declineChatJoinRequest, the
 * subscription links) against the mock, over both in-process transports (MSW with FetchHttpClient, and
 * MockHttpClient): the parameters reach the world as sent, results decode, refusals are typed with the real strings.
 */
import { afterAll, afterEach, assert, beforeAll, describe, it } from "@effect/vitest"
import { Clock, Duration, Effect, Fiber, Layer, Redacted } from "effect"
import { setupServer } from "msw/node"
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"
import * as BotApi from "../../src/BotApi.js"
import type { BotApiError } from "../../src/BotApiError.js"
import * as ChatMember from "../../src/ChatMember.js"
import * as Message from "../../src/Message.js"
import { makeMockHttpClient, mockClockFromEffect } from "../../src/MockHttpClient.js"
import * as Policy from "../../src/Policy.js"
import { fork, hasEnded } from "../edition/fiber.js"
import { FetchHttpClient, HttpClient } from "../edition/http.js"
import { TestClock } from "../edition/testClock.js"

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: "error" }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const NO_INVITE_RIGHTS = -1002000000002
const ALICE = 42 // has started the bot
const BOB = 43 // has not

type Transport = "MSW" | "MockHttpClient"

const setup = (transport: Transport) =>
  Effect.gen(function*() {
    const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Clock.clockWith(Effect.succeed)) })
    let client: Layer.Layer<HttpClient.HttpClient>
    if (transport === "MSW") {
      server.use(...telegramHandlers(mock))
      client = FetchHttpClient.layer
    } else {
      client = Layer.succeed(HttpClient.HttpClient, makeMockHttpClient(mock))
    }
    const layer = Layer.mergeAll(
      BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(Layer.provide(client)),
      Policy.layerMemory
    )
    return { mock, layer }
  })

/** The refusal's code and description. */
const refusal = (error: BotApiError) =>
  error._tag === "TelegramApiError" ? `${error.errorCode} ${error.description}` : error._tag

const getChatMember = (chatId: number, userId: number) =>
  BotApi.call("getChatMember", { chat_id: chatId, user_id: userId }, ChatMember.ChatMember)

for (const transport of ["MSW", "MockHttpClient"] as const) {
  describe(`bot methods over ${transport}`, () => {
    it.effect("sendMessage: HTML, an inline keyboard with a URL and a callback button, a reply, link preview", () =>
      Effect.gen(function*() {
        const { layer, mock } = yield* setup(transport)
        const asked = mock.send(ALICE, { text: "/invite" }) as { message_id: number }
        const sent = yield* BotApi.sendMessage(ALICE, "Your <b>link</b>: https://t.me/+abc", {
          parse_mode: "HTML",
          reply_markup: Message.inlineKeyboard(
            [Message.urlButton("Join", "https://t.me/+abc")],
            [Message.callbackButton("Another", "again")]
          ),
          reply_parameters: { message_id: asked.message_id },
          link_preview_options: { is_disabled: true }
        }).pipe(Effect.provide(layer))
        assert.strictEqual(sent.chat.id, ALICE)
        assert.strictEqual(sent.chat.type, "private")
        assert.strictEqual(sent.text, "Your link: https://t.me/+abc")
        assert.deepStrictEqual(sent.entities?.map((e) => [e.type, e.offset, e.length]), [["bold", 5, 4], [
          "url",
          11,
          17
        ]])
        assert.deepStrictEqual(sent.reply_markup?.inline_keyboard, [
          [{ text: "Join", url: "https://t.me/+abc" }],
          [{ text: "Another", callback_data: "again" }]
        ])
        assert.strictEqual(sent.reply_to_message?.message_id, asked.message_id)
        assert.strictEqual(sent.from?.is_bot, true)
        // The world holds it as sent.
        const stored = mock.messages(ALICE).at(-1)!
        assert.strictEqual(stored.message_id, sent.message_id)
        assert.deepStrictEqual<unknown>(stored.reply_markup, sent.reply_markup)
      }))

    it.effect("sendMessage refusals are typed, with the real strings; a bad chat id sends nothing", () =>
      Effect.gen(function*() {
        const { layer, mock } = yield* setup(transport)
        const run = <A>(effect: Effect.Effect<A, BotApiError, BotApi.BotApi>) =>
          effect.pipe(Effect.flip, Effect.map(refusal), Effect.provide(layer))
        assert.strictEqual(
          yield* run(BotApi.sendMessage(BOB, "hi")),
          "403 Forbidden: bot can't initiate conversation with a user"
        )
        assert.strictEqual(yield* run(BotApi.sendMessage(777, "hi")), "400 Bad Request: chat not found")
        assert.strictEqual(yield* run(BotApi.sendMessage(ALICE, "")), "400 Bad Request: message text is empty")
        const unparsed = yield* run(BotApi.sendMessage(ALICE, "<b>open", { parse_mode: "HTML" }))
        assert.match(unparsed, /^400 Bad Request: can't parse entities: /)
        const before = mock.journal().length
        assert.strictEqual(yield* run(BotApi.sendMessage("not a chat", "hi")), "InvalidChatIdError")
        assert.strictEqual(mock.journal().length, before)
      }))

    it.effect("answerCallbackQuery: the person's press is answered with a notification; an unknown id is refused", () =>
      Effect.gen(function*() {
        const { layer, mock } = yield* setup(transport)
        const sent = yield* BotApi.sendMessage(ALICE, "Pick", {
          reply_markup: Message.inlineKeyboard([Message.callbackButton("New link", "invite")])
        }).pipe(Effect.provide(layer))
        const { callback_query_id } = mock.press(ALICE, { message_id: sent.message_id, data: "invite" }) as {
          callback_query_id: string
        }
        yield* BotApi.answerCallbackQuery(callback_query_id, { text: "On its way", show_alert: true }).pipe(
          Effect.provide(layer)
        )
        assert.deepInclude(mock.callbackQuery(callback_query_id)?.answer, { text: "On its way", show_alert: true })
        const error = yield* BotApi.answerCallbackQuery("12345").pipe(Effect.flip, Effect.provide(layer))
        assert.strictEqual(
          refusal(error),
          "400 Bad Request: query is too old and response timeout expired or query ID is invalid"
        )
      }))

    it.effect("approve and decline join requests: the person becomes a member, or stays out; the refusals", () =>
      Effect.gen(function*() {
        const { layer, mock } = yield* setup(transport)
        const link = yield* BotApi.createChatInviteLink(SUPERGROUP, { creates_join_request: true }).pipe(
          Effect.provide(layer)
        )
        assert.deepStrictEqual(mock.join(BOB, { invite_link: link.invite_link }), {
          ok: true,
          status: "requested",
          chat_id: SUPERGROUP
        })
        mock.join(44, { invite_link: link.invite_link })
        yield* Effect.provide(
          Effect.all([BotApi.approveChatJoinRequest(SUPERGROUP, BOB), BotApi.declineChatJoinRequest(SUPERGROUP, 44)]),
          layer
        )
        const [bob, carol] = yield* Effect.provide(
          Effect.all([getChatMember(SUPERGROUP, BOB), getChatMember(SUPERGROUP, 44)]),
          layer
        )
        assert.strictEqual(bob.status, "member")
        assert.strictEqual(carol.status, "left")

        const run = (effect: Effect.Effect<void, BotApiError, BotApi.BotApi>) =>
          effect.pipe(Effect.flip, Effect.map(refusal), Effect.provide(layer))
        assert.strictEqual(
          yield* run(BotApi.approveChatJoinRequest(SUPERGROUP, BOB)),
          "400 Bad Request: USER_ALREADY_PARTICIPANT"
        )
        assert.strictEqual(
          yield* run(BotApi.declineChatJoinRequest(SUPERGROUP, 45)),
          "400 Bad Request: HIDE_REQUESTER_MISSING"
        )
        // A declined request is gone: approving it afterwards finds nothing.
        assert.strictEqual(
          yield* run(BotApi.approveChatJoinRequest(SUPERGROUP, 44)),
          "400 Bad Request: HIDE_REQUESTER_MISSING"
        )
        assert.strictEqual(
          yield* run(BotApi.approveChatJoinRequest(ALICE, BOB)),
          "400 Bad Request: the chat can't have join requests"
        )
        assert.strictEqual(
          yield* run(BotApi.approveChatJoinRequest(NO_INVITE_RIGHTS, BOB)),
          "400 Bad Request: not enough rights to manage chat join requests"
        )
      }))

    it.effect("subscription links: made and renamed, the period and price decoded; the refusals", () =>
      Effect.gen(function*() {
        const { layer } = yield* setup(transport)
        const made = yield* BotApi.createChatSubscriptionInviteLink(CHANNEL, {
          subscription_period: 2_592_000,
          subscription_price: 50,
          name: "Monthly"
        }).pipe(Effect.provide(layer))
        assert.strictEqual(made.subscription_period, 2_592_000)
        assert.strictEqual(made.subscription_price, 50)
        assert.strictEqual(made.creates_join_request, false)
        assert.strictEqual(made.name, "Monthly")
        const renamed = yield* BotApi.editChatSubscriptionInviteLink(CHANNEL, made.invite_link, { name: "Fans" }).pipe(
          Effect.provide(layer)
        )
        assert.strictEqual(renamed.name, "Fans")
        assert.strictEqual(renamed.invite_link, made.invite_link)

        const run = <A>(effect: Effect.Effect<A, BotApiError, BotApi.BotApi>) =>
          effect.pipe(Effect.flip, Effect.map(refusal), Effect.provide(layer))
        assert.strictEqual(
          yield* run(
            BotApi.createChatSubscriptionInviteLink(CHANNEL, { subscription_period: 0, subscription_price: 5 })
          ),
          "400 Bad Request: invalid subscription pricing specified"
        )
        assert.strictEqual(
          yield* run(
            BotApi.createChatSubscriptionInviteLink(CHANNEL, { subscription_period: 86_400, subscription_price: 5 })
          ),
          "400 Bad Request: SUBSCRIPTION_PERIOD_INVALID"
        )
        assert.strictEqual(
          yield* run(BotApi.editChatSubscriptionInviteLink(CHANNEL, "")),
          "400 Bad Request: invite link must be non-empty"
        )
      }))
  })
}

describe("the policies around the new methods (MockHttpClient, TestClock)", () => {
  it.effect("Policy.sendMessage waits exactly a flood wait and sends once", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup("MockHttpClient")
      mock.injectFault({ method: "sendMessage", reply: { error_code: 429, retry_after: 3 } })
      const fiber = yield* Policy.sendMessage(ALICE, "after the wait").pipe(Effect.provide(layer), fork)
      yield* TestClock.adjust(Duration.millis(2_999))
      assert.isFalse(hasEnded(fiber))
      yield* TestClock.adjust(Duration.millis(1))
      const outcome = yield* Fiber.join(fiber)
      assert.strictEqual(outcome.attempts, 2)
      assert.strictEqual(outcome.value.text, "after the wait")
      assert.deepStrictEqual(mock.journal().map((e) => e.status), [429, 200])
      assert.strictEqual(mock.messages(ALICE).filter((m) => m["text"] === "after the wait").length, 1)
    }))

  it.effect("Policy.sendMessage does not retry a transient failure unless asked (it may have been sent)", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup("MockHttpClient")
      mock.injectFault({ method: "sendMessage", reply: { html: 502 } })
      const error = yield* Policy.sendMessage(ALICE, "once").pipe(Effect.flip, Effect.provide(layer))
      assert.strictEqual(error._tag === "TransportError" && error.status, 502)
      assert.deepStrictEqual(mock.journal().map((e) => e.status), [502])

      mock.injectFault({ method: "sendMessage", reply: { html: 502 } })
      const fiber = yield* Policy.sendMessage(ALICE, "retried", undefined, { retryTransient: true, jitter: false })
        .pipe(
          Effect.provide(layer),
          fork
        )
      yield* TestClock.adjust(Duration.millis(100))
      assert.strictEqual((yield* Fiber.join(fiber)).attempts, 2)
    }))

  it.effect("Policy.resilient around approveChatJoinRequest follows the group's migration", () =>
    Effect.gen(function*() {
      const { layer, mock } = yield* setup("MockHttpClient")
      const link = yield* BotApi.createChatInviteLink(-1009876543210, { creates_join_request: true }).pipe(
        Effect.provide(layer)
      )
      mock.join(BOB, { invite_link: link.invite_link })
      const outcome = yield* Effect.gen(function*() {
        const api = yield* BotApi.BotApi
        return yield* Policy.resilient("approveChatJoinRequest", (id) => api.approveChatJoinRequest(id, BOB))(
          -987654321
        )
      }).pipe(Effect.provide(layer))
      assert.strictEqual(Number(outcome.chatId), -1009876543210)
      assert.strictEqual(Number(outcome.migratedFrom), -987654321)
      assert.strictEqual((yield* getChatMember(-1009876543210, BOB).pipe(Effect.provide(layer))).status, "member")
    }))
})
