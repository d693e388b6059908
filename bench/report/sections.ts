/** BENCHMARKS.md's sections, one per results file; each says so when its file is missing. */
import { int, mib, missing, ms0, pct, runLine, signedMiB, table, x2 } from "./format.js"
import type { AnyResult } from "./results.js"

export const startupSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("startup")
  const o = r.oneShot
  const n = r.npmStart
  const i = r.importCost
  return [
    runLine(r),
    "",
    table(
      ["one-shot export (" + o.rounds + " interleaved rounds)", "wall, median", "peak RSS, median"],
      [
        [
          "`tg-invite export` (the bundled bin, `dist/bin/tg-invite.js`)",
          ms0(o.medians.tgInvite.wallMs),
          `${o.medians.tgInvite.peakRssMiB.toFixed(1)} MiB`
        ],
        [
          "the grammY one-shot script (`bench/startup/grammy-export.mjs`)",
          ms0(o.medians.grammy.wallMs),
          `${o.medians.grammy.peakRssMiB.toFixed(1)} MiB`
        ],
        ["ours ÷ grammY's (median of the per-round ratios)", x2(o.ratios.wall), x2(o.ratios.peakRss)]
      ]
    ),
    "",
    `Per round, wall ms (ours / grammY's): ${
      o.samples.map((s: any) => `${int(s.tgInvite.wallMs)} / ${int(s.grammy.wallMs)}`).join(", ")
    }.`,
    "",
    `\`npm start\` to its first link on stdout: median ${ms0(n.medianMs)} over ${n.runs} runs (${
      n.samplesMs.map(int).join(", ")
    } ms), npm's own start included.`,
    "",
    table(
      [`import, in a fresh process (${i.rounds} interleaved rounds)`, "wall, median", "CPU, median"],
      [
        [
          `the ${
            int(i.modules.dependencies)
          } dependency modules the main entry loads (effect, @effect/platform, …), alone`,
          ms0(i.medianMs.wall.dependencies),
          ms0(i.medianMs.cpu.dependencies)
        ],
        [
          `the main entry \`dist/index.js\` (${int(i.modules.own)} modules of ours, and those)`,
          ms0(i.medianMs.wall.entry),
          ms0(i.medianMs.cpu.entry)
        ],
        ...(i.pairedProcessesMs === undefined
          ? [[
            "the main entry beyond its dependencies (median of the per-round differences)",
            ms0(i.beyondDependenciesMs),
            ms0(i.beyondDependenciesCpuMs)
          ]]
          : [
            [
              "the main entry beyond its dependencies: two processes, median of the per-round differences (noisy)",
              ms0(i.pairedProcessesMs),
              ms0(i.pairedProcessesCpuMs)
            ],
            [
              "**the main entry beyond its dependencies: imported after them, in the same process** (the verdict)",
              ms0(i.beyondDependenciesMs),
              ms0(i.beyondDependenciesCpuMs)
            ]
          ]),
        ["for scale: `import \"effect\"` (the barrel)", ms0(i.medianMs.wall.effect), ms0(i.medianMs.cpu.effect)],
        [
          "for scale: `import \"@effect/platform\"` (the barrel)",
          ms0(i.medianMs.wall.platform),
          ms0(i.medianMs.cpu.platform)
        ]
      ]
    )
  ].join("\n")
}

export const clientSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("client")
  return [
    runLine(r),
    "",
    `${r.rounds} interleaved rounds; in each, ${
      int(r.sequentialCalls)
    } calls one after the other (latency), then ${r.concurrency} in flight for ${
      r.concurrentMs / 1000
    } s (calls/s). Ratios are paired within a round, then the median over rounds.`,
    "",
    table(
      [
        "call, transport",
        "p50",
        "p99",
        "calls/s",
        "p50 ÷ raw fetch",
        "calls/s ÷ raw fetch",
        "p50 ÷ grammY",
        "calls/s ÷ grammY"
      ],
      (r.figures as Array<any>).map((f) => [
        f.transport === null
          ? f.name
          : `${f.call === "policy" ? "`Policy`" : "`BotApi`"}, \`${f.transport}\`${
            f.transport === r.recommendedTransport ? " (recommended)" : ""
          }`,
        `${int(f.p50Us)} µs`,
        `${int(f.p99Us)} µs`,
        int(f.callsPerSec),
        x2(f.vsFetch.p50),
        x2(f.vsFetch.callsPerSec),
        x2(f.vsGrammy.p50),
        x2(f.vsGrammy.callsPerSec)
      ])
    ),
    ...effect4Table(r.effect4)
  ].join("\n")
}

