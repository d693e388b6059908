/**
 * The Effect 4 edition's figures for the benchmarks' client section: `Policy.exportChatInviteLink` (the resilient
 * call) and `BotApi.exportChatInviteLink` (one request, no policy) over the edition's transports (its
 * `UndiciHttpClient.layer` first: the recommended one, which BotApi sends through directly), with a raw `fetch` of the
 * same request as the paired baseline, and the floors (undici's `Pool.request` straight, and the same in
 * `Effect.tryPromise` on 64 fibers), against a Bot API root given on the command line (the standalone mock, its own
 * process, on loopback), on this package's Node 22. The same method as the Effect 3 section (bench/client.ts at the
 * root): after a warm-up, interleaved rounds (the contenders rotate); per round, `--sequential` calls one after the
 * other give p50/p99 latency, and 64 calls in flight for `--window` ms give calls per second; figures are medians
 * over rounds, and each contender's ratio to raw fetch is paired within its round.
 *
 *   npm run --prefix effect4 bench:client -- --api-root http://127.0.0.1:8081 [--quick] [--rounds 5] [--best-only]
 *
 * Without `--api-root`, it starts the repository's standalone mock itself (from its TypeScript sources). Prints one
 * JSON object on stdout (progress on stderr).
 */
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { Pool } from "undici"
import { compileLibrary, importCompiled } from "../../bench/compiledLibrary.js"
import type * as Library from "../src/index.js"
import type * as UndiciHttpClientModule from "../src/UndiciHttpClient.js"

// The edition as users run it: compiled by tsc first (see bench/compiledLibrary.ts at the root), not through tsx.
const compiled = compileLibrary(join(dirname(fileURLToPath(import.meta.url)), ".."))
const { BotApi, Policy } = (await importCompiled(compiled, "index.js")) as typeof Library
const UndiciHttpClient = (await importCompiled(compiled, "UndiciHttpClient.js")) as typeof UndiciHttpClientModule

const TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
const CHAT = -1001234567890
const EXPORT_BODY = JSON.stringify({ chat_id: CHAT })
const CONCURRENCY = 64

const argv = process.argv.slice(2)
const flag = (name: string): boolean => argv.includes(`--${name}`)
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`)
  return at === -1 ? undefined : argv[at + 1]
}
const quick = flag("quick")
const ROUNDS = Number(option("rounds") ?? (quick ? 1 : 5))
const SEQ_CALLS = Number(option("sequential") ?? (quick ? 300 : 1_500))
const CONC_MS = Number(option("window") ?? (quick ? 700 : 2_000))

interface Contender {
  readonly name: string
  readonly call: "policy" | "botapi" | "raw fetch" | "undici pool" | "undici pool in Effect"
  readonly transport: string | null
  readonly sequential: (n: number) => Promise<Float64Array>
  readonly concurrent: (ms: number) => Promise<number>
  readonly dispose: () => Promise<void>
}

const LINK = /^https:\/\/t\.me\/\+/
const check = (link: string): void => {
  if (!LINK.test(link)) throw new Error(`not a link: ${link}`)
}

/** The sequential and concurrent loops over `one`, each run by `run` (a runtime's, or the default one). */
const effectLoops = <R>(
  run: <A>(effect: Effect.Effect<A, unknown, R>) => Promise<A>,
  one: Effect.Effect<unknown, unknown, R>
): Pick<Contender, "sequential" | "concurrent"> => ({
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
    }))
})

const effectContender = (
  transport: string,
  layer: Layer.Layer<HttpClient.HttpClient>,
  apiRoot: string,
  call: "policy" | "botapi"
): Contender => {
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot }), Policy.layerMemory).pipe(
      Layer.provide(layer)
    )
  )
  const one = call === "policy"
    ? Effect.map(Policy.exportChatInviteLink(CHAT), (r) => check(r.link))
    : Effect.map(BotApi.exportChatInviteLink(CHAT), check)
  return {
    name: `${call === "policy" ? "Policy" : "BotApi"}.exportChatInviteLink, ${transport}`,
    call,
    transport,
    ...effectLoops((effect) => runtime.runPromise(effect), one),
    dispose: () => runtime.dispose()
  }
}

/** `one` as a Promise: awaited one after the other, and by 64 loops for the timed window. */
const promiseLoops = (one: () => Promise<void>) => ({
  sequential: async (n: number) => {
    const latencies = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const start = performance.now()
      await one()
      latencies[i] = performance.now() - start
    }
    return latencies
  },
  concurrent: async (ms: number) => {
    const deadline = performance.now() + ms
    let done = 0
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await one()
        done++
      }
    }))
    return done
  }
})

const readEnvelope = (body: { ok: boolean; result: string }): void => {
  if (!body.ok) throw new Error(JSON.stringify(body))
  check(body.result)
}

const rawFetch = (apiRoot: string): Contender => {
  const url = `${apiRoot}/bot${TOKEN}/exportChatInviteLink`
  const one = async (): Promise<void> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: EXPORT_BODY
    })
    readEnvelope(await response.json() as { ok: boolean; result: string })
  }
  return { name: "raw fetch", call: "raw fetch", transport: null, ...promiseLoops(one), dispose: async () => {} }
}

/** One export through undici's `Pool` (64 connections), `body.json()`. */
const poolCall = (pool: Pool) => async (): Promise<void> => {
  const { body } = await pool.request({
    path: `/bot${TOKEN}/exportChatInviteLink`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: EXPORT_BODY
  })
  readEnvelope(await body.json() as { ok: boolean; result: string })
}

/** The floor: undici's `Pool.request` straight (the transport `UndiciHttpClient` is built on). */
const undiciPool = (apiRoot: string): Contender => {
  const pool = new Pool(apiRoot, { connections: CONCURRENCY })
  return {
    name: "undici Pool.request",
    call: "undici pool",
    transport: null,
    ...promiseLoops(poolCall(pool)),
    dispose: () => pool.destroy()
  }
}

/** The same in `Effect.tryPromise`, run by 64 fibers as `Effect.forEach({ concurrency: 64 })` runs its elements. */
const undiciPoolInEffect = (apiRoot: string): Contender => {
  const pool = new Pool(apiRoot, { connections: CONCURRENCY })
  const one = Effect.tryPromise(poolCall(pool))
  return {
    name: "undici Pool.request in Effect.tryPromise",
    call: "undici pool in Effect",
    transport: null,
    ...effectLoops(Effect.runPromise, one),
    dispose: () => pool.destroy()
  }
}

const percentile = (samples: Float64Array, p: number): number => {
  const sorted = Float64Array.from(samples).sort()
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const round2 = (n: number): number => Math.round(n * 100) / 100
const rotate = <A>(items: ReadonlyArray<A>, by: number): ReadonlyArray<A> =>
  items.map((_, i) => items[(i + by) % items.length]!)

/** The repository's standalone mock, from its sources (when no `--api-root` is given). */
const startMock = async (): Promise<{ url: string; stop: () => void }> => {
  const repository = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
  const child = spawn(process.execPath, ["--import", "tsx", "mock-server/src/bin/tg-mock-server.ts", "--port", "0"], {
    cwd: repository,
    stdio: ["ignore", "pipe", "inherit"]
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the mock server exited (${code})`)))
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^listening on (\S+)/.exec(line)
      if (match !== null) resolve(match[1]!)
    })
  })
  return { url, stop: () => void child.kill("SIGTERM") }
}

