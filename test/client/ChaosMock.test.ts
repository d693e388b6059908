/**
 * The client under chaos against the mock Bot API itself (`MockTelegram` through its in-process HttpClient, on the
 * TestClock): random targets in the default world (upgraded groups, channels by @username, chats without rights,
 * private chats, unknown chats), random injected faults (429 with any retry_after, 5xx envelopes, migrations that
 * chain or loop, HTML pages, dropped connections, answers delayed past the timeout), random flood limits with earlier
 * traffic, a flood gate closed by an earlier call, and random policy options.
 *
 * Invariants of every run:
 * - the call ends within attempts × (timeout + longest wait) of virtual time, with a success or a `BotApiError`
 *   (no defect, no interruption);
 * - a success is the mock's current primary link of the bot in the chat the call ended on (not revoked), reached
 *   through the migrations the mock knows of;
 * - requests ≤ maxAttempts, and `attempts` counts them;
 * - the virtual time of the call is the time spent in requests plus the waits the policy announced (flood waits from
 *   the server or the gate, backoffs); each flood wait ≤ maxFloodWait and was told by the mock (a 429 with that
 *   `Retry-After`) or by the gate; each backoff ≤ backoffCap;
 * - no token secret in the error, its causes, the log lines, the spans or the policy events.
 *
 * Reproduce a failure with the seed (and path) printed by fast-check: CHAOS_SEED=… CHAOS_PATH=… npx vitest run <file>.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Clock, Context, Duration, Effect, Exit, Fiber, Option, Redacted, Ref } from "effect"
import * as fc from "fast-check"
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import * as BotApi from "../../src/BotApi.js"
import * as ChatId from "../../src/ChatId.js"
import * as ChatMigrations from "../../src/ChatMigrations.js"
import * as FloodGate from "../../src/FloodGate.js"
import { makeMockHttpClient, mockClockFromEffect } from "../../src/MockHttpClient.js"
import * as Policy from "../../src/Policy.js"
import { firstFailure, tapCause } from "../edition/cause.js"
import { fork, poll } from "../edition/fiber.js"
import { HttpClient } from "../edition/http.js"
import { withAllLogLevels } from "../edition/logger.js"
import { withRandomSeed } from "../edition/random.js"
import { runPromiseHere } from "../edition/runtime.js"
import { fastTestClock, TestClock } from "../edition/testClock.js"
import {
  chaosParameters,
  chaosRuns,
  check,
  checkNoSecret,
  checkServerErrorsInjected,
  checkTyped,
  makeTally,
  trackUnhandledRejections
} from "./ChaosSupport.js"
import { makeRecordingLogger, makeRecordingTracer } from "./support.js"

const RUNS = chaosRuns(5_000)
const tally = makeTally()

const SUPERGROUP = -1001234567890
const UPGRADED = -987654321
const UPGRADED_TO = -1009876543210
const BASIC = -555555555
const CHANNEL = -1001000000001
const TARGETS: ReadonlyArray<number | string> = [
  SUPERGROUP,
  SUPERGROUP,
  UPGRADED,
  UPGRADED,
  BASIC,
  BASIC,
  "@my_test_channel",
  CHANNEL,
  -1002000000002, // the bot may not invite
  -1002000000004, // the bot was kicked
  42, // a private chat
  -1009999999999 // unknown
]
/** Chats a fault may move a chat to (some of them targets again: chains and loops). */
const MOVE_TARGETS = [SUPERGROUP, UPGRADED, UPGRADED_TO, BASIC, CHANNEL, -1002000000004]

type FaultReply =
  | { readonly error_code: number; readonly retry_after?: number; readonly migrate_to_chat_id?: number }
  | { readonly html: number }
  | { readonly drop: true }
  | { readonly delay_ms: number }

interface FaultSpec {
  readonly reply: FaultReply
  /** For the call's target, for any chat, or for one of the chats it may move to. */
  readonly chat: "target" | "any" | number
  readonly times: number
}

