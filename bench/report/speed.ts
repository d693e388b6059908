/** BENCHMARKS.md's speed sections (start-up, client, server, in-process) and the ablation, from computed figures. */
import { ablationFigures, clientFigures, type ClientRow, mswFigures, serverFigures, startupFigures } from "./figures.js"
import { int, missing, ms0, runLine, table, x2 } from "./format.js"
import type { ResultOf } from "./results.js"

export const startupSection = (r: ResultOf<"startup"> | undefined): string => {
  if (r === undefined) return missing("startup")
  const f = startupFigures(r)
  const i = r.importCost
  return [
    runLine(r),
    "",
    table(
      [`one-shot export (${f.rounds} interleaved rounds)`, "wall, median", "peak RSS, median"],
      [
        [
          "`tg-invite export` (the bundled bin, `dist/bin/tg-invite.js`)",
          ms0(f.tgInvite.wallMs),
          `${f.tgInvite.peakRssMiB.toFixed(1)} MiB`
        ],
        [
          "the grammY one-shot script (`bench/startup/grammy-export.mjs`)",
          ms0(f.grammy.wallMs),
          `${f.grammy.peakRssMiB.toFixed(1)} MiB`
        ],
        ["ours ÷ grammY's (median of the per-round ratios)", x2(f.wallRatio), x2(f.peakRssRatio)]
      ]
    ),
    "",
    `Per round, wall ms (ours / grammY's): ${
      r.oneShot.samples.map((s) => `${int(s.tgInvite.wallMs)} / ${int(s.grammy.wallMs)}`).join(", ")
    }.`,
    "",
    `\`npm start\` to its first link on stdout: median ${ms0(f.npmStartMs)} over ${r.npmStart.samplesMs.length} runs (${
      r.npmStart.samplesMs.map(int).join(", ")
    } ms), npm's own start included.`,
    "",
    table(
      [`import, in a fresh process (${f.importRounds} interleaved rounds)`, "wall, median", "CPU, median"],
      [
        [
          `the ${
            int(i.modules.dependencies)
          } dependency modules the main entry loads (effect, @effect/platform, …), alone`,
          ms0(f.importMs.wall.dependencies),
          ms0(f.importMs.cpu.dependencies)
        ],
        [
          `the main entry \`dist/index.js\` (${int(i.modules.own)} modules of ours, and those)`,
          ms0(f.importMs.wall.entry),
          ms0(f.importMs.cpu.entry)
        ],
        [
          "the main entry beyond its dependencies: two processes, median of the per-round differences (noisy)",
          ms0(f.pairedProcessesMs.wall),
          ms0(f.pairedProcessesMs.cpu)
        ],
        [
          "**the main entry beyond its dependencies: imported after them, in the same process** (the verdict)",
          ms0(f.beyondDependenciesMs.wall),
          ms0(f.beyondDependenciesMs.cpu)
        ],
        ["for scale: `import \"effect\"` (the barrel)", ms0(f.importMs.wall.effect), ms0(f.importMs.cpu.effect)],
        [
          "for scale: `import \"@effect/platform\"` (the barrel)",
          ms0(f.importMs.wall.platform),
          ms0(f.importMs.cpu.platform)
        ]
      ]
    )
  ].join("\n")
}

const clientName = (f: ClientRow, recommended: string): string =>
  f.transport === null
    ? f.name
    : `${f.call === "policy" ? "`Policy`" : "`BotApi`"}, \`${f.transport}\`${
      f.transport === recommended ? " (recommended)" : ""
    }`

