/**
 * The targets (issue 13's table, and the mock's, the flood gate's, the fleet's and the memory's) and their verdicts,
 * computed from the samples: each target names its bounds (as the issue states them, and as a comparison) and how
 * its figure comes out of the results; whether it holds is judged on the figure as printed, so a document never shows
 * `1.15×` next to "missed ≤ 1.15×".
 */
import { clientFigures, fleetFigures, floodFigures, memoryFigures, serverFigures, startupFigures } from "./figures.js"
import type { Results, Section } from "./results.js"

/** How a figure is printed (and so how precisely it is judged). */
type Unit = "×" | "s" | "ms" | "extra" | "MB"
const DECIMALS: Record<Unit, number> = { "×": 2, s: 2, ms: 0, extra: 0, MB: 1 }

export interface Bound {
  /** The bound as the issue states it, e.g. `≤ 1.15× raw fetch`. */
  readonly text: string
  readonly op: "≤" | "≥" | "<"
  readonly limit: number
}

export interface Target {
  readonly id: string
  readonly name: string
  /** The results file its figure comes from. */
  readonly section: Section
  readonly unit: Unit
  /** What follows the figure, e.g. ` raw fetch` in `1.08× raw fetch`. */
  readonly floor?: Bound & { readonly versus?: string }
  readonly goal?: Bound & { readonly versus?: string }
  /** The figures judged against the floor and the goal; undefined when the results do not give it. */
  readonly measure: (r: Results) => { readonly floor?: number; readonly goal?: number } | undefined
}

export interface Check {
  readonly bound: string
  readonly value: number
  readonly figure: string
  readonly holds: boolean
}

export interface Verdict {
  readonly target: Target
  readonly floor: Check | undefined
  readonly goal: Check | undefined
}

const bound = (text: string, op: Bound["op"], limit: number, versus?: string) => ({
  text,
  op,
  limit,
  ...(versus === undefined ? {} : { versus })
})