interface Scenario {
  readonly target: number | string
  readonly upgradeBasic: boolean
  readonly faults: ReadonlyArray<FaultSpec>
  readonly floodLimit: { readonly max_calls: number; readonly per_seconds: number } | undefined
  /** Exports made before the call, straight through the mock (they fill the flood limit's window). */
  readonly earlier: number
  /** The flood gate of the target is closed for this long when the call starts. */
  readonly gateClosedMs: number
  readonly maxAttempts: number
  readonly maxFloodWaitMs: number
  readonly maxMigrationHops: number
  readonly timeoutMs: number
  readonly retryTransient: boolean
  readonly backoffBaseMs: number
  readonly backoffCapMs: number
  readonly jitter: boolean
  readonly randomSeed: number
  readonly floodGateScope: FloodGate.ScopeKind
}

const faultReply: fc.Arbitrary<FaultReply> = fc.oneof(
  {
    arbitrary: fc.record({
      error_code: fc.constant(429),
      retry_after: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.constantFrom(0, 1, 60, 61, 73414))
    }),
    weight: 4
  },
  { arbitrary: fc.record({ error_code: fc.constantFrom(500, 502, 503, 599) }), weight: 2 },
  { arbitrary: fc.record({ error_code: fc.constantFrom(400, 403, 404) }), weight: 1 },
  {
    arbitrary: fc.record({ error_code: fc.constant(400), migrate_to_chat_id: fc.constantFrom(...MOVE_TARGETS) }),
    weight: 3
  },
  { arbitrary: fc.record({ html: fc.constantFrom(502, 503, 504) }), weight: 2 },
  { arbitrary: fc.constant({ drop: true } as const), weight: 2 },
  { arbitrary: fc.record({ delay_ms: fc.integer({ min: 0, max: 30_000 }) }), weight: 2 }
)

const scenario: fc.Arbitrary<Scenario> = fc.record({
  target: fc.constantFrom(...TARGETS),
  upgradeBasic: fc.boolean(),
  faults: fc.array(
    fc.record({
      reply: faultReply,
      chat: fc.oneof(
        { arbitrary: fc.constant("target" as const), weight: 3 },
        { arbitrary: fc.constant("any" as const), weight: 2 },
        { arbitrary: fc.constantFrom(...MOVE_TARGETS), weight: 2 }
      ),
      times: fc.integer({ min: 1, max: 3 })
    }),
    { maxLength: 6 }
  ),
  floodLimit: fc.option(
    fc.record({ max_calls: fc.integer({ min: 1, max: 3 }), per_seconds: fc.constantFrom(1, 5, 30, 61, 120) }),
    { nil: undefined }
  ),
  earlier: fc.integer({ min: 0, max: 3 }),
  gateClosedMs: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, {
    arbitrary: fc.integer({ min: 1, max: 120_000 }),
    weight: 1
  }),
  maxAttempts: fc.integer({ min: 1, max: 8 }),
  maxFloodWaitMs: fc.constantFrom(0, 1_000, 30_000, 60_000, 60_000, 90_000, 100_000_000),
  maxMigrationHops: fc.constantFrom(0, 1, 2, 2, 3),
  timeoutMs: fc.integer({ min: 1, max: 20_000 }),
  retryTransient: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  backoffBaseMs: fc.integer({ min: 1, max: 2_000 }),
  backoffCapMs: fc.integer({ min: 1, max: 10_000 }),
  jitter: fc.boolean(),
  randomSeed: fc.integer(),
  floodGateScope: fc.constantFrom("chat" as const, "bot" as const)
})

/** One request through the wrapped client: when it was sent, when it ended (answered or cut), what came back. */
interface Exchange {
  readonly at: number
  end: number | undefined
  status: number | undefined
  retryAfter: string | undefined
}

/** The mock's HttpClient, recording each exchange on the TestClock. */
const recording = (inner: HttpClient.HttpClient, log: Array<Exchange>): HttpClient.HttpClient =>
  HttpClient.make((request) =>
    Effect.gen(function*() {
      const entry: Exchange = {
        at: yield* Clock.currentTimeMillis,
        end: undefined,
        status: undefined,
        retryAfter: undefined
      }
      log.push(entry)
      return yield* inner.execute(request).pipe(
        Effect.tap((response) =>
          Effect.sync(() => {
            entry.status = response.status
            entry.retryAfter = response.headers["retry-after"]
          })
        ),
        Effect.ensuring(Effect.flatMap(Clock.currentTimeMillis, (now) => Effect.sync(() => void (entry.end = now))))
      )
    })
  )

