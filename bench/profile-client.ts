/**
 * Diagnostic (not part of `npm run bench`): one contender of the client section, alone, at 64 in flight against the
 * standalone mock in its own process, for a CPU profile of the client's process.
 *
 *   node --import tsx bench/profile-client.ts policy [--calls 60000] [--profile /tmp/policy.cpuprofile]
 *   node --import tsx bench/profile-summary.ts /tmp/policy.cpuprofile
 *
 * `--profile` records the measured calls only (after the warm-up), with the inspector's profiler; `--heap-profile
 * FILE` samples their allocations instead (a `.heapprofile`, summarised by bench/heap-profile-summary.ts).
 *
 * Contenders: `pool` (undici `Pool.request` straight), `effect-pool` (the same in `Effect.tryPromise` and
 * `Effect.forEach({ concurrency: 64 })`), `policy` (`Policy.exportChatInviteLink` over `UndiciHttpClient.layer`),
 * `botapi` (`BotApi.exportChatInviteLink`, same transport). `--api-root URL` uses a mock already running. Prints the
 * calls/s and the client's CPU time per call (user + system: less sensitive than calls/s to other load).
 */
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { Pool } from "undici"
import { CHAT, EXPORT_BODY, spawnServer, TOKEN } from "./common.js"

const argv = process.argv.slice(2)
const kind = argv[0] ?? "policy"
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`)
  return at === -1 ? undefined : argv[at + 1]
}
const CALLS = Number(option("calls") ?? 60_000)
/** `--dist DIR`: the library compiled by tsc into DIR (a profile then names lines of the JavaScript that runs). */
const dist = option("dist")
const from = (module: string) => dist === undefined ? `../src/${module}` : pathToFileURL(resolve(dist, module)).href
const { BotApi, Policy } = (await import(from("index.js"))) as typeof import("../src/index.js")
const UndiciHttpClient = (await import(from("UndiciHttpClient.js"))) as typeof import("../src/UndiciHttpClient.js")
const CONCURRENCY = 64

const given = option("api-root")
const server = given === undefined ? await spawnServer("mock") : undefined
const apiRoot = given ?? server!.url
const path = `/bot${TOKEN}/exportChatInviteLink`

const poolCall = (pool: Pool) => async (): Promise<string> => {
  const { body } = await pool.request({
    path,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: EXPORT_BODY
  })
  const answer = (await body.json()) as { ok: boolean; result: string }
  if (!answer.ok) throw new Error("refused")
  return answer.result
}

/** Runs `n` calls of the contender, 64 in flight; `close` frees what it holds. */
const contender = (): { run: (n: number) => Promise<void>; close: () => Promise<void> } => {
  if (kind === "pool" || kind === "effect-pool") {
    const pool = new Pool(apiRoot, { connections: CONCURRENCY })
    const one = poolCall(pool)
    const close = () => pool.destroy()
    if (kind === "pool") {
      return {
        run: async (n) => {
          let started = 0
          await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
            while (started++ < n) await one()
          }))
        },
        close
      }
    }
    return {
      run: (n) =>
        Effect.runPromise(
          Effect.forEach(Array.from({ length: n }), () => Effect.tryPromise(one), {
            concurrency: CONCURRENCY,
            discard: true
          })
        ),
      close
    }
  }
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot }), Policy.layerMemory).pipe(
      Layer.provide(UndiciHttpClient.layer)
    )
  )
  const one = kind === "policy" ? Effect.asVoid(Policy.exportChatInviteLink(CHAT)) : BotApi.exportChatInviteLink(CHAT)
  return {
    run: (n) =>
      runtime.runPromise(
        Effect.forEach(Array.from({ length: n }), () => one, { concurrency: CONCURRENCY, discard: true })
      ),
    close: () => runtime.dispose()
  }
}

const calls = contender()
// Warm-up (JIT, connections), left out of the figures and, with `--cpu-prof`, in the profile.
await calls.run(Math.min(5_000, CALLS))
const profileTo = option("profile")
const heapTo = option("heap-profile")
const session = profileTo === undefined && heapTo === undefined ? undefined : new Session()
if (session !== undefined) {
  session.connect()
  if (profileTo !== undefined) {
    await session.post("Profiler.enable")
    await session.post("Profiler.start")
  } else {
    await session.post("HeapProfiler.enable")
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true
    })
  }
}
const started = performance.now()
const cpu = process.cpuUsage()
await calls.run(CALLS)
const seconds = (performance.now() - started) / 1000
const { system, user } = process.cpuUsage(cpu)
if (session !== undefined) {
  if (profileTo !== undefined) {
    const { profile } = await session.post("Profiler.stop")
    writeFileSync(profileTo, JSON.stringify(profile))
  } else {
    const { profile } = await session.post("HeapProfiler.stopSampling")
    writeFileSync(heapTo!, JSON.stringify(profile))
  }
  session.disconnect()
}
process.stdout.write(
  `${kind}: ${CALLS} calls in ${seconds.toFixed(2)} s: ${Math.round(CALLS / seconds)} calls/s, ${
    ((user + system) / CALLS).toFixed(1)
  } µs of CPU per call\n`
)
await calls.close()
await server?.stop()
