/**
 * Section "client": the cost of one exportChatInviteLink, on every transport. The library's two calls
 * (`Policy.exportChatInviteLink`, the resilient composition, and `BotApi.exportChatInviteLink`, one request and no
 * policy) each over the four `HttpClient`s a Node program can give it (the library's own `UndiciHttpClient.layer`,
 * which BotApi sends through directly and which is the recommended one; @effect/platform-node's
 * `NodeHttpClient.layerUndici` and `NodeHttpClient.layer` (node:http); @effect/platform's `FetchHttpClient.layer`),
 * against a raw `fetch` of the same request and grammY's `api.exportChatInviteLink`, all against the standalone mock
 * (its own process) on loopback, in the same interleaved rounds (contenders rotate). Sequential calls give latency
 * p50/p99; 64 in flight for a fixed time give calls per second. Ratios to raw fetch and to grammY are paired within
 * each round; figures are medians over rounds.
 */
import { FetchHttpClient, type HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { Api } from "grammy"
import { execFileSync } from "node:child_process"
import { BotApi, Policy } from "../src/index.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
import { args, CHAT, EXPORT_BODY, median, percentile, ROOT, rotate, spawnServer, TOKEN } from "./common.js"
import { round2, startSection, times, verdict, writeResult } from "./results.js"

const { quick } = args()
const ROUNDS = quick ? 1 : 5
const SEQ_CALLS = quick ? 300 : 1_500
/** The concurrent phase is time-boxed (slow contenders would otherwise dominate the run time). */
const CONC_MS = quick ? 700 : 2_000
const CONCURRENCY = 64

interface Contender {
  readonly name: string
  /** `n` calls one after the other; the latency of each, in ms. */
  readonly sequential: (n: number) => Promise<Float64Array>
  /** Calls with `CONCURRENCY` in flight, started until `ms` have passed; how many completed. */
  readonly concurrent: (ms: number) => Promise<number>
  readonly dispose: () => Promise<void>
}

const LINK = /^https:\/\/t\.me\/\+/
const check = (link: string): void => {
  if (!LINK.test(link)) throw new Error(`not a link: ${link}`)
}

const effectContender = (
  name: string,
  transport: Layer.Layer<HttpClient.HttpClient>,
  apiRoot: string,
  call: "resilient" | "bare"
): Contender => {
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot }), Policy.layerMemory).pipe(
      Layer.provide(transport)
    )
  )
  const one = call === "resilient"
    ? Effect.map(Policy.exportChatInviteLink(CHAT), (r) => check(r.link))
    : Effect.map(BotApi.exportChatInviteLink(CHAT), check)
  return {
    name,
    sequential: (n) =>
      runtime.runPromise(Effect.gen(function*() {
        const latencies = new Float64Array(n)
        for (let i = 0; i < n; i++) {
          const start = performance.now()
          yield* one
          latencies[i] = performance.now() - start
        }
        return latencies
      })),
    concurrent: (ms) =>
      runtime.runPromise(Effect.suspend(() => {
        const deadline = performance.now() + ms
        let done = 0
        const worker = Effect.whileLoop({
          while: () => performance.now() < deadline,
          body: () => one,
          step: () => void done++
        })
        return Effect.map(
          Effect.all(Array.from({ length: CONCURRENCY }, () => worker), { concurrency: "unbounded", discard: true }),
          () => done
        )
      })),
    dispose: () => runtime.dispose()
  }
}

const promiseContender = (name: string, one: () => Promise<void>, dispose = async () => {}): Contender => ({
  name,
  sequential: async (n) => {
    const latencies = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const start = performance.now()
      await one()
      latencies[i] = performance.now() - start
    }
    return latencies
  },
  concurrent: async (ms) => {
    const deadline = performance.now() + ms
    let done = 0
    const worker = async (): Promise<void> => {
      while (performance.now() < deadline) {
        await one()
        done++
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    return done
  },
  dispose
})

const rawFetch = (apiRoot: string): Contender => {
  const url = `${apiRoot}/bot${TOKEN}/exportChatInviteLink`
  return promiseContender("raw fetch", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: EXPORT_BODY
    })
    const body = await response.json() as { ok: boolean; result: string }
    if (!body.ok) throw new Error(JSON.stringify(body))
    check(body.result)
  })
}

