/**
 * Generates BENCHMARKS.md, and the README's figure blocks (`<!-- generated:NAME -->` … `<!-- /generated:NAME -->`),
 * from the results files under bench/results/ (bench/results.ts). Nothing here measures: every figure printed comes
 * from a file a script wrote. `npm run bench` runs it at the end of a full run.
 *
 *   node --import tsx bench/report.ts            # rewrite BENCHMARKS.md and the README's blocks
 *   node --import tsx bench/report.ts --check    # exit 1 when either differs from what the files give
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { readResult, type Result, ROOT, type Verdict } from "./results.js"

// ---- formatting -------------------------------------------------------------------------------------------------

const int = (n: number): string => Math.round(n).toLocaleString("en-US")
const x2 = (n: number): string => `${n.toFixed(2)}×`
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`
const ms0 = (n: number): string => `${int(n)} ms`
const pct = (n: number): string => `${n.toFixed(1)}%`
const signedMiB = (bytes: number): string => `${bytes >= 0 ? "+" : "−"}${mib(Math.abs(bytes))}`

/** `npm run bench -- client`, 2026-12-02 03:44 UTC, 2 cores (AMD EPYC), Node v20.20.2, 142 s, load 1.2 → 1.8. */
const runLine = (r: Result<unknown>): string => {
  const load = r.loadAverage as { before?: number | null; after?: number | null }
  const loads = [
    typeof load.before === "number" ? `${load.before.toFixed(1)} before` : undefined,
    typeof load.after === "number" ? `${load.after.toFixed(1)} after` : undefined
  ].filter((l) => l !== undefined)
  return `\`${r.command}\`, ${r.date.slice(0, 16).replace("T", " ")} UTC, ${r.nproc} cores (${
    r.cpu ?? "unknown CPU"
  }), Node ${r.node}${typeof r.seconds === "number" ? `, ${int(r.seconds)} s` : ""}${
    loads.length > 0 ? `; 1-minute load average ${loads.join(", ")}` : ""
  }`
}

const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)]
    .join("\n")

const holds = (check: Verdict["floor"]): string => check === undefined ? "–" : check.holds ? "holds" : "**missed**"

const missing = (file: string): string =>
  `Not measured yet: there is no \`bench/results/${file}.json\`, so no figure is published here.`

// ---- the results ------------------------------------------------------------------------------------------------

type AnyResult = Result<any>
const load = (section: string): AnyResult | undefined => readResult<any>(section)

