/**
 * Every figure the documents print, computed from the samples of the results files: medians over rounds, ratios
 * paired within a round (contenders interleave, so one round's load hits all of them), differences and growths.
 * Pure: the report and test/docs.test.ts both call these on the decoded files.
 */
import { median, pairedRatio, round2 } from "../stats.js"
import type { ResultOf } from "./results.js"
import type { ClientContender } from "./schema/benchmarks.js"

const pick = <A>(rows: ReadonlyArray<A>, key: (row: A) => number): Array<number> => rows.map(key)
const medianOf = <A>(rows: ReadonlyArray<A>, key: (row: A) => number): number => round2(median(pick(rows, key)))
const named = <A extends { readonly name: string }>(rows: ReadonlyArray<A>, name: string): A => {
  const row = rows.find((r) => r.name === name)
  if (row === undefined) throw new Error(`no contender "${name}" in the results`)
  return row
}

// ---- start-up ------------------------------------------------------------------------------------------------------

export const startupFigures = (r: ResultOf<"startup">) => {
  const one = r.oneShot.samples
  const imports = r.importCost.samplesMs
  const names = ["dependencies", "entry", "effect", "platform"] as const
  const importMedians = (metric: "wall" | "cpu") =>
    Object.fromEntries(names.map((n) => [n, medianOf(imports, (s) => s[n][metric])])) as Record<
      typeof names[number],
      number
    >
  return {
    rounds: one.length,
    tgInvite: {
      wallMs: medianOf(one, (s) => s.tgInvite.wallMs),
      peakRssMiB: medianOf(one, (s) => s.tgInvite.peakRssKiB / 1024)
    },
    grammy: {
      wallMs: medianOf(one, (s) => s.grammy.wallMs),
      peakRssMiB: medianOf(one, (s) => s.grammy.peakRssKiB / 1024)
    },
    /** Medians of the per-round ratios, ours ÷ grammY's. */
    wallRatio: pairedRatio(pick(one, (s) => s.tgInvite.wallMs), pick(one, (s) => s.grammy.wallMs)),
    peakRssRatio: pairedRatio(pick(one, (s) => s.tgInvite.peakRssKiB), pick(one, (s) => s.grammy.peakRssKiB)),
    npmStartMs: medianOf(r.npmStart.samplesMs, (ms) => ms),
    importRounds: imports.length,
    importMs: { wall: importMedians("wall"), cpu: importMedians("cpu") },
    /** Two processes per round (entry − dependencies): noisy, for information. */
    pairedProcessesMs: {
      wall: medianOf(imports, (s) => s.entry.wall - s.dependencies.wall),
      cpu: medianOf(imports, (s) => s.entry.cpu - s.dependencies.cpu)
    },
    /** The entry imported after its dependencies in one process: the verdict's figure. */
    beyondDependenciesMs: {
      wall: medianOf(r.importCost.afterDependenciesSamplesMs, (s) => s.wall),
      cpu: medianOf(r.importCost.afterDependenciesSamplesMs, (s) => s.cpu)
    }
  }
}

// ---- client ----------------------------------------------------------------------------------------------------------

const clientRow = (
  c: ClientContender,
  fetch: ClientContender,
  grammy: ClientContender | undefined,
  pool: ClientContender | undefined
) => {
  const versus = (base: ClientContender) => ({
    p50: pairedRatio(pick(c.rounds, (r) => r.p50Us), pick(base.rounds, (r) => r.p50Us)),
    p99: pairedRatio(pick(c.rounds, (r) => r.p99Us), pick(base.rounds, (r) => r.p99Us)),
    callsPerSec: pairedRatio(pick(c.rounds, (r) => r.callsPerSec), pick(base.rounds, (r) => r.callsPerSec))
  })
  return {
    ...c,
    p50Us: medianOf(c.rounds, (r) => r.p50Us),
    p99Us: medianOf(c.rounds, (r) => r.p99Us),
    callsPerSec: medianOf(c.rounds, (r) => r.callsPerSec),
    vsFetch: versus(fetch),
    vsGrammy: grammy === undefined ? undefined : versus(grammy),
    /** Against undici's `Pool.request` straight (files written before it was measured have none). */
    vsPool: pool === undefined ? undefined : versus(pool)
  }
}
export type ClientRow = ReturnType<typeof clientRow>

const byCall = (contenders: ReadonlyArray<ClientContender>, call: ClientContender["call"]) =>
  contenders.find((c) => c.call === call)

/**
 * Each contender's medians and its ratios to raw fetch, grammY and undici's pool; the Effect 4 edition's to its own
 * raw fetch and pool (on its Node).
 */
