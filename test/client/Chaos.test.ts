/**
 * The client under chaos: Policy.exportChatInviteLink against a scripted server whose every answer is drawn by
 * fast-check (success; 429 with any retry_after; migrations in a chain or a loop; 5xx envelopes; HTML pages; dropped
 * connections; malformed JSON; answers slower than the timeout; `ok:true` without `result`; a result of the wrong
 * type; refusals), with random policy options, on the TestClock.
 *
 * The server keeps a world (each chat's current primary link, and which chat moved where): an answer that reaches
 * the world replaces the primary link even when the client never sees it (dropped, too slow, corrupted).
 *
 * Invariants of every run:
 * - the call ends within its bound (attempts × (timeout + longest wait)) of virtual time;
 * - it succeeds with the server's current primary link of the chat it ended on, or fails with the `BotApiError`
 *   the last answer calls for; no defect, no interruption;
 * - requests ≤ maxAttempts; each request after the first is justified by the answer before it (a flood wait within
 *   the cap, a migration within the hops and not a loop, a transient failure) and none follows a final answer;
 *   a call that gives up on a retryable answer does so because a bound says so;
 * - the virtual time between an answer and the next request is exactly the honoured retry_after, the backoff (within
 *   its jitter bounds, never over backoffCap) or zero after a migration; the total wait is their sum and stays under
 *   (maxAttempts − 1) × max(maxFloodWait, backoffCap);
 * - no token secret in the error, its causes, the log lines, the spans or the policy events.
 *
 * Reproduce a failure with the seed (and path) printed by fast-check: CHAOS_SEED=… CHAOS_PATH=… npx vitest run <file>.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Clock, Context, Duration, Effect, Exit, Fiber, Option, Redacted, Ref } from "effect"
import * as fc from "fast-check"
import * as BotApi from "../../src/BotApi.js"
import type { BotApiError } from "../../src/BotApiError.js"
import * as ChatId from "../../src/ChatId.js"
import * as ChatMigrations from "../../src/ChatMigrations.js"
import * as FloodGate from "../../src/FloodGate.js"
import * as Policy from "../../src/Policy.js"
import { firstFailure, tapCause } from "../edition/cause.js"
import { fork, poll } from "../edition/fiber.js"
import { HttpClient } from "../edition/http.js"
import { withAllLogLevels } from "../edition/logger.js"
import { withRandomSeed } from "../edition/random.js"
import { runPromiseHere } from "../edition/runtime.js"
import { fastTestClock, TestClock } from "../edition/testClock.js"
import { reasonName } from "../edition/transportReason.js"
import {
  chaosParameters,
  chaosRuns,
  check,
  checkNoSecret,
  checkTyped,
  makeTally,
  trackUnhandledRejections
} from "./ChaosSupport.js"
import { failure, makeFake, makeRecordingLogger, makeRecordingTracer, type Reply, TOKEN } from "./support.js"

const RUNS = chaosRuns(5_000)
const tally = makeTally()

// ---- the scenario ---------------------------------------------------------------------------------------------

const A = -1001234567890
const B = -987654321
const C = -555555555
const D = -1009876543210
const URL_WITH_TOKEN = `https://api.telegram.org/bot${TOKEN}/exportChatInviteLink`

/** What the server does with one request. */
type Behaviour =
  | { readonly _tag: "Success" }
  /** `retryAfter: undefined` means the key is missing. */
  | { readonly _tag: "Flood"; readonly retryAfter: unknown }
  | { readonly _tag: "ServerError"; readonly code: number; readonly echo: boolean }
  | { readonly _tag: "Html"; readonly status: number; readonly echo: boolean }
  /** `processed`: the server did the work (a new link) before the connection dropped. */
  | { readonly _tag: "Drop"; readonly processed: boolean; readonly when: "request" | "body" }
  | { readonly _tag: "Malformed"; readonly status: number; readonly body: string }
  /** The server does the work, then answers `by` ms after (< 0) or before (> 0) the client's timeout. */
  | { readonly _tag: "Slow"; readonly by: number }
  | { readonly _tag: "Hang" }
  | { readonly _tag: "OkNoResult" }
  | { readonly _tag: "WrongType"; readonly value: unknown }
  | { readonly _tag: "Refused"; readonly code: number; readonly echo: boolean }

