/**
 * Section 1: client cost per call. exportChatInviteLink through the library (`Policy.exportChatInviteLink`, the
 * `resilient` composition) versus a raw `fetch` of the same request versus grammY's `api.exportChatInviteLink`, all
 * against the standalone mock (its own process) on loopback. Sequential calls give latency p50/p99; 64 in flight for
 * a fixed time give calls per second. Rounds are interleaved (contenders rotate) and the figures are medians over rounds.
 */
import { FetchHttpClient, type HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { Api } from "grammy"
import { BotApi, Policy } from "../src/index.js"
import { args, CHAT, emit, EXPORT_BODY, median, percentile, rotate, spawnServer, TOKEN } from "./common.js"

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

export interface ClientFigures {
  readonly name: string
  /** Medians over rounds. */
  readonly p50Us: number
  readonly p99Us: number
  readonly callsPerSec: number
  /** Medians over rounds of the same round's ratio to raw fetch (paired, since rounds are interleaved). */
  readonly p50VsFetch: number
  readonly p99VsFetch: number
  readonly callsPerSecVsFetch: number
  readonly rounds: ReadonlyArray<{ p50Us: number; p99Us: number; callsPerSec: number }>
}

const main = async (): Promise<void> => {
  const server = await spawnServer("mock")
  const contenders: Array<Contender> = [
    effectContender(
      "library, resilient, NodeHttpClient.layerUndici",
      NodeHttpClient.layerUndici,
      server.url,
      "resilient"
    ),
    rawFetch(server.url),
    grammy(server.url),
    effectContender("library, resilient, FetchHttpClient", FetchHttpClient.layer, server.url, "resilient"),
    effectContender("library, BotApi only (no policy), layerUndici", NodeHttpClient.layerUndici, server.url, "bare")
  ]
  try {
    // Warm-up: JIT, connection pools, the server's own warm-up.
    for (const c of contenders) {
      await c.sequential(quick ? 100 : 500)
      await c.concurrent(quick ? 300 : 1_000)
    }
    const perRound = new Map(contenders.map((c) => [c.name, [] as Array<ClientFigures["rounds"][number]>]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of rotate(contenders, round)) {
        const latencies = await c.sequential(SEQ_CALLS)
        const start = performance.now()
        const done = await c.concurrent(CONC_MS)
        const seconds = (performance.now() - start) / 1000
        perRound.get(c.name)!.push({
          p50Us: percentile(latencies, 50) * 1000,
          p99Us: percentile(latencies, 99) * 1000,
          callsPerSec: done / seconds
        })
      }
      process.stderr.write(`  client round ${round + 1}/${ROUNDS} done\n`)
    }
    const fetchRounds = perRound.get("raw fetch")!
    const figures: Array<ClientFigures> = contenders.map((c) => {
      const rounds = perRound.get(c.name)!
      return {
        name: c.name,
        p50Us: median(rounds.map((r) => r.p50Us)),
        p99Us: median(rounds.map((r) => r.p99Us)),
        callsPerSec: median(rounds.map((r) => r.callsPerSec)),
        p50VsFetch: median(rounds.map((r, i) => r.p50Us / fetchRounds[i]!.p50Us)),
        p99VsFetch: median(rounds.map((r, i) => r.p99Us / fetchRounds[i]!.p99Us)),
        callsPerSecVsFetch: median(rounds.map((r, i) => r.callsPerSec / fetchRounds[i]!.callsPerSec)),
        rounds
      }
    })
    emit({ rounds: ROUNDS, sequentialCalls: SEQ_CALLS, concurrentMs: CONC_MS, concurrency: CONCURRENCY, figures })
  } finally {
    for (const c of contenders) await c.dispose()
    await server.stop()
  }
}

await main()
