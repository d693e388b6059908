/**
 * The fleet figure: one bot run by N = 8 processes, all exporting the link of the same chat in a loop, through the
 * standalone mock (its own process). Mid-run the chat is flooded: from the moment the fault is injected until 1 s after
 * the first 429 went out, every request for it answers `429 retry after 1`, as Telegram does. How many requests did
 * the fleet send for that chat after the first 429 had arrived and before its deadline (requests already on the wire
 * when it arrived are not counted: nobody could know yet)?
 *
 * Contenders, each N real `node` processes:
 * - ours, Redis: `Policy.exportChatInviteLink` with `RedisPolicy.layerConfig()` (flood gate and migrations shared
 *   through a real redis-server, started here on a free loopback port with persistence off);
 * - ours, in memory: the same with `Policy.layerMemory` (N independent gates: what the Redis layer adds);
 * - grammY + @grammyjs/auto-retry (defaults), N independent processes.
 *
 * `npm run bench:fleet` (`-- --quick`: one run each instead of three), also section `fleet` of `npm run bench`:
 * writes bench/results/fleet.json (bench/results/quick/fleet.json when quick). Without redis-server on PATH it says
 * that it did not run, writes nothing and exits 1: a figure nobody measured is not published.
 *
 * `--grammy-worker` makes this file a grammY worker of the fleet (same environment and JSON lines as
 * test/redis/worker.ts).
 */
import { autoRetry } from "@grammyjs/auto-retry"
import { createInterface } from "node:readline"
import { type FleetRun, type RequestLine, runFleet, startMockProcess } from "../test/redis/fleet.js"
import { redisAvailable, skipMessage, startRedis } from "../test/redis/redisServer.js"
import { startSection, writeResult } from "./results.js"
import { median } from "./stats.js"

const N = 8
const CHAT = -1001234567890
const RETRY_AFTER_S = 1
const CALLS_PER_PROCESS = 15
const PACE_MS = 300
/** The chat is flooded once this many calls have ended, fleet-wide (a steady state, every process running). */
const FLOOD_AFTER_RESULTS = N * 4

const argv = process.argv.slice(2)
const quick = argv.includes("--quick")

// ---- the grammY worker ----------------------------------------------------------------------------------------

