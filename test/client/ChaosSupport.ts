/**
 * Support of the chaos property tests: the fast-check parameters (seed, path and number of runs, overridable from the
 * environment so a failure reproduces), and the checks every run shares (no defect, only `BotApiError`s, no token
 * secret anywhere observable).
 */
import { Cause, Exit } from "effect"
import { inspect } from "node:util"
import type { MockTelegram } from "telegram-bot-api-mock"
import type * as Policy from "../../src/Policy.js"
import { defects, failures as failuresOf, isInterrupted } from "../edition/cause.js"
import { causeTexts, leaks, type RecordedSpan, spanTexts } from "./support.js"

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
  check(defects(cause).length === 0, () => `a defect: ${Cause.pretty(cause)}`)
  check(!isInterrupted(cause), () => `interrupted: ${Cause.pretty(cause)}`)
  const failures = failuresOf(cause)
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
    for (const error of failuresOf(exit.cause)) {
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
