/**
 * Section "client": the cost of one exportChatInviteLink, on every transport. The library's two calls
 * (`Policy.exportChatInviteLink`, the resilient composition, and `BotApi.exportChatInviteLink`, one request and no
 * policy) each over the four `HttpClient`s a Node program can give it (the library's own `UndiciHttpClient.layer`,
 * which BotApi sends through directly and which is the recommended one; @effect/platform-node's
 * `NodeHttpClient.layerUndici` and `NodeHttpClient.layer` (node:http); @effect/platform's `FetchHttpClient.layer`),
 * against a raw `fetch` of the same request, grammY's `api.exportChatInviteLink`, and the floors (undici's
 * `Pool.request` straight, and the same in `Effect.tryPromise` on 64 fibers: see clientContenders.ts), all against
 * the standalone mock (its own process) on loopback, in the same interleaved rounds (contenders rotate). Sequential
 * calls give latency p50/p99; 64 in flight for a fixed time give calls per second. Each round's figures are written;
 * the report pairs them with the baselines' of the same round and takes the medians (bench/report/figures.ts).
 * The library is the one users run: compiled by tsc and bundled first (bench/compiledLibrary.ts), not its sources through
 * tsx.
 *
 *   npm run bench -- client [--quick] [--best-only] [--rounds N] [--library DIR]
 */
import { FetchHttpClient, type HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import type { Layer } from "effect"
import { execFileSync } from "node:child_process"
import { resolve } from "node:path"
import type * as Library from "../src/index.js"
import type * as UndiciHttpClientModule from "../src/UndiciHttpClient.js"
import {
  CONCURRENCY,
  type Contender,
  effectContender,
  grammy,
  rawFetch,
  undiciPool,
  undiciPoolInEffect
} from "./clientContenders.js"
import { args, ROOT, rotate, spawnServer } from "./common.js"
import { compileLibrary, importCompiled } from "./compiledLibrary.js"
import { startSection, writeResult } from "./results.js"
import { percentile, round2 } from "./stats.js"

const { quick } = args()
/** `--best-only`: the library on its recommended transport only, beside the baselines (a quicker look). */
const bestOnly = process.argv.includes("--best-only")
const roundsAt = process.argv.indexOf("--rounds")
const ROUNDS = roundsAt === -1 ? (quick ? 1 : 5) : Number(process.argv[roundsAt + 1])
const SEQ_CALLS = quick ? 300 : 1_500
/** The concurrent phase is time-boxed (slow contenders would otherwise dominate the run time). */
const CONC_MS = quick ? 700 : 2_000

type Call = "policy" | "botapi" | "raw fetch" | "grammY" | "undici pool" | "undici pool in Effect"

/** One round of a contender: its sequential calls' latency percentiles and its calls/s in the timed window. */
interface RoundFigures {
  readonly p50Us: number
  readonly p99Us: number
  readonly callsPerSec: number
}

/** `--library DIR`: another compiled library (another commit's, for a before-and-after) in place of this one's. */
const libraryAt = process.argv.indexOf("--library")
const compiled = libraryAt === -1 ? compileLibrary(ROOT) : resolve(process.argv[libraryAt + 1]!)
const library = (await importCompiled(compiled, "index.js")) as typeof Library
const UndiciHttpClient = (await importCompiled(compiled, "UndiciHttpClient.js")) as typeof UndiciHttpClientModule

/** The transports a Node program can give the library, the recommended one first. */
const TRANSPORTS: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>]> = [
  ["UndiciHttpClient.layer", UndiciHttpClient.layer],
  ["NodeHttpClient.layerUndici", NodeHttpClient.layerUndici],
  ["NodeHttpClient.layer", NodeHttpClient.layer],
  ["FetchHttpClient.layer", FetchHttpClient.layer]
]

const main = async (): Promise<void> => {
  const flags = `${quick ? " --quick" : ""}${bestOnly ? " --best-only" : ""}${
    roundsAt === -1 ? "" : ` --rounds ${ROUNDS}`
  }${libraryAt === -1 ? "" : ` --library ${process.argv[libraryAt + 1]}`}`
  // Only `--quick` goes through `npm run bench`; the other flags are the section's own.
  const command = flags === "" || flags === " --quick"
    ? `npm run bench -- client${flags}`
    : `node --import tsx bench/client.ts${flags}`
  const section = startSection("client", command, quick)
  const server = await spawnServer("mock")
  const described: Array<{ contender: Contender; call: Call; transport: string | null }> = [
    { contender: rawFetch(server.url), call: "raw fetch", transport: null },
    { contender: grammy(server.url), call: "grammY", transport: null },
    { contender: undiciPool(server.url), call: "undici pool", transport: null },
    { contender: undiciPoolInEffect(server.url), call: "undici pool in Effect", transport: null }
  ]
  for (const [transport, layer] of bestOnly ? TRANSPORTS.slice(0, 1) : TRANSPORTS) {
    for (const call of ["policy", "botapi"] as const) {
      const name = `${call === "policy" ? "Policy" : "BotApi"}.exportChatInviteLink, ${transport}`
      described.push({
        contender: effectContender(library, name, layer, server.url, call === "policy" ? "resilient" : "bare"),
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
      ...(quick ? ["--quick"] : []),
      ...(bestOnly ? ["--best-only"] : [])
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