const grammyWorker = async (): Promise<void> => {
  const { Api } = await import("grammy")
  const worker = Number(process.env["FLEET_WORKER"] ?? "0")
  const chats = (process.env["FLEET_CHATS"] ?? "").split(",").filter((c) => c !== "")
  const rounds = Number(process.env["FLEET_ROUNDS"] ?? "1")
  const paceMs = Number(process.env["FLEET_PACE_MS"] ?? "0")
  const now = () => performance.timeOrigin + performance.now()
  const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ worker, ...line })}\n`)
  const instrumented: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input)
    let chat: unknown
    try {
      chat = typeof init?.body === "string" ? JSON.parse(init.body).chat_id : undefined
    } catch {
      chat = undefined
    }
    const sentAt = now()
    const response = await fetch(input, init)
    const retryAfter = response.headers.get("retry-after")
    print({
      type: "request",
      method: url.slice(url.lastIndexOf("/") + 1),
      chat: String(chat),
      sentAt,
      receivedAt: now(),
      status: response.status,
      retryAfter: retryAfter === null ? undefined : Number(retryAfter)
    })
    return response
  }
  const api = new Api(process.env["TELEGRAM_BOT_TOKEN"]!, {
    apiRoot: process.env["TELEGRAM_API_ROOT"]!,
    fetch: instrumented as never
  })
  api.config.use(autoRetry())
  print({ type: "ready" })
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin })
    lines.on("line", (line) => {
      if (line.trim() === "go") {
        lines.close()
        resolve()
      }
    })
  })
  for (let round = 0; round < rounds; round++) {
    for (const chat of chats) {
      try {
        const link = await api.exportChatInviteLink(Number(chat))
        print({ type: "result", chat, ok: true, link })
      } catch (error) {
        print({ type: "result", chat, ok: false, error: (error as Error).name, message: (error as Error).message })
      }
      if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * paceMs))
    }
  }
  print({ type: "done" })
  process.exit(0)
}

// ---- the figure ----------------------------------------------------------------------------------------------

interface RunFigures {
  /** Requests for the chat sent after the first 429 had arrived and before its deadline. */
  readonly extraAfter429: number
  /** 429 answers the fleet received in all. */
  readonly floodAnswers: number
  /**
   * Ours only: requests for the chat sent after the first 429's process had closed the shared gate, before the
   * deadline (the rest of `extraAfter429` went out while that process was still reading its 429).
   */
  readonly sentPastClosedGate?: number
  readonly requests: number
  readonly calls: number
  readonly failedCalls: number
  readonly seconds: number
}

const figuresOf = (run: FleetRun): RunFigures => {
  const floods = run.requests.filter((r) => r.status === 429)
  const first = floods.reduce<RequestLine | undefined>(
    (a, r) => (a === undefined || r.receivedAt < a.receivedAt ? r : a),
    undefined
  )
  const extra = first === undefined ?
    0 :
    run.requests.filter((r) =>
      r.chat === String(CHAT) && r.sentAt > first.receivedAt && r.sentAt < first.receivedAt + RETRY_AFTER_S * 1000
    ).length
  const closed = run.floods.length === 0 ? undefined : Math.min(...run.floods.map((f) => f.closedAt))
  return {
    extraAfter429: extra,
    floodAnswers: floods.length,
    ...(first === undefined || closed === undefined ? {} : {
      sentPastClosedGate:
        run.requests.filter((r) =>
          r.chat === String(CHAT) && r.sentAt > closed && r.sentAt < first.receivedAt + RETRY_AFTER_S * 1000
        ).length
    }),
    requests: run.requests.length,
    calls: run.results.length,
    failedCalls: run.results.filter((r) => !r.ok).length,
    seconds: run.elapsedMs / 1000
  }
}

const main = async (): Promise<void> => {
  const runs = quick ? 1 : 3
  const section = startSection("fleet", `npm run bench:fleet${quick ? " -- --quick" : ""}`, quick)
  if (!redisAvailable) {
    throw new Error(skipMessage.replace("Redis tests", "the fleet figure"))
  }
  const [redis, mock] = await Promise.all([startRedis(), startMockProcess()])
  const contenders = [
    { name: "ours, flood gate shared through Redis", mode: "redis" as const, script: undefined },
    { name: "ours, in-memory gate per process", mode: "memory" as const, script: undefined },
    {
      name: "grammY + auto-retry, independent processes",
      mode: "memory" as const,
      script: ["bench/fleet.ts", "--grammy-worker"]
    }
  ]
  const results: Array<{ readonly name: string; readonly perRun: ReadonlyArray<RunFigures> }> = []
  try {
    const perRun = new Map<string, Array<RunFigures>>(contenders.map((c) => [c.name, []]))
    // Interleaved: run r of every contender, then run r + 1, so that a slow moment of the machine hits all of them.
    for (let r = 0; r < runs; r++) {
      for (const contender of contenders) {
        await mock.control.send("POST", "reset")
        const client = await import("ioredis").then(({ Redis }) => new Redis(redis.url))
        await client.flushall()
        client.disconnect()
        let results = 0
        let flooded = false
        let clearing = false
        const run = await runFleet({
          workers: N,
          apiRoot: mock.url,
          redisUrl: redis.url,
          chats: [CHAT],
          rounds: CALLS_PER_PROCESS,
          paceMs: PACE_MS,
          mode: contender.mode,
          ...(contender.script === undefined ? {} : { script: contender.script }),
          onLine: (line) => {
            if (line.type === "result" && ++results === FLOOD_AFTER_RESULTS && !flooded) {
              flooded = true
              void mock.control.send("POST", "faults", {
                method: "exportChatInviteLink",
                chat_id: CHAT,
                times: 1_000_000,
                reply: { error_code: 429, retry_after: RETRY_AFTER_S }
              })
            }
            if (line.type === "request" && line.status === 429 && !clearing) {
              clearing = true
              setTimeout(() => void mock.control.send("DELETE", "faults"), RETRY_AFTER_S * 1000)
            }
          }
        })
        const figures = figuresOf(run)
        perRun.get(contender.name)!.push(figures)
        process.stderr.write(`bench:fleet: ${contender.name}, run ${r + 1}/${runs}: ${JSON.stringify(figures)}\n`)
      }
    }
    for (const contender of contenders) {
      results.push({ name: contender.name, perRun: perRun.get(contender.name)! })
    }
  } finally {
    await Promise.all([redis.stop(), mock.stop()])
  }
  const figures = {
    processes: N,
    retryAfterSeconds: RETRY_AFTER_S,
    callsPerProcess: CALLS_PER_PROCESS,
    contenders: results
  }
  const path = writeResult(section.finish(figures))
  process.stderr.write(`bench:fleet: wrote ${path}\n`)
  process.stderr.write(
    `\nFleet of ${N} processes, one chat flooded (retry_after ${RETRY_AFTER_S} s): extra requests after the first 429 (median of ${runs})\n` +
      results.map((c) =>
        `  ${c.name}: ${median(c.perRun.map((f) => f.extraAfter429))} extra, ${
          median(c.perRun.map((f) => f.floodAnswers))
        } 429 answers, ${median(c.perRun.map((f) => f.failedCalls))} failed calls`
      ).join("\n") +
      "\n"
  )
}

if (argv.includes("--grammy-worker")) {
  void grammyWorker()
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench:fleet failed: ${String(error)}\n`)
      process.exit(1)
    }
  )
}