export const clientSection = (r: ResultOf<"client"> | undefined): string => {
  if (r === undefined) return missing("client")
  const f = clientFigures(r)
  return [
    runLine(r),
    "",
    `${f.rounds} interleaved rounds; in each, ${
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
        "calls/s ÷ grammY",
        ...poolHead(f.rows)
      ],
      f.rows.map((row) => [
        clientName(row, r.recommendedTransport),
        `${int(row.p50Us)} µs`,
        `${int(row.p99Us)} µs`,
        int(row.callsPerSec),
        x2(row.vsFetch.p50),
        x2(row.vsFetch.callsPerSec),
        x2(row.vsGrammy!.p50),
        x2(row.vsGrammy!.callsPerSec),
        ...poolCells(row)
      ])
    ),
    ...effect4Table(r, f.effect4)
  ].join("\n")
}

/** The columns against undici's pool, when the run measured it. */
const poolHead = (rows: ReadonlyArray<ClientRow>): ReadonlyArray<string> =>
  rows[0]?.vsPool === undefined ? [] : ["p50 ÷ pool", "calls/s ÷ pool"]
const poolCells = (row: ClientRow): ReadonlyArray<string> =>
  row.vsPool === undefined ? [] : [x2(row.vsPool.p50), x2(row.vsPool.callsPerSec)]

/** The Effect 4 edition's rows of the client section, from its own bench run against the same mock. */
const effect4Table = (r: ResultOf<"client">, rows: ReadonlyArray<ClientRow> | undefined): ReadonlyArray<string> => {
  const e = r.effect4
  if (e === undefined || rows === undefined) return []
  return [
    "",
    `The Effect 4 edition (\`${e.package}\`, effect ${e.effect}), same mock, same run, on its own Node ${e.node} (\`${e.command}\`): ${e.method.rounds} rounds, ratios paired with a raw fetch and undici's pool on that Node.`,
    "",
    table(
      [
        "call, transport (Effect 4)",
        "p50",
        "p99",
        "calls/s",
        "p50 ÷ raw fetch",
        "calls/s ÷ raw fetch",
        ...poolHead(rows)
      ],
      rows.map((row) => [
        row.transport === null
          ? `${row.name} (Node ${e.node})`
          : `${row.name}${row.transport === e.recommended ? " (recommended)" : ""}`,
        `${int(row.p50Us)} µs`,
        `${int(row.p99Us)} µs`,
        int(row.callsPerSec),
        x2(row.vsFetch.p50),
        x2(row.vsFetch.callsPerSec),
        ...poolCells(row)
      ])
    )
  ]
}

export const serverSection = (r: ResultOf<"server"> | undefined): string => {
  if (r === undefined) return missing("server")
  const f = serverFigures(r)
  return [
    runLine(r),
    "",
    table(
      [
        `${r.generator}, ${r.connections} connections, ${f.rounds} interleaved rounds of ${r.secondsPerRun} s`,
        "req/s, median",
        "latency p50 / p99",
        "req/s per round"
      ],
      f.rows.map((row) => [
        row.name,
        int(row.requestsPerSec),
        `${row.p50Ms} / ${row.p99Ms} ms`,
        row.rounds.map((x) => int(x.requestsPerSec)).join(", ")
      ])
    ),
    "",
    table(
      ["ratio (paired per round, median)", "value"],
      [
        ["mock exportChatInviteLink ÷ bare node:http, same POST", x2(f.mockExportVsBare)],
        ["mock exportChatInviteLink ÷ bare node:http reading and parsing the body", x2(f.mockExportVsBareReadingBody)],
        ["mock getMe ÷ bare node:http, getMe", x2(f.mockGetMeVsBare)],
        ["mock getMe ÷ telegram-test-api getMe", x2(f.mockGetMeVsTelegramTestApi)]
      ]
    )
  ].join("\n")
}

export const mswSection = (r: ResultOf<"msw"> | undefined): string => {
  if (r === undefined) return missing("msw")
  const rows = mswFigures(r)
  return [
    runLine(r),
    "",
    table(
      [
        `${int(r.calls)} calls, ${r.concurrency} in flight, ${rows[0]?.rounds.length ?? 0} interleaved rounds`,
        "calls/s, median",
        "÷ raw fetch through MSW"
      ],
      rows.map((row) => [row.name, int(row.callsPerSec), x2(row.vsBase)])
    )
  ].join("\n")
}

export const ablationSection = (r: ResultOf<"ablation"> | undefined): string => {
  if (r === undefined) return missing("ablation")
  const rows = ablationFigures(r)
  return [
    runLine(r),
    "",
    table(
      [
        `request path (${rows[0]?.rounds.length ?? 0} interleaved rounds of ${
          int(r.callsPerRound)
        } calls, ${r.concurrency} in flight)`,
        "calls/s, median",
        "÷ raw fetch"
      ],
      rows.map((row) => [row.name, int(row.callsPerSec), x2(row.vsBase)])
    )
  ].join("\n")
}
