/**
 * Figures are data: BENCHMARKS.md and the README's figure blocks are what bench/report.ts generates from the results
 * files under bench/results/, every results file holds its samples and says how, when and where they were measured,
 * and nothing else (no figure or verdict of its own), and no measured figure sits in the README outside a generated
 * block. The targets' verdicts are computed here again, from the samples, apart from the report's code. When a
 * document and the files disagree, regenerate (`node --import tsx bench/report.ts`) or rerun what wrote the file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  benchmarks,
  decodeSection,
  fillReadme,
  loadResults,
  readmeBlocks,
  SCHEMAS,
  type Section,
  verdicts
} from "../bench/report.js"

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8")
const results = loadResults()
const blocks = readmeBlocks(results)
const readme = read("README.md")

/** The README without its generated blocks (markers kept). */
const prose = readme.replace(
  /(<!-- generated:([a-z-]+) -->\n)(?:[\s\S]*?\n)?(<!-- \/generated:\2 -->)/g,
  (_, open: string, _name: string, close: string) => `${open}${close}`
)

describe("the documents are generated from bench/results/", () => {
  it("BENCHMARKS.md is exactly what the results give", () => {
    expect(read("BENCHMARKS.md")).toBe(benchmarks(results))
  })

  it("each of the README's figure blocks is there once, and is exactly what the results give", () => {
    for (const name of Object.keys(blocks)) {
      expect(readme.split(`<!-- generated:${name} -->`).length - 1, name).toBe(1)
      expect(readme.split(`<!-- /generated:${name} -->`).length - 1, name).toBe(1)
    }
    expect(readme).toBe(fillReadme(readme, blocks))
  })

  it("no measured figure in the README outside a generated block", () => {
    const measured = [
      /\d(?:\.\d+)?×/, // a ratio
      /calls\/s|req\/s|µs\b/, // throughput, latency
      /\d(?:\.\d+)?\s?%/, // a score or a share
      /RSS[^.\n]*\d/, // memory
      /\d+ (?:more|extra) requests?\b/, // flood and fleet counts
      /\d+ ms\s*$/m // a timing in a table
    ]
    for (const pattern of measured) expect(prose, String(pattern)).not.toMatch(pattern)
  })

  it("a sample changes the documents: the policy's throughput floor follows raw fetch's calls/s", () => {
    const client = results.client!
    const policy = client.contenders.find((c) => c.call === "policy" && c.transport === client.recommendedTransport)!
    /** The results with raw fetch at `factor` times the policy's calls/s in every round. */
    const rawFetchAt = (factor: number) => ({
      ...results,
      client: {
        ...client,
        contenders: client.contenders.map((c) =>
          c.call === "raw fetch"
            ? { ...c, rounds: c.rounds.map((r, i) => ({ ...r, callsPerSec: policy.rounds[i]!.callsPerSec * factor })) }
            : c
        )
      }
    })
    const row = (r: typeof results) =>
      benchmarks(r).split("\n").find((line) => line.startsWith("| `Policy.exportChatInviteLink` calls/s"))!
    expect(row(rawFetchAt(10))).toContain("| 0.10× raw fetch; ")
    expect(row(rawFetchAt(10))).toMatch(/raw fetch; [^|]*\| \*\*missed\*\* \|/)
    expect(row(rawFetchAt(0.5))).toContain("| 2.00× raw fetch; ")
    expect(row(rawFetchAt(0.5))).toMatch(/raw fetch; [^|]*\| holds \|/)
  })
})

// ---- the verdicts, computed again --------------------------------------------------------------------------------

const med = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
/** The median of the per-round ratios `a[i] / b[i]`. */
const paired = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number => med(a.map((x, i) => x / b[i]!))

