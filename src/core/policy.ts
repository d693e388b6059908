/**
 * The retry policy as a decision function: given the bounds, the progress of a call (requests sent, transient
 * retries, migration hops, ids visited) and the failure of its last request, the next step — wait exactly the flood
 * wait, follow the new chat id, back off, or give up with the failure. No time, no I/O: the shells of both editions
 * run the steps (close the gate, sleep on their clock, record the move, send the next request).
 *
 * The rules:
 * - every request counts against one budget, `maxAttempts` (the first request included), whatever made it necessary;
 * - a flood wait told by the server closes the gate of its scope (even when the call gives up, so the others of that
 *   scope do not hit the server either); a wait longer than `maxFloodWait` gives up at once;
 * - a migration is followed to an id not visited yet, recorded (so later calls go straight there), at most
 *   `maxMigrationHops` hops per call (recorded hops included); `maxMigrationHops: 0` hands the migration back;
 * - network failures, timeouts and 5xx answers back off (exponentially, by the shell's schedule) when
 *   `retryTransient` is on;
 * - anything else gives up.
 */
import { type FailureView, isTransient } from "./answer.js"
import { chatIdKey, type ChatIdValue } from "./chatId.js"

/** The bounds of a call, already normalised (see {@link boundsOf}). */
export interface PolicyBounds {
  readonly maxAttempts: number
  readonly maxFloodWaitMs: number
  readonly maxMigrationHops: number
  readonly retryTransient: boolean
}

/** The defaults of the bounds. */
export const defaultBounds: PolicyBounds = {
  maxAttempts: 5,
  maxFloodWaitMs: 60_000,
  maxMigrationHops: 2,
  retryTransient: true
}

/**
 * The defaults of a policy's other settings, once for both editions (their `Policy.defaults` and `Updates.defaults`
 * are made from these): the backoff, the scope of a flood gate, and long polling's own bounds (no bound on attempts or
 * flood waits: a bot keeps polling).
 */
export const defaultSettings = {
  backoffBaseMs: 100,
  backoffCapMs: 5_000,
  jitter: true,
  floodGateScope: "chat",
  requestTimeoutMs: 10_000
} as const

/** The defaults of long polling (`Updates.stream`). */
export const pollingDefaults = {
  timeoutSeconds: 30,
  limit: 100,
  maxAttempts: Number.POSITIVE_INFINITY,
  maxFloodWaitMs: Number.POSITIVE_INFINITY,
  retryTransient: true,
  confirmOnClose: true,
  /** A poll's request timeout is its long-poll `timeout` plus this margin. */
  requestTimeoutMarginMs: 10_000,
  /** How long the last confirmation may take when the stream stops. */
  closeTimeoutMs: 5_000
} as const

/**
 * Whether a method may be sent again after a transient failure (a timeout, a lost connection, a 5xx) by default: a
 * request whose answer was lost may have been carried out. Sending a message again would send it twice; making a
 * primary link again only revokes the one nobody saw; reads and getUpdates repeat nothing. Methods not listed may.
 */
export const transientRetryByMethod: Readonly<Record<string, boolean>> = {
  sendMessage: false
}

/** Whether `method` retries transient failures by default (see {@link transientRetryByMethod}). */
export const retriesTransientByDefault = (method: string): boolean =>
  transientRetryByMethod[method] ?? defaultBounds.retryTransient

/** Bounds from user options: whole numbers, at least one attempt, no negative hops or waits. */
export const boundsOf = (options: {
  readonly maxAttempts?: number | undefined
  readonly maxFloodWaitMs?: number | undefined
  readonly maxMigrationHops?: number | undefined
  readonly retryTransient?: boolean | undefined
}, defaults: PolicyBounds = defaultBounds): PolicyBounds => ({
  maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? defaults.maxAttempts)),
  maxFloodWaitMs: Math.max(0, options.maxFloodWaitMs ?? defaults.maxFloodWaitMs),
  maxMigrationHops: Math.max(0, Math.floor(options.maxMigrationHops ?? defaults.maxMigrationHops)),
  retryTransient: options.retryTransient ?? defaults.retryTransient
})

/** Where a call stands after a request failed. */
export interface CallProgress {
  /** The chat id the last request was for (`undefined` for a call without a chat, such as getUpdates). */
  readonly current: ChatIdValue | undefined
  /** Requests sent so far, the one that just failed included. */
  readonly attempt: number
  /** Backoffs taken so far. */
  readonly transientRetries: number
  /** Migrations followed so far (recorded ones included). */
  readonly hops: number
  /** The keys ({@link chatIdKey}) of every id this call used, the current one included. */
  readonly visited: ReadonlySet<string>
}

/**
 * The progress of a call before its first request, on the path of recorded migrations (`path[0]` the caller's id); an
 * empty path for a call without a chat (it can follow no migration).
 */
export const startCall = (path: ReadonlyArray<ChatIdValue>): CallProgress => ({
  current: path[path.length - 1],
  attempt: 0,
  transientRetries: 0,
  hops: Math.max(0, path.length - 1),
  visited: new Set(path.map(chatIdKey))
})

