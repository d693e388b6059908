/**
 * Diagnostic (not part of `npm run bench`): where the library's per-call cost goes. The request path is rebuilt one
 * piece at a time over the same transport (NodeHttpClient.layerUndici) against the standalone mock, 64 in flight,
 * interleaved rounds, calls/s relative to a raw fetch (paired per round); then the library's own calls, over
 * layerUndici and over its UndiciHttpClient (which BotApi sends through directly). Writes bench/results/ablation.json.
 *
 *   node --import tsx bench/ablation.ts [--quick]
 */
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Duration, Effect, Layer, ManagedRuntime, Metric, Redacted, Schema } from "effect"
import { BotApi, Policy } from "../src/index.js"
import * as Envelope from "../src/internal/envelope.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
import { args, CHAT, EXPORT_BODY, pool, rotate, spawnServer, TOKEN } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { median, pairedRatio, round2 } from "./stats.js"

const { quick } = args()
const section = startSection("ablation", `node --import tsx bench/ablation.ts${quick ? " --quick" : ""}`, quick)
const ROUNDS = quick ? 2 : 5
const CALLS = quick ? 2_000 : 6_000
const CONCURRENCY = 64

const server = await spawnServer("mock")
const url = `${server.url}/bot${TOKEN}/exportChatInviteLink`
const runtime = ManagedRuntime.make(
  Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot: server.url }), Policy.layerMemory).pipe(
    Layer.provideMerge(NodeHttpClient.layerUndici)
  )
)

/** The library over its own transport, for the last two steps. */
const direct = ManagedRuntime.make(
  Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot: server.url }), Policy.layerMemory).pipe(
    Layer.provide(UndiciHttpClient.layer)
  )
)

const client = await runtime.runPromise(
  Effect.map(
    HttpClient.HttpClient,
    (c) => c.pipe(HttpClient.withTracerDisabledWhen(() => true), HttpClient.withTracerPropagation(false))
  )
)
const ctx = { method: "exportChatInviteLink", chatId: undefined, scrub: (s: string) => s }
const counter = Metric.counter("ablation_requests")

/** 1: the platform alone: build the request, execute, read the text. */
const platform = Effect.flatMap(
  HttpClientRequest.bodyJson(HttpClientRequest.post(url), { chat_id: CHAT }),
  (request) => Effect.flatMap(client.execute(request), (response) => response.text)
)
/** 2: + the envelope's classification (JSON.parse, Schema decode of the envelope and the result). */
const classified = Effect.map(
  platform,
  (text) => Envelope.classify(ctx.method, ctx.chatId, ctx.scrub, 200, text, Schema.String)
)
/** 3: + Effect.timeoutFail (forks the request and a sleep fiber, then joins). */
const timed = classified.pipe(Effect.timeoutFail({ duration: Duration.seconds(10), onTimeout: () => new Error("t") }))
/** 4: + one span (`Effect.withSpan`) and a metric increment. */
const spanned = Effect.zipRight(Metric.increment(counter), timed).pipe(
  Effect.withSpan("BotApi.exportChatInviteLink", { kind: "client", captureStackTrace: false })
)

const variants: ReadonlyArray<[string, () => Promise<unknown>]> = [
  ["raw fetch", () =>
    pool(CALLS, CONCURRENCY, async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: EXPORT_BODY
      })
      await response.json()
    })],
  ...([
    ["1 platform execute + text", platform],
    ["2 + classify (Schema)", classified],
    ["3 + timeoutFail", timed],
    ["4 + span + metric", spanned],
    ["5 BotApi.exportChatInviteLink over layerUndici", BotApi.exportChatInviteLink(CHAT)],
    ["6 Policy.exportChatInviteLink over layerUndici", Policy.exportChatInviteLink(CHAT)]
  ] as const).map(([name, effect]): [string, () => Promise<unknown>] => [
    name,
    () =>
      runtime.runPromise(
        Effect.forEach(Array.from({ length: CALLS }), () => effect as Effect.Effect<unknown, unknown, any>, {
          concurrency: CONCURRENCY,
          discard: true
        })
      )
  ]),
  ...([
    ["7 BotApi.exportChatInviteLink over UndiciHttpClient (direct)", BotApi.exportChatInviteLink(CHAT)],
    ["8 Policy.exportChatInviteLink over UndiciHttpClient (direct)", Policy.exportChatInviteLink(CHAT)]
  ] as const).map(([name, effect]): [string, () => Promise<unknown>] => [
    name,
    () =>
      direct.runPromise(
        Effect.forEach(Array.from({ length: CALLS }), () => effect as Effect.Effect<unknown, unknown, any>, {
          concurrency: CONCURRENCY,
          discard: true
        })
      )
  ])
]

try {
  for (const [, run] of variants) await run() // warm-up
  const perRound = new Map(variants.map(([name]) => [name, [] as Array<number>]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of rotate(variants, round)) {
      const start = performance.now()
      await run()
      perRound.get(name)!.push(CALLS / ((performance.now() - start) / 1000))
    }
  }
  const fetchRounds = perRound.get("raw fetch")!.map(round2)
  const steps = variants.map(([name]) => {
    const rounds = perRound.get(name)!.map(round2)
    process.stdout.write(
      `${name.padEnd(62)} ${median(rounds).toFixed(0).padStart(7)} calls/s  ${
        pairedRatio(rounds, fetchRounds).toFixed(2)
      }× fetch\n`
    )
    return { name, rounds }
  })
  const path = writeResult(section.finish({ callsPerRound: CALLS, concurrency: CONCURRENCY, steps }))
  process.stderr.write(`ablation: wrote ${path}\n`)
} finally {
  await runtime.dispose()
  await direct.dispose()
  await server.stop()
}
