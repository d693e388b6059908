/**
 * A bot's updates as a `Stream`, by long polling (getUpdates).
 *
 * Offsets: an update counts as consumed when the stream is pulled for the next one (with `Stream.runForEach`, once
 * its handler has returned). The next poll confirms the consumed ones (`offset` = last consumed `update_id` + 1), so
 * Telegram forgets an update only after the bot handled it; when the stream stops (interrupted, failed, or ended by
 * `Stream.take`), one last request confirms what was consumed and nothing else. The update handed out last is never
 * consumed, since the stream was not pulled again: interrupted mid-update, or cut after it (`Stream.take(n)` after
 * its n-th, `Stream.runHead`, the update `Stream.takeWhile` stopped at), it is delivered again to the next poller: at
 * least once, never a confirmed one twice. (A stream ended by `Stream.take` cannot be told from one whose handler,
 * inside the stream, was cut by `Stream.interruptWhen` or `Stream.timeout`: both end without failure, so confirming
 * on a clean end would lose that update.) To confirm it too, ask past it: `getUpdates({ offset: update_id + 1,
 * limit: 1, timeout: 0 })`. (A `Stream.buffer` or a concurrent `mapEffect` between the stream and its handler pulls
 * ahead of the handler, and so confirms ahead.)
 *
 * Failures: a flood wait is waited exactly (`retry_after`), network failures, timeouts and 5xx answers back off
 * (exponentially, with jitter, capped), by the same rules as `Policy` (without a flood gate or migrations: getUpdates
 * has no chat). The two 409s, another poller or a webhook, end the stream with an {@link UpdatesConflictError}.
 *
 * @since 0.2.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import * as BotApi from "./BotApi.js"
import type { BotApiError } from "./BotApiError.js"
import * as PolicyRules from "./core/policy.js"
import * as Rules from "./core/updates.js"
import { repeatPull, unwrapScoped } from "./edition/combinators.js"
import type { DurationInput } from "./edition/duration.js"
import { literals } from "./edition/schema.js"
import { withService } from "./edition/service.js"
import { compilePolicy } from "./internal/compilePolicy.js"
import { runWithoutChat } from "./internal/policyRun.js"
import * as Update from "./Update.js"

/**
 * Why getUpdates was refused with 409:
 * - `OtherGetUpdates`: another long poll of the same bot started (`Conflict: terminated by other getUpdates request;
 *   make sure that only one bot instance is running`): two instances of the bot are running;
 * - `WebhookActive`: the bot has a webhook (`Conflict: can't use getUpdates method while webhook is active; use
 *   deleteWebhook to delete the webhook first`);
 * - `SetWebhook`: a webhook was set while this poll waited (`Conflict: terminated by setWebhook request`);
 * - `Other`: a 409 with another description.
 *
 * @since 0.2.0
 */
export type ConflictReason = Rules.ConflictReason

/**
 * getUpdates was refused with 409: see {@link ConflictReason}. Only the description tells the 409s apart.
 *
 * @since 0.2.0
 */
export class UpdatesConflictError extends Schema.TaggedError<UpdatesConflictError>()("UpdatesConflictError", {
  reason: literals(["OtherGetUpdates", "WebhookActive", "SetWebhook", "Other"]),
  description: Schema.String
}) {
  override get message(): string {
    return `getUpdates: 409 ${this.description}`
  }
}

/**
 * The failures of {@link getUpdates} and {@link stream}.
 *
 * @since 0.2.0
 */
export type UpdatesError = BotApiError | UpdatesConflictError

/**
 * The reason of a 409's description.
 *
 * @since 0.2.0
 */
export const conflictReason = (description: string): ConflictReason => Rules.conflictReason(description)

/**
 * The parameters of one getUpdates request (wire names).
 *
 * @since 0.2.0
 */
export interface GetUpdatesParams {
  /** Confirms every update below it and returns from it on; 0 or absent: from the oldest kept. */
  readonly offset?: number
  /** 1–100; Telegram's default 100. */
  readonly limit?: number
  /** Seconds the request waits for an update when there is none (0–50). */
  readonly timeout?: number
  /** The kinds to receive from now on; absent: the previous setting. */
  readonly allowed_updates?: ReadonlyArray<Update.UpdateType>
}

const RawUpdates = Schema.Array(Update.RawUpdate)

/** One request's effect; the 409s as {@link UpdatesConflictError}. */
const request = (
  api: BotApi.BotApi.Service,
  params: GetUpdatesParams
): Effect.Effect<ReadonlyArray<Update.RawUpdate>, BotApiError> => api.call("getUpdates", { ...params }, RawUpdates)

const conflicts = <A, R>(effect: Effect.Effect<A, BotApiError, R>): Effect.Effect<A, UpdatesError, R> =>
  Effect.catchTag(
    effect,
    "TelegramApiError",
    (error): Effect.Effect<never, UpdatesError> =>
      error.errorCode === 409
        ? Effect.fail(
          new UpdatesConflictError({ reason: conflictReason(error.description), description: error.description })
        )
        : Effect.fail(error)
  )

/**
 * One getUpdates request (no policy, no confirmation bookkeeping): the updates decoded ({@link Update.decode}).
 *
 * @since 0.2.0
 */
export const getUpdates = (
  params: GetUpdatesParams = {}
): Effect.Effect<ReadonlyArray<Update.Update>, UpdatesError, BotApi.BotApi> =>
  withService(BotApi.BotApi, (api) => conflicts(Effect.map(request(api, params), (raw) => raw.map(Update.decode))))

/**
 * Options of {@link stream}.
 *
 * @since 0.2.0
 */