/** Each target's figures (floor, goal), from the samples, written apart from bench/report/figures.ts. */
const recomputed = (): Record<string, { floor?: number; goal?: number }> => {
  const out: Record<string, { floor?: number; goal?: number }> = {}
  const both = (value: number) => ({ floor: value, goal: value })
  const { client, fleet, flood, memory, server, startup } = results
  if (startup !== undefined) {
    const s = startup.oneShot.samples
    out["startup.wall"] = both(paired(s.map((x) => x.tgInvite.wallMs), s.map((x) => x.grammy.wallMs)))
    out["startup.rss"] = both(paired(s.map((x) => x.tgInvite.peakRssKiB), s.map((x) => x.grammy.peakRssKiB)))
    out["startup.npmStart"] = both(med(startup.npmStart.samplesMs) / 1000)
    out["startup.import"] = both(med(startup.importCost.afterDependenciesSamplesMs.map((x) => x.wall)))
  }
  if (client !== undefined) {
    const rounds = (call: string, transport: string | null, key: "callsPerSec" | "p50Us") =>
      client.contenders.find((c) => c.call === call && c.transport === transport)!.rounds.map((r) => r[key])
    const ours = (call: string, key: "callsPerSec" | "p50Us") => rounds(call, client.recommendedTransport, key)
    out["client.policy.throughput"] = {
      floor: paired(ours("policy", "callsPerSec"), rounds("raw fetch", null, "callsPerSec")),
      goal: paired(ours("policy", "callsPerSec"), rounds("grammY", null, "callsPerSec"))
    }
    out["client.policy.latency"] = {
      floor: paired(ours("policy", "p50Us"), rounds("raw fetch", null, "p50Us")),
      goal: paired(ours("policy", "p50Us"), rounds("grammY", null, "p50Us"))
    }
    out["client.botapi.throughput"] = {
      goal: paired(ours("botapi", "callsPerSec"), rounds("grammY", null, "callsPerSec"))
    }
    if (client.contenders.some((c) => c.call === "undici pool")) {
      out["client.policy.pool.throughput"] = both(
        paired(ours("policy", "callsPerSec"), rounds("undici pool", null, "callsPerSec"))
      )
      out["client.policy.pool.latency"] = both(paired(ours("policy", "p50Us"), rounds("undici pool", null, "p50Us")))
    }
    const e4 = client.effect4
    if (e4 !== undefined && e4.contenders.some((c) => c.call === "undici pool")) {
      const rounds4 = (call: string, transport: string | null, key: "callsPerSec" | "p50Us") =>
        e4.contenders.find((c) => c.call === call && c.transport === transport)!.rounds.map((r) => r[key])
      const policy4 = (key: "callsPerSec" | "p50Us") => rounds4("policy", e4.recommended, key)
      out["client4.policy.pool.throughput"] = both(
        paired(policy4("callsPerSec"), rounds4("undici pool", null, "callsPerSec"))
      )
      out["client4.policy.pool.latency"] = both(paired(policy4("p50Us"), rounds4("undici pool", null, "p50Us")))
    }
  }
  if (memory !== undefined) {
    out["memory.heapPerCall"] = both(memory.client[1]!.heapGrowthBytes / memory.client[0]!.heapGrowthBytes)
    const points = memory.server.points
    if (points.at(-1)!.requests >= 1_000_000) {
      out["memory.serverGrowth"] = { floor: (points.at(-1)!.rssBytes - points[0]!.rssBytes) / 2 ** 20 }
    }
  }
  if (server !== undefined) {
    const rps = (name: string) => server.scenarios.find((s) => s.name === name)!.rounds.map((r) => r.requestsPerSec)
    out["server.export"] = both(
      paired(rps("mock exportChatInviteLink (JSON POST)"), rps("bare node:http, same POST, body read and parsed"))
    )
    out["server.getMe"] = { floor: paired(rps("mock getMe"), rps("telegram-test-api getMe")) }
  }
  if (flood !== undefined) {
    for (const shape of ["burst", "wait"] as const) {
      const run = flood.runs.find((r) => r.client.startsWith("library") && r.shape === shape)!
      out[`flood.${shape}`] = { floor: run.failedCalls > 0 ? Infinity : run.requests - flood.callers }
    }
  }
  if (fleet !== undefined) {
    const redis = fleet.contenders.find((c) => /redis/i.test(c.name))!
    out["fleet.redis"] = { floor: med(redis.perRun.map((r) => r.extraAfter429)) }
  }
  return out
}

describe("every verdict is computed from the samples", () => {
  const expected = recomputed()
  const computed = verdicts(results)

  it("the report judges every target the results measure", () => {
    expect(computed.map((v) => v.target.id).sort()).toEqual(Object.keys(expected).sort())
  })

  it.each(computed.map((v) => [v.target.id, v] as const))("%s: the same figure and verdict, printed", (id, v) => {
    const document = read("BENCHMARKS.md")
    for (const kind of ["floor", "goal"] as const) {
      const check = v[kind]
      const bound = v.target[kind]
      expect(check === undefined, `${id} ${kind}`).toBe(expected[id]![kind] === undefined)
      if (check === undefined || bound === undefined) continue
      const value = expected[id]![kind]!
      expect(check.value, `${id} ${kind}`).toBeCloseTo(value, 2)
      const decimals = v.target.unit === "×" || v.target.unit === "s" ? 2 : v.target.unit === "MB" ? 1 : 0
      const printed = Number(value.toFixed(decimals))
      const holds = Number.isFinite(value) &&
        (bound.op === "≤" ? printed <= bound.limit : bound.op === "<" ? printed < bound.limit : printed >= bound.limit)
      expect(check.holds, `${id} ${kind}: ${check.figure} against ${check.bound}`).toBe(holds)
      expect(document, `${id} ${kind}`).toContain(check.figure)
    }
  })
})

describe("the results files", () => {
  const dir = new URL("../bench/results/", import.meta.url)
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : []
  /** Files written before the commit was recorded (converted to samples-only, their provenance kept as it was). */
  const PROVENANCE_SINCE = "2026-12-06"

  it("replace the hand-kept bench/results.json", () => {
    expect(existsSync(new URL("../bench/results.json", import.meta.url))).toBe(false)
  })

  it("are each read by a schema of the report", () => {
    expect(files.filter((f) => f !== "mutation-report.json").map((f) => f.replace(/\.json$/, "")).sort()).toEqual(
      Object.keys(SCHEMAS).filter((s) => results[s as Section] !== undefined).sort()
    )
  })

  it.each(files.filter((f) => f !== "mutation-report.json"))(
    "%s holds samples and says how, when and where",
    (file) => {
      const section = file.replace(/\.json$/, "") as Section
      const result = decodeSection(section, JSON.parse(readFileSync(new URL(file, dir), "utf8")))
      expect(result.section).toBe(section)
      expect(result.command).toMatch(/^(npm|node) /)
      expect(Number.isNaN(Date.parse(result.date))).toBe(false)
      expect(result.nproc).toBeGreaterThan(0)
      expect(result.node).toMatch(/^v\d+/)
      if (result.date >= PROVENANCE_SINCE) {
        expect(result.commit).toMatch(/^[0-9a-f]{40}$/)
        expect(typeof result.dirty).toBe("boolean")
      }
      // A quick run is a rough look, never published.
      expect(result.quick).toBe(false)
    }
  )

  it("a file that stores a verdict or a figure beside its samples is refused", () => {
    const client = JSON.parse(read("bench/results/client.json"))
    expect(() => decodeSection("client", { ...client, verdicts: [] })).toThrow(/verdicts/)
    const withMedian = { ...client, contenders: [{ ...client.contenders[0], callsPerSec: 1 }] }
    expect(() => decodeSection("client", withMedian)).toThrow(/callsPerSec/)
  })
})
