/**
 * Section "client": the cost of one exportChatInviteLink, on every transport. The library's two calls
 * (`Policy.exportChatInviteLink`, the resilient composition, and `BotApi.exportChatInviteLink`, one request and no
 * policy) each over the four `HttpClient`s a Node program can give it (the library's own `UndiciHttpClient.layer`,
 * which BotApi sends through directly and which is the recommended one; @effect/platform-node's
 * `NodeHttpClient.layerUndici` and `NodeHttpClient.layer` (node:http); @effect/platform's `FetchHttpClient.layer`),
 * against a raw `fetch` of the same request and grammY's `api.exportChatInviteLink`, all against the standalone mock
 * (its own process) on loopback, in the same interleaved rounds (contenders rotate). Sequential calls give latency
 * p50/p99; 64 in flight for a fixed time give calls per second. Each round's figures are written; the report pairs
 * them with raw fetch's and grammY's of the same round and takes the medians (bench/report/figures.ts).
 */
import { FetchHttpClient, type HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { Api } from "grammy"
import { execFileSync } from "node:child_process"
import { BotApi, Policy } from "../src/index.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
import { args, CHAT, EXPORT_BODY, ROOT, rotate, spawnServer, TOKEN } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { percentile, round2 } from "./stats.js"

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

type Call = "policy" | "botapi" | "raw fetch" | "grammY"

/** One round of a contender: its sequential calls' latency percentiles and its calls/s in the timed window. */
interface RoundFigures {
  readonly p50Us: number
  readonly p99Us: number
  readonly callsPerSec: number
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
  const described: Array<{ contender: Contender; call: Call; transport: string | null }> = [
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
  const racing = described.map((d) => d.contender)
  try {
    // Warm-up: JIT, connection pools, the server's own warm-up.
    for (const c of racing) {
      await c.sequential(quick ? 100 : 500)
      await c.concurrent(quick ? 300 : 1_000)
    }
    const perRound = new Map(racing.map((c) => [c.name, [] as Array<RoundFigures>]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of rotate(racing, round)) {
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
    const contenders = described.map(({ call, contender, transport }) => ({
      name: contender.name,
      call,
      transport,
      rounds: perRound.get(contender.name)!
    }))
    const effect4 = effect4Figures(server.url)
    const path = writeResult(
      section.finish({
        sequentialCalls: SEQ_CALLS,
        concurrentMs: CONC_MS,
        concurrency: CONCURRENCY,
        // The targets are judged on the recommended transport.
        recommendedTransport: TRANSPORTS[0]![0],
        contenders,
        effect4
      })
    )
    process.stderr.write(`  client: wrote ${path}\n`)
  } finally {
    for (const c of racing) await c.dispose()
    await server.stop()
  }
}

/**
 * The Effect 4 edition, against the same mock in the same run: its own bench (effect4/bench/client.ts, on the
 * edition's Node 22, same method and rounds), whose ratios the report pairs with a raw fetch on that Node. Kept as it
 * printed it, but for what it computed from its rounds (the report computes those).
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
  const { section: _section, results, ...run } = JSON.parse(out)
  return {
    ...run,
    contenders: (results as Array<Record<string, unknown>>).map(({ call, name, rounds, transport }) => ({
      name,
      call,
      transport,
      rounds
    }))
  }
}

await main()