export interface Options {
  /** The kinds to receive (sent with every poll); absent: the bot's previous setting (by default all but `chat_member` and reactions). */
  readonly allowed_updates?: ReadonlyArray<Update.UpdateType> | undefined
  /** Seconds a poll waits for an update (0–50). Default 30. */
  readonly timeout?: number | undefined
  /** Updates per poll (1–100). Default 100. */
  readonly limit?: number | undefined
  /** The first `update_id` wanted (older ones are confirmed by the first poll); default: the oldest kept. */
  readonly offset?: number | undefined
  /** Timeout of each poll; default `timeout` + 10 s. */
  readonly requestTimeout?: DurationInput | undefined
  /** Requests per poll, the first included, before a failure ends the stream. Default: no bound. */
  readonly maxAttempts?: number | undefined
  /** The longest flood wait accepted; a longer one ends the stream. Default: no bound. */
  readonly maxFloodWait?: DurationInput | undefined
  /** Retry network failures, timeouts and 5xx answers. Default true. */
  readonly retryTransient?: boolean | undefined
  /** First backoff delay, doubled at each retry. Default 100 ms. */
  readonly backoffBase?: DurationInput | undefined
  /** Longest backoff delay. Default 5 s. */
  readonly backoffCap?: DurationInput | undefined
  /** Jitter the backoff delays by ×[0.8, 1.2). Default true. */
  readonly jitter?: boolean | undefined
  /** Confirm the consumed updates when the stream stops (one request, `timeout` 0, `limit` 1). Default true. */
  readonly confirmOnClose?: boolean | undefined
}

/**
 * The defaults of {@link Options}.
 *
 * @since 0.2.0
 */
export const defaults: {
  readonly timeout: number
  readonly limit: number
  readonly maxAttempts: number
  readonly maxFloodWait: Duration.Duration
  readonly retryTransient: boolean
  readonly backoffBase: Duration.Duration
  readonly backoffCap: Duration.Duration
  readonly jitter: boolean
  readonly confirmOnClose: boolean
} = {
  timeout: PolicyRules.pollingDefaults.timeoutSeconds,
  limit: PolicyRules.pollingDefaults.limit,
  maxAttempts: PolicyRules.pollingDefaults.maxAttempts,
  maxFloodWait: Duration.millis(PolicyRules.pollingDefaults.maxFloodWaitMs),
  retryTransient: PolicyRules.pollingDefaults.retryTransient,
  backoffBase: Duration.millis(PolicyRules.defaultSettings.backoffBaseMs),
  backoffCap: Duration.millis(PolicyRules.defaultSettings.backoffCapMs),
  jitter: PolicyRules.defaultSettings.jitter,
  confirmOnClose: PolicyRules.pollingDefaults.confirmOnClose
}

/** How long the last confirmation may take when the stream stops. */
const closeTimeout = Duration.millis(PolicyRules.pollingDefaults.closeTimeoutMs)

/** Long polling's bounds: no bound on attempts or flood waits, no migration (there is no chat to follow). */
const pollingBounds: PolicyRules.PolicyBounds = {
  maxAttempts: PolicyRules.pollingDefaults.maxAttempts,
  maxFloodWaitMs: PolicyRules.pollingDefaults.maxFloodWaitMs,
  maxMigrationHops: 0,
  retryTransient: PolicyRules.pollingDefaults.retryTransient
}

/**
 * The bot's updates, one at a time, by long polling (see the module's notes on offsets and failures). Interrupt it to
 * stop; it fails only with an {@link UpdatesError} past the bounds of its options (by default: a 409, or a refusal
 * that no retry can fix, such as a wrong token).
 *
 * @since 0.2.0
 */
export const stream = (options: Options = {}): Stream.Stream<Update.Update, UpdatesError, BotApi.BotApi> =>
  unwrapScoped(Effect.gen(function*() {
    const api = yield* BotApi.BotApi
    const timeout = options.timeout ?? defaults.timeout
    const requestTimeout = options.requestTimeout ??
      Duration.millis(timeout * 1000 + PolicyRules.pollingDefaults.requestTimeoutMarginMs)
    const policy = compilePolicy("getUpdates", {
      maxAttempts: options.maxAttempts,
      maxFloodWait: options.maxFloodWait,
      retryTransient: options.retryTransient,
      backoffBase: options.backoffBase,
      backoffCap: options.backoffCap,
      jitter: options.jitter
    }, pollingBounds)
    const offsets = new Rules.UpdateOffsets<Update.Update>(options.offset ?? 0)
    const params: GetUpdatesParams = {
      limit: options.limit ?? defaults.limit,
      timeout,
      ...(options.allowed_updates === undefined ? {} : { allowed_updates: options.allowed_updates })
    }

    if (options.confirmOnClose ?? defaults.confirmOnClose) {
      yield* Effect.addFinalizer(() =>
        Effect.suspend(() =>
          !offsets.owesConfirmation
            ? Effect.void
            : request(api, { offset: offsets.pollOffset, limit: 1, timeout: 0 }).pipe(
              BotApi.withRequestTimeout(closeTimeout),
              Effect.ignore
            )
        )
      )
    }

    const poll: Effect.Effect<void, UpdatesError> = Effect.suspend(() => {
      const offset = offsets.pollOffset
      return runWithoutChat(policy, request(api, { ...params, offset })).pipe(
        BotApi.withRequestTimeout(requestTimeout),
        conflicts,
        Effect.map((raw) => offsets.received(offset, raw, Update.decode))
      )
    })

    // Called each time the stream is pulled: the update handed out before is consumed by then.
    const pull: Effect.Effect<Update.Update, UpdatesError> = Effect.suspend(() => {
      const head = offsets.take()
      if (head !== undefined) return Effect.succeed(head)
      return Effect.andThen(poll, pull)
    })

    return repeatPull(pull)
  }))