type Topology = "none" | "single" | "chain" | "longChain" | "loop" | "selfLoop"

const MOVES: Record<Topology, ReadonlyArray<readonly [number, number]>> = {
  none: [],
  single: [[A, D]],
  chain: [[A, B], [B, D]],
  longChain: [[A, B], [B, C], [C, D]],
  loop: [[A, B], [B, A]],
  selfLoop: [[A, A]]
}

interface Scenario {
  readonly script: ReadonlyArray<Behaviour>
  readonly topology: Topology
  /** The registry already knows A's first move. */
  readonly knownHop: boolean
  readonly maxAttempts: number
  readonly maxFloodWaitMs: number
  readonly maxMigrationHops: number
  /** Where the request timeout is set: the policy, the BotApi, or neither (BotApi's default, 10 s). */
  readonly timeoutVia: "policy" | "botApi" | "default"
  readonly timeoutMs: number
  readonly retryTransient: boolean
  readonly backoffBaseMs: number
  readonly backoffCapMs: number
  readonly jitter: boolean
  readonly randomSeed: number
  readonly floodGateScope: FloodGate.ScopeKind
}

const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
  { arbitrary: fc.constant({ _tag: "Success" } as const), weight: 3 },
  {
    arbitrary: fc.record({
      _tag: fc.constant("Flood" as const),
      retryAfter: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 90 }), weight: 4 },
        { arbitrary: fc.constantFrom(1, 60, 73414, 0.5, 1.5, 61, 120), weight: 2 },
        { arbitrary: fc.constantFrom(0, -1, -60, undefined, "5", "abc", null, true, { seconds: 5 }, [5]), weight: 2 }
      )
    }),
    weight: 5
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant("ServerError" as const),
      code: fc.constantFrom(500, 502, 503, 504, 599),
      echo: fc.boolean()
    }),
    weight: 2
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant("Html" as const),
      status: fc.constantFrom(502, 503, 504),
      echo: fc.boolean()
    }),
    weight: 2
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant("Drop" as const),
      processed: fc.boolean(),
      when: fc.constantFrom("request" as const, "body" as const)
    }),
    weight: 2
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant("Malformed" as const),
      status: fc.constantFrom(200, 400, 429, 500, 502, 503, 504),
      body: fc.oneof(
        fc.constantFrom(
          "",
          "{",
          "{\"ok\":true,\"result\":\"https://t.me/+abc",
          "{ok:true}",
          "null",
          "[]",
          "42",
          "\"ok\"",
          "{\"ok\":\"true\",\"result\":\"x\"}",
          "{\"ok\":false}",
          "{\"ok\":false,\"error_code\":\"429\",\"description\":\"x\"}",
          "{\"ok\":false,\"error_code\":429.5,\"description\":\"x\"}",
          `<html>${URL_WITH_TOKEN}</html>`,
          `{"ok":tru ${TOKEN}`
        ),
        fc.string({ maxLength: 40 })
      )
    }),
    weight: 2
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant("Slow" as const),
      by: fc.oneof(fc.integer({ min: -30_000, max: -1 }), fc.integer({ min: 1, max: 9_000 }))
    }),
    weight: 2
  },
  { arbitrary: fc.constant({ _tag: "Hang" } as const), weight: 1 },
  { arbitrary: fc.constant({ _tag: "OkNoResult" } as const), weight: 1 },
  {
    arbitrary: fc.record({
      _tag: fc.constant("WrongType" as const),
      value: fc.oneof(
        fc.constantFrom(null, 42, true, [], {}, ["https://t.me/+x"], { invite_link: URL_WITH_TOKEN }),
        fc.jsonValue({ maxDepth: 2 }).filter((v) => typeof v !== "string")
      )
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant("Refused" as const),
      code: fc.constantFrom(400, 401, 403, 404, 409),
      echo: fc.boolean()
    }),
    weight: 1
  }
)

