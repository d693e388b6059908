/**
 * Section "msw": in-process. exportChatInviteLink calls per second (64 in flight) through the MSW handlers
 * (`telegramHandlers`), with no socket: the library over FetchHttpClient and a raw fetch, both intercepted by MSW
 * (grammY is left out: its node-fetch request through MSW 2 never settles); and, for comparison, the library over `makeMockHttpClient` (`layerMockHttpClient`: the mock as an Effect HttpClient, no MSW).
 * Rounds interleaved; every round's calls/s written (the report takes the medians and the paired ratios).
 */
import { FetchHttpClient, type HttpClient } from "@effect/platform"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { setupServer } from "msw/node"
import { MockTelegram } from "telegram-bot-api-mock"
import { telegramHandlers } from "telegram-bot-api-mock/msw"
import { BotApi, Policy } from "../src/index.js"
import { layerMockHttpClient } from "../src/MockHttpClient.js"
import { args, CHAT, EXPORT_BODY, pool, rotate, TOKEN } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { round2 } from "./stats.js"

const { quick } = args()
const ROUNDS = quick ? 1 : 5
const CALLS = quick ? 1_000 : 5_000
const CONCURRENCY = 64
const API_ROOT = "https://api.telegram.org"

const mock = MockTelegram.make()
const msw = setupServer(...telegramHandlers(mock))
msw.listen({ onUnhandledRequest: "error" })

const LINK = /^https:\/\/t\.me\/\+/
const check = (link: string): void => {
  if (!LINK.test(link)) throw new Error(`not a link: ${link}`)
}

interface Contender {
  readonly name: string
  readonly run: (n: number) => Promise<void>
  readonly dispose: () => Promise<void>
}

const library = (name: string, transport: Layer.Layer<HttpClient.HttpClient>): Contender => {
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot: API_ROOT }), Policy.layerMemory).pipe(
      Layer.provide(transport)
    )
  )
  const one = Effect.map(Policy.exportChatInviteLink(CHAT), (r) => check(r.link))
  return {
    name,
    run: (n) =>
      runtime.runPromise(Effect.forEach(Array.from({ length: n }), () => one, {
        concurrency: CONCURRENCY,
        discard: true
      })),
    dispose: () => runtime.dispose()
  }
}

const rawFetch: Contender = {
  name: "raw fetch through MSW",
  run: (n) =>
    pool(n, CONCURRENCY, async () => {
      const response = await fetch(`${API_ROOT}/bot${TOKEN}/exportChatInviteLink`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: EXPORT_BODY
      })
      check(((await response.json()) as { result: string }).result)
    }),
  dispose: async () => {}
}

const main = async (): Promise<void> => {
  const section = startSection("msw", `npm run bench -- msw${quick ? " --quick" : ""}`, quick)
  const contenders = [
    library("library, resilient, FetchHttpClient through MSW", FetchHttpClient.layer),
    rawFetch,
    library("library, resilient, makeMockHttpClient (no MSW)", layerMockHttpClient(mock))
  ]
  try {
    for (const c of contenders) await c.run(quick ? 300 : 2_000) // warm-up
    const perRound = new Map(contenders.map((c) => [c.name, [] as Array<number>]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of rotate(contenders, round)) {
        const start = performance.now()
        await c.run(CALLS)
        perRound.get(c.name)!.push(round2(CALLS / ((performance.now() - start) / 1000)))
      }
      process.stderr.write(`  msw round ${round + 1}/${ROUNDS} done\n`)
    }
    const path = writeResult(
      section.finish({
        calls: CALLS,
        concurrency: CONCURRENCY,
        contenders: contenders.map((c) => ({ name: c.name, rounds: perRound.get(c.name)! }))
      })
    )
    process.stderr.write(`  msw: wrote ${path}\n`)
  } finally {
    for (const c of contenders) await c.dispose()
    msw.close()
  }
}

await main()
