/**
 * 10,000 concurrent Policy.exportChatInviteLink calls through one BotApi, one shared flood gate and one migration
 * registry, against the mock (in-process HttpClient) with flood limits, upgraded groups, a group upgraded while the
 * calls run, and injected faults (HTML 502, 5xx envelopes, dropped connections, answers slower than the timeout,
 * 429s), all on the TestClock.
 *
 * Every call ends (success or a typed error, no defect), none is lost, every request that started ended, every 5xx in
 * the mock's journal came from an injected fault (the mock met no defect of its own), each chat's
 * current primary link is the one the last successful call got, the gate held back the calls while it was closed,
 * and the gate's bookkeeping is empty once its deadlines have passed.
 */
import { assert, describe, it } from "@effect/vitest"
import { Cause, Clock, Context, Duration, Effect, Exit, Fiber, Option, Redacted, Ref } from "effect"
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import * as BotApi from "../../src/BotApi.js"
import * as ChatId from "../../src/ChatId.js"
import * as ChatMigrations from "../../src/ChatMigrations.js"
import * as FloodGate from "../../src/FloodGate.js"
import { makeMockHttpClient, mockClockFromEffect } from "../../src/MockHttpClient.js"
import * as Policy from "../../src/Policy.js"
import { defects, firstFailure, isInterrupted } from "../edition/cause.js"
import { fork, poll } from "../edition/fiber.js"
import { HttpClient } from "../edition/http.js"
import { batchingTestClock, TestClock } from "../edition/testClock.js"
import { checkServerErrorsInjected } from "./ChaosSupport.js"

const CALLS = 10_000
const SUPERGROUP = -1001234567890
const CHANNEL = "@my_test_channel"
const UPGRADED = -987654321
const UPGRADED_TO = -1009876543210
const BASIC = -555555555
const TARGETS: ReadonlyArray<number | string> = [SUPERGROUP, CHANNEL, UPGRADED, BASIC, -1002000000002]