interface RoundFigures {
  readonly p50Us: number
  readonly p99Us: number
  readonly callsPerSec: number
}

const main = async (): Promise<void> => {
  const given = option("api-root")
  const mock = given === undefined ? await startMock() : undefined
  const apiRoot = (given ?? mock!.url).replace(/\/+$/, "")
  const transports: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = flag("best-only")
    ? [["UndiciHttpClient.layer", UndiciHttpClient.layer]]
    : [
      ["UndiciHttpClient.layer", UndiciHttpClient.layer],
      ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici],
      ["FetchHttpClient.layer", FetchHttpClient.layer]
    ]
  const contenders: Array<Contender> = [rawFetch(apiRoot), undiciPool(apiRoot), undiciPoolInEffect(apiRoot)]
  for (const [name, layer] of transports) {
    for (const call of ["policy", "botapi"] as const) contenders.push(effectContender(name, layer, apiRoot, call))
  }
  try {
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
      process.stderr.write(`  effect4 client round ${round + 1}/${ROUNDS} done\n`)
    }
    const base = perRound.get("raw fetch")!
    const results = contenders.map((c) => {
      const rounds = perRound.get(c.name)!
      return {
        name: c.name,
        call: c.call,
        transport: c.transport,
        p50Us: round2(median(rounds.map((r) => r.p50Us))),
        p99Us: round2(median(rounds.map((r) => r.p99Us))),
        callsPerSec: round2(median(rounds.map((r) => r.callsPerSec))),
        vsFetch: {
          p50: round2(median(rounds.map((r, i) => r.p50Us / base[i]!.p50Us))),
          p99: round2(median(rounds.map((r, i) => r.p99Us / base[i]!.p99Us))),
          callsPerSec: round2(median(rounds.map((r, i) => r.callsPerSec / base[i]!.callsPerSec)))
        },
        rounds
      }
    })
    const versionOf = (name: string): string => {
      try {
        const at = join(
          dirname(fileURLToPath(import.meta.url)),
          "..",
          "node_modules",
          ...name.split("/"),
          "package.json"
        )
        return JSON.parse(readFileSync(at, "utf8")).version
      } catch {
        return "unknown"
      }
    }
    process.stdout.write(`${
      JSON.stringify(
        {
          section: "client",
          edition: "effect4",
          package: "effect-telegram-invite-effect4",
          command: `npm run --prefix effect4 bench:client -- ${argv.join(" ")}`.trim(),
          node: process.version,
          effect: versionOf("effect"),
          platformNode: versionOf("@effect/platform-node"),
          apiRoot,
          method: { rounds: ROUNDS, sequentialCalls: SEQ_CALLS, concurrentWindowMs: CONC_MS, inFlight: CONCURRENCY },
          recommended: "UndiciHttpClient.layer",
          results
        },
        null,
        2
      )
    }\n`)
  } finally {
    for (const c of contenders) await c.dispose()
    mock?.stop()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
