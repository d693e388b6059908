/** The CLI's export in-process, on the mock's HttpClient and the TestClock: outputs and exit codes. */
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, Layer, Redacted, TestClock } from "effect"
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { MockTelegram } from "telegram-bot-api-mock"
import { makeCapture } from "../../cli/CliOutput.js"
import { ExitCode } from "../../cli/ExitCode.js"
import { type ExportArgs, runExport } from "../../cli/ExportCommand.js"
import * as BotApi from "../../src/BotApi.js"
import { mockClockFromEffect } from "../../src/MockHttpClient.js"
import { layerMockHttpClient } from "../../src/MockHttpClient.js"
import * as Policy from "../../src/Policy.js"

const SECRET = DEFAULT_BOT_TOKEN.split(":")[1]!
const LINK_LINE = /^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}\n$/

const args = (chat: string, more: Partial<ExportArgs> = {}): ExportArgs => ({
  chat,
  json: false,
  maxAttempts: 5,
  maxWait: Duration.seconds(60),
  ...more
})

/** A mock on the test's clock, the CLI's export over it, and what it printed. */
const setup = (options: { errIsTTY?: boolean } = {}) =>
  Effect.gen(function*() {
    const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Effect.clock) })
    const capture = makeCapture(options)
    const layer = Layer.mergeAll(
      BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(Layer.provide(layerMockHttpClient(mock))),
      Policy.layerMemory,
      capture.layer
    )
    const run = (a: ExportArgs) => runExport(a).pipe(Effect.provide(layer))
    const noSecret = () => {
      assert.notInclude(capture.stdout(), SECRET)
      assert.notInclude(capture.stderr(), SECRET)
    }
    return { mock, capture, run, noSecret }
  })

