/**
 * The samples of each benchmark section's results file (bench/<section>.ts writes it): per round, or per run, what
 * was measured. Medians, ratios and verdicts are not here: bench/report/figures.ts computes them.
 */
import { Schema } from "effect"
import { resultOf } from "./meta.js"

const Num = Schema.Number
const Wall = Schema.Struct({ wall: Num, cpu: Num })
const OneShotRun = Schema.Struct({ wallMs: Num, peakRssKiB: Num })

export const Startup = resultOf({
  oneShot: Schema.Struct({
    command: Schema.Struct({ "tg-invite": Schema.String, "grammY script": Schema.String }),
    /** One per round: ours and grammY's, the order alternating. */
    samples: Schema.Array(Schema.Struct({ tgInvite: OneShotRun, grammy: OneShotRun }))
  }),
  npmStart: Schema.Struct({ samplesMs: Schema.Array(Num), demoSummary: Schema.String }),
  importCost: Schema.Struct({
    modules: Schema.Struct({ own: Num, dependencies: Num, commonjs: Num }),
    /** Each in a fresh process, one round each. */
    samplesMs: Schema.Array(Schema.Struct({ dependencies: Wall, entry: Wall, effect: Wall, platform: Wall })),
    /** The entry imported after its dependencies, in the same process. */
    afterDependenciesSamplesMs: Schema.Array(Wall)
  })
})

/** The library's two calls, and the baselines (the floors: undici's `Pool.request`, straight and in Effect). */
export const Call = Schema.Literal("policy", "botapi", "raw fetch", "grammY", "undici pool", "undici pool in Effect")
const ClientRound = Schema.Struct({ p50Us: Num, p99Us: Num, callsPerSec: Num })
const ClientContender = Schema.Struct({
  name: Schema.String,
  call: Call,
  transport: Schema.NullOr(Schema.String),
  /** Per round: p50 and p99 of the sequential calls' latencies, and calls/s in the timed window. */
  rounds: Schema.Array(ClientRound)
})
export type ClientContender = typeof ClientContender.Type

export const Client = resultOf({
  sequentialCalls: Num,
  concurrentMs: Num,
  concurrency: Num,
  recommendedTransport: Schema.String,
  contenders: Schema.Array(ClientContender),
  /** The Effect 4 edition's own bench against the same mock in the same run (effect4/bench/client.ts). */
  effect4: Schema.optional(Schema.Struct({
    edition: Schema.String,
    package: Schema.String,
    command: Schema.String,
    node: Schema.String,
    effect: Schema.String,
    platformNode: Schema.String,
    apiRoot: Schema.String,
    method: Schema.Struct({ rounds: Num, sequentialCalls: Num, concurrentWindowMs: Num, inFlight: Num }),
    recommended: Schema.String,
    contenders: Schema.Array(ClientContender)
  }))
})

export const Server = resultOf({
  generator: Schema.String,
  secondsPerRun: Num,
  connections: Num,
  scenarios: Schema.Array(Schema.Struct({
    name: Schema.String,
    rounds: Schema.Array(Schema.Struct({ requestsPerSec: Num, p50Ms: Num, p99Ms: Num }))
  }))
})

/** Calls per second in each round, per contender. */
const PerRound = Schema.Array(Schema.Struct({ name: Schema.String, rounds: Schema.Array(Num) }))

export const Msw = resultOf({ calls: Num, concurrency: Num, contenders: PerRound })

export const Ablation = resultOf({ callsPerRound: Num, concurrency: Num, steps: PerRound })

export const FloodShape = Schema.Literal("burst", "wait")
export const Flood = resultOf({
  callers: Num,
  retryAfterSeconds: Num,
  /** One run per client and shape: what the mock's journal saw. */
  runs: Schema.Array(Schema.Struct({
    client: Schema.String,
    shape: FloodShape,
    requests: Num,
    answered429: Num,
    failedCalls: Num,
    seconds: Num
  }))
})

const ServerRss = Schema.Struct({
  startRssBytes: Num,
  points: Schema.Array(Schema.Struct({ requests: Num, rssBytes: Num }))
})
export const Memory = resultOf({
  checkpoints: Schema.Array(Num),
  inFlight: Num,
  holdMs: Num,
  server: ServerRss,
  serverTsx: ServerRss,
  /** The heap after a full GC while the calls wait, over the heap before them; the first is raw fetch. */
  client: Schema.Array(Schema.Struct({
    name: Schema.String,
    heapGrowthBytes: Num,
    settledBeforeMeasure: Num,
    failed: Num,
    seconds: Num
  }))
})

export const Fleet = resultOf({
  processes: Num,
  retryAfterSeconds: Num,
  callsPerProcess: Num,
  contenders: Schema.Array(Schema.Struct({
    name: Schema.String,
    perRun: Schema.Array(Schema.Struct({
      extraAfter429: Num,
      floodAnswers: Num,
      sentPastClosedGate: Schema.optional(Num),
      requests: Num,
      calls: Num,
      failedCalls: Num,
      seconds: Num
    }))
  }))
})

const HeapReading = Schema.Struct({
  heapUsed: Num,
  heapTotal: Num,
  external: Num,
  spaces: Schema.Record({ key: Schema.String, value: Schema.String })
})
export const MemoryDiag = resultOf({
  server: Schema.String,
  checkpoints: Schema.Array(Schema.Struct({
    requests: Schema.String,
    rssMB: Num,
    rssAfterGcMB: Num,
    before: HeapReading,
    afterGc: HeapReading
  }))
})

export const MockStart = resultOf({
  commands: Schema.Struct({ mock: Schema.String, unbundled: Schema.String, node: Schema.String }),
  /** One spawn of each per round, the order rotating. */
  samplesMs: Schema.Array(Schema.Struct({ mock: Num, unbundled: Num, node: Num }))
})

const HandleOperations = Schema.Record({
  key: Schema.String,
  value: Schema.Struct({ roundsMicros: Schema.Array(Num) })
})
export const MockHandle = resultOf({
  callsPerRound: Num,
  operations: HandleOperations,
  /** `--baseline <dir>`: another commit's mock, its rounds alternating with these in the same process. */
  baseline: Schema.optional(Schema.Struct({ commit: Schema.String, operations: HandleOperations }))
})
