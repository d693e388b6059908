/**
 * The samples of the suite's own checks: the soak (soak/soak.ts), coverage (scripts/coverage.mjs) and mutation
 * testing (scripts/mutation-summary.mjs). As for the benchmarks, counts only: the report computes the verdicts.
 */
import { Schema } from "effect"
import { Counts, resultOf } from "./meta.js"

const Num = Schema.Number
const Tally = Schema.Record({ key: Schema.String, value: Num })

/** What the soak's message ledger found (soak/messages.ts): every message a person sent, followed to the bot. */
export const SoakMessages = Schema.Struct({
  people: Num,
  /** Messages people sent that the mock accepted. */
  sent: Num,
  /** Of those, received by the bot (the first time). */
  delivered: Num,
  /** Sent, never received. */
  undelivered: Num,
  /** Received again after their first delivery. */
  duplicated: Num,
  /** `message` updates the bot received that match no message sent. */
  unknown: Num,
  /** Received out of their chat's order. */
  outOfOrder: Num,
  /** Updates whose update_id was not above the one before (handed back after being confirmed). */
  replayedUpdates: Num,
  /** Messages the bot sent (its replies). */
  botMessages: Num,
  /** Messages (people's or the bot's) that are not in their chat as the mock shows it at the end. */
  notInChat: Num,
  joins: Num,
  leaves: Num,
  /** chat_member updates the bot received for the soak's people. */
  memberUpdates: Num,
  /** People whose chat_member updates do not follow their joins and leaves. */
  memberUpdatesWrong: Num,
  /** People whose standing in the members' list is not what their joins and leaves made it. */
  membersWrong: Num
})
export type SoakMessages = typeof SoakMessages.Type

export const Soak = resultOf({
  config: Schema.Struct({
    requests: Num,
    maxSeconds: Num,
    concurrency: Num,
    faultEvery: Num,
    faultTimes: Num,
    server: Schema.String
  }),
  run: Schema.Struct({
    /** Requests answered (or failed) and requests sent. */
    requests: Num,
    sent: Num,
    seconds: Num,
    journalSamples: Num,
    journal5xxNotInjected: Num,
    /** Defects the server reported on stderr. */
    defects: Num,
    clientErrors: Tally,
    rssMiB: Schema.Struct({ start: Num, end: Num, peak: Num })
  }),
  faults: Schema.Record({ key: Schema.String, value: Schema.Struct({ injected: Num, served: Num }) }),
  lanes: Schema.Array(Schema.Struct({
    name: Schema.String,
    role: Schema.optional(Schema.Literal("faults", "flood")),
    expected: Num,
    sent: Num,
    statuses: Tally,
    malformed: Num
  })),
  messages: SoakMessages
})

export const Coverage = resultOf({
  /** The run's tests: coverage is recorded only from a run where none failed. */
  tests: Schema.Struct({ files: Num, passed: Num, failed: Num, skipped: Num }),
  folders: Schema.Record({
    key: Schema.String,
    value: Schema.Struct({
      statements: Counts,
      branches: Counts,
      floor: Schema.Struct({ statements: Num, branches: Num })
    })
  })
})

const Mutant = {
  file: Schema.String,
  line: Num,
  mutator: Schema.String,
  /** The source text the mutant replaced, and what it put there. */
  original: Schema.String,
  replacement: Schema.String,
  status: Schema.String
}

export const Mutation = resultOf({
  report: Schema.String,
  groups: Schema.Array(Schema.Struct({
    name: Schema.String,
    goal: Num,
    files: Schema.Array(Schema.String),
    killed: Num,
    timeout: Num,
    survived: Num,
    noCoverage: Num,
    ignored: Num,
    errors: Num,
    equivalent: Num,
    survivors: Schema.Array(Schema.Struct(Mutant))
  })),
  equivalents: Schema.Array(Schema.Struct({ ...Mutant, why: Schema.String })),
  /** Entries of bench/mutation-equivalents.json that matched no survivor, or more than one. */
  unmatchedEquivalents: Schema.Array(Schema.Struct({
    file: Schema.String,
    mutator: Schema.String,
    original: Schema.String,
    replacement: Schema.String,
    matches: Num
  }))
})
