/**
 * Diagnostic (not part of `npm run bench`): the library's own CPU per call, with no socket. `BotApi` and `Policy`
 * over a fake direct transport that answers every `exportChatInviteLink` from a microtask with a fixed envelope,
 * beside the same answer awaited as a Promise and through `Effect.tryPromise`; sequential and 64 fibers in flight,
 * CPU µs per call (user + system), interleaved rounds, medians.
 *
 *   node --import tsx bench/micro-client.ts [--calls 50000] [--rounds 5] [--dist dist] [--baseline DIR]
 */
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import type { DirectTransport } from "../src/internal/directTransport.js"
import { CHAT, TOKEN } from "./common.js"

const argv = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`)
  return at === -1 ? undefined : argv[at + 1]
}
/**
 * `--dist DIR`: the library compiled by tsc into DIR (what users run; tsx passes each function it makes through `__name`).
 * `--baseline DIR`: another compiled library (another commit's) beside it, in the same rounds and process.
 */
const dist = option("dist")
const baseline = option("baseline")
const CALLS = Number(option("calls") ?? 50_000)
const ROUNDS = Number(option("rounds") ?? 5)
const CONCURRENCY = 64
const BODY = JSON.stringify({ ok: true, result: "https://t.me/+AbCdEfGhIjKlMnOp" })

const answer = (): Promise<string> => new Promise((resolve) => queueMicrotask(() => resolve(BODY)))
/** `--answer immediate`: the fake answers from the event loop's next turn (as a socket does), not a microtask. */
const later: (f: () => void) => void = option("answer") === "immediate" ? setImmediate : queueMicrotask
const direct: DirectTransport = {
  postJson: (_origin, _path, _body, callback) => {
    let aborted = false
    later(() => aborted || callback(undefined, 200, BODY))
    return () => void (aborted = true)
  }
}
const check = (link: string): void => {
  if (!link.startsWith("https://t.me/+")) throw new Error(link)
}

type Runner = <A>(effect: Effect.Effect<A, unknown, any>) => Promise<A>

/** The library at `dir` (its sources when undefined): its two calls over the fake transport, and their runner. */
const libraryAt = async (dir: string | undefined) => {
  const from = (module: string) => dir === undefined ? `../src/${module}` : pathToFileURL(resolve(dir, module)).href
  const { BotApi, Policy } = (await import(from("index.js"))) as typeof import("../src/index.js")
  const { HttpClient } = (await import(from("edition/http.js"))) as typeof import("../src/edition/http.js")
  const { DirectTransportTypeId } =
    (await import(from("internal/directTransport.js"))) as typeof import("../src/internal/directTransport.js")
  const client = Object.assign(HttpClient.make(() => Effect.die("the fake client is direct only")), {
    [DirectTransportTypeId]: direct
  })
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot: "http://127.0.0.1:1" }), Policy.layerMemory)
      .pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))
  )
  return {
    run: ((effect) => runtime.runPromise(effect)) as Runner,
    BotApi: Effect.map(BotApi.exportChatInviteLink(CHAT), check),
    Policy: Effect.map(Policy.exportChatInviteLink(CHAT), (r) => check(r.link)),
    dispose: () => runtime.dispose()
  }
}
const ours = await libraryAt(dist)
const theirs = baseline === undefined ? undefined : await libraryAt(baseline)

const promiseOne = async (): Promise<void> => {
  const body = JSON.parse(await answer()) as { ok: boolean; result: string }
  check(body.result)
}
const effects: Array<[string, Effect.Effect<void, unknown, any>, Runner]> = [
  ["Effect.tryPromise", Effect.tryPromise(promiseOne), (effect) => Effect.runPromise(effect as Effect.Effect<any>)],
  ["BotApi", ours.BotApi, ours.run],
  ["Policy", ours.Policy, ours.run],
  ...(theirs === undefined ? [] : [
    ["BotApi (baseline)", theirs.BotApi, theirs.run] as [string, Effect.Effect<void, unknown, any>, Runner],
    ["Policy (baseline)", theirs.Policy, theirs.run] as [string, Effect.Effect<void, unknown, any>, Runner]
  ])
]

const sequentialEffect = (one: Effect.Effect<void, unknown, any>, run: Runner) =>
  run(Effect.gen(function*() {
    for (let i = 0; i < CALLS; i++) yield* one
  }))
const concurrentEffect = (one: Effect.Effect<void, unknown, any>, run: Runner) => {
  let left = CALLS
  const worker = Effect.whileLoop({ while: () => left-- > 0, body: () => one, step: () => {} })
  return run(Effect.all(Array.from({ length: CONCURRENCY }, () => worker), { concurrency: "unbounded", discard: true }))
}
const contenders: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
  ["Promise", async () => {
    for (let i = 0; i < CALLS; i++) await promiseOne()
  }, async () => {
    let left = CALLS
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await promiseOne()
    }))
  }],
  ...effects.map(([name, one, run]) =>
    [name, () => sequentialEffect(one, run), () => concurrentEffect(one, run)] as [
      string,
      () => Promise<unknown>,
      () => Promise<unknown>
    ]
  )
]

/** CPU µs per call (user + system), and wall µs per call. */
const cpuOf = async (run: () => Promise<unknown>): Promise<[number, number]> => {
  const cpu = process.cpuUsage()
  const start = performance.now()
  await run()
  const wall = (performance.now() - start) * 1000 / CALLS
  const { system, user } = process.cpuUsage(cpu)
  return [(user + system) / CALLS, wall]
}
const figures = new Map<string, { seq: Array<[number, number]>; conc: Array<[number, number]> }>()
for (const [name, seq, conc] of contenders) {
  await seq()
  await conc()
  figures.set(name, { seq: [], conc: [] })
}
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, seq, conc] of contenders.map((_, i) => contenders[(i + round) % contenders.length]!)) {
    figures.get(name)!.seq.push(await cpuOf(seq))
    figures.get(name)!.conc.push(await cpuOf(conc))
  }
}
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(2)
const cpu = (xs: Array<[number, number]>) => median(xs.map(([c]) => c))
const wall = (xs: Array<[number, number]>) => median(xs.map(([, w]) => w))
for (const [name, { conc, seq }] of figures) {
  process.stdout.write(
    `${name.padEnd(20)} µs per call, CPU (wall): sequential ${cpu(seq)} (${wall(seq)}), 64 in flight ${cpu(conc)} (${
      wall(conc)
    })\n`
  )
}
await ours.dispose()
await theirs?.dispose()
