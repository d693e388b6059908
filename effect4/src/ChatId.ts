/**
 * Chat ids as the Bot API accepts them: a safe non-zero integer (`-1001234567890`, `-555555555`, `42`) or the
 * `@username` of a supergroup or channel (1–32 characters after `@`, first a letter, only `[A-Za-z0-9_]`, no
 * trailing `_`, no `__`). The rules are the shared core's (`src/core/chatId.ts`).
 *
 * @since 0.2.0
 */
import * as Rules from "#core/chatId.js"
import type * as Brand from "effect/Brand"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { InvalidChatIdError } from "./BotApiError.js"

/**
 * A validated chat id.
 *
 * @since 0.2.0
 */
export type ChatId = (number | `@${string}`) & Brand.Brand<"ChatId">

/**
 * What callers may pass where a chat id is expected: a number, an `@username`, or a decimal string such as
 * `"-1001234567890"` (as read from a command line). Validated by {@link make}.
 *
 * @since 0.2.0
 */
export type Input = number | string

/**
 * Schema of a validated chat id (a number or an `@username` string on the wire).
 *
 * @since 0.2.0
 */
export const ChatId: Schema.brand<
  Schema.Union<readonly [Schema.Number, Schema.TemplateLiteral<readonly ["@", Schema.String]>]>,
  "ChatId"
> = Schema.Union([Schema.Number, Schema.TemplateLiteral(["@", Schema.String])]).pipe(
  Schema.check(Schema.makeFilter((u: number | `@${string}`) => Rules.chatIdProblem(u) ?? true)),
  Schema.brand("ChatId")
)

/**
 * Validates and normalises an {@link Input}: decimal strings become numbers, the rest is checked as is.
 * Returns the reason as a `Failure` when the input is not a chat id.
 *
 * @since 0.2.0
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
 * @since 0.2.0
 */
export const make = (input: Input): Effect.Effect<ChatId, InvalidChatIdError> => Effect.fromResult(validate(input))

/**
 * Like {@link make} but throws; for literals known to be valid.
 *
 * @since 0.2.0
 */
export const unsafeMake = (input: Input): ChatId => Result.getOrThrow(validate(input))

/**
 * Whether a value is a valid chat id (numbers and `@usernames` only; decimal strings are not chat ids until made).
 *
 * @since 0.2.0
 */
export const isChatId = (u: unknown): u is ChatId => Rules.chatIdProblem(u) === undefined

/**
 * The key under which a chat id is stored or compared (`String(chatId)`; usernames lower-cased as Telegram
 * matches them).
 *
 * @since 0.2.0
 */
export const toKey: (chatId: ChatId) => string = Rules.chatIdKey
