/**
 * The soak's accounting (soak/soak.ts), as a pure function so that it can be tested: from what was sent, what came
 * back and what the server did, how many requests were lost, how many answers nothing explains, whether every fault
 * served showed up as its answer, and whether the mock met a defect of its own.
 */

/** A kind of request in the mix. */
export interface LaneSpec {
  readonly name: string
  /** What the mock answers when no fault and no flood limit interferes. */
  readonly status: number
  /** `faults`: the lane the faults are injected on; `flood`: the lane under a flood limit (may answer 429). */
  readonly role?: "faults" | "flood"
}

/** The faults the soak injects, by kind. */
export type FaultKind = "429" | "500" | "502 html" | "drop" | "delay"

/** What one lane saw. */
export interface LaneCounts {
  /** Requests started, counted when sent (before any answer). */
  readonly sent: number
  /** Requests that ended, by status (`"error"`: the connection failed; no answer). */
  readonly statuses: ReadonlyMap<string, number>
  /** Answers whose envelope or Retry-After header was wrong. */
  readonly malformed: number
}

export interface AccountingInput {
  readonly lanes: ReadonlyArray<LaneSpec>
  readonly counts: ReadonlyArray<LaneCounts>
  /** Faults served (injected minus those left pending at the end), by kind. */
  readonly served: ReadonlyMap<FaultKind, number>
  /** Defects the server reported (its `defect in …` lines): a bug of the mock, answered 500. */
  readonly defects: number
  /** 5xx entries of the journal samples that name no injected fault of their status. */
  readonly journal5xxNotInjected: number
}

export interface Accounting {
  /** Sent but never answered, or failed without a dropped-connection fault to explain it. */
  readonly lost: number
  /** Answers beyond what the lane and its faults allow, or malformed. */
  readonly unexplained: number
  /** Statuses of the fault lane whose count differs from the faults served (fewer or more). */
  readonly faultMismatch: number
  readonly defects: number
  readonly journal5xxNotInjected: number
  readonly details: ReadonlyArray<string>
  /** Every figure above is 0. */
  readonly ok: boolean
}

const sum = (values: Iterable<number>): number => {
  let total = 0
  for (const value of values) total += value
  return total
}

/** Accounts for every request of a soak run. */
export const account = (input: AccountingInput): Accounting => {
  const served = (kind: FaultKind) => input.served.get(kind) ?? 0
  let lost = 0
  let unexplained = 0
  let faultMismatch = 0
  const details: Array<string> = []
  input.lanes.forEach((lane, index) => {
    const counts = input.counts[index]!
    const ended = sum(counts.statuses.values())
    // Counted when sent, so a request that never ended shows here (counting when answered could not see it).
    if (counts.sent !== ended) {
      lost += Math.abs(counts.sent - ended)
      details.push(`${lane.name}: ${counts.sent} sent, ${ended} ended`)
    }
    const allowed = new Map<string, number>()
    if (lane.role === "faults") {
      const faulted = served("429") + served("500") + served("502 html") + served("drop")
      allowed.set("429", served("429"))
      allowed.set("500", served("500"))
      allowed.set("502", served("502 html"))
      allowed.set("error", served("drop"))
      allowed.set(String(lane.status), Math.max(0, ended - faulted))
    } else if (lane.role === "flood") {
      allowed.set(String(lane.status), ended)
      allowed.set("429", ended)
    } else {
      allowed.set(String(lane.status), ended)
    }
    for (const [status, n] of counts.statuses) {
      const excess = Math.max(0, n - (allowed.get(status) ?? 0))
      if (excess === 0) continue
      if (status === "error") lost += excess
      else unexplained += excess
      details.push(`${lane.name}: ${excess} × ${status} not explained`)
    }
    if (lane.role === "faults") {
      // Every fault served shows up as its status: no more, and no fewer (an under-count is a failure too).
      for (const [status, n] of allowed) {
        const seen = counts.statuses.get(status) ?? 0
        if (seen !== n) {
          faultMismatch += Math.abs(seen - n)
          details.push(`${lane.name}: ${seen} × ${status}, the faults served call for ${n}`)
        }
      }
    }
    if (counts.malformed > 0) {
      unexplained += counts.malformed
      details.push(`${lane.name}: ${counts.malformed} answers whose envelope or Retry-After is wrong`)
    }
  })
  if (input.defects > 0) details.push(`the server reported ${input.defects} defect(s) of the mock (answered 500)`)
  if (input.journal5xxNotInjected > 0) {
    details.push(`${input.journal5xxNotInjected} 5xx answer(s) in the journal came from no injected fault`)
  }
  return {
    lost,
    unexplained,
    faultMismatch,
    defects: input.defects,
    journal5xxNotInjected: input.journal5xxNotInjected,
    details,
    ok: lost === 0 && unexplained === 0 && faultMismatch === 0 && input.defects === 0 &&
      input.journal5xxNotInjected === 0
  }
}

/** A journal entry as GET /__mock/journal gives it (the fields the check reads). */
export interface JournalLine {
  readonly status: number
  readonly fault?: string | undefined
}

/** 5xx entries that name no injected fault of their own status (`error 500`, `html 502`); a defect is one of them. */
export const serverErrorsNotInjected = (journal: ReadonlyArray<JournalLine>): number =>
  journal.filter((entry) =>
    entry.status >= 500 && entry.fault !== `error ${entry.status}` && entry.fault !== `html ${entry.status}`
  ).length