export const clientFigures = (r: ResultOf<"client">) => {
  const fetch = byCall(r.contenders, "raw fetch")!
  const grammy = byCall(r.contenders, "grammY")!
  const pool = byCall(r.contenders, "undici pool")
  const rows = r.contenders.map((c) => clientRow(c, fetch, grammy, pool))
  const effect4 = r.effect4 === undefined ? undefined : (() => {
    const fetch4 = byCall(r.effect4.contenders, "raw fetch")!
    const pool4 = byCall(r.effect4.contenders, "undici pool")
    return r.effect4.contenders.map((c) => clientRow(c, fetch4, undefined, pool4))
  })()
  const recommended = (call: "policy" | "botapi") =>
    rows.find((f) => f.call === call && f.transport === r.recommendedTransport)!
  const policy4 = effect4?.find((f) => f.call === "policy" && f.transport === r.effect4!.recommended)
  return {
    rounds: fetch.rounds.length,
    rows,
    effect4,
    policy: recommended("policy"),
    botapi: recommended("botapi"),
    policy4
  }
}

// ---- server, in-process, ablation -------------------------------------------------------------------------------------

export const serverFigures = (r: ResultOf<"server">) => {
  const rows = r.scenarios.map((s) => ({
    name: s.name,
    rounds: s.rounds,
    requestsPerSec: medianOf(s.rounds, (x) => x.requestsPerSec),
    p50Ms: medianOf(s.rounds, (x) => x.p50Ms),
    p99Ms: medianOf(s.rounds, (x) => x.p99Ms)
  }))
  const ratio = (a: string, b: string) =>
    pairedRatio(
      pick(named(r.scenarios, a).rounds, (x) => x.requestsPerSec),
      pick(named(r.scenarios, b).rounds, (x) => x.requestsPerSec)
    )
  return {
    rounds: rows[0]?.rounds.length ?? 0,
    rows,
    mockExportVsBare: ratio("mock exportChatInviteLink (JSON POST)", "bare node:http, same POST"),
    mockExportVsBareReadingBody: ratio(
      "mock exportChatInviteLink (JSON POST)",
      "bare node:http, same POST, body read and parsed"
    ),
    mockGetMeVsBare: ratio("mock getMe", "bare node:http, getMe"),
    mockGetMeVsTelegramTestApi: ratio("mock getMe", "telegram-test-api getMe")
  }
}

/** Calls/s per contender (median over rounds) and its ratio to `base`, paired per round. */
export const perRoundFigures = (
  rows: ReadonlyArray<{ readonly name: string; readonly rounds: ReadonlyArray<number> }>,
  base: string
) => {
  const baseRounds = named(rows, base).rounds
  return rows.map((row) => ({
    name: row.name,
    rounds: row.rounds,
    callsPerSec: round2(median(row.rounds)),
    vsBase: pairedRatio(row.rounds, baseRounds)
  }))
}

export const mswFigures = (r: ResultOf<"msw">) => perRoundFigures(r.contenders, "raw fetch through MSW")
export const ablationFigures = (r: ResultOf<"ablation">) => perRoundFigures(r.steps, "raw fetch")

// ---- flood, memory, fleet --------------------------------------------------------------------------------------------

/** Each run's requests beyond the `callers` needed. */
export const floodFigures = (r: ResultOf<"flood">) => r.runs.map((run) => ({ ...run, extra: run.requests - r.callers }))

export const memoryFigures = (r: ResultOf<"memory">) => {
  const growth = (s: ResultOf<"memory">["server"]) => s.points.at(-1)!.rssBytes - s.points[0]!.rssBytes
  const raw = r.client[0]!
  const likeForLike = r.client[1]!
  return {
    serverGrowthBytes: growth(r.server),
    serverTsxGrowthBytes: growth(r.serverTsx),
    /** The run reached the million requests the growth target is about (a quick run stops at 20k). */
    reachedMillion: r.server.points.at(-1)!.requests >= 1_000_000,
    client: r.client.map((c) => ({
      ...c,
      bytesPerCall: Math.round(c.heapGrowthBytes / r.inFlight),
      vsRawFetch: round2(c.heapGrowthBytes / raw.heapGrowthBytes)
    })),
    /** The target's figure: the library with one connection per call ÷ raw fetch. */
    heapRatio: round2(likeForLike.heapGrowthBytes / raw.heapGrowthBytes)
  }
}

export const fleetFigures = (r: ResultOf<"fleet">) =>
  r.contenders.map((c) => ({
    name: c.name,
    perRun: c.perRun,
    extraAfter429: median(pick(c.perRun, (p) => p.extraAfter429)),
    floodAnswers: median(pick(c.perRun, (p) => p.floodAnswers)),
    failedCalls: median(pick(c.perRun, (p) => p.failedCalls))
  }))
