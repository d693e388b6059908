/**
 * Chat ids as the Bot API accepts them: a safe non-zero integer (`-1001234567890`, `-555555555`, `42`) or the
 * `@username` of a supergroup or channel (1–32 characters after `@`, first a letter, only `[A-Za-z0-9_]`, no
 * trailing `_`, no `__`).
 *
 * @since 0.1.0
 */
import type * as Brand from "effect/Brand"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { InvalidChatIdError } from "./BotApiError.js"
import * as Rules from "./core/chatId.js"

/**
 * A validated chat id.
 *
 * @since 0.1.0
 */
export type ChatId = (number | `@${string}`) & Brand.Brand<"ChatId">

/**
 * What callers may pass where a chat id is expected: a number, an `@username`, or a decimal string such as
 * `"-1001234567890"` (as read from a command line). Validated by {@link make}.
 *
 * @since 0.1.0
 */
export type Input = number | string

/**
 * Schema of a validated chat id (a number or an `@username` string on the wire).
 *
 * @since 0.1.0
 */
export const ChatId: Schema.Schema<ChatId, number | `@${string}`> = Schema
  .Union(Schema.Number, Schema.TemplateLiteral("@", Schema.String))
  .pipe(
    Schema.filter((u) => Rules.chatIdProblem(u) ?? true),
    Schema.brand("ChatId")
  )

/**
 * Validates and normalises an {@link Input}: decimal strings become numbers, the rest is checked as is.
 * Returns the reason as a `Left` when the input is not a chat id.
 *
 * @since 0.1.0
 */
export const validate = (input: unknown): Either.Either<ChatId, InvalidChatIdError> => {
  const result = Rules.validateChatId(input)
  return result.ok
    ? Either.right(result.chatId as ChatId)
    : Either.left(new InvalidChatIdError({ input: result.input, reason: result.reason }))
}

/**
 * Validates an {@link Input}, failing with {@link InvalidChatIdError} before anything is sent.
 *
 * @since 0.1.0
 */
export const make = (input: Input): Effect.Effect<ChatId, InvalidChatIdError> => validate(input)

/**
 * Like {@link make} but throws; for literals known to be valid.
 *
 * @since 0.1.0
 */
export const unsafeMake = (input: Input): ChatId => Either.getOrThrow(validate(input))

/**
 * Whether a value is a valid chat id (numbers and `@usernames` only; decimal strings are not chat ids until made).
 *
 * @since 0.1.0
 */
export const isChatId = (u: unknown): u is ChatId => Rules.chatIdProblem(u) === undefined

/**
 * The key under which a chat id is stored or compared (`String(chatId)`; usernames lower-cased as Telegram
 * matches them).
 *
 * @since 0.1.0
 */
export const toKey: (chatId: ChatId) => string = Rules.chatIdKey