const grammy = (apiRoot: string): Contender => {
  const api = new Api(TOKEN, { apiRoot })
  return promiseContender("grammY", async () => check(await api.exportChatInviteLink(CHAT)))
}

interface RoundFigures {
  readonly p50Us: number
  readonly p99Us: number
  readonly callsPerSec: number
}

export interface ClientFigures {
  readonly name: string
  /** `policy`, `botapi`, or a baseline. */
  readonly call: "policy" | "botapi" | "raw fetch" | "grammY"
  readonly transport: string | null
  /** Medians over rounds. */
  readonly p50Us: number
  readonly p99Us: number
  readonly callsPerSec: number
  /** Medians over rounds of the same round's ratio to raw fetch and to grammY (paired: rounds are interleaved). */
  readonly vsFetch: { readonly p50: number; readonly p99: number; readonly callsPerSec: number }
  readonly vsGrammy: { readonly p50: number; readonly p99: number; readonly callsPerSec: number }
  /** Every round's figures (the raw samples' summary; each round is SEQ_CALLS latencies and one timed window). */
  readonly rounds: ReadonlyArray<RoundFigures>
}

/** The transports a Node program can give the library, the recommended one first. */
const TRANSPORTS: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["UndiciHttpClient.layer", UndiciHttpClient.layer],
  ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici],
  ["NodeHttpClient.layer", NodeHttpClient.layer],
  ["FetchHttpClient.layer", FetchHttpClient.layer]
]

