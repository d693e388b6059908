/**
 * Support of the chaos property tests: a fast TestClock, the fast-check parameters (seed, path and number of runs,
 * overridable from the environment so a failure reproduces), and the checks every run shares (no defect, only
 * `BotApiError`s, no token secret anywhere observable).
 */
import { Cause, Chunk, Deferred, Effect, Exit, Option, Ref, TestClock } from "effect"
import { inspect } from "node:util"
import type { MockTelegram } from "telegram-bot-api-mock"
import type * as Policy from "../../src/Policy.js"
import { causeTexts, leaks, type RecordedSpan, spanTexts } from "./support.js"

/**
 * Makes the TestClock of the current test fast. `TestClock.adjust` waits, before each sleeper it wakes, until every
 * fiber is suspended, by polling the fibers' states across a `setTimeout(0)` (≥ 1 ms on Node) three times; that is
 * ~4 ms per wake-up, ~17 ms per run of three sleeps, 3 minutes for 10,000 runs. Polling across a `setImmediate`
 * instead (one turn of the event loop, with every microtask and promise job run before it) keeps the same rule
 * (sleepers run in deadline order, once everything else is suspended) at a fraction of that. The fakes here never
 * wait on a real timer, so one turn is enough for them to settle. Patched on this test's TestClock instance only.
 */
export const fastTestClock = Effect.gen(function*() {
  const clock = yield* TestClock.testClock()
  if (!("yieldTimer" in clock)) {
    // Effect's TestClock changed: the tests stay correct, only slower. Fail so that someone notices.
    return yield* Effect.dieMessage("TestClock has no yieldTimer any more: update fastTestClock")
  }
  ;(clock as unknown as { yieldTimer: Effect.Effect<void> }).yieldTimer = Effect.async<void>((resume) => {
    const handle = setImmediate(() => resume(Effect.void))
    return Effect.sync(() => clearImmediate(handle))
  })
  // Each step also forks (and then interrupts) a fiber that would print, after 5 real seconds, that a fiber is not
  // suspending. A run takes milliseconds; the fork costs a third of it.
  const patchable = clock as unknown as Record<string, unknown>
  patchable["suspendedWarningStart"] = () => Effect.void
  patchable["suspendedWarningDone"] = () => Effect.void
})

/**
 * {@link fastTestClock}, and wakes every sleeper of the earliest deadline at once. `TestClock.adjust` wakes one sleeper
 * per step, sorting every pending sleep and polling every fiber of the test before each: with 10,000 calls in flight
 * (each leaving a request-timeout sleep behind) that is O(sleeps × (sleeps + fibers)), minutes of CPU. Waking all the
 * sleepers due at the same instant together (then letting everything settle before the next instant, as before) keeps
 * the order of instants and changes nothing for sleepers at distinct instants.
 */
export const batchingTestClock = () =>
  Effect.gen(function*() {
    yield* fastTestClock
    const clock = yield* TestClock.testClock()
    const impl = clock as unknown as {
      clockState: Ref.Ref<TestClock.Data>
      awaitSuspended: () => Effect.Effect<void>
      run: (f: (instant: number) => number) => Effect.Effect<void>
    }
    if (typeof impl.awaitSuspended !== "function" || impl.clockState === undefined) {
      return yield* Effect.dieMessage("TestClock internals changed: update batchingTestClock")
    }
    const run = (f: (instant: number) => number): Effect.Effect<void> =>
      impl.awaitSuspended().pipe(
        Effect.zipRight(Ref.modify(impl.clockState, (data) => {
          const end = f(data.instant)
          let earliest = Infinity
          for (const [instant] of data.sleeps) if (instant < earliest) earliest = instant
          if (earliest > end) return [Option.none(), TestClock.makeData(end, data.sleeps)] as const
          const due: Array<Deferred.Deferred<void>> = []
          const rest: Array<readonly [number, Deferred.Deferred<void>]> = []
          for (const sleep of data.sleeps) {
            if (sleep[0] === earliest) due.push(sleep[1])
            else rest.push(sleep)
          }
          return [
            Option.some([end, due] as const),
            TestClock.makeData(earliest, Chunk.unsafeFromArray(rest as Array<[number, Deferred.Deferred<void>]>))
          ] as const
        })),
        Effect.flatMap((next) =>
          Option.match(next, {
            onNone: () => Effect.void,
            onSome: ([end, due]) =>
              Effect.forEach(due, (deferred) => Deferred.succeed(deferred, undefined), { discard: true }).pipe(
                Effect.zipRight(Effect.yieldNow()),
                Effect.zipRight(Effect.suspend(() => run(() => end)))
              )
          })
        )
      )
    impl.run = run
  })

/**
 * fast-check parameters: `CHAOS_SEED`, `CHAOS_PATH` and `CHAOS_RUNS` override the seed (else a fresh one, printed
 * before the run so that even a hang can be replayed), the path (to replay one counterexample) and the runs.
 */