/** The Effect 4 edition's rows of the client section, from its own bench run against the same mock. */
const effect4Table = (e: any): ReadonlyArray<string> =>
  e === undefined ? [] : [
    "",
    `The Effect 4 edition (\`${e.package}\`, effect ${e.effect}), same mock, same run, on its own Node ${e.node} (\`${e.command}\`): ${e.method.rounds} rounds, ratios paired with a raw fetch on that Node.`,
    "",
    table(
      ["call, transport (Effect 4)", "p50", "p99", "calls/s", "p50 ÷ raw fetch", "calls/s ÷ raw fetch"],
      (e.results as Array<any>).map((f) => [
        f.transport === null
          ? `${f.name} (Node ${e.node})`
          : `${f.name}${f.transport === e.recommended ? " (recommended)" : ""}`,
        `${int(f.p50Us)} µs`,
        `${int(f.p99Us)} µs`,
        int(f.callsPerSec),
        x2(f.vsFetch.p50),
        x2(f.vsFetch.callsPerSec)
      ])
    )
  ]

export const serverSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("server")
  return [
    runLine(r),
    "",
    table(
      [
        `${
          r.generator ?? "autocannon"
        }, ${r.connections} connections, ${r.rounds} interleaved rounds of ${r.secondsPerRun} s`,
        "req/s, median",
        "latency p50 / p99",
        "req/s per round"
      ],
      (r.figures as Array<any>).map((
        f
      ) => [f.name, int(f.requestsPerSec), `${f.latencyP50Ms} / ${f.latencyP99Ms} ms`, f.rounds.map(int).join(", ")])
    ),
    "",
    table(
      ["ratio (paired per round, median)", "value"],
      [
        ["mock exportChatInviteLink ÷ bare node:http, same POST", x2(r.ratios.mockExportVsBare)],
        ...(r.ratios.mockExportVsBareReadingBody === undefined ? [] : [[
          "mock exportChatInviteLink ÷ bare node:http reading and parsing the body",
          x2(r.ratios.mockExportVsBareReadingBody)
        ]]),
        ["mock getMe ÷ bare node:http, getMe", x2(r.ratios.mockGetMeVsBare)],
        ["mock getMe ÷ telegram-test-api getMe", x2(r.ratios.mockGetMeVsTelegramTestApi)]
      ]
    )
  ].join("\n")
}

export const mswSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("msw")
  return [
    runLine(r),
    "",
    table(
      [
        `${int(r.calls)} calls, ${r.concurrency} in flight, ${r.rounds} interleaved rounds`,
        "calls/s, median",
        "÷ raw fetch through MSW"
      ],
      (r.figures as Array<any>).map((f) => [f.name, int(f.callsPerSec), x2(f.vsRawFetch)])
    )
  ].join("\n")
}

export const floodSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("flood")
  return [
    runLine(r),
    "",
    table(
      [
        `${int(r.callers)} exports, one 429 (retry_after ${r.retryAfterSeconds} s)`,
        "requests",
        "beyond the needed",
        "answered 429",
        "calls failed"
      ],
      (r.figures as Array<any>).map((f) => [
        `${f.client}, ${f.shape === "burst" ? "burst (all start at once)" : "callers arrive during the wait"}`,
        int(f.requests),
        int(f.extra),
        int(f.answered429),
        int(f.failedCalls)
      ])
    )
  ].join("\n")
}

export const memorySection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("memory")
  const raw = (r.client as Array<any>)[0]
  const serverRows = (label: string, s: any) =>
    (s.points as Array<any>).map((p) => [`${label}, after ${int(p.requests)} requests`, mib(p.rssBytes)])
  return [
    runLine(r),
    "",
    table(
      ["standalone mock, exportChatInviteLink (autocannon, 64 connections)", "RSS"],
      [
        ...serverRows("compiled `tg-mock-server` (as installed)", r.server),
        [
          `compiled: growth from ${int(r.server.points[0].requests)} to ${int(r.server.points.at(-1).requests)}`,
          signedMiB(r.server.growthBytes)
        ],
        ...serverRows("for information, under tsx (`npm run mock-server`)", r.serverTsx),
        ["under tsx: growth", signedMiB(r.serverTsx.growthBytes)]
      ]
    ),
    "",
    table(
      [
        `client heap, ${int(r.inFlight)} calls in flight (answers held ${r.holdMs / 1000} s)`,
        "heap growth",
        "per call",
        "÷ raw fetch"
      ],
      (r.client as Array<any>).map((c) => [
        `${c.name}${c.failed > 0 ? ` (${int(c.failed)} ended by disposal after the measure)` : ""}`,
        signedMiB(c.heapGrowthBytes),
        `${int(c.bytesPerCall)} bytes`,
        c === raw ? "1.00×" : x2(c.heapGrowthBytes / raw.heapGrowthBytes)
      ])
    )
  ].join("\n")
}

