/**
 * Section "memory": memory.
 * - The standalone mock's RSS (its own process, read from /proc) after 10k and after 1M exportChatInviteLink
 *   requests (autocannon, 64 connections, `amount`); `--quick` stops at 20k. The server is `tg-mock-server` as the
 *   installed package runs it: compiled by `tsc` (tsconfig.build.json, mock-server only, into
 *   node_modules/.cache/tg-mock-bench) and started with plain `node`. For information, the same run under tsx
 *   (`npm run mock-server`), whose loader thread (a second V8 isolate) adds about 70 MB of RSS.
 * - The client's heap with 10k calls in flight: the mock holds every answer for a few seconds (a delay fault), the
 *   heap is measured after a full GC while all 10k wait; the growth over the heap before the calls, per call. Raw
 *   fetch (one connection per call) against `Policy.exportChatInviteLink` over the library's `UndiciHttpClient` with
 *   as many connections as calls (like for like: the target's figure), and, for information, over its default layer
 *   (64 connections: the other calls wait in undici's queue) and over `NodeHttpClient.layerUndici`.
 */
import type { HttpClient } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import autocannon from "autocannon"
import { Layer, ManagedRuntime, Redacted } from "effect"
import { spawn } from "node:child_process"
import { BotApi, Policy } from "../src/index.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
import {
  args,
  awaitListening,
  buildCompiledMock,
  CHAT,
  type ChildServer,
  control,
  EXPORT_BODY,
  gc,
  ROOT,
  rssOf,
  sleep,
  spawnServer,
  TOKEN
} from "./common.js"
import { startSection, writeResult } from "./results.js"
import { round2 } from "./stats.js"

const { quick } = args()
const CHECKPOINTS = quick ? [10_000, 20_000] : [10_000, 1_000_000]
const IN_FLIGHT = quick ? 2_000 : 10_000
const HOLD_MS = quick ? 3_000 : 6_000

const drive = async (server: ChildServer, amount: number): Promise<void> => {
  const result = await autocannon({
    url: `${server.url}/bot${TOKEN}/exportChatInviteLink`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: EXPORT_BODY,
    connections: 64,
    amount
  })
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors, ${result.non2xx} non-2xx`)
}

/** `node <compiled bin> --port 0`, as the installed `tg-mock-server` starts. */
const spawnCompiledMock = (bin: string): Promise<ChildServer> =>
  awaitListening(
    spawn(process.execPath, [bin, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] }),
    "compiled mock"
  )

const serverRss = async (label: string, start: () => Promise<ChildServer>) => {
  const server = await start()
  try {
    const startRss = rssOf(server.pid)
    const points: Array<{ requests: number; rssBytes: number }> = []
    let done = 0
    for (const checkpoint of CHECKPOINTS) {
      const start = performance.now()
      await drive(server, checkpoint - done)
      done = checkpoint
      await sleep(500)
      points.push({ requests: done, rssBytes: rssOf(server.pid) })
      process.stderr.write(
        `  memory (${label}): ${done} requests (${((performance.now() - start) / 1000).toFixed(0)} s), server RSS ${
          (points.at(-1)!.rssBytes / 2 ** 20).toFixed(1)
        } MB\n`
      )
    }
    return { startRssBytes: startRss, points }
  } finally {
    await server.stop()
  }
}

/**
 * Launches the calls, measures the heap while they wait on the mock's delayed answers, then either waits for them
 * (`settle`) or returns at once (the caller disposes of the client, which ends them).
 */
const inFlight = async (
  server: ChildServer,
  name: string,
  launch: () => Array<Promise<unknown>>,
  settle: boolean
) => {
  await control(server.url, "POST", "reset")
  await control(server.url, "POST", "faults", {
    method: "exportChatInviteLink",
    times: IN_FLIGHT,
    reply: { delay_ms: HOLD_MS }
  })
  gc()
  const before = process.memoryUsage().heapUsed
  let settled = 0
  let failed = 0
  let firstError: unknown
  const start = performance.now()
  const calls = launch().map((p) =>
    p.then(() => void settled++, (error) => {
      settled++
      failed++
      firstError ??= error
    })
  )
  await sleep(HOLD_MS * 0.6)
  gc()
  const during = process.memoryUsage().heapUsed
  const settledWhileMeasured = settled
  if (settle) await Promise.all(calls)
  const seconds = (performance.now() - start) / 1000
  if (settledWhileMeasured > 0 || failed > 0) {
    process.stderr.write(
      `  memory: ${name}: ${settledWhileMeasured} settled early, ${failed} failed (${String(firstError)})\n`
    )
  }
  return {
    name,
    heapGrowthBytes: during - before,
    settledBeforeMeasure: settledWhileMeasured,
    failed,
    seconds: round2(seconds),
    calls
  }
}

/**
 * Each contender gets a fresh server: 10k kept-alive sockets left by one would exhaust the other's descriptors. Its
 * request timeout is raised: 10k connections opened at once overflow the listen backlog, and the SYN retries of the
 * last ones take longer than the default 10 s.
 */
const libraryHeap = async (name: string, transport: Layer.Layer<HttpClient.HttpClient>, settle: boolean) => {
  const server = await spawnServer("mock", ["--request-timeout", "60000"])
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot: server.url }), Policy.layerMemory).pipe(
      Layer.provide(transport)
    )
  )
  try {
    await runtime.runPromise(Policy.exportChatInviteLink(CHAT)) // build the layers before measuring
    const { calls, ...figures } = await inFlight(
      server,
      name,
      () => Array.from({ length: IN_FLIGHT }, () => runtime.runPromise(Policy.exportChatInviteLink(CHAT))),
      settle
    )
    await runtime.dispose()
    await Promise.all(calls)
    return figures
  } finally {
    await runtime.dispose()
    await server.stop()
  }
}

const clientHeap = async () => {
  const figures = []
  {
    const server = await spawnServer("mock", ["--request-timeout", "60000"])
    const url = `${server.url}/bot${TOKEN}/exportChatInviteLink`
    const rawFetch = () =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: EXPORT_BODY }).then((r) =>
        r.json()
      )
    try {
      await rawFetch()
      const { calls: _, ...raw } = await inFlight(
        server,
        "raw fetch",
        () => Array.from({ length: IN_FLIGHT }, rawFetch),
        true
      )
      figures.push(raw)
    } finally {
      await server.stop()
    }
  }
  figures.push(
    await libraryHeap(
      `Policy, UndiciHttpClient, ${IN_FLIGHT.toLocaleString("en-US")} connections`,
      UndiciHttpClient.layerWith({ connections: IN_FLIGHT }),
      true
    )
  )
  // The default pool sends 64 at a time: the others would wait minutes for their turn; the runtime's disposal ends them.
  figures.push(await libraryHeap("Policy, UndiciHttpClient.layer (64 connections)", UndiciHttpClient.layer, false))
  figures.push(await libraryHeap("Policy, NodeHttpClient.layerUndici", NodeHttpClient.layerUndici, true))
  return figures
}

const main = async (): Promise<void> => {
  const section = startSection("memory", `npm run bench -- memory${quick ? " --quick" : ""}`, quick)
  const bin = buildCompiledMock()
  const server = await serverRss("compiled", () => spawnCompiledMock(bin))
  const serverTsx = await serverRss("tsx", () => spawnServer("mock"))
  const client = await clientHeap()
  const path = writeResult(
    section.finish({
      checkpoints: CHECKPOINTS,
      inFlight: IN_FLIGHT,
      holdMs: HOLD_MS,
      server,
      serverTsx,
      client
    })
  )
  process.stderr.write(`  memory: wrote ${path}\n`)
}

await main()