const scenario: fc.Arbitrary<Scenario> = fc.record({
  script: fc.array(behaviour, { maxLength: 9 }),
  topology: fc.constantFrom<Topology>("none", "none", "none", "single", "chain", "longChain", "loop", "selfLoop"),
  knownHop: fc.boolean(),
  maxAttempts: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 4, max: 8 })),
  maxFloodWaitMs: fc.constantFrom(0, 1_000, 59_000, 60_000, 60_000, 90_000, 90_000, 100_000_000),
  maxMigrationHops: fc.constantFrom(0, 1, 2, 2, 3, 4),
  timeoutVia: fc.constantFrom("policy" as const, "botApi" as const, "default" as const),
  timeoutMs: fc.integer({ min: 1, max: 20_000 }),
  retryTransient: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  backoffBaseMs: fc.integer({ min: 1, max: 2_000 }),
  backoffCapMs: fc.integer({ min: 1, max: 10_000 }),
  jitter: fc.boolean(),
  randomSeed: fc.integer(),
  floodGateScope: fc.constantFrom("chat" as const, "bot" as const)
})

// ---- what the client must make of each answer -----------------------------------------------------------------

/** The answer as the client must classify it. */
type Seen =
  | { readonly kind: "link"; readonly link: string }
  | { readonly kind: "flood"; readonly retryAfterMs: number }
  | { readonly kind: "migrate"; readonly to: number }
  | { readonly kind: "transient"; readonly tag: "TransportError" | "TelegramApiError"; readonly reason?: string }
  | { readonly kind: "final"; readonly tag: "TransportError" | "TelegramApiError"; readonly reason?: string }

/** One request as the server saw it: when it arrived, for which chat, how long the client waited for it. */
interface Exchange {
  readonly at: number
  readonly chat: unknown
  readonly durationMs: number
  readonly seen: Seen
}

const isValidRetryAfter = (u: unknown): u is number => typeof u === "number" && Number.isFinite(u) && u > 0

const envelopeReason = (status: number, body: string): Seen => {
  let reason: string
  try {
    JSON.parse(body)
    reason = "NotEnvelope"
  } catch {
    reason = "NotJson"
  }
  // A body that happens to be a valid envelope is not drawn (the list above has none).
  return status >= 500
    ? { kind: "transient", tag: "TransportError", reason }
    : { kind: "final", tag: "TransportError", reason }
}