/** Why a call gives up with its last failure. */
export type GiveUpReason =
  | "NotRetryable"
  | "AttemptsExhausted"
  | "FloodWaitTooLong"
  | "MigrationLoop"
  | "TooManyHops"
  | "MigrationsOff"

/** What to do after a failed request. */
export type NextStep =
  /** Close the gate for `waitMs` (the server's `retry_after`), wait until it opens, then send again. */
  | { readonly _tag: "WaitFlood"; readonly waitMs: number }
  /** Record `from → to`, then send again to `to`. */
  | { readonly _tag: "Follow"; readonly from: ChatIdValue; readonly to: ChatIdValue }
  /** Wait the `retry`-th backoff delay of the shell's schedule (1 for the first), then send again. */
  | { readonly _tag: "Backoff"; readonly retry: number }
  /**
   * Fail with the last failure. Before that, close the gate for `closeGateMs` (a flood wait over the bounds) or
   * record `recordMove` (a migration followed past the bounds), when set.
   */
  | {
    readonly _tag: "GiveUp"
    readonly reason: GiveUpReason
    readonly closeGateMs?: number
    readonly recordMove?: { readonly from: ChatIdValue; readonly to: ChatIdValue }
  }

/**
 * The flood-wait rule alone (what `floodWaitSchedule` runs): after the `attempt`-th request was told to wait
 * `retryAfterMs`, wait exactly that long, unless the wait is over the cap or the budget is spent.
 */
export const floodWaitStep = (
  bounds: PolicyBounds,
  attempt: number,
  retryAfterMs: number
): { readonly _tag: "WaitFlood"; readonly waitMs: number } | {
  readonly _tag: "GiveUp"
  readonly reason: "FloodWaitTooLong" | "AttemptsExhausted"
} => {
  if (retryAfterMs > bounds.maxFloodWaitMs) return { _tag: "GiveUp", reason: "FloodWaitTooLong" }
  if (attempt >= bounds.maxAttempts) return { _tag: "GiveUp", reason: "AttemptsExhausted" }
  return { _tag: "WaitFlood", waitMs: retryAfterMs }
}

/** The next step after the request of `progress` failed with `failure`. */
export const nextStep = (bounds: PolicyBounds, progress: CallProgress, failure: FailureView): NextStep => {
  switch (failure._tag) {
    case "FloodWaitError": {
      const step = floodWaitStep(bounds, progress.attempt, failure.retryAfterMs)
      return step._tag === "WaitFlood" ? step : { ...step, closeGateMs: failure.retryAfterMs }
    }
    case "ChatMigratedError":
      return progress.current === undefined
        ? { _tag: "GiveUp", reason: "MigrationsOff" }
        : migrationStep(bounds, progress, progress.current, failure.migrateToChatId)
    default:
      if (!bounds.retryTransient || !isTransient(failure)) return { _tag: "GiveUp", reason: "NotRetryable" }
      if (progress.attempt >= bounds.maxAttempts) return { _tag: "GiveUp", reason: "AttemptsExhausted" }
      return { _tag: "Backoff", retry: progress.transientRetries + 1 }
  }
}

const migrationStep = (
  bounds: PolicyBounds,
  progress: CallProgress,
  from: ChatIdValue,
  to: ChatIdValue
): NextStep => {
  if (bounds.maxMigrationHops === 0) return { _tag: "GiveUp", reason: "MigrationsOff" }
  if (progress.visited.has(chatIdKey(to))) return { _tag: "GiveUp", reason: "MigrationLoop" }
  const recordMove = { from, to }
  if (progress.hops + 1 > bounds.maxMigrationHops) return { _tag: "GiveUp", reason: "TooManyHops", recordMove }
  if (progress.attempt >= bounds.maxAttempts) return { _tag: "GiveUp", reason: "AttemptsExhausted", recordMove }
  return { _tag: "Follow", from, to }
}

/** A step that sends again. */
export type RetryStep = Exclude<NextStep, { readonly _tag: "GiveUp" }>

/** The progress once `step` (a retrying one) was taken: the next request's id and counters. */
export const advance = (progress: CallProgress, step: RetryStep): CallProgress => {
  switch (step._tag) {
    case "WaitFlood":
      return progress
    case "Backoff":
      return { ...progress, transientRetries: step.retry }
    case "Follow":
      return {
        ...progress,
        current: step.to,
        hops: progress.hops + 1,
        visited: new Set([...progress.visited, chatIdKey(step.to)])
      }
  }
}

/** Counts the request about to be sent. */
export const sending = (progress: CallProgress): CallProgress => ({ ...progress, attempt: progress.attempt + 1 })

/**
 * A gate closed by an earlier flood wait, `remainingMs` before it opens: wait for it, or give up at once (without a
 * request) when the wait is over the cap.
 */
export const atClosedGate = (bounds: PolicyBounds, remainingMs: number): "Wait" | "GiveUp" =>
  remainingMs > bounds.maxFloodWaitMs ? "GiveUp" : "Wait"

/** A delay for people: `850 ms`, `12 s`. */
export const formatDelayMs = (ms: number): string => ms < 1000 ? `${Math.round(ms)} ms` : `${Math.ceil(ms / 1000)} s`
