/**
 * Section "flood": the flood gate. 1000 exportChatInviteLink calls to one chat, one injected 429 (retry_after 2 s); how
 * many requests beyond the 1000 needed did the server see? The library (`Policy.exportChatInviteLink`, in-memory
 * gate, over NodeHttpClient.layerUndici) versus grammY with @grammyjs/auto-retry (defaults). Counted from the mock's
 * journal; the mock runs in its own process and is driven through its control API.
 *
 * Two shapes:
 * - burst: all 1000 start at once and the first request the server handles gets the 429. Every other request is on
 *   the wire before any answer comes back, so no client can hold them back: one extra request for anybody.
 * - wait: the chat is flooded (every request for it answers 429 until the deadline, as Telegram does) and the other
 *   999 callers start 50 ms after the first 429, while the first caller waits. This is where a shared gate matters.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { autoRetry } from "@grammyjs/auto-retry"
import { Layer, ManagedRuntime, Redacted } from "effect"
import { Api } from "grammy"
import type { JournalEntry } from "telegram-bot-api-mock"
import { BotApi, Policy } from "../src/index.js"
import { args, CHAT, type ChildServer, control, sleep, spawnServer, TOKEN } from "./common.js"
import { startSection, writeResult } from "./results.js"
import { round2 } from "./stats.js"

const CALLERS = 1000
const RETRY_AFTER = 2

type Client = (apiRoot: string) => { readonly call: () => Promise<unknown>; readonly dispose: () => Promise<void> }

const library: Client = (apiRoot) => {
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(BotApi.layer({ token: Redacted.make(TOKEN), apiRoot }), Policy.layerMemory).pipe(
      Layer.provide(NodeHttpClient.layerUndici)
    )
  )
  return { call: () => runtime.runPromise(Policy.exportChatInviteLink(CHAT)), dispose: () => runtime.dispose() }
}

const grammy: Client = (apiRoot) => {
  const api = new Api(TOKEN, { apiRoot })
  api.config.use(autoRetry())
  return { call: () => api.exportChatInviteLink(CHAT), dispose: async () => {} }
}

const requestsForChat = async (server: ChildServer): Promise<Array<JournalEntry>> =>
  ((await control(server.url, "GET", "journal")) as Array<JournalEntry>).filter((e) =>
    e.method === "exportChatInviteLink" && e.chat_id === String(CHAT)
  )

const waitFor429 = async (server: ChildServer): Promise<void> => {
  while (!(await requestsForChat(server)).some((e) => e.status === 429)) await sleep(1)
}

const flood429 = (times: number) => ({
  method: "exportChatInviteLink",
  chat_id: CHAT,
  times,
  reply: { error_code: 429, retry_after: RETRY_AFTER }
})

/** What one run did: the requests for the chat the mock's journal saw, and the calls that failed. */
export interface FloodRun {
  readonly client: string
  readonly shape: "burst" | "wait"
  readonly requests: number
  readonly answered429: number
  readonly failedCalls: number
  readonly seconds: number
}

const run = async (
  server: ChildServer,
  name: string,
  client: Client,
  shape: FloodRun["shape"]
): Promise<FloodRun> => {
  await control(server.url, "POST", "reset")
  const { call, dispose } = client(server.url)
  const start = performance.now()
  let failed = 0
  const settle = (p: Promise<unknown>) => p.then(() => undefined, () => void failed++)
  try {
    if (shape === "burst") {
      await control(server.url, "POST", "faults", flood429(1))
      await Promise.all(Array.from({ length: CALLERS }, () => settle(call())))
    } else {
      // The flood lasts about RETRY_AFTER seconds from the first 429; it is lifted (100 ms early, to leave room for
      // the polling and the control request) before the deadline any client computes, so no retry meets it.
      await control(server.url, "POST", "faults", flood429(1_000_000))
      const first = settle(call())
      await waitFor429(server)
      const lift = setTimeout(() => void control(server.url, "DELETE", "faults"), RETRY_AFTER * 1000 - 100)
      await sleep(50)
      const others = Array.from({ length: CALLERS - 1 }, () => settle(call()))
      await Promise.all([first, ...others])
      clearTimeout(lift)
    }
  } finally {
    await dispose()
  }
  const seen = await requestsForChat(server)
  return {
    client: name,
    shape,
    requests: seen.length,
    answered429: seen.filter((e) => e.status === 429).length,
    failedCalls: failed,
    seconds: round2((performance.now() - start) / 1000)
  }
}

const main = async (): Promise<void> => {
  const { quick } = args() // the same run either way: this section is short
  const section = startSection("flood", `npm run bench -- flood${quick ? " --quick" : ""}`, quick)
  const server = await spawnServer("mock-big-journal")
  try {
    const runs: Array<FloodRun> = []
    for (const shape of ["burst", "wait"] as const) {
      runs.push(await run(server, "library (resilient, shared gate)", library, shape))
      runs.push(await run(server, "grammY + auto-retry", grammy, shape))
      process.stderr.write(`  flood ${shape} done\n`)
    }
    const path = writeResult(section.finish({ callers: CALLERS, retryAfterSeconds: RETRY_AFTER, runs }))
    process.stderr.write(`  flood: wrote ${path}\n`)
  } finally {
    await server.stop()
  }
}

await main()