/** The fake server of one run: its world, and every exchange. */
const makeServer = (s: Scenario, timeoutMs: number) => {
  const moves = new Map(MOVES[s.topology])
  const primary = new Map<number, string>()
  const exchanges: Array<Exchange> = []
  let links = 0
  const newLink = (chat: number): string => {
    const url = `https://t.me/+chaos${String(++links).padStart(11, "0")}`
    primary.set(chat, url)
    return url
  }

  const answer = (behaviour: Behaviour, chat: number): { reply: Reply; seen: Seen; delayMs: number } => {
    const reachesWorld = behaviour._tag === "Success" || behaviour._tag === "Slow" || behaviour._tag === "OkNoResult" ||
      behaviour._tag === "WrongType" || (behaviour._tag === "Drop" && behaviour.processed)
    let reply: Reply
    let seen: Seen
    if (reachesWorld && moves.has(chat)) {
      const to = moves.get(chat)!
      reply = failure(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: to })
      seen = { kind: "migrate", to }
    } else if (reachesWorld) {
      const link = newLink(chat)
      if (behaviour._tag === "OkNoResult") {
        reply = { _tag: "Json", status: 200, body: { ok: true } }
        seen = { kind: "final", tag: "TransportError", reason: "NotEnvelope" }
      } else if (behaviour._tag === "WrongType") {
        reply = { _tag: "Json", status: 200, body: { ok: true, result: behaviour.value } }
        seen = { kind: "final", tag: "TransportError", reason: "UnexpectedResult" }
      } else {
        reply = { _tag: "Json", status: 200, body: { ok: true, result: link } }
        seen = { kind: "link", link }
      }
    } else {
      switch (behaviour._tag) {
        case "Flood": {
          const parameters = behaviour.retryAfter === undefined ? {} : { retry_after: behaviour.retryAfter }
          reply = failure(429, `Too Many Requests: retry after ${String(behaviour.retryAfter)}`, parameters)
          seen = isValidRetryAfter(behaviour.retryAfter)
            ? { kind: "flood", retryAfterMs: behaviour.retryAfter * 1000 }
            : { kind: "final", tag: "TelegramApiError" }
          break
        }
        case "ServerError":
          reply = failure(
            behaviour.code,
            behaviour.echo ? `Internal Server Error: ${URL_WITH_TOKEN}` : "Internal Server Error: restart"
          )
          seen = { kind: "transient", tag: "TelegramApiError" }
          break
        case "Html":
          reply = {
            _tag: "Text",
            status: behaviour.status,
            contentType: "text/html",
            body: `<html><body><h1>${behaviour.status}</h1>${behaviour.echo ? URL_WITH_TOKEN : ""}</body></html>`
          }
          seen = { kind: "transient", tag: "TransportError", reason: "NotJson" }
          break
        case "Malformed":
          reply = { _tag: "Text", status: behaviour.status, contentType: "application/json", body: behaviour.body }
          seen = envelopeReason(behaviour.status, behaviour.body)
          break
        case "Refused":
          reply = failure(behaviour.code, behaviour.echo ? `Forbidden: ${TOKEN}` : "Forbidden: bot was kicked", {
            hint: behaviour.echo ? URL_WITH_TOKEN : "none"
          })
          seen = { kind: "final", tag: "TelegramApiError" }
          break
        default:
          // Drop (not processed) and Hang never answer.
          reply = { _tag: "Hang" }
          seen = { kind: "transient", tag: "TransportError", reason: "Timeout" }
      }
    }
    // How the answer travels.
    if (behaviour._tag === "Drop") {
      return {
        reply: behaviour.when === "request" ? { _tag: "RequestError" } : { _tag: "BrokenBody" },
        seen: { kind: "transient", tag: "TransportError", reason: "Network" },
        delayMs: 0
      }
    }
    if (behaviour._tag === "Hang") {
      return {
        reply: { _tag: "Hang" },
        seen: { kind: "transient", tag: "TransportError", reason: "Timeout" },
        delayMs: 0
      }
    }
    if (behaviour._tag === "Slow") {
      const delayMs = Math.max(0, timeoutMs - behaviour.by)
      return delayMs >= timeoutMs
        ? { reply, seen: { kind: "transient", tag: "TransportError", reason: "Timeout" }, delayMs }
        : { reply, seen, delayMs }
    }
    return { reply, seen, delayMs: 0 }
  }

  const handle = (chat: number, index: number, at: number): Effect.Effect<Reply> => {
    const { delayMs, reply, seen } = answer(s.script[index] ?? { _tag: "Success" }, chat)
    const timedOut = seen.kind === "transient" && seen.reason === "Timeout"
    exchanges.push({ at, chat, durationMs: timedOut ? timeoutMs : delayMs, seen })
    return delayMs > 0 ? Effect.as(Effect.sleep(delayMs), reply) : Effect.succeed(reply)
  }
  return { moves, primary, exchanges, handle }
}

// ---- one run --------------------------------------------------------------------------------------------------

