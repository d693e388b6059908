/**
 * The contenders of the client section (bench/client.ts), each one way of sending exportChatInviteLink to the mock:
 * sequential calls for latency, calls with 64 in flight for a fixed time for throughput.
 *
 * The floors: undici's `Pool.request` straight (64 connections, the JSON body, `body.json()`), the transport the
 * library's recommended client is built on; and the same call in `Effect.tryPromise`, run by 64 fibers as
 * `Effect.forEach({ concurrency: 64 })` runs its elements (one fiber per slot, each taking the next call), which is
 * what Effect itself costs over the socket pool.
 */
import type { HttpClient } from "@effect/platform"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { Api } from "grammy"
import { Pool } from "undici"
import type * as Library from "../src/index.js"
import { CHAT, EXPORT_BODY, TOKEN } from "./common.js"

export const CONCURRENCY = 64

export interface Contender {
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

/** A contender that runs `one` (an Effect) on `run`: sequentially in one fiber, concurrently in 64. */
const effectLoops = <R>(
  name: string,
  one: Effect.Effect<void, unknown, R>,
  run: <A>(effect: Effect.Effect<A, unknown, R>) => Promise<A>,
  dispose: () => Promise<void>
): Contender => ({
  name,
  sequential: (n) =>
    run(Effect.gen(function*() {
      const latencies = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        const start = performance.now()
        yield* one
        latencies[i] = performance.now() - start
      }
      return latencies
    })),
  concurrent: (ms) =>
    run(Effect.suspend(() => {
      const deadline = performance.now() + ms
      let done = 0
      const worker = Effect.whileLoop({
        while: () => performance.now() < deadline,
        body: () => one,
        step: () => void done++
      })
      return Effect.map(
        Effect.forEach(Array.from({ length: CONCURRENCY }, () => worker), (w) => w, {
          concurrency: CONCURRENCY,
          discard: true
        }),
        () => done
      )
    })),
  dispose
})

/**
 * The library's call (`resilient`: `Policy.exportChatInviteLink`; `bare`: `BotApi.exportChatInviteLink`), from
 * `library` (the compiled one: bench/compiledLibrary.ts).
 */
export const effectContender = (
  { BotApi, Policy }: typeof Library,
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
  return effectLoops(name, one, (effect) => runtime.runPromise(effect), () => runtime.dispose())
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

const readEnvelope = (body: { ok: boolean; result: string }): void => {
  if (!body.ok) throw new Error(JSON.stringify(body))
  check(body.result)
}

export const rawFetch = (apiRoot: string): Contender => {
  const url = `${apiRoot}/bot${TOKEN}/exportChatInviteLink`
  return promiseContender("raw fetch", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: EXPORT_BODY
    })
    readEnvelope(await response.json() as { ok: boolean; result: string })
  })
}

export const grammy = (apiRoot: string): Contender => {
  const api = new Api(TOKEN, { apiRoot })
  return promiseContender("grammY", async () => check(await api.exportChatInviteLink(CHAT)))
}

/** One export through `pool`, as a Promise. */
const poolCall = (pool: Pool) => {
  const path = `/bot${TOKEN}/exportChatInviteLink`
  return async (): Promise<void> => {
    const { body } = await pool.request({
      path,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: EXPORT_BODY
    })
    readEnvelope(await body.json() as { ok: boolean; result: string })
  }
}

export const POOL = "undici Pool.request"
export const POOL_IN_EFFECT = "undici Pool.request in Effect.tryPromise"

/** The floor: undici's `Pool.request` straight, 64 connections. */
export const undiciPool = (apiRoot: string): Contender => {
  const pool = new Pool(apiRoot, { connections: CONCURRENCY })
  return promiseContender(POOL, poolCall(pool), () => pool.destroy())
}

/** The same call in `Effect.tryPromise`, 64 fibers: what Effect itself adds over the pool. */
export const undiciPoolInEffect = (apiRoot: string): Contender => {
  const pool = new Pool(apiRoot, { connections: CONCURRENCY })
  return effectLoops(POOL_IN_EFFECT, Effect.tryPromise(poolCall(pool)), Effect.runPromise, () => pool.destroy())
}
