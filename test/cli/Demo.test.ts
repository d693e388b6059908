/**
 * `tg-invite demo` (what `npm start` runs), end to end on the TestClock (its flood wait passes without a real
 * sleep): the printed tour and its summary have the structure the README shows, and the summary's facts are what
 * happened: the links differ, the first is revoked, the wait was honoured, the refusals were one request each, and
 * every figure matches the mock's own journal. When something else happens (a transient failure before a refusal),
 * the summary says so instead of what the tour meant to show.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Option, Redacted, TestClock } from "effect"
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { makeCapture } from "../../cli/CliOutput.js"
import { demo, type DemoRow, tryItCommand } from "../../cli/Demo.js"
import { run } from "../../cli/TgInvite.js"
import * as BotApi from "../../src/BotApi.js"
import { layerMockHttpClient } from "../../src/MockHttpClient.js"
import * as Policy from "../../src/Policy.js"

const SUPERGROUP = -1001234567890
const UPGRADED = -987654321
const UPGRADED_TO = -1009876543210
const NO_RIGHTS = -1002000000002
const LINK = /^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/

/** Runs `effect` to its end, moving the TestClock on a second at a time (a dynamic import may come first). */
const toTheEnd = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(effect)
    for (let i = 0; i < 120; i++) {
      const polled = yield* Fiber.poll(fiber)
      if (Option.isSome(polled)) return yield* polled.value
      yield* TestClock.adjust("1 second")
    }
    return yield* Effect.dieMessage("the demo did not end within 2 minutes of virtual time")
  })

/** The rows of the printed summary table (under `Summary`, after the header and its rule). */
const printedSummary = (stdout: string): Array<DemoRow> => {
  const lines = stdout.slice(stdout.indexOf("\nSummary\n") + "\nSummary\n".length).split("\n")
  assert.match(lines[0]!, /^ {2}step +chat +outcome +requests +time$/)
  assert.match(lines[1]!, /^ {2}-+ {2}-+ {2}-+ {2}-+ {2}-+$/)
  const rows: Array<DemoRow> = []
  for (const line of lines.slice(2)) {
    if (line.trim() === "") break
    const cells = line.trim().split(/ {2,}/)
    assert.strictEqual(cells.length, 5, line)
    const [step, chat, outcome, requests, time] = cells as [DemoRow["step"], string, string, string, string]
    assert.match(time, /^\d+ ms$/)
    rows.push({ step, chat, outcome, requests: Number(requests), ms: Number(time.slice(0, -3)) })
  }
  return rows
}

const services = (mock: MockTelegram) =>
  Layer.mergeAll(
    BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(Layer.provide(layerMockHttpClient(mock))),
    Policy.layerMemory
  )