export const SPEED_TARGETS: ReadonlyArray<Target> = [
  {
    id: "startup.wall",
    name: "`tg-invite export` wall ÷ grammY one-shot script, same mock",
    section: "startup",
    unit: "×",
    floor: bound("≤ 2×", "≤", 2),
    goal: bound("≤ 1.2×", "≤", 1.2),
    measure: (r) => r.startup && same(startupFigures(r.startup).wallRatio)
  },
  {
    id: "startup.rss",
    name: "`tg-invite export` peak RSS ÷ grammY script",
    section: "startup",
    unit: "×",
    floor: bound("≤ 2×", "≤", 2),
    goal: bound("≤ 1.5×", "≤", 1.5),
    measure: (r) => r.startup && same(startupFigures(r.startup).peakRssRatio)
  },
  {
    id: "startup.npmStart",
    name: "`npm start` (the demo) to its first link printed",
    section: "startup",
    unit: "s",
    floor: bound("≤ 1 s", "≤", 1),
    goal: bound("≤ 0.5 s", "≤", 0.5),
    measure: (r) => r.startup && same(startupFigures(r.startup).npmStartMs / 1000)
  },
  {
    id: "startup.import",
    name: "importing the library's main entry, beyond what `effect` + `@effect/platform` cost themselves",
    section: "startup",
    unit: "ms",
    floor: bound("≤ 50 ms", "≤", 50),
    goal: bound("≤ 20 ms", "≤", 20),
    measure: (r) => r.startup && same(startupFigures(r.startup).beyondDependenciesMs.wall)
  },
  {
    id: "client.policy.throughput",
    name: "`Policy.exportChatInviteLink` calls/s at 64 in flight",
    section: "client",
    unit: "×",
    floor: bound("≥ 0.85× raw fetch", "≥", 0.85, " raw fetch"),
    goal: bound("≥ 1.0× grammY", "≥", 1, " grammY"),
    measure: (r) => {
      if (r.client === undefined) return undefined
      const { policy } = clientFigures(r.client)
      return { floor: policy.vsFetch.callsPerSec, goal: policy.vsGrammy!.callsPerSec }
    }
  },
  {
    id: "client.policy.latency",
    name: "same, p50 latency sequential",
    section: "client",
    unit: "×",
    floor: bound("≤ 1.15× raw fetch", "≤", 1.15, " raw fetch"),
    goal: bound("≤ 1.0× grammY", "≤", 1, " grammY"),
    measure: (r) => {
      if (r.client === undefined) return undefined
      const { policy } = clientFigures(r.client)
      return { floor: policy.vsFetch.p50, goal: policy.vsGrammy!.p50 }
    }
  },
  {
    id: "client.botapi.throughput",
    name: "`BotApi.exportChatInviteLink` (no policy) calls/s at 64 in flight",
    section: "client",
    unit: "×",
    goal: bound("≥ 1.1× grammY", "≥", 1.1, " grammY"),
    measure: (r) => r.client && { goal: clientFigures(r.client).botapi.vsGrammy!.callsPerSec }
  },
  {
    id: "client.policy.pool.throughput",
    name: "`Policy.exportChatInviteLink` calls/s at 64 in flight ÷ undici `Pool.request` straight (issue 24)",
    section: "client",
    unit: "×",
    floor: bound("≥ 0.6× the pool", "≥", 0.6, " the pool"),
    goal: bound("≥ 0.75× the pool", "≥", 0.75, " the pool"),
    measure: (r) => r.client && poolRatio(clientFigures(r.client).policy, "callsPerSec")
  },
  {
    id: "client.policy.pool.latency",
    name: "same, p50 latency sequential ÷ the pool's",
    section: "client",
    unit: "×",
    floor: bound("≤ 1.3× the pool", "≤", 1.3, " the pool"),
    goal: bound("≤ 1.15× the pool", "≤", 1.15, " the pool"),
    measure: (r) => r.client && poolRatio(clientFigures(r.client).policy, "p50")
  },
  {
    id: "client4.policy.pool.throughput",
    name: "Effect 4 edition (Node 22): `Policy.exportChatInviteLink` calls/s at 64 in flight ÷ the pool on Node 22",
    section: "client",
    unit: "×",
    floor: bound("≥ 0.6× the pool", "≥", 0.6, " the pool"),
    goal: bound("≥ 0.75× the pool", "≥", 0.75, " the pool"),
    measure: (r) => r.client && poolRatio(clientFigures(r.client).policy4, "callsPerSec")
  },
  {
    id: "client4.policy.pool.latency",
    name: "Effect 4 edition: same, p50 latency sequential ÷ the pool's",
    section: "client",
    unit: "×",
    floor: bound("≤ 1.3× the pool", "≤", 1.3, " the pool"),
    goal: bound("≤ 1.15× the pool", "≤", 1.15, " the pool"),
    measure: (r) => r.client && poolRatio(clientFigures(r.client).policy4, "p50")
  },
  {
    id: "memory.heapPerCall",
    name: "heap per call in flight (10k in flight) ÷ raw fetch",
    section: "memory",
    unit: "×",
    floor: bound("≤ 1.5×", "≤", 1.5),
    goal: bound("≤ 1.2×", "≤", 1.2),
    measure: (r) => r.memory && same(memoryFigures(r.memory).heapRatio)
  }
]

/** A row's ratio to undici's pool, as floor and goal; undefined when the run did not measure the pool. */
const poolRatio = (
  row: ReturnType<typeof clientFigures>["policy"] | undefined,
  figure: "callsPerSec" | "p50"
) => row?.vsPool === undefined ? undefined : same(row.vsPool[figure])

/** A flood-gate figure: requests beyond those needed, and none of the calls may have failed. */
const floodExtra = (r: Results, shape: "burst" | "wait") => {
  if (r.flood === undefined) return undefined
  const run = floodFigures(r.flood).find((f) => f.client.startsWith("library") && f.shape === shape)!
  return { floor: run.failedCalls === 0 ? run.extra : Number.POSITIVE_INFINITY }
}

