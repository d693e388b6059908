/** BENCHMARKS.md's sections on requests and memory: the flood gate, memory, the fleet and the mock's memory diagnosis. */
import { fleetFigures, floodFigures, memoryFigures } from "./figures.js"
import { int, mib, missing, runLine, signedMiB, table, x2 } from "./format.js"
import type { ResultOf } from "./results.js"

export const floodSection = (r: ResultOf<"flood"> | undefined): string => {
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
      floodFigures(r).map((f) => [
        `${f.client}, ${f.shape === "burst" ? "burst (all start at once)" : "callers arrive during the wait"}`,
        int(f.requests),
        int(f.extra),
        int(f.answered429),
        int(f.failedCalls)
      ])
    )
  ].join("\n")
}

export const memorySection = (r: ResultOf<"memory"> | undefined): string => {
  if (r === undefined) return missing("memory")
  const f = memoryFigures(r)
  const serverRows = (label: string, s: ResultOf<"memory">["server"]) =>
    s.points.map((p) => [`${label}, after ${int(p.requests)} requests`, mib(p.rssBytes)])
  return [
    runLine(r),
    "",
    table(
      ["standalone mock, exportChatInviteLink (autocannon, 64 connections)", "RSS"],
      [
        ...serverRows("compiled `tg-mock-server` (as installed)", r.server),
        [
          `compiled: growth from ${int(r.server.points[0]!.requests)} to ${int(r.server.points.at(-1)!.requests)}`,
          signedMiB(f.serverGrowthBytes)
        ],
        ...serverRows("for information, under tsx (`npm run mock-server`)", r.serverTsx),
        ["under tsx: growth", signedMiB(f.serverTsxGrowthBytes)]
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
      f.client.map((c) => [
        `${c.name}${c.failed > 0 ? ` (${int(c.failed)} ended by disposal after the measure)` : ""}`,
        signedMiB(c.heapGrowthBytes),
        `${int(c.bytesPerCall)} bytes`,
        x2(c.vsRawFetch)
      ])
    )
  ].join("\n")
}

export const fleetSection = (r: ResultOf<"fleet"> | undefined): string => {
  if (r === undefined) return missing("fleet")
  const contenders = fleetFigures(r)
  return [
    runLine(r),
    "",
    table(
      [
        `${r.processes} processes, ${r.callsPerProcess} calls each, one chat flooded (retry_after ${r.retryAfterSeconds} s)`,
        `extra after the first 429, median of ${contenders[0]?.perRun.length ?? 0}`,
        "per run",
        "429 answers (median)",
        "calls failed (median)"
      ],
      contenders.map((c) => [
        c.name,
        int(c.extraAfter429),
        c.perRun.map((p) => int(p.extraAfter429)).join(", "),
        int(c.floodAnswers),
        int(c.failedCalls)
      ])
    )
  ].join("\n")
}

export const memoryDiagSection = (r: ResultOf<"memory-diag"> | undefined): string => {
  if (r === undefined) return missing("memory-diag")
  return [
    runLine(r),
    "",
    table(
      ["requests", "RSS", "RSS after a full GC", "heapUsed → after a full GC", "heapTotal", "old space used/size"],
      r.checkpoints.map((c) => [
        c.requests === "idle" ? "idle" : int(Number(c.requests)),
        `${c.rssMB.toFixed(1)} MiB`,
        `${c.rssAfterGcMB.toFixed(1)} MiB`,
        `${c.before.heapUsed} → ${c.afterGc.heapUsed} MiB`,
        `${c.before.heapTotal} MiB`,
        `${c.before.spaces["old"] ?? "?"} MiB`
      ])
    )
  ].join("\n")
}