describe("concurrency", () => {
  it.effect(
    `${CALLS} concurrent exports: all end, none lost, links consistent, the gate empty afterwards`,
    () =>
      Effect.gen(function*() {
        yield* batchingTestClock()
        const mock = MockTelegram.make({
          clock: mockClockFromEffect(yield* Clock.clockWith(Effect.succeed)),
          // Long enough to hold every request of the run (about 17,000), for the check of its 5xx answers.
          caps: { journalSize: 40_000 }
        })
        mock.setFloodLimits([{ method: "exportChatInviteLink", max_calls: 1_000, per_seconds: 1 }])
        const faults = [
          { html: 502 },
          { error_code: 500 },
          { drop: true as const },
          { delay_ms: 15_000 },
          { delay_ms: 300 },
          { error_code: 429, retry_after: 3 }
        ]
        for (const reply of faults) mock.injectFault({ method: "exportChatInviteLink", reply, times: 150 })

        // Requests in flight, as the mock's HttpClient sees them.
        const started = yield* Ref.make(0)
        const ended = yield* Ref.make(0)
        /** Each request: when it arrived, for which chat. */
        const arrivals: Array<{ readonly at: number; readonly chat: string }> = []
        const inner = makeMockHttpClient(mock)
        const client = HttpClient.make((request) =>
          Effect.gen(function*() {
            yield* Ref.update(started, (n) => n + 1)
            const body = request.body._tag === "Uint8Array"
              ? JSON.parse(new TextDecoder().decode(request.body.body))
              : {}
            arrivals.push({ at: yield* Clock.currentTimeMillis, chat: String(body.chat_id) })
            return yield* inner.execute(request).pipe(Effect.ensuring(Ref.update(ended, (n) => n + 1)))
          })
        )
        const api = yield* BotApi.make({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(
          Effect.provideService(HttpClient.HttpClient, client)
        )
        const gate = yield* FloodGate.makeMemory
        const registry = yield* ChatMigrations.makeMemory
        const services = Context.make(BotApi.BotApi, api).pipe(
          Context.add(FloodGate.FloodGate, gate),
          Context.add(ChatMigrations.ChatMigrations, registry)
        )
        /** Each flood wait the server told: the scope was closed from `from` until `until`. */
        const closed: Array<{ readonly chat: string; readonly from: number; readonly until: number }> = []
        const options: Policy.Options = {
          maxAttempts: 12,
          jitter: false,
          onEvent: (event) =>
            event._tag === "FloodWait" && event.source === "server"
              ? Effect.map(Clock.currentTimeMillis, (now) =>
                void closed.push({
                  chat: String(event.chatId),
                  from: now,
                  until: now + Duration.toMillis(event.retryAfter)
                }))
              : Effect.void
        }

        const fiber = yield* Effect.forEach(
          Array.from({ length: CALLS }, (_, i) => TARGETS[i % TARGETS.length]!),
          (target) => Effect.exit(Policy.exportChatInviteLink(target, options)),
          { concurrency: "unbounded" }
        ).pipe(Effect.provide(services), fork)
        // The basic group is upgraded while the calls run.
        yield* TestClock.adjust("1500 millis")
        const basicTo = mock.upgradeGroup(BASIC)
        yield* TestClock.adjust("10 minutes")
        const polled = yield* poll(fiber)
        assert.isTrue(Option.isSome(polled), "every call ended within 10 minutes of virtual time")
        const exits = yield* Fiber.join(fiber)

        // None lost, none a defect.
        assert.strictEqual(exits.length, CALLS)
        const tags = new Map<string, number>()
        for (const exit of exits) {
          const tag = Exit.isSuccess(exit)
            ? "success"
            : Option.getOrElse(Option.map(firstFailure(exit.cause), (e) => e._tag), () => "not a failure")
          if (Exit.isFailure(exit)) {
            assert.deepStrictEqual(defects(exit.cause).length, 0, Cause.pretty(exit.cause))
            assert.isFalse(isInterrupted(exit.cause), Cause.pretty(exit.cause))
          }
          tags.set(tag, (tags.get(tag) ?? 0) + 1)
        }
        console.log(
          `[concurrency] ${[...tags].map(([tag, n]) => `${tag} ${n}`).join(", ")}; requests ${arrivals.length}`
        )
        assert.strictEqual(tags.get("not a failure"), undefined)
        assert.isAbove(tags.get("success") ?? 0, CALLS / 2, "most calls succeed")
        // The chat without invite rights fails, typed, every time.
        assert.strictEqual(tags.get("TelegramApiError"), CALLS / TARGETS.length)
        assert.strictEqual(yield* Ref.get(started), yield* Ref.get(ended), "every request that started ended")

        // Links: each success is a link the mock made for that chat; the current primary link is one of them and is
        // the only success link still valid.
        const successes = exits.filter(Exit.isSuccess).map((exit) => exit.value)
        const byChat = new Map<string, Array<Policy.ExportedLink>>()
        for (const result of successes) {
          const key = ChatId.toKey(result.chatId)
          byChat.set(key, [...(byChat.get(key) ?? []), result])
        }
        assert.deepStrictEqual(
          [...byChat.keys()].sort(),
          [String(SUPERGROUP), CHANNEL, String(UPGRADED_TO), String(basicTo), String(BASIC)].sort()
        )
        for (const [key, results] of byChat) {
          const chat = mock.chat(key.startsWith("@") ? key : Number(key))!
          const current = mock.primaryLink(chat.id, DEFAULT_BOT_ID)!
          const links = new Set(results.map((r) => r.link))
          assert.strictEqual(links.size, results.length, `${key}: every success got its own link`)
          assert.isTrue(links.has(current), `${key}: the current primary link went to a caller`)
          const valid = results.filter((r) => mock.link(r.link)?.is_revoked === false)
          assert.deepStrictEqual(valid.map((r) => r.link), [current], `${key}: only the newest link is valid`)
        }
        // Calls on the basic group before its upgrade stayed there; after it, they followed it.
        for (const result of successes) {
          if (result.migratedFrom !== undefined) {
            assert.include([UPGRADED, BASIC] as Array<unknown>, result.migratedFrom)
          }
        }

        // Every 5xx the mock answered came from an injected fault (none from a defect of the mock), and each of those
        // faults was served in full.
        const journal = mock.journal()
        assert.isBelow(journal.length, 40_000, "the journal held every request")
        checkServerErrorsInjected(mock, 0)
        const served = (fault: string) => journal.filter((entry) => entry.fault === fault).length
        assert.strictEqual(served("html 502"), 150)
        assert.strictEqual(served("error 500"), 150)
        assert.deepStrictEqual(mock.snapshot().faults, [], "every injected fault was used")

        // The shared gate: no request for a chat arrived while the server's flood wait for it was running.
        assert.isAbove(closed.length, 0, "the flood limits closed the gate")
        for (const window of closed) {
          const intruder = arrivals.find((a) => a.chat === window.chat && a.at > window.from && a.at < window.until)
          assert.isUndefined(
            intruder,
            `a request for ${window.chat} at ${intruder?.at} inside [${window.from}, ${window.until})`
          )
        }

        // The gate's bookkeeping is empty once every deadline has passed (no scope left behind).
        const latest = Math.max(...closed.map((w) => w.until))
        const now = yield* Clock.currentTimeMillis
        assert.isAtMost(latest, now)
        assert.strictEqual(yield* gate.size, 0, "no scope left in the gate")
      }),
    120_000
  )
})
