/**
 * The targets' tables, each row's verdict computed from its results file. A table whose rows were measured on more
 * than one machine says so, in a column naming each row's machine.
 */
import { holds, machineOf, table } from "./format.js"
import type { Results } from "./results.js"
import { OTHER_TARGETS, SPEED_TARGETS, type Target, verdictOf } from "./targets.js"

/** The machine of each target's results file, and whether they differ. */
const machines = (targets: ReadonlyArray<Target>, r: Results) => {
  const of = (t: Target): string | undefined => {
    const result = r[t.section]
    return result === undefined || verdictOf(t, r) === undefined ? undefined : machineOf(result)
  }
  const all = new Set(targets.map(of).filter((m) => m !== undefined))
  return { of, mixed: all.size > 1 }
}

export const speedTargetsTable = (r: Results): string => {
  const { mixed, of } = machines(SPEED_TARGETS, r)
  return table(
    ["figure", "floor", "goal", "measured", "floor", "goal", ...(mixed ? ["measured on"] : [])],
    SPEED_TARGETS.map((t) => {
      const v = verdictOf(t, r)
      const machine = mixed ? [of(t) ?? "–"] : []
      if (v === undefined) {
        return [t.name, t.floor?.text ?? "–", t.goal?.text ?? "–", "not measured", "–", "–", ...machine]
      }
      const measured = [...new Set([v.floor?.figure, v.goal?.figure].filter((f) => f !== undefined))].join("; ")
      return [t.name, t.floor?.text ?? "–", t.goal?.text ?? "–", measured, holds(v.floor), holds(v.goal), ...machine]
    })
  )
}

export const otherTargetsTable = (r: Results): string => {
  const { mixed, of } = machines(OTHER_TARGETS, r)
  return table(
    ["target", "bound", "measured", "verdict", ...(mixed ? ["measured on"] : [])],
    OTHER_TARGETS.map((t) => {
      const v = verdictOf(t, r)
      const machine = mixed ? [of(t) ?? "–"] : []
      const bounds = t.goal === undefined ? t.floor!.text : `${t.floor!.text} (goal ${t.goal.text})`
      if (v === undefined) return [t.name, bounds, "not measured", "–", ...machine]
      const verdict = v.goal === undefined ? holds(v.floor) : `${holds(v.floor)} (goal: ${holds(v.goal)})`
      return [t.name, bounds, v.floor!.figure, verdict, ...machine]
    })
  )
}