export const chaosParameters = (name: string, defaultRuns: number) => {
  const env = process.env
  const seed = env["CHAOS_SEED"] !== undefined
    ? Number(env["CHAOS_SEED"])
    : (Date.now() ^ (Math.random() * 2 ** 31)) | 0
  const numRuns = chaosRuns(defaultRuns)
  const path = env["CHAOS_PATH"]
  console.log(
    `[chaos] ${name}: ${numRuns} runs, seed ${seed}` +
      (path === undefined ? "" : `, path ${path}`) +
      ` (replay: CHAOS_SEED=${seed}${path === undefined ? "" : ` CHAOS_PATH=${path}`} npx vitest run <file>)`
  )
  return {
    seed,
    numRuns,
    ...(path !== undefined ? { path } : {})
  }
}

/**
 * The number of runs a property makes: `CHAOS_RUNS` when set (a positive integer, or the file refuses to load), else
 * `defaultRuns`. Test titles print it, so a report never says 5000 runs of a run of 300.
 */
export const chaosRuns = (defaultRuns: number): number => {
  const text = process.env["CHAOS_RUNS"]
  if (text === undefined) return defaultRuns
  const runs = Number(text)
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`CHAOS_RUNS must be a positive integer, got ${text}`)
  return runs
}

/** A failed check: its message names what went wrong; fast-check adds the counterexample, seed and path. */
export const check = (condition: boolean, message: () => string): void => {
  if (!condition) throw new Error(message())
}

/**
 * Every 5xx answer in the mock's journal came from a fault this run injected (`error 5xx` or `html 5xx`, the status
 * it names), and the mock met no defect: a bug of the mock must not pass as a transient error the client retries.
 */
export const checkServerErrorsInjected = (mock: MockTelegram, defectsBefore: number): void => {
  check(mock.defectCount === defectsBefore, () => `the mock met ${mock.defectCount - defectsBefore} defect(s)`)
  for (const entry of mock.journal()) {
    if (entry.status < 500) continue
    check(
      entry.fault === `error ${entry.status}` || entry.fault === `html ${entry.status}`,
      () => `a ${entry.status} the run did not inject: ${JSON.stringify(entry)}`
    )
  }
}

/** The tags of the closed failure union. */
const TAGS = new Set([
  "InvalidChatIdError",
  "FloodWaitError",
  "ChatMigratedError",
  "TelegramApiError",
  "TransportError"
])

/** The exit is a success or a typed failure: no defect, no interruption, only `BotApiError`s. */
export const checkTyped = (exit: Exit.Exit<unknown, unknown>): void => {
  if (Exit.isSuccess(exit)) return
  const cause = exit.cause
  check(Cause.defects(cause).length === 0, () => `a defect: ${Cause.pretty(cause)}`)
  check(!Cause.isInterrupted(cause), () => `interrupted: ${Cause.pretty(cause)}`)
  const failures = [...Cause.failures(cause)]
  check(failures.length === 1, () => `expected one failure, got ${failures.length}: ${Cause.pretty(cause)}`)
  const tag = (failures[0] as { _tag?: unknown })._tag
  check(typeof tag === "string" && TAGS.has(tag), () => `not a BotApiError: ${inspect(failures[0])}`)
}

/**
 * Nothing observable holds the token's secret: the log lines (which carry `Cause.pretty` of the failure), the
 * policy events, the failure's message, JSON and string forms, and the spans' names, attributes and exits. With
 * `full`, also every text the Secrecy suite looks at (util.inspect with hidden properties and getters of the whole
 * Cause and of each error in its cause chain): a tenth of the cost of a run, so the properties do it on a sample.
 */
export const checkNoSecret = (
  exit: Exit.Exit<unknown, unknown>,
  spans: ReadonlyArray<RecordedSpan>,
  lines: ReadonlyArray<string>,
  events: ReadonlyArray<Policy.PolicyEvent>,
  full: boolean
): void => {
  const texts = [...lines, ...events.map((event) => JSON.stringify(event))]
  if (Exit.isFailure(exit)) {
    if (full) texts.push(...causeTexts(exit.cause))
    for (const error of Cause.failures(exit.cause)) {
      texts.push(String(error), JSON.stringify(error), (error as Error).message ?? "")
    }
  } else {
    texts.push(JSON.stringify(exit.value))
  }
  if (full) {
    texts.push(...spanTexts(spans))
  } else {
    for (const span of spans) {
      texts.push(span.name)
      for (const [key, value] of span.attributes) texts.push(`${key}=${String(value)}`)
    }
  }
  for (const text of texts) check(!leaks(text), () => `the token's secret is visible in: ${text.slice(0, 300)}`)
}

/** Collects unhandled rejections of the process while a file runs. */
export const trackUnhandledRejections = () => {
  const seen: Array<unknown> = []
  const listener = (reason: unknown) => void seen.push(reason)
  return {
    start: () => void process.on("unhandledRejection", listener),
    stop: () => void process.off("unhandledRejection", listener),
    seen
  }
}

/** Counts of what the runs did, printed after a property so the report shows what was exercised. */
export const makeTally = () => {
  const counts = new Map<string, number>()
  return {
    add: (key: string) => void counts.set(key, (counts.get(key) ?? 0) + 1),
    print: (name: string) =>
      console.log(
        `[chaos] ${name}: ${[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(", ")}`
      )
  }
}