const main = async (): Promise<void> => {
  const section = startSection("client", `npm run bench -- client${quick ? " --quick" : ""}`, quick)
  const server = await spawnServer("mock")
  const described: Array<{ contender: Contender; call: ClientFigures["call"]; transport: string | null }> = [
    { contender: rawFetch(server.url), call: "raw fetch", transport: null },
    { contender: grammy(server.url), call: "grammY", transport: null }
  ]
  for (const [transport, layer] of TRANSPORTS) {
    for (const call of ["policy", "botapi"] as const) {
      const name = `${call === "policy" ? "Policy" : "BotApi"}.exportChatInviteLink, ${transport}`
      described.push({
        contender: effectContender(name, layer, server.url, call === "policy" ? "resilient" : "bare"),
        call,
        transport
      })
    }
  }
  const contenders = described.map((d) => d.contender)
  try {
    // Warm-up: JIT, connection pools, the server's own warm-up.
    for (const c of contenders) {
      await c.sequential(quick ? 100 : 500)
      await c.concurrent(quick ? 300 : 1_000)
    }
    const perRound = new Map(contenders.map((c) => [c.name, [] as Array<RoundFigures>]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of rotate(contenders, round)) {
        const latencies = await c.sequential(SEQ_CALLS)
        const start = performance.now()
        const done = await c.concurrent(CONC_MS)
        const seconds = (performance.now() - start) / 1000
        perRound.get(c.name)!.push({
          p50Us: round2(percentile(latencies, 50) * 1000),
          p99Us: round2(percentile(latencies, 99) * 1000),
          callsPerSec: round2(done / seconds)
        })
      }
      process.stderr.write(`  client round ${round + 1}/${ROUNDS} done\n`)
    }
    const fetchRounds = perRound.get("raw fetch")!
    const grammyRounds = perRound.get("grammY")!
    const paired = (rounds: ReadonlyArray<RoundFigures>, base: ReadonlyArray<RoundFigures>) => ({
      p50: round2(median(rounds.map((r, i) => r.p50Us / base[i]!.p50Us))),
      p99: round2(median(rounds.map((r, i) => r.p99Us / base[i]!.p99Us))),
      callsPerSec: round2(median(rounds.map((r, i) => r.callsPerSec / base[i]!.callsPerSec)))
    })
    const figures: Array<ClientFigures> = described.map(({ call, contender, transport }) => {
      const rounds = perRound.get(contender.name)!
      return {
        name: contender.name,
        call,
        transport,
        p50Us: round2(median(rounds.map((r) => r.p50Us))),
        p99Us: round2(median(rounds.map((r) => r.p99Us))),
        callsPerSec: round2(median(rounds.map((r) => r.callsPerSec))),
        vsFetch: paired(rounds, fetchRounds),
        vsGrammy: paired(rounds, grammyRounds),
        rounds
      }
    })
    // The targets are judged on the recommended transport.
    const recommended = TRANSPORTS[0]![0]
    const policy = figures.find((f) => f.call === "policy" && f.transport === recommended)!
    const bare = figures.find((f) => f.call === "botapi" && f.transport === recommended)!
    const verdicts = [
      verdict("client.policy.throughput", `\`Policy.exportChatInviteLink\` calls/s at 64 in flight (${recommended})`, {
        floor: {
          value: policy.vsFetch.callsPerSec,
          op: "≥",
          limit: 0.85,
          bound: "≥ 0.85× raw fetch",
          figure: `${times(policy.vsFetch.callsPerSec)} raw fetch`
        },
        goal: {
          value: policy.vsGrammy.callsPerSec,
          op: "≥",
          limit: 1,
          bound: "≥ 1.0× grammY",
          figure: `${times(policy.vsGrammy.callsPerSec)} grammY`
        }
      }),
      verdict("client.policy.latency", `\`Policy.exportChatInviteLink\` p50 latency, sequential (${recommended})`, {
        floor: {
          value: policy.vsFetch.p50,
          op: "≤",
          limit: 1.15,
          bound: "≤ 1.15× raw fetch",
          figure: `${times(policy.vsFetch.p50)} raw fetch`
        },
        goal: {
          value: policy.vsGrammy.p50,
          op: "≤",
          limit: 1,
          bound: "≤ 1.0× grammY",
          figure: `${times(policy.vsGrammy.p50)} grammY`
        }
      }),
      verdict(
        "client.botapi.throughput",
        `\`BotApi.exportChatInviteLink\` (no policy) calls/s at 64 in flight (${recommended})`,
        {
          goal: {
            value: bare.vsGrammy.callsPerSec,
            op: "≥",
            limit: 1.1,
            bound: "≥ 1.1× grammY",
            figure: `${times(bare.vsGrammy.callsPerSec)} grammY`
          }
        }
      )
    ]
    const effect4 = effect4Figures(server.url)
    const path = writeResult(
      section.finish({
        rounds: ROUNDS,
        sequentialCalls: SEQ_CALLS,
        concurrentMs: CONC_MS,
        concurrency: CONCURRENCY,
        recommendedTransport: recommended,
        figures,
        verdicts,
        effect4
      })
    )
    process.stderr.write(`  client: wrote ${path}\n`)
  } finally {
    for (const c of contenders) await c.dispose()
    await server.stop()
  }
}

/**
 * The Effect 4 edition, against the same mock in the same run: its own bench (effect4/bench/client.ts, on the
 * edition's Node 22, same method and rounds), whose ratios are paired with a raw fetch on that Node. Its JSON is kept
 * as it printed it.
 */
const effect4Figures = (apiRoot: string): unknown => {
  process.stderr.write("  client: the Effect 4 edition (effect4/, Node 22)\n")
  execFileSync(process.execPath, ["effect4/scripts/ensure-installed.mjs"], { cwd: ROOT, stdio: "inherit" })
  const out = execFileSync(
    "npm",
    [
      "run",
      "--silent",
      "--prefix",
      "effect4",
      "bench:client",
      "--",
      "--api-root",
      apiRoot,
      "--rounds",
      String(ROUNDS),
      ...(quick ? ["--quick"] : [])
    ],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 2 ** 20 }
  )
  return JSON.parse(out)
}

await main()
