/**
 * Chat ids as the Bot API accepts them: a safe non-zero integer (`-1001234567890`, `-555555555`, `42`) or the
 * `@username` of a supergroup or channel (1–32 characters after `@`, first a letter, only `[A-Za-z0-9_]`, no
 * trailing `_`, no `__`).
 *
 * @since 0.1.0
 */
import type * as Brand from "effect/Brand"
import * as Effect from "effect/Effect"
import { InvalidChatIdError } from "./BotApiError.js"
import * as Rules from "./core/chatId.js"
import * as Result from "./edition/result.js"
import { chatIdSchema } from "./edition/schema.js"

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
export const ChatId: ChatIdSchema = chatIdSchema(Rules.chatIdProblem)

type ChatIdSchema = ReturnType<typeof chatIdSchema>

/**
 * Validates and normalises an {@link Input}: decimal strings become numbers, the rest is checked as is.
 * Returns the reason as a failure (`Left` in Effect 3, `Failure` in Effect 4) when the input is not a chat id.
 *
 * @since 0.1.0
 */
export const validate = (input: unknown): Result.Result<ChatId, InvalidChatIdError> => {
  const result = Rules.validateChatId(input)
  return result.ok
    ? Result.succeed(result.chatId as ChatId)
    : Result.fail(new InvalidChatIdError({ input: result.input, reason: result.reason }))
}

/**
 * Validates an {@link Input}, failing with {@link InvalidChatIdError} before anything is sent.
 *
 * @since 0.1.0
 */
export const make = (input: Input): Effect.Effect<ChatId, InvalidChatIdError> => Result.toEffect(validate(input))

export * from "./edition/unsafeNames.js"

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
