/** The results files the documents are generated from, and the targets of issue 13 checked against them. */
import { readResult, type Result, type Verdict } from "../results.js"
import { holds, table } from "./format.js"

export type AnyResult = Result<any>
export const load = (section: string): AnyResult | undefined => readResult<any>(section)

export interface Results {
  readonly startup: AnyResult | undefined
  readonly client: AnyResult | undefined
  readonly server: AnyResult | undefined
  readonly msw: AnyResult | undefined
  readonly flood: AnyResult | undefined
  readonly memory: AnyResult | undefined
  readonly fleet: AnyResult | undefined
  readonly ablation: AnyResult | undefined
  readonly memoryDiag: AnyResult | undefined
  readonly soak: AnyResult | undefined
  readonly coverage: AnyResult | undefined
  readonly mutation: AnyResult | undefined
}

export const loadResults = (): Results => ({
  startup: load("startup"),
  client: load("client"),
  server: load("server"),
  msw: load("msw"),
  flood: load("flood"),
  memory: load("memory"),
  fleet: load("fleet"),
  ablation: load("ablation"),
  memoryDiag: load("memory-diag"),
  soak: load("soak"),
  coverage: load("coverage"),
  mutation: load("mutation")
})

export const verdictsOf = (r: Results): Map<string, Verdict> => {
  const all = new Map<string, Verdict>()
  for (const result of [r.startup, r.client, r.server, r.flood, r.memory, r.fleet]) {
    for (const v of (result?.verdicts ?? []) as Array<Verdict>) all.set(v.id, v)
  }
  return all
}

// ---- the targets ----------------------------------------------------------------------------------------------

/** Issue 13's table, in its order. */
export const SPEED_TARGETS: ReadonlyArray<readonly [string, string, string, string]> = [
  ["startup.wall", "`tg-invite export` wall ÷ grammY one-shot script, same mock", "≤ 2×", "≤ 1.2×"],
  ["startup.rss", "`tg-invite export` peak RSS ÷ grammY script", "≤ 2×", "≤ 1.5×"],
  ["startup.npmStart", "`npm start` (the demo) to its first link printed", "≤ 1 s", "≤ 0.5 s"],
  [
    "startup.import",
    "importing the library's main entry, beyond what `effect` + `@effect/platform` cost themselves",
    "≤ 50 ms",
    "≤ 20 ms"
  ],
  [
    "client.policy.throughput",
    "`Policy.exportChatInviteLink` calls/s at 64 in flight",
    "≥ 0.85× raw fetch",
    "≥ 1.0× grammY"
  ],
  ["client.policy.latency", "same, p50 latency sequential", "≤ 1.15× raw fetch", "≤ 1.0× grammY"],
  [
    "client.botapi.throughput",
    "`BotApi.exportChatInviteLink` (no policy) calls/s at 64 in flight",
    "–",
    "≥ 1.1× grammY"
  ],
  ["memory.heapPerCall", "heap per call in flight (10k in flight) ÷ raw fetch", "≤ 1.5×", "≤ 1.2×"]
]

export const OTHER_TARGETS: ReadonlyArray<readonly [string, string]> = [
  ["server.export", "mock exportChatInviteLink ÷ bare node:http"],
  ["server.getMe", "mock getMe ÷ telegram-test-api getMe"],
  ["flood.burst", "flood gate, burst: extra requests per scope"],
  ["flood.wait", "flood gate, callers arriving during the wait: extra requests per scope"],
  ["fleet.redis", "fleet of 8 processes, gate shared through Redis: extra requests after a 429"],
  ["memory.serverGrowth", "standalone mock RSS growth, 10k → 1M requests"]
]

export const speedTargetsTable = (r: Results): string => {
  const verdicts = verdictsOf(r)
  return table(
    ["figure", "floor", "goal", "measured", "floor", "goal"],
    SPEED_TARGETS.map(([id, name, floor, goal]) => {
      const v = verdicts.get(id)
      if (v === undefined) return [name, floor, goal, "not measured", "–", "–"]
      const measured = [...new Set([v.floor?.figure, v.goal?.figure].filter((f) => f !== undefined))].join("; ")
      return [name, floor, goal, measured, holds(v.floor), holds(v.goal)]
    })
  )
}

export const otherTargetsTable = (r: Results): string => {
  const verdicts = verdictsOf(r)
  return table(
    ["target", "bound", "measured", "verdict"],
    OTHER_TARGETS.map(([id, name]) => {
      const v = verdicts.get(id)
      return v === undefined
        ? [name, "", "not measured", "–"]
        : [name, v.floor!.bound, v.floor!.figure, holds(v.floor)]
    })
  )
}