interface Results {
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

const verdictsOf = (r: Results): Map<string, Verdict> => {
  const all = new Map<string, Verdict>()
  for (const result of [r.startup, r.client, r.server, r.flood, r.memory, r.fleet]) {
    for (const v of (result?.verdicts ?? []) as Array<Verdict>) all.set(v.id, v)
  }
  return all
}

// ---- the targets ----------------------------------------------------------------------------------------------

/** Issue 13's table, in its order. */
const SPEED_TARGETS: ReadonlyArray<readonly [string, string, string, string]> = [
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

const OTHER_TARGETS: ReadonlyArray<readonly [string, string]> = [
  ["server.export", "mock exportChatInviteLink ÷ bare node:http"],
  ["server.getMe", "mock getMe ÷ telegram-test-api getMe"],
  ["flood.burst", "flood gate, burst: extra requests per scope"],
  ["flood.wait", "flood gate, callers arriving during the wait: extra requests per scope"],
  ["fleet.redis", "fleet of 8 processes, gate shared through Redis: extra requests after a 429"],
  ["memory.serverGrowth", "standalone mock RSS growth, 10k → 1M requests"]
]

const speedTargetsTable = (r: Results): string => {
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

const otherTargetsTable = (r: Results): string => {
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

// ---- the sections -----------------------------------------------------------------------------------------------

const startupSection = (r: AnyResult | undefined): string => {
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
        [
          "the main entry beyond its dependencies (median of the per-round differences)",
          ms0(i.beyondDependenciesMs),
          ms0(i.beyondDependenciesCpuMs)
        ],
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

const clientSection = (r: AnyResult | undefined): string => {
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
    )
  ].join("\n")
}

const serverSection = (r: AnyResult | undefined): string => {
  if (r === undefined) return missing("server")
  return [
    runLine(r),
    "",
    table(
      [
        `autocannon, ${r.connections} connections, ${r.rounds} interleaved rounds of ${r.secondsPerRun} s`,
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
        ["mock getMe ÷ bare node:http, getMe", x2(r.ratios.mockGetMeVsBare)],
        ["mock getMe ÷ telegram-test-api getMe", x2(r.ratios.mockGetMeVsTelegramTestApi)]
      ]
    )
  ].join("\n")
}

const mswSection = (r: AnyResult | undefined): string => {
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

const floodSection = (r: AnyResult | undefined): string => {
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

const memorySection = (r: AnyResult | undefined): string => {
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

const fleetSection = (r: AnyResult | undefined): string => {
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

const ablationSection = (r: AnyResult | undefined): string => {
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

const memoryDiagSection = (r: AnyResult | undefined): string => {
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

const soakLine = (r: AnyResult | undefined): string => {
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

const coverageTable = (r: AnyResult | undefined): string => {
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

const mutationTable = (r: AnyResult | undefined): string => {
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

const equivalentsList = (r: AnyResult | undefined): string => {
  if (r === undefined || (r.equivalents as Array<any>).length === 0) return "None listed."
  return (r.equivalents as Array<any>).map((e) =>
    `- \`${e.file}:${e.line}\` ${e.mutator} (\`${
      e.replacement.replace(/`/g, "'").replace(/\s+/g, " ").slice(0, 80)
    }\`): ${e.why}`
  ).join("\n")
}

// ---- BENCHMARKS.md ----------------------------------------------------------------------------------------------

export const benchmarks = (r: Results): string =>
  `# Benchmarks

<!-- Generated by bench/report.ts from the files under bench/results/: edit the generator, not this file.
     test/docs.test.ts fails when this file and the results disagree. -->

Every figure here comes from a file under \`bench/results/\` that a script wrote (its command, date, machine, load
average before and after, raw samples, medians and verdicts), and this document is generated from those files
(\`node --import tsx bench/report.ts\`; \`npm run bench\` does it at the end of a full run). A figure nobody can
reproduce is not published.

\`npm run bench\` runs every section below (start-up, client, server, in-process, flood gate, memory, fleet), each in
its own \`node\` process, and writes \`bench/results/<section>.json\`; \`npm run bench -- client server\` runs only the
named sections; \`npm run bench -- --quick\` gives a rough look (fewer rounds) written under \`bench/results/quick/\`,
never published. Nothing here is part of \`npm test\`: no test asserts a time.

Every server (the mock as \`tg-mock-server\`, the bare \`node:http\` server, telegram-test-api) runs in a process of
its own, so the load generator and the server never share an event loop. Contenders are interleaved (A, B, C, A, B,
C…, the order rotated each round); ratios are paired within a round, then the median over rounds is taken. The
machines are shared: other engineers' test runs load them, so absolute figures move from run to run, and each
section records the load average before and after it ran.

## Targets

Issue 13, speed where users feel it (the client figures on the recommended transport, \`UndiciHttpClient.layer\`):

${speedTargetsTable(r)}

The mock, the flood gate, the fleet and the mock's memory:

${otherTargetsTable(r)}

## 1. Start-up

${startupSection(r.startup)}

What it measures: a one-shot export as a cron job, a CI script or a serverless webhook runs it. The bin is the
installed one: one bundled file built by \`npm run build\`, run with plain \`node\` (no loader), the token in
\`TELEGRAM_BOT_TOKEN\` and \`--api-root\` the standalone mock; the grammY script does the same export with grammY's
\`Api\`. Wall time is measured from spawn to exit by the bench; peak RSS is GNU time's maximum resident set size.
\`npm start\` is timed from spawn to the first invite link on its stdout. The import figures time \`await import(…)\`
inside a fresh process: the modules of \`effect\`, \`@effect/platform\` and the other dependencies that the main entry
loads (listed by \`scripts/modules-loaded.mjs\`), imported alone, against the main entry itself; the difference is
what the library's own modules add.

## 2. Client, exportChatInviteLink against the standalone mock

${clientSection(r.client)}

What it measures: one \`exportChatInviteLink\` to the supergroup of the default world. \`Policy\` is
\`Policy.exportChatInviteLink\` (flood gate, migrations, transient retry, spans) with \`Policy.layerMemory\`; \`BotApi\`
is \`BotApi.exportChatInviteLink\`, one request and no policy. The transports: the library's own
\`UndiciHttpClient.layer\` (undici's \`Pool\`, keep-alive; \`BotApi\` sends through it directly), @effect/platform-node's
\`NodeHttpClient.layerUndici\` and \`NodeHttpClient.layer\` (node:http), and @effect/platform's \`FetchHttpClient.layer\`.
*raw fetch* is \`fetch\` + \`res.json()\` of the same request; *grammY* is \`new Api(token, { apiRoot }).exportChatInviteLink\`.

## 3. Server throughput

${serverSection(r.server)}

What it measures: autocannon (in the bench's process) against the mock answering exportChatInviteLink (a JSON POST;
it makes and revokes a link each time) and getMe; a bare \`node:http\` server answering one fixed envelope without
reading the body (the runtime's ceiling); telegram-test-api on getMe, the one method both answer.

## 4. In-process, through the MSW handlers

${mswSection(r.msw)}

What it measures: calls per second with no socket, through the MSW handlers (\`telegramHandlers\`): the library over
\`FetchHttpClient\` and a raw fetch, both intercepted by MSW 2; and the library over \`layerMockHttpClient\` (no MSW).
grammY is not in this section: its request (node-fetch over \`https.request\`) through MSW 2's interceptor never settles.

## 5. Flood gate

${floodSection(r.flood)}

What it measures: exports to one chat and one 429, counted from the mock's journal: requests beyond those needed.
*Burst*: all start at once; every request is on the wire before the 429 comes back, so no client can hold any back.
*Callers arrive during the wait*: the chat is flooded as Telegram does it (every request answers 429 until the
deadline); the first caller gets the 429 and the others start 50 ms later: the library's shared gate makes them wait
without sending; grammY + auto-retry sends each of them, gets 429 and retries.

## 6. Memory

${memorySection(r.memory)}

What it measures: the standalone mock's RSS (\`/proc/PID/status\`), read 0.5 s after each batch of requests, no forced
GC; the server is \`tg-mock-server\` as the installed package runs it (\`mock-server/\` compiled by \`tsc\` and started
with plain \`node\`); under tsx, whose loader thread is a second V8 isolate, for information. The client's heap growth
(after a full GC, over the heap before) while the calls wait on answers the mock holds back (a delay fault), per call;
with one connection per call for raw fetch and for the like-for-like library row (socket state included), and with
the library's default pool of 64 connections for information (the other calls wait in undici's queue; the runtime is
disposed of after the measure, which ends them).

## 7. Fleet

${fleetSection(r.fleet)}

What it measures (\`npm run bench:fleet\`): one bot run by 8 real processes exporting the same chat in a loop through
the standalone mock; mid-run the chat is flooded (every request for it answers 429 until 1 s after the first 429).
Counted: requests for that chat sent after the first 429 had arrived and before its deadline (requests already on
the wire when it arrived are not counted: nobody could know yet). It cannot be zero: a request already on its way
before the 429 was read and written to Redis still goes out.

## Diagnostics

### Ablation: where the library's per-call cost goes

${ablationSection(r.ablation)}

The request path rebuilt one piece at a time over the same transport (\`NodeHttpClient.layerUndici\`), then the
library's own calls over \`layerUndici\` and over \`UndiciHttpClient\` (\`node --import tsx bench/ablation.ts\`).

### The mock's memory, as it is and after a full GC

${memoryDiagSection(r.memoryDiag)}

\`node --import tsx bench/memory-diag.ts\`: the compiled bin, with a preloaded probe that prints
\`process.memoryUsage()\` and V8's spaces on a signal, once as they are and once after a full GC. A leak shows as
heapUsed after GC growing; memory V8 keeps shows as RSS and heapTotal growing with heapUsed after GC flat. The bin
sets V8's \`--heap-growing-percent=50\` at start, so the old generation's limit stays near 1.5× what survives a full GC.

### Soak

${r.soak === undefined ? missing("soak") : `${runLine(r.soak)}\n\n${soakLine(r.soak)}`}

### Strength of the suite

Coverage (\`npm run coverage\`: the suite with coverage, then \`scripts/coverage-report.mjs\`; CI prints the same table
after \`npm test -- --coverage\` and fails under the floor):

${r.coverage === undefined ? missing("coverage") : `${runLine(r.coverage)}\n\n${coverageTable(r.coverage)}`}

Mutation testing (\`npm run mutate\`: StrykerJS over the client core, the policies and the mock's rules; the full report
is \`bench/results/mutation-report.json\`):

${r.mutation === undefined ? missing("mutation") : `${runLine(r.mutation)}\n\n${mutationTable(r.mutation)}`}

Survivors judged equivalent (no test can tell them from the original):

${equivalentsList(r.mutation)}
`

// ---- the README's blocks --------------------------------------------------------------------------------------------

export const readmeBlocks = (r: Results): Record<string, string> => {
  const date = (x: AnyResult) => x.date.slice(0, 10)
  const fleet = r.fleet
  const soak = r.soak
  const demo = r.startup?.npmStart?.demoSummary as string | undefined
  const contender = (pattern: RegExp) =>
    (fleet?.contenders as Array<any> | undefined)?.find((c) => pattern.test(c.name))
  return {
    demo: demo === undefined
      ? missing("startup")
      : `\`\`\`text\n${demo}\n\`\`\`\n\n(One run of \`npm start\` from \`bench/results/startup.json\`, ${
        date(r.startup!)
      }: times are that machine's.)`,
    fleet: fleet === undefined
      ? missing("fleet")
      : `What it buys (\`npm run bench:fleet\`, ${fleet.processes} processes, one chat flooded with \`retry_after\` ${fleet.retryAfterSeconds} s, median of ${fleet.runs} runs, ${
        date(fleet)
      }): after the first 429 the fleet sent ${
        int(contender(/redis/i).extraAfter429)
      } more request(s) for that chat with the Redis gate, versus ${
        int(contender(/grammY/).extraAfter429)
      } for ${fleet.processes} independent grammY + auto-retry processes (and ${
        int(contender(/in-memory/).extraAfter429)
      } for our in-memory gate per process).`,
    soak: soak === undefined ? missing("soak") : `Last run (\`${soak.command}\`, ${date(soak)}): ${soakLine(soak)}`,
    performance: `${
      speedTargetsTable(r)
    }\n\n(Generated from \`bench/results/\`; how each figure is measured: BENCHMARKS.md.)`,
    quality: [
      `Coverage (\`npm run coverage\`${r.coverage === undefined ? "" : `, ${date(r.coverage)}`}): ${
        r.coverage === undefined
          ? "not measured yet."
          : `statements ${pct(r.coverage.folders.all.statements.pct)}, branches ${
            pct(r.coverage.folders.all.branches.pct)
          } over \`src\`, \`cli\` and \`mock-server/src\`; CI prints it per folder and fails under the floor.`
      }`,
      "",
      `Mutation score (\`npm run mutate\`${r.mutation === undefined ? "" : `, ${date(r.mutation)}`}):${
        r.mutation === undefined
          ? " not measured yet."
          : "\n\n" + table(
            ["mutated code", "score", "goal"],
            (r.mutation.groups as Array<any>).map((g) => [
              g.name,
              pct(g.score),
              `≥ ${g.goal}% ${g.score >= g.goal ? "holds" : "**missed**"}`
            ])
          )
      }`
    ].join("\n")
  }
}

/** README.md with each `<!-- generated:NAME -->` … `<!-- /generated:NAME -->` block replaced by its content. */
export const fillReadme = (readme: string, blocks: Record<string, string>): string =>
  readme.replace(
    /<!-- generated:([a-z-]+) -->\n(?:[\s\S]*?\n)?<!-- \/generated:\1 -->/g,
    (
      whole,
      name: string
    ) => (blocks[name] === undefined
      ? whole
      : `<!-- generated:${name} -->\n${blocks[name]}\n<!-- /generated:${name} -->`)
  )

// ---- main -------------------------------------------------------------------------------------------------------------

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes("--check")
  const results = loadResults()
  const benchmarksPath = join(ROOT, "BENCHMARKS.md")
  const readmePath = join(ROOT, "README.md")
  const wantBenchmarks = benchmarks(results)
  const readme = readFileSync(readmePath, "utf8")
  const wantReadme = fillReadme(readme, readmeBlocks(results))
  if (check) {
    const stale = [
      readFileSync(benchmarksPath, "utf8") === wantBenchmarks ? undefined : "BENCHMARKS.md",
      readme === wantReadme ? undefined : "README.md"
    ].filter((f) => f !== undefined)
    if (stale.length > 0) {
      process.stderr.write(
        `bench/report: ${stale.join(" and ")} disagree with bench/results/: run node --import tsx bench/report.ts\n`
      )
      process.exit(1)
    }
    process.stdout.write("bench/report: BENCHMARKS.md and README.md agree with bench/results/\n")
  } else {
    writeFileSync(benchmarksPath, wantBenchmarks)
    if (wantReadme !== readme) writeFileSync(readmePath, wantReadme)
    process.stdout.write("bench/report: wrote BENCHMARKS.md and the README's generated blocks\n")
  }
}