describe("tg-invite demo", () => {
  it.effect("end to end: the tour, then a summary of seven steps whose facts hold", () =>
    Effect.gen(function*() {
      const capture = makeCapture()
      const code = yield* toTheEnd(run(["demo"])).pipe(Effect.provide(capture.layer))
      const stdout = capture.stdout()
      assert.strictEqual(code, 0, capture.stderr())
      assert.notInclude(stdout, DEFAULT_BOT_TOKEN.slice(DEFAULT_BOT_TOKEN.indexOf(":") + 1))

      const rows = printedSummary(stdout)
      assert.deepStrictEqual(
        rows.map((row) => [row.step, row.chat]),
        [
          ["export", String(SUPERGROUP)],
          ["export again", String(SUPERGROUP)],
          ["flood wait", String(SUPERGROUP)],
          ["migration", String(UPGRADED)],
          ["remembered", String(UPGRADED)],
          ["refusal", String(NO_RIGHTS)],
          ["refusal", "42"]
        ]
      )
      const [exported, again, flood, migration, remembered, ...refusals] = rows
      // The links differ, and the first is revoked (as the tour prints it, and as the summary says).
      const first = /1\. [^\n]*\n {3}(\S+)/.exec(stdout)![1]!
      const second = /new link: +(\S+)/.exec(stdout)![1]!
      assert.match(first, LINK)
      assert.match(second, LINK)
      assert.notStrictEqual(first, second)
      assert.include(stdout, `first link:           ${first} is revoked`)
      assert.strictEqual(exported!.outcome, "link")
      assert.strictEqual(exported!.requests, 1)
      assert.strictEqual(again!.outcome, "new link, old revoked")
      assert.strictEqual(again!.requests, 1)
      // The wait was honoured: two requests, and the step took at least the 2 s asked for.
      assert.strictEqual(flood!.outcome, "link after 2 s wait")
      assert.strictEqual(flood!.requests, 2)
      assert.isAtLeast(flood!.ms, 2_000)
      assert.strictEqual(migration!.outcome, `followed to ${UPGRADED_TO}`)
      assert.strictEqual(migration!.requests, 2)
      assert.strictEqual(remembered!.outcome, `straight to ${UPGRADED_TO}`)
      assert.strictEqual(remembered!.requests, 1)
      // The refusals were one request each, typed.
      for (const refusal of refusals) {
        assert.strictEqual(refusal.outcome, "TelegramApiError 400")
        assert.strictEqual(refusal.requests, 1)
      }
      // Run by the test runner, not by `npm start`: the hint is the installed bin's command.
      assert.include(stdout, "Try it yourself: npx tg-invite export -1001234567890 --mock")
    }))

  it("its closing hint is a command that works where it runs", () => {
    const inRepository = { npm_package_name: "effect-telegram-invite" }
    assert.strictEqual(
      tryItCommand({ ...inRepository, npm_lifecycle_event: "start" }),
      "npm run --silent tg-invite -- export -1001234567890 --mock"
    )
    assert.strictEqual(
      tryItCommand({ ...inRepository, npm_lifecycle_event: "tg-invite" }),
      "npm run --silent tg-invite -- export -1001234567890 --mock"
    )
    // Installed in a user's project: npx, the bin run directly, or a script of the user's package.
    assert.strictEqual(tryItCommand({ npm_lifecycle_event: "npx" }), "npx tg-invite export -1001234567890 --mock")
    assert.strictEqual(tryItCommand({}), "npx tg-invite export -1001234567890 --mock")
    assert.strictEqual(
      tryItCommand({ npm_package_name: "my-bot", npm_lifecycle_event: "start" }),
      "npx tg-invite export -1001234567890 --mock"
    )
  })

  it.effect("its facts are the mock's: journal, links, revocation, the time waited", () =>
    Effect.gen(function*() {
      const mock = MockTelegram.make()
      const capture = makeCapture()
      const report = yield* toTheEnd(demo(mock)).pipe(Effect.provide(services(mock)), Effect.provide(capture.layer))
      const journal = mock.journal()
      // Every request the mock answered is in one row (and getChat, which the tour shows, in none).
      const counted = report.rows.reduce((sum, row) => sum + row.requests, 0)
      assert.strictEqual(journal.filter((entry) => entry.method === "exportChatInviteLink").length, counted)
      assert.deepStrictEqual(journal.filter((entry) => entry.method !== "exportChatInviteLink").map((e) => e.method), [
        "getChat"
      ])
      assert.deepStrictEqual(
        journal.filter((entry) => entry.method === "exportChatInviteLink").map((
          entry
        ) => [entry.chat_id, entry.status]),
        [
          [String(SUPERGROUP), 200],
          [String(SUPERGROUP), 200],
          [String(SUPERGROUP), 429],
          [String(SUPERGROUP), 200],
          [String(UPGRADED), 400],
          [String(UPGRADED_TO), 200],
          [String(UPGRADED_TO), 200],
          [String(NO_RIGHTS), 400],
          ["42", 400]
        ]
      )
      // Five links, all different; of the supergroup's three only the newest is live.
      assert.strictEqual(new Set(report.links).size, 5)
      const [first, second, flooded] = report.links
      assert.isTrue(mock.link(first!)?.is_revoked)
      assert.isTrue(mock.link(second!)?.is_revoked)
      assert.strictEqual(mock.primaryLink(SUPERGROUP, DEFAULT_BOT_ID), flooded)
      // On the TestClock a request takes no time: the flood step took exactly the wait, the others nothing.
      assert.deepStrictEqual(report.rows.map((row) => row.ms), [0, 0, 2_000, 0, 0, 0, 0])
      assert.deepStrictEqual(printedSummary(capture.stdout()), report.rows)
    }))

  it.effect("says what happened when it is not what the tour meant: a transient failure before a refusal", () =>
    Effect.gen(function*() {
      const mock = MockTelegram.make()
      // The first try for the chat without rights meets a 500; the policy retries it (transient), then gets the 400.
      mock.injectFault({ method: "exportChatInviteLink", chat_id: NO_RIGHTS, times: 1, reply: { error_code: 500 } })
      const capture = makeCapture()
      const report = yield* toTheEnd(demo(mock)).pipe(Effect.provide(services(mock)), Effect.provide(capture.layer))
      const refusal = report.rows.find((row) => row.step === "refusal" && row.chat === String(NO_RIGHTS))!
      assert.strictEqual(refusal.outcome, "TelegramApiError 400")
      assert.strictEqual(refusal.requests, 2)
      assert.isAbove(refusal.ms, 0, "the retry waited its backoff")
      assert.strictEqual(report.rows.find((row) => row.chat === "42")!.requests, 1)
    }))
})
