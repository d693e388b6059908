/**
 * The failure channel of every Bot API call: one closed union of tagged errors.
 *
 * Classification of an answer (the pure rule in `core/answer.ts`) reads `parameters` and `error_code`, never the
 * description text, in this order:
 *
 * 1. not a Bot API envelope at all (network failure, timeout, body that is not JSON, JSON that is not
 *    `{ok:true,result}` / `{ok:false,error_code,description}`, or a `result` of the wrong type) → {@link TransportError}
 * 2. `parameters.retry_after` is a positive finite number → {@link FloodWaitError}
 * 3. `parameters.migrate_to_chat_id` is a valid chat id (safe non-zero integer) → {@link ChatMigratedError}
 * 4. any other `ok:false` → {@link TelegramApiError} (also a `retry_after` that is 0, negative or not a number, and a
 *    `migrate_to_chat_id` that is not a safe integer: the envelope is valid, the hint is not usable, so it is reported
 *    as it came, with its `parameters`, and never retried automatically).
 *
 * Flood wait goes before migration: waiting first is always safe (the retry after the wait learns of the migration
 * again), whereas following a migration first would send a request while the server asked us to wait.
 *
 * No error carries the bot token: descriptions are scrubbed and platform errors (whose messages contain the URL, hence
 * the token) are never kept as `cause`.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Schema from "effect/Schema"
import * as Answer from "./core/answer.js"
import { DurationValue, union, UnknownRecord } from "./edition/schema.js"
import * as TransportReason from "./edition/transportReason.js"

/** Values accepted as a chat id once validated: a safe integer or an `@username`. */
const ChatIdValue = union([Schema.Number, Schema.String])

/** The `parameters` object of a failed answer, as far as the client reads it (other keys are kept). */
export const ResponseParameters: typeof UnknownRecord = UnknownRecord

/** @since 0.1.0 */
export type ResponseParameters = typeof ResponseParameters.Type

/**
 * The input given as a chat id is neither a safe integer nor a valid `@username`; no request was sent.
 *
 * @since 0.1.0
 */
export class InvalidChatIdError extends Schema.TaggedError<InvalidChatIdError>()("InvalidChatIdError", {
  input: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `invalid chat id ${JSON.stringify(this.input)}: ${this.reason}`
  }
}

/**
 * Telegram asked us to wait (`parameters.retry_after`, a positive number of seconds) before calling again.
 *
 * @since 0.1.0
 */
export class FloodWaitError extends Schema.TaggedError<FloodWaitError>()("FloodWaitError", {
  method: Schema.String,
  chatId: Schema.UndefinedOr(ChatIdValue),
  retryAfter: DurationValue,
  description: Schema.String
}) {
  override get message(): string {
    return `${this.method}${chatSuffix(this.chatId)}: flood wait, retry after ${
      Duration.format(this.retryAfter)
    } (${this.description})`
  }
}

/**
 * The basic group was upgraded to a supergroup (`parameters.migrate_to_chat_id`); call again with the new id.
 *
 * @since 0.1.0
 */
export class ChatMigratedError extends Schema.TaggedError<ChatMigratedError>()("ChatMigratedError", {
  method: Schema.String,
  chatId: Schema.UndefinedOr(ChatIdValue),
  migrateToChatId: Schema.Number,
  description: Schema.String
}) {
  override get message(): string {
    return `${this.method}${chatSuffix(this.chatId)}: chat migrated to ${this.migrateToChatId}`
  }
}

/**
 * Any other `ok:false` answer, kept as Telegram sent it (`error_code`, `description`, `parameters`).
 *
 * @since 0.1.0
 */
export class TelegramApiError extends Schema.TaggedError<TelegramApiError>()("TelegramApiError", {
  method: Schema.String,
  chatId: Schema.UndefinedOr(ChatIdValue),
  errorCode: Schema.Number,
  description: Schema.String,
  parameters: Schema.UndefinedOr(ResponseParameters)
}) {
  override get message(): string {
    return `${this.method}${chatSuffix(this.chatId)}: ${this.errorCode} ${this.description}`
  }
}

/**
 * Why a call produced no Bot API answer:
 * - `Network`: the request could not be sent or the response could not be read
 * - `Timeout`: no answer within the request timeout
 * - `Encode`: the request could not be built (parameters that are not JSON, an API root that is not a URL)
 * - `NotJson`: the body is not JSON (e.g. an HTML 502 page from a proxy)
 * - `NotEnvelope`: JSON, but not `{ok:true,result}` nor `{ok:false,error_code,description}`
 * - `UnexpectedResult`: `ok:true` with a `result` of the wrong shape
 *
 * @since 0.1.0
 */
export type TransportErrorReason = TransportReason.Reason

/**
 * No usable Bot API answer (see {@link TransportErrorReason}). `status` is the HTTP status when a response arrived.
 * `description` is scrubbed of the token.
 *
 * @since 0.1.0
 */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  method: Schema.String,
  chatId: Schema.UndefinedOr(ChatIdValue),
  reason: TransportReason.ReasonSchema,
  status: Schema.UndefinedOr(Schema.Number),
  description: Schema.String
}) {
  override get message(): string {
    const status = this.status === undefined ? "" : ` (HTTP ${this.status})`
    return `${this.method}${chatSuffix(this.chatId)}: ${
      TransportReason.nameOf(this.reason)
    }${status}: ${this.description}`
  }
}

/**
 * The failure channel of every Bot API call.
 *
 * @since 0.1.0
 */
export type BotApiError =
  | InvalidChatIdError
  | FloodWaitError
  | ChatMigratedError
  | TelegramApiError
  | TransportError

/**
 * Schema of {@link BotApiError} (e.g. to persist or send errors across processes).
 *
 * @since 0.1.0
 */
export const BotApiError = union([
  InvalidChatIdError,
  FloodWaitError,
  ChatMigratedError,
  TelegramApiError,
  TransportError
])

/**
 * Whether an error is worth retrying after a backoff: network failures, timeouts, 5xx answers (an HTML gateway page
 * or a JSON `Internal Server Error: restart`). Flood waits and migrations have their own policies.
 *
 * @since 0.1.0
 */
export const isTransient = (error: BotApiError): boolean => Answer.isTransient(failureView(error))

/**
 * What the policy rules (`core/policy.ts`) read of an error.
 *
 * @internal
 */
export const failureView = (error: BotApiError): Answer.FailureView => {
  switch (error._tag) {
    case "FloodWaitError":
      return { _tag: error._tag, retryAfterMs: Duration.toMillis(error.retryAfter) }
    case "ChatMigratedError":
      return { _tag: error._tag, migrateToChatId: error.migrateToChatId }
    case "TelegramApiError":
      return { _tag: error._tag, errorCode: error.errorCode }
    case "TransportError":
      return { _tag: error._tag, reason: TransportReason.nameOf(error.reason), status: error.status }
    case "InvalidChatIdError":
      return { _tag: error._tag }
  }
}

const chatSuffix = (chatId: number | string | undefined): string => chatId === undefined ? "" : ` (chat ${chatId})`