describe("tg-invite export", () => {
  it.effect("prints only the link on stdout and exits 0", () =>
    Effect.gen(function*() {
      const { capture, run, noSecret } = yield* setup()
      assert.strictEqual(yield* run(args("-1001234567890")), ExitCode.ok)
      assert.match(capture.stdout(), LINK_LINE)
      assert.strictEqual(capture.stderr(), "")
      noSecret()
    }))

  it.effect("prints one line per flood wait when stderr is not a terminal, and waits exactly retry_after", () =>
    Effect.gen(function*() {
      const { mock, capture, run } = yield* setup()
      mock.injectFault({ method: "exportChatInviteLink", reply: { error_code: 429, retry_after: 12 } })
      const fiber = yield* Effect.fork(run(args("-1001234567890")))
      yield* TestClock.adjust(Duration.millis(11_999))
      assert.isNull(fiber.unsafePoll())
      assert.strictEqual(capture.stderr(), "flood control: retrying exportChatInviteLink in 12 s (attempt 2 of 5)\n")
      yield* TestClock.adjust(Duration.millis(1))
      assert.strictEqual(yield* Fiber.join(fiber), ExitCode.ok)
      assert.match(capture.stdout(), LINK_LINE)
    }))

  it.effect("shows a live countdown when stderr is a terminal", () =>
    Effect.gen(function*() {
      const { mock, capture, run } = yield* setup({ errIsTTY: true })
      mock.injectFault({ method: "exportChatInviteLink", reply: { error_code: 429, retry_after: 3 } })
      const fiber = yield* Effect.fork(run(args("-1001234567890", { maxAttempts: 4 })))
      yield* TestClock.adjust(Duration.seconds(3))
      assert.strictEqual(yield* Fiber.join(fiber), ExitCode.ok)
      const frames = capture.stderr().split("\r\x1b[K").filter((frame) => frame !== "")
      assert.deepStrictEqual(
        frames,
        [3, 2, 1].map((left) => `flood control: retrying exportChatInviteLink in ${left} s (attempt 2 of 4)`)
      )
      assert.isTrue(capture.stderr().endsWith("\r\x1b[K"))
      assert.match(capture.stdout(), LINK_LINE)
    }))

  it.effect("tells the new chat id on stderr when the group was upgraded", () =>
    Effect.gen(function*() {
      const { capture, run } = yield* setup()
      assert.strictEqual(yield* run(args("-987654321")), ExitCode.ok)
      assert.strictEqual(
        capture.stderr(),
        "chat -987654321 was upgraded to a supergroup: its new id is -1009876543210 (update the id you store)\n"
      )
      assert.match(capture.stdout(), LINK_LINE)
    }))

  it.effect("prints JSON with --json", () =>
    Effect.gen(function*() {
      const { capture, run } = yield* setup()
      assert.strictEqual(yield* run(args("-987654321", { json: true })), ExitCode.ok)
      const out = JSON.parse(capture.stdout())
      assert.deepStrictEqual(Object.keys(out), ["ok", "link", "chat_id", "migrated_from", "attempts"])
      assert.strictEqual(out.chat_id, -1009876543210)
      assert.strictEqual(out.migrated_from, -987654321)
      assert.strictEqual(out.attempts, 2)
    }))

  it.effect("refuses an invalid chat id before any request (exit 2)", () =>
    Effect.gen(function*() {
      const { mock, capture, run } = yield* setup()
      for (const bad of ["@a__b", "12abc", "", "@_x", "99999999999999999999"]) {
        assert.strictEqual(yield* run(args(bad)), ExitCode.invalidInput)
      }
      assert.strictEqual(capture.stdout(), "")
      assert.strictEqual(mock.journal().length, 0)
      assert.include(capture.stderr(), `tg-invite: invalid chat id "@a__b"`)
    }))

  it.effect("exits 3 with Telegram's description for a refusal", () =>
    Effect.gen(function*() {
      const { capture, run, noSecret } = yield* setup()
      assert.strictEqual(yield* run(args("-1002000000002")), ExitCode.telegramError)
      assert.strictEqual(
        capture.stderr(),
        "tg-invite: Telegram refused exportChatInviteLink for -1002000000002: Bad Request: not enough rights to manage chat invite link (error 400)\n"
      )
      assert.strictEqual(yield* run(args("42", { json: true })), ExitCode.telegramError)
      assert.deepInclude(JSON.parse(capture.stdout()), {
        ok: false,
        error: "TelegramApiError",
        exit_code: 3,
        error_code: 400,
        description: "Bad Request: can't invite members to a private chat"
      })
      noSecret()
    }))

  it.effect("exits 4 at once when retry_after is longer than --max-wait", () =>
    Effect.gen(function*() {
      const { mock, capture, run } = yield* setup()
      mock.injectFault({ method: "exportChatInviteLink", reply: { error_code: 429, retry_after: 73414 } })
      assert.strictEqual(yield* run(args("-1001234567890", { maxWait: Duration.seconds(30) })), ExitCode.floodWait)
      assert.include(capture.stderr(), "asks to wait 73414 s")
      assert.strictEqual(mock.journal().length, 1)
    }))

  it.effect("exits 6 when the connection keeps dropping, within the attempt budget", () =>
    Effect.gen(function*() {
      const { mock, capture, run, noSecret } = yield* setup()
      mock.injectFault({ method: "exportChatInviteLink", times: 10, reply: { drop: true } })
      const fiber = yield* Effect.fork(run(args("-1001234567890", { maxAttempts: 3 })))
      yield* TestClock.adjust(Duration.minutes(1))
      assert.strictEqual(yield* Fiber.join(fiber), ExitCode.transport)
      assert.strictEqual(mock.journal().length, 3)
      const line = capture.stderr().trim().split("\n").at(-1) ?? ""
      // The method and the chat are said once, not once by the CLI and again by the error's message.
      assert.match(line, /^tg-invite: no usable answer to exportChatInviteLink \(chat -1001234567890\): Network: \S/)
      assert.strictEqual(line.split("exportChatInviteLink").length, 2)
      noSecret()
    }))
})