export const OTHER_TARGETS: ReadonlyArray<Target> = [
  {
    id: "server.export",
    name: "mock exportChatInviteLink ÷ bare node:http reading the body (issue 24)",
    section: "server",
    unit: "×",
    floor: bound("≥ 0.7×", "≥", 0.7),
    goal: bound("≥ 0.8×", "≥", 0.8),
    measure: (r) => r.server && same(serverFigures(r.server).mockExportVsBareReadingBody)
  },
  {
    id: "server.getMe",
    name: "mock getMe ÷ telegram-test-api getMe",
    section: "server",
    unit: "×",
    floor: bound("≥ 5×", "≥", 5),
    measure: (r) => r.server && { floor: serverFigures(r.server).mockGetMeVsTelegramTestApi }
  },
  {
    id: "flood.burst",
    name: "flood gate, burst: extra requests per scope, no call failed",
    section: "flood",
    unit: "extra",
    floor: bound("≤ 1 extra", "≤", 1),
    measure: (r) => floodExtra(r, "burst")
  },
  {
    id: "flood.wait",
    name: "flood gate, callers arriving during the wait: extra requests per scope, no call failed",
    section: "flood",
    unit: "extra",
    floor: bound("≤ 1 extra", "≤", 1),
    measure: (r) => floodExtra(r, "wait")
  },
  {
    id: "fleet.redis",
    name: "fleet of 8 processes, gate shared through Redis: extra requests after a 429",
    section: "fleet",
    unit: "extra",
    floor: bound("≤ 1 extra", "≤", 1),
    measure: (r) => r.fleet && { floor: fleetFigures(r.fleet).find((c) => /redis/i.test(c.name))!.extraAfter429 }
  },
  {
    id: "memory.serverGrowth",
    name: "standalone mock RSS growth, 10k → 1M requests (compiled)",
    section: "memory",
    unit: "MB",
    floor: bound("< 30 MB", "<", 30),
    // Judged only on a run to 1M requests (a quick run stops at 20k).
    measure: (r) => {
      if (r.memory === undefined) return undefined
      const m = memoryFigures(r.memory)
      return m.reachedMillion ? { floor: m.serverGrowthBytes / 2 ** 20 } : undefined
    }
  }
]

const same = (value: number) => ({ floor: value, goal: value })

/** A figure as the documents print it, e.g. `1.08× raw fetch`, `0.27 s`, `23 ms`, `1 extra`, `+0.4 MB`. */
export const formatFigure = (value: number, unit: Unit, versus = ""): string => {
  if (!Number.isFinite(value)) return "calls failed"
  const fixed = Math.abs(value).toFixed(DECIMALS[unit])
  switch (unit) {
    case "×":
      return `${fixed}×${versus}`
    case "MB":
      return `${value >= 0 ? "+" : "−"}${fixed} MB`
    default:
      return `${value < 0 ? "−" : ""}${fixed} ${unit}`
  }
}

const check = (b: Target["floor"], value: number | undefined, unit: Unit): Check | undefined => {
  if (b === undefined || value === undefined) return undefined
  const printed = Number(value.toFixed(DECIMALS[unit]))
  return {
    bound: b.text,
    value,
    figure: formatFigure(value, unit, b.versus),
    holds: Number.isFinite(value) &&
      (b.op === "≤" ? printed <= b.limit : b.op === "<" ? printed < b.limit : printed >= b.limit)
  }
}

/** The verdict of a target on these results; undefined when they do not measure it. */
export const verdictOf = (target: Target, r: Results): Verdict | undefined => {
  const measured = target.measure(r)
  if (measured === undefined) return undefined
  return {
    target,
    floor: check(target.floor, measured.floor, target.unit),
    goal: check(target.goal, measured.goal, target.unit)
  }
}

/** Every target's verdict that the results give. */
export const verdicts = (r: Results): ReadonlyArray<Verdict> =>
  [...SPEED_TARGETS, ...OTHER_TARGETS].flatMap((t) => verdictOf(t, r) ?? [])