export const fleetSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("fleet")
  return [
    runLine(r),
    "",
    table(
      [
        `${r.processes} processes, ${r.callsPerProcess} calls each, one chat flooded (retry_after ${r.retryAfterSeconds} s)`,
        `extra after the first 429, median of ${r.runs}`,
        "per run",
        "429 answers (median)",
        "calls failed (median)"
      ],
      (r.contenders as Array<any>).map((c) => [
        c.name,
        int(c.extraAfter429),
        (c.perRun as Array<any>).map((p) => int(p.extraAfter429)).join(", "),
        int(c.floodAnswers),
        int(c.failedCalls)
      ])
    )
  ].join("\n")
}

export const ablationSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("ablation")
  return [
    runLine(r),
    "",
    table(
      [
        `request path (${r.rounds} interleaved rounds of ${int(r.callsPerRound)} calls, ${r.concurrency} in flight)`,
        "calls/s, median",
        "÷ raw fetch"
      ],
      (r.steps as Array<any>).map((s) => [s.name, int(s.callsPerSec), x2(s.vsFetch)])
    )
  ].join("\n")
}

export const memoryDiagSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("memory-diag")
  return [
    runLine(r),
    "",
    table(
      ["requests", "RSS", "RSS after a full GC", "heapUsed → after a full GC", "heapTotal", "old space used/size"],
      (r.checkpoints as Array<any>).map((c) => [
        c.requests === "idle" ? "idle" : int(Number(c.requests)),
        `${c.rssMB.toFixed(1)} MiB`,
        `${c.rssAfterGcMB.toFixed(1)} MiB`,
        `${c.before.heapUsed} → ${c.afterGc.heapUsed} MiB`,
        `${c.before.heapTotal} MiB`,
        `${c.before.spaces.old ?? "?"} MiB`
      ])
    )
  ].join("\n")
}

export const soakLine = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("soak")
  const f = r.figures
  return `${int(f.requests)} requests in ${int(f.seconds)} s (${
    int(f.requestsPerSec)
  }/s, concurrency ${r.config.concurrency}${
    f.cutByMaxSeconds ? `, cut short by --max-seconds ${r.config.maxSeconds}` : ""
  }): ${int(f.lost)} lost, ${int(f.unexplained)} unexplained, ${int(f.faultMismatch)} fault mismatches, ${
    int(f.defects)
  } defects of the mock; server RSS ${f.rssMiB.start.toFixed(0)} MiB → ${f.rssMiB.end.toFixed(0)} MiB (peak ${
    f.rssMiB.peak.toFixed(0)
  } MiB).`
}

export const coverageTable = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("coverage")
  return table(
    ["folder", "statements", "branches", "floor (statements / branches)"],
    Object.entries(r.folders as Record<string, any>).map(([folder, f]) => [
      folder === "all" ? "**all**" : `\`${folder}\``,
      `${pct(f.statements.pct)} (${int(f.statements.covered)}/${int(f.statements.total)})`,
      `${pct(f.branches.pct)} (${int(f.branches.covered)}/${int(f.branches.total)})`,
      `${f.floor.statements}% / ${f.floor.branches}%`
    ])
  )
}

export const mutationTable = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("mutation")
  return table(
    ["mutated code", "score", "goal", "killed", "timed out", "survived", "no coverage", "of which judged equivalent"],
    (r.groups as Array<any>).map((g) => [
      `${g.name} (${g.files.map((f: string) => `\`${f}\``).join(", ")})`,
      pct(g.score),
      `≥ ${g.goal}% ${g.score >= g.goal ? "holds" : "**missed**"}`,
      int(g.killed),
      int(g.timeout),
      int(g.survived),
      int(g.noCoverage),
      int(g.equivalent)
    ])
  )
}

export const equivalentsList = (r: AnyResult | undefined): string => {
  if (r === undefined || (r.equivalents as Array<any>).length === 0) return "None listed."
  return (r.equivalents as Array<any>).map((e) =>
    `- \`${e.file}:${e.line}\` ${e.mutator} (\`${
      e.replacement.replace(/`/g, "'").replace(/\s+/g, " ").slice(0, 80)
    }\`): ${e.why}`
  ).join("\n")
}