const runScenario = (s: Scenario) =>
  Effect.gen(function*() {
    // A timeout of 0 ms is no timeout a user would set; the drawn range starts at 1 ms.
    const timeoutMs = s.timeoutVia === "default" ? 10_000 : s.timeoutMs
    const server = makeServer(s, timeoutMs)
    const { client } = yield* makeFake((sent, index) => server.handle(sent.params["chat_id"] as number, index, sent.at))
    const gate = yield* FloodGate.makeMemory
    const registry = yield* ChatMigrations.makeMemory
    const firstMove = server.moves.get(A)
    if (s.knownHop && firstMove !== undefined) {
      yield* registry.record(ChatId.unsafeMake(A), ChatId.unsafeMake(firstMove))
    }
    const events = yield* Ref.make<ReadonlyArray<Policy.PolicyEvent>>([])
    const { spans, tracer } = makeRecordingTracer()
    const logger = makeRecordingLogger()
    // The services are provided directly rather than as layers: building layers per run costs more than the call.
    const api = yield* BotApi.make({
      token: Redacted.make(TOKEN),
      ...(s.timeoutVia === "botApi" ? { requestTimeout: Duration.millis(s.timeoutMs) } : {})
    }).pipe(Effect.provideService(HttpClient.HttpClient, client))
    const services = Context.make(BotApi.BotApi, api).pipe(
      Context.add(FloodGate.FloodGate, gate),
      Context.add(ChatMigrations.ChatMigrations, registry)
    )
    const options: Policy.Options = {
      maxAttempts: s.maxAttempts,
      maxFloodWait: Duration.millis(s.maxFloodWaitMs),
      maxMigrationHops: s.maxMigrationHops,
      retryTransient: s.retryTransient,
      backoffBase: Duration.millis(s.backoffBaseMs),
      backoffCap: Duration.millis(s.backoffCapMs),
      jitter: s.jitter,
      floodGateScope: s.floodGateScope,
      onEvent: (event) => Ref.update(events, (all) => [...all, event]),
      ...(s.timeoutVia === "policy" ? { requestTimeout: Duration.millis(s.timeoutMs) } : {})
    }

    const start = yield* Clock.currentTimeMillis
    const fiber = yield* Policy.exportChatInviteLink(A, options).pipe(
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
    // Every call ends within maxAttempts × (timeout + the longest wait it may accept).
    const longestWait = Math.max(s.maxFloodWaitMs, s.backoffCapMs)
    const boundMs = s.maxAttempts * (timeoutMs + longestWait) + 1
    yield* TestClock.adjust(Duration.millis(boundMs))
    const polled = yield* poll(fiber)
    if (Option.isNone(polled)) {
      yield* Fiber.interrupt(fiber)
      check(false, () => `the call did not end within ${boundMs} ms of virtual time`)
      return
    }
    const [exit, end] = yield* Effect.orDie(polled.value)
    checkTyped(exit)
    const eventList = yield* Ref.get(events)
    checkNoSecret(exit, spans, logger.lines, eventList, (s.randomSeed & 7) === 0)
    checkCall(s, server, exit, start, end, eventList)
    tally.add(
      Exit.isSuccess(exit)
        ? "success"
        : firstFailure(exit.cause).pipe(
          Option.map((e) => e._tag),
          Option.getOrElse(() => "?")
        )
    )
    tally.add(`requests=${server.exchanges.length}`)
    for (const x of server.exchanges) {
      tally.add(`answer:${x.seen.kind}${"reason" in x.seen && x.seen.reason !== undefined ? `/${x.seen.reason}` : ""}`)
    }
  })

// ---- the invariants of one call -------------------------------------------------------------------------------

const checkCall = (
  s: Scenario,
  server: ReturnType<typeof makeServer>,
  exit: Exit.Exit<Policy.ExportedLink, BotApiError>,
  start: number,
  end: number,
  events: ReadonlyArray<Policy.PolicyEvent>
): void => {
  const xs = server.exchanges
  const n = xs.length
  check(n >= 1, () => "no request was sent")
  check(n <= s.maxAttempts, () => `${n} requests for a budget of ${s.maxAttempts}`)

  const firstMove = server.moves.get(A)
  const startChat = s.knownHop && firstMove !== undefined && s.maxMigrationHops >= 1 ? firstMove : A
  check(xs[0]!.chat === startChat, () => `first request for ${xs[0]!.chat}, expected ${startChat}`)
  check(xs[0]!.at === start, () => `the first request waited ${xs[0]!.at - start} ms`)

  const visited = new Set<number>([A, startChat])
  let hops = startChat === A ? 0 : 1
  let transientRetries = 0
  let totalWait = 0
  const floodEvents = events.filter((e) => e._tag === "FloodWait")
  const transientEvents = events.filter((e) => e._tag === "TransientRetry")
  check(floodEvents.every((e) => e._tag === "FloodWait" && e.source === "server"), () => "a gate wait in a lone call")
  let floodIndex = 0
  let transientIndex = 0

  for (let i = 0; i < n; i++) {
    const x = xs[i]!
    const attempt = i + 1
    const last = i === n - 1
    const answeredAt = x.at + x.durationMs
    const gap = last ? end - answeredAt : xs[i + 1]!.at - answeredAt
    const where = () => `request ${attempt}/${n} (${JSON.stringify(x.seen)})`
    const chat = x.chat as number
    switch (x.seen.kind) {
      case "link":
        check(last, () => `${where()}: a request after a success`)
        break
      case "flood": {
        const retryAfterMs = x.seen.retryAfterMs
        const honoured = retryAfterMs <= s.maxFloodWaitMs && attempt < s.maxAttempts
        check(honoured === !last, () => `${where()}: honoured ${honoured} but last ${last}`)
        if (honoured) {
          check(gap === retryAfterMs, () => `${where()}: waited ${gap} ms for retry_after ${retryAfterMs} ms`)
          check(xs[i + 1]!.chat === chat, () => `${where()}: the retry changed chat`)
          const event = floodEvents[floodIndex++]
          check(
            event !== undefined && Duration.toMillis(event.retryAfter) === retryAfterMs &&
              event.attempt === attempt + 1,
            () => `${where()}: flood event ${JSON.stringify(event)}`
          )
          totalWait += gap
        }
        break
      }
      case "migrate": {
        const to = x.seen.to
        const followed = s.maxMigrationHops > 0 && !visited.has(to) && hops + 1 <= s.maxMigrationHops &&
          attempt < s.maxAttempts
        check(followed === !last, () => `${where()}: followed ${followed} but last ${last}`)
        if (followed) {
          check(gap === 0, () => `${where()}: waited ${gap} ms before following a migration`)
          check(xs[i + 1]!.chat === to, () => `${where()}: next request for ${xs[i + 1]!.chat}, not ${to}`)
          visited.add(to)
          hops++
        }
        break
      }
      case "transient": {
        const retried = s.retryTransient && attempt < s.maxAttempts
        check(retried === !last, () => `${where()}: retried ${retried} but last ${last}`)
        if (retried) {
          transientRetries++
          const raw = s.backoffBaseMs * 2 ** (transientRetries - 1)
          const low = Math.round(Math.min(s.backoffCapMs, raw * (s.jitter ? 0.8 : 1)))
          const high = Math.round(Math.min(s.backoffCapMs, raw * (s.jitter ? 1.2 : 1)))
          check(gap >= low && gap <= high, () => `${where()}: backoff ${gap} ms outside [${low}, ${high}]`)
          check(gap <= s.backoffCapMs, () => `${where()}: backoff ${gap} ms over the cap ${s.backoffCapMs}`)
          const event = transientEvents[transientIndex++]
          check(
            event !== undefined && Duration.toMillis(event.delay) === gap && event.attempt === attempt + 1,
            () => `${where()}: transient event ${JSON.stringify(event)} for a wait of ${gap} ms`
          )
          check(xs[i + 1]!.chat === chat, () => `${where()}: the retry changed chat`)
          totalWait += gap
        }
        break
      }
      case "final":
        check(last, () => `${where()}: a request after a final answer`)
        break
    }
    if (last) check(gap === 0, () => `${where()}: the call ended ${gap} ms after the last answer`)
  }
  check(floodIndex === floodEvents.length, () => `${floodEvents.length} flood events for ${floodIndex} waits`)
  check(
    transientIndex === transientEvents.length,
    () => `${transientEvents.length} retry events, ${transientIndex} waits`
  )
  let durations = 0
  for (const x of xs) durations += x.durationMs
  check(
    end - start === durations + totalWait,
    () => `elapsed ${end - start} ≠ requests ${durations} + waits ${totalWait}`
  )
  const cap = (s.maxAttempts - 1) * Math.max(s.maxFloodWaitMs, s.backoffCapMs)
  check(totalWait <= cap, () => `waited ${totalWait} ms in total, over the cap ${cap}`)

  // The outcome is the last answer's.
  const lastExchange = xs[n - 1]!
  const seen = lastExchange.seen
  if (Exit.isSuccess(exit)) {
    check(seen.kind === "link", () => `succeeded after ${JSON.stringify(seen)}`)
    const result = exit.value
    const current = server.primary.get(lastExchange.chat as number)
    check(result.link === current, () => `result ${result.link}, the server's current primary link is ${current}`)
    check(result.chatId === lastExchange.chat, () => `result for ${result.chatId}, answered for ${lastExchange.chat}`)
    check(result.attempts === n, () => `attempts ${result.attempts}, requests ${n}`)
    check(
      (result.migratedFrom === undefined) === (result.chatId === A) &&
        (result.migratedFrom === undefined || result.migratedFrom === A),
      () => `migratedFrom ${result.migratedFrom} for chat ${result.chatId}`
    )
    return
  }
  const failureOf = Option.getOrThrow(firstFailure(exit.cause))
  switch (seen.kind) {
    case "link":
      check(false, () => `failed with ${failureOf._tag} after a success`)
      break
    case "flood":
      check(
        failureOf._tag === "FloodWaitError" && Duration.toMillis(failureOf.retryAfter) === seen.retryAfterMs,
        () => `failed with ${failureOf._tag} after a flood wait of ${seen.retryAfterMs} ms`
      )
      break
    case "migrate":
      check(
        failureOf._tag === "ChatMigratedError" && failureOf.migrateToChatId === seen.to,
        () => `failed with ${failureOf._tag} after a migration to ${seen.to}`
      )
      break
    default:
      check(
        failureOf._tag === seen.tag &&
          (seen.reason === undefined || (failureOf._tag === "TransportError" && reasonName(failureOf) === seen.reason)),
        () => `failed with ${failureOf._tag} ${failureOf.message}, expected ${seen.tag} ${seen.reason ?? ""}`
      )
  }
}

// ---- the property ---------------------------------------------------------------------------------------------

const rejections = trackUnhandledRejections()
beforeAll(rejections.start)
afterAll(rejections.stop)

describe("chaos: Policy.exportChatInviteLink against a scripted server", () => {
  it.effect(
    `${RUNS} random runs: every call ends, typed, within budget and caps, exact waits, no secret`,
    () =>
      Effect.gen(function*() {
        yield* fastTestClock
        const run = yield* runPromiseHere
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(scenario, (s) => run(runScenario(s))),
            chaosParameters("scripted server", RUNS)
          )
        )
        tally.print("scripted server")
        assert.deepStrictEqual(rejections.seen, [], "no unhandled rejection")
      }),
    300_000
  )
})
