/**
 * Chat ids as the Bot API accepts them: a safe non-zero integer (`-1001234567890`, `-555555555`, `42`) or the
 * `@username` of a supergroup or channel (1–32 characters after `@`, first a letter, only `[A-Za-z0-9_]`, no
 * trailing `_`, no `__`).
 *
 * @since 0.1.0
 */
import { type Brand, Effect, Either, Schema } from "effect"
import { InvalidChatIdError } from "./BotApiError.js"

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

const usernameProblem = (name: string): string | undefined => {
  if (name.length < 1 || name.length > 32) return "a username has 1 to 32 characters"
  if (!/^[A-Za-z]/.test(name)) return "a username starts with a letter"
  if (!/^[A-Za-z0-9_]+$/.test(name)) return "a username has only letters, digits and _"
  if (name.endsWith("_")) return "a username does not end with _"
  if (name.includes("__")) return "a username has no __"
  return undefined
}

const numberProblem = (n: number): string | undefined => {
  if (!Number.isSafeInteger(n)) return "a numeric chat id is a safe integer"
  if (n === 0) return "0 is not a chat id"
  return undefined
}

const problemOf = (input: unknown): string | undefined => {
  if (typeof input === "number") return numberProblem(input)
  if (typeof input === "string") {
    if (input.startsWith("@")) return usernameProblem(input.slice(1))
    return "a chat id is an integer or an @username"
  }
  return "a chat id is an integer or an @username"
}

/**
 * Schema of a validated chat id (a number or an `@username` string on the wire).
 *
 * @since 0.1.0
 */
export const ChatId: Schema.Schema<ChatId, number | `@${string}`> = Schema
  .Union(Schema.Number, Schema.TemplateLiteral("@", Schema.String))
  .pipe(
    Schema.filter((u) => problemOf(u) === undefined ? true : problemOf(u)!),
    Schema.brand("ChatId")
  )

const DECIMAL = /^-?\d+$/

/**
 * Validates and normalises an {@link Input}: decimal strings become numbers, the rest is checked as is.
 * Returns the reason as a `Left` when the input is not a chat id.
 *
 * @since 0.1.0
 */
export const validate = (input: unknown): Either.Either<ChatId, InvalidChatIdError> => {
  const value = typeof input === "string" && DECIMAL.test(input.trim()) ? Number(input.trim()) : input
  const problem = typeof input === "string" && DECIMAL.test(input.trim()) && !Number.isSafeInteger(value)
    ? "a numeric chat id is a safe integer"
    : problemOf(value)
  return problem === undefined
    ? Either.right(value as ChatId)
    : Either.left(new InvalidChatIdError({ input: describeInput(input), reason: problem }))
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
export const isChatId = (u: unknown): u is ChatId => problemOf(u) === undefined

/**
 * The key under which a chat id is stored or compared (`String(chatId)`; usernames lower-cased as Telegram
 * matches them).
 *
 * @since 0.1.0
 */
export const toKey = (chatId: ChatId): string => typeof chatId === "number" ? String(chatId) : chatId.toLowerCase()

/** The shape of a bot token (`<bot id>:<secret>`): such an input is never echoed back in an error. */
const TOKEN_SHAPE = /\d+:[A-Za-z0-9_-]{20,}/

const describeInput = (input: unknown): string => {
  const text = typeof input === "string" ? input : String(input)
  if (TOKEN_SHAPE.test(text)) return "<looks like a bot token: not shown>"
  return text.length > 64 ? `${text.slice(0, 61)}...` : text
}
