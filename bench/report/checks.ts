/**
 * The suite's own checks, computed from their counts: the soak's accounting (soak/accounting.ts, run again on the
 * counts the soak recorded), coverage per folder against its floor, and mutation scores against their goals.
 */
import { account, type FaultKind } from "../../soak/accounting.js"
import { round2 } from "../stats.js"
import { commitOf, int, missing, pct, table } from "./format.js"
import type { ResultOf } from "./results.js"
import type { SoakMessages } from "./schema/checks.js"

// ---- soak ------------------------------------------------------------------------------------------------------------

/** The message ledger's counts that must be 0. */
const MESSAGE_PROBLEMS = [
  "undelivered",
  "duplicated",
  "unknown",
  "outOfOrder",
  "replayedUpdates",
  "notInChat",
  "memberUpdatesWrong",
  "membersWrong"
] as const satisfies ReadonlyArray<keyof SoakMessages>

export const soakFigures = (r: ResultOf<"soak">) => {
  const requests = account({
    lanes: r.lanes.map((l) => ({
      name: l.name,
      status: l.expected,
      ...(l.role === undefined ? {} : { role: l.role })
    })),
    counts: r.lanes.map((l) => ({
      sent: l.sent,
      statuses: new Map(Object.entries(l.statuses)),
      malformed: l.malformed
    })),
    served: new Map(Object.entries(r.faults).map(([kind, f]) => [kind as FaultKind, f.served])),
    defects: r.run.defects,
    journal5xxNotInjected: r.run.journal5xxNotInjected
  })
  const messageProblems = MESSAGE_PROBLEMS.reduce((n, k) => n + r.messages[k], 0)
  return {
    ...requests,
    messageProblems,
    cutByMaxSeconds: r.run.sent < r.config.requests,
    ok: requests.ok && messageProblems === 0
  }
}

export const soakLine = (r: ResultOf<"soak"> | undefined): string => {
  if (r === undefined) return missing("soak")
  const f = soakFigures(r)
  const m = r.messages
  const messages = m === undefined ?
    "" :
    ` People's messages: ${int(m.sent)} sent by ${int(m.people)} people, ${
      int(m.delivered)
    } delivered to the bot exactly once and in order (${int(m.undelivered)} undelivered, ${int(m.duplicated)} twice, ${
      int(m.outOfOrder)
    } out of order, ${int(m.unknown)} unknown, ${int(m.replayedUpdates)} confirmed updates handed back); ${
      int(m.botMessages)
    } replies, ${int(m.notInChat)} messages missing from their chat; ${int(m.joins)} joins and ${
      int(m.leaves)
    } leaves through a link, ${int(m.membersWrong)} people whose standing differs from the members' list, ${
      int(m.memberUpdatesWrong)
    } whose chat_member updates differ.`
  return `${int(r.run.requests)} requests in ${int(r.run.seconds)} s (${
    int(r.run.requests / r.run.seconds)
  }/s, concurrency ${r.config.concurrency}${
    f.cutByMaxSeconds ? `, cut short by --max-seconds ${r.config.maxSeconds}` : ""
  }): ${int(f.lost)} lost, ${int(f.unexplained)} unexplained, ${int(f.faultMismatch)} fault mismatches, ${
    int(f.defects)
  } defects of the mock; server RSS ${r.run.rssMiB.start.toFixed(0)} MiB → ${r.run.rssMiB.end.toFixed(0)} MiB (peak ${
    r.run.rssMiB.peak.toFixed(0)
  } MiB).${messages} Verdict: ${f.ok ? "every request and message accounted for" : "**failed**"}.`
}

// ---- coverage --------------------------------------------------------------------------------------------------------

const percent = ({ covered, total }: { readonly covered: number; readonly total: number }): number =>
  total === 0 ? 100 : (100 * covered) / total

export const coverageFigures = (r: ResultOf<"coverage">) =>
  Object.entries(r.folders).map(([folder, f]) => {
    const statements = percent(f.statements)
    const branches = percent(f.branches)
    return {
      folder,
      ...f,
      statementsPct: statements,
      branchesPct: branches,
      holds: statements + 1e-9 >= f.floor.statements && branches + 1e-9 >= f.floor.branches
    }
  })

export const coverageTable = (r: ResultOf<"coverage"> | undefined): string => {
  if (r === undefined) return missing("coverage")
  return [
    `${int(r.tests.files)} test files, ${int(r.tests.passed)} tests passed, ${int(r.tests.failed)} failed, ${
      int(r.tests.skipped)
    } skipped.`,
    "",
    table(
      ["folder", "statements", "branches", "floor (statements / branches)", "verdict"],
      coverageFigures(r).map((f) => [
        f.folder === "all" ? "**all**" : `\`${f.folder}\``,
        `${pct(f.statementsPct)} (${int(f.statements.covered)}/${int(f.statements.total)})`,
        `${pct(f.branchesPct)} (${int(f.branches.covered)}/${int(f.branches.total)})`,
        `${f.floor.statements}% / ${f.floor.branches}%`,
        f.holds ? "holds" : "**under**"
      ])
    )
  ].join("\n")
}

// ---- mutation --------------------------------------------------------------------------------------------------------

/** Stryker's score: (killed + timed out) ÷ (killed + timed out + survived + no coverage); also without equivalents. */
export const mutationFigures = (r: ResultOf<"mutation">) =>
  r.groups.map((g) => {
    const detected = g.killed + g.timeout
    const valid = detected + g.survived + g.noCoverage
    const score = round2(valid === 0 ? 100 : (100 * detected) / valid)
    const withoutEquivalent = round2(valid - g.equivalent === 0 ? 100 : (100 * detected) / (valid - g.equivalent))
    return { ...g, score, withoutEquivalent, holds: score >= g.goal }
  })

export const mutationTable = (r: ResultOf<"mutation"> | undefined): string => {
  if (r === undefined) return missing("mutation")
  return [
    `The code mutated is that of ${commitOf(r)}.`,
    "",
    table(
      ["mutated code", "score", "goal", "killed", "timed out", "survived", "no coverage", "of which judged equivalent"],
      mutationFigures(r).map((g) => [
        `${g.name} (${g.files.map((f) => `\`${f}\``).join(", ")})`,
        pct(g.score),
        `≥ ${g.goal}% ${g.holds ? "holds" : "**missed**"}`,
        int(g.killed),
        int(g.timeout),
        int(g.survived),
        int(g.noCoverage),
        int(g.equivalent)
      ])
    )
  ].join("\n")
}

const code = (text: string): string => `\`${text.replace(/`/g, "'").replace(/\s+/g, " ").slice(0, 80)}\``

export const equivalentsList = (r: ResultOf<"mutation"> | undefined): string => {
  if (r === undefined) return "None listed."
  const listed = r.equivalents.map((e) =>
    `- \`${e.file}\` ${e.mutator}: ${code(e.original)} → ${code(e.replacement)}: ${e.why}`
  )
  const unmatched = r.unmatchedEquivalents.map((e) =>
    `- **not applied** (${
      e.matches === 0 ? "matches no survivor" : `matches ${e.matches} survivors`
    }): \`${e.file}\` ${e.mutator}: ${code(e.original)} → ${code(e.replacement)}`
  )
  return listed.length + unmatched.length === 0 ? "None listed." : [...listed, ...unmatched].join("\n")
}