const exportDirectly = (mock: MockTelegram, chat: number | string): void => {
  mock.handle({
    method: "POST",
    target: `/bot${DEFAULT_BOT_TOKEN}/exportChatInviteLink`,
    contentType: "application/json",
    body: new TextEncoder().encode(JSON.stringify({ chat_id: chat }))
  })
}

const runScenario = (mock: MockTelegram, s: Scenario) =>
  Effect.gen(function*() {
    mock.reset()
    const defectsBefore = mock.defectCount
    let basicTo: number | undefined
    if (s.upgradeBasic) basicTo = mock.upgradeGroup(BASIC)
    if (s.floodLimit !== undefined) mock.setFloodLimits([{ method: "exportChatInviteLink", ...s.floodLimit }])
    for (let i = 0; i < s.earlier; i++) exportDirectly(mock, s.target)
    for (const fault of s.faults) {
      const chat = fault.chat === "any" ? undefined : fault.chat === "target" ? s.target : fault.chat
      mock.injectFault({
        method: "exportChatInviteLink",
        ...(chat !== undefined ? { chat_id: chat } : {}),
        reply: fault.reply,
        times: fault.times
      })
    }

    const exchanges: Array<Exchange> = []
    const client = recording(makeMockHttpClient(mock), exchanges)
    const api = yield* BotApi.make({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(
      Effect.provideService(HttpClient.HttpClient, client)
    )
    const gate = yield* FloodGate.makeMemory
    const registry = yield* ChatMigrations.makeMemory
    const targetId = ChatId.unsafeMake(s.target)
    if (s.gateClosedMs > 0) {
      yield* gate.close(
        FloodGate.scopeOf(s.floodGateScope, targetId),
        (yield* Clock.currentTimeMillis) + s.gateClosedMs
      )
    }
    const services = Context.make(BotApi.BotApi, api).pipe(
      Context.add(FloodGate.FloodGate, gate),
      Context.add(ChatMigrations.ChatMigrations, registry)
    )
    const events = yield* Ref.make<ReadonlyArray<Policy.PolicyEvent>>([])
    const { spans, tracer } = makeRecordingTracer()
    const logger = makeRecordingLogger()
    const options: Policy.Options = {
      maxAttempts: s.maxAttempts,
      maxFloodWait: Duration.millis(s.maxFloodWaitMs),
      maxMigrationHops: s.maxMigrationHops,
      requestTimeout: Duration.millis(s.timeoutMs),
      retryTransient: s.retryTransient,
      backoffBase: Duration.millis(s.backoffBaseMs),
      backoffCap: Duration.millis(s.backoffCapMs),
      jitter: s.jitter,
      floodGateScope: s.floodGateScope,
      onEvent: (event) => Ref.update(events, (all) => [...all, event])
    }

    const start = yield* Clock.currentTimeMillis
    const fiber = yield* Policy.exportChatInviteLink(s.target, options).pipe(
      tapCause((cause) => Effect.logError("export failed", cause)),
      Effect.provide(services),
      Effect.withTracer(tracer),
      Effect.provide(logger.layer),
      withAllLogLevels,
      withRandomSeed(s.randomSeed),
      Effect.exit,
      Effect.zip(Clock.currentTimeMillis),
      fork
    )
    const longestWait = Math.max(s.maxFloodWaitMs, s.backoffCapMs)
    const boundMs = s.maxAttempts * (s.timeoutMs + longestWait) + longestWait + 1
    yield* TestClock.adjust(Duration.millis(boundMs))
    const polled = yield* poll(fiber)
    if (Option.isNone(polled)) {
      yield* Fiber.interrupt(fiber)
      check(false, () => `the call did not end within ${boundMs} ms of virtual time`)
      return
    }
    const [exit, end] = yield* Effect.orDie(polled.value)
    checkServerErrorsInjected(mock, defectsBefore)
    checkTyped(exit)
    const eventList = yield* Ref.get(events)
    checkNoSecret(exit, spans, logger.lines, eventList, (s.randomSeed & 7) === 0)

    // Budget.
    const n = exchanges.length
    check(n <= s.maxAttempts, () => `${n} requests for a budget of ${s.maxAttempts}`)
    check(exchanges.every((x) => x.end !== undefined), () => "a request that never ended")

    // Time: requests plus announced waits, each within its cap, flood waits told by the mock or the gate.
    let inRequests = 0
    for (const x of exchanges) inRequests += x.end! - x.at
    let waits = 0
    const told = exchanges.filter((x) => x.status === 429).map((x) => Number(x.retryAfter) * 1000)
    for (const event of eventList) {
      if (event._tag === "FloodWait") {
        const ms = Duration.toMillis(event.retryAfter)
        check(ms <= s.maxFloodWaitMs, () => `a flood wait of ${ms} ms over the cap ${s.maxFloodWaitMs}`)
        check(
          event.source === "gate" || told.includes(ms),
          () => `a server flood wait of ${ms} ms the mock never told (${told.join(", ")})`
        )
        waits += ms
      } else if (event._tag === "TransientRetry") {
        const ms = Duration.toMillis(event.delay)
        check(ms <= s.backoffCapMs, () => `a backoff of ${ms} ms over the cap ${s.backoffCapMs}`)
        waits += ms
      }
    }
    check(end - start === inRequests + waits, () => `elapsed ${end - start} ≠ requests ${inRequests} + waits ${waits}`)

    // Outcome.
    if (Exit.isSuccess(exit)) {
      const result = exit.value
      check(result.attempts === n, () => `attempts ${result.attempts}, requests ${n}`)
      const chat = mock.chat(result.chatId)
      check(chat !== undefined, () => `succeeded for ${result.chatId}, a chat the mock does not know`)
      const primary = mock.primaryLink(chat!.id, DEFAULT_BOT_ID)
      check(
        primary !== undefined && primary === result.link && mock.link(primary)?.is_revoked === false,
        () => `result ${result.link}, the mock's current primary link is ${primary}`
      )
      const expectedMove = s.target === UPGRADED ? UPGRADED_TO : s.target === BASIC ? basicTo : undefined
      check(
        result.migratedFrom === undefined || result.migratedFrom === targetId,
        () => `migratedFrom ${result.migratedFrom} for a call on ${s.target}`
      )
      if (expectedMove !== undefined && s.faults.every((f) => !("migrate_to_chat_id" in f.reply))) {
        check(result.chatId === expectedMove, () => `ended on ${result.chatId}, the chat moved to ${expectedMove}`)
      }
      tally.add(result.migratedFrom === undefined ? "success" : "success after migration")
    } else {
      tally.add(firstFailure(exit.cause).pipe(Option.map((e) => e._tag), Option.getOrElse(() => "?")))
    }
    tally.add(`requests=${n}`)
    if (eventList.some((e) => e._tag === "FloodWait" && e.source === "gate")) tally.add("gate wait")
    if (eventList.some((e) => e._tag === "FloodWait" && e.source === "server")) tally.add("server flood wait")
  })

const rejections = trackUnhandledRejections()
beforeAll(rejections.start)
afterAll(rejections.stop)

describe("chaos: Policy.exportChatInviteLink against the mock with injected faults", () => {
  it.effect(
    `${RUNS} random runs: every call ends, typed, the mock's current link, budget, caps, no secret`,
    () =>
      Effect.gen(function*() {
        yield* fastTestClock
        const mock = MockTelegram.make({
          clock: mockClockFromEffect(yield* Clock.clockWith(Effect.succeed)),
          caps: { journalSize: 64 }
        })
        const run = yield* runPromiseHere
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(scenario, (s) => run(runScenario(mock, s))),
            chaosParameters("mock with faults", RUNS)
          )
        )
        tally.print("mock with faults")
        assert.deepStrictEqual(rejections.seen, [], "no unhandled rejection")
      }),
    300_000
  )
})
