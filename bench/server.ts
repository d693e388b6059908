/**
 * Section "server": mock server throughput, measured by autocannon (in this process) against servers each in their own
 * process: the mock (`tg-mock-server`), a bare node:http server answering a fixed envelope (the runtime's ceiling)
 * and telegram-test-api (the npm peer) on getMe. 64 connections; rounds interleaved; medians over rounds.
 */
import autocannon from "autocannon"
import { args, type ChildServer, EXPORT_BODY, median, rotate, spawnServer, TOKEN } from "./common.js"
import { round2, startSection, times, verdict, writeResult } from "./results.js"

const { quick } = args()
const ROUNDS = quick ? 1 : 3
const SECONDS = quick ? 1 : 4
const CONNECTIONS = 64

interface Scenario {
  readonly name: string
  readonly server: "mock" | "bare" | "telegram-test-api"
  readonly request: "export" | "getMe"
}

const scenarios: ReadonlyArray<Scenario> = [
  { name: "mock exportChatInviteLink (JSON POST)", server: "mock", request: "export" },
  { name: "bare node:http, same POST", server: "bare", request: "export" },
  { name: "mock getMe", server: "mock", request: "getMe" },
  { name: "bare node:http, getMe", server: "bare", request: "getMe" },
  { name: "telegram-test-api getMe", server: "telegram-test-api", request: "getMe" }
]

export interface ServerFigures {
  readonly name: string
  readonly requestsPerSec: number
  readonly latencyP50Ms: number
  readonly latencyP99Ms: number
  readonly rounds: ReadonlyArray<number>
  readonly roundLatencyMs: ReadonlyArray<{ readonly p50: number; readonly p99: number }>
}

const load = async (server: ChildServer, request: Scenario["request"], seconds: number) => {
  const result = await autocannon(
    request === "export"
      ? {
        url: `${server.url}/bot${TOKEN}/exportChatInviteLink`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: EXPORT_BODY,
        connections: CONNECTIONS,
        duration: seconds
      }
      : { url: `${server.url}/bot${TOKEN}/getMe`, connections: CONNECTIONS, duration: seconds }
  )
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${server.url} ${request}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`
    )
  }
  return { requestsPerSec: result["2xx"] / result.duration, p50: result.latency.p50, p99: result.latency.p99 }
}

const main = async (): Promise<void> => {
  const section = startSection("server", `npm run bench -- server${quick ? " --quick" : ""}`, quick)
  const servers = new Map<Scenario["server"], ChildServer>()
  try {
    for (const kind of ["mock", "bare", "telegram-test-api"] as const) servers.set(kind, await spawnServer(kind))
    for (const s of scenarios) await load(servers.get(s.server)!, s.request, 1) // warm-up
    const perRound = new Map(scenarios.map((s) => [s.name, [] as Array<{ rps: number; p50: number; p99: number }>]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of rotate(scenarios, round)) {
        const r = await load(servers.get(s.server)!, s.request, SECONDS)
        perRound.get(s.name)!.push({ rps: r.requestsPerSec, p50: r.p50, p99: r.p99 })
      }
      process.stderr.write(`  server round ${round + 1}/${ROUNDS} done\n`)
    }
    const figures: Array<ServerFigures> = scenarios.map((s) => {
      const rounds = perRound.get(s.name)!
      return {
        name: s.name,
        requestsPerSec: round2(median(rounds.map((r) => r.rps))),
        latencyP50Ms: median(rounds.map((r) => r.p50)),
        latencyP99Ms: median(rounds.map((r) => r.p99)),
        rounds: rounds.map((r) => round2(r.rps)),
        roundLatencyMs: rounds.map((r) => ({ p50: r.p50, p99: r.p99 }))
      }
    })
    const byName = (name: string) => perRound.get(name)!.map((r) => r.rps)
    const pairedRatio = (a: string, b: string) => {
      const x = byName(a)
      const y = byName(b)
      return round2(median(x.map((v, i) => v / y[i]!)))
    }
    const ratios = {
      mockExportVsBare: pairedRatio(scenarios[0]!.name, scenarios[1]!.name),
      mockGetMeVsBare: pairedRatio(scenarios[2]!.name, scenarios[3]!.name),
      mockGetMeVsTelegramTestApi: pairedRatio(scenarios[2]!.name, scenarios[4]!.name)
    }
    const verdicts = [
      verdict("server.export", "mock exportChatInviteLink ÷ bare node:http (same POST)", {
        floor: {
          value: ratios.mockExportVsBare,
          op: "≥",
          limit: 0.8,
          bound: "≥ 0.8×",
          figure: times(ratios.mockExportVsBare)
        }
      }),
      verdict("server.getMe", "mock getMe ÷ telegram-test-api getMe", {
        floor: {
          value: ratios.mockGetMeVsTelegramTestApi,
          op: "≥",
          limit: 5,
          bound: "≥ 5×",
          figure: times(ratios.mockGetMeVsTelegramTestApi)
        }
      })
    ]
    const path = writeResult(
      section.finish({ rounds: ROUNDS, secondsPerRun: SECONDS, connections: CONNECTIONS, figures, ratios, verdicts })
    )
    process.stderr.write(`  server: wrote ${path}\n`)
  } finally {
    for (const server of servers.values()) await server.stop()
  }
}

await main()
