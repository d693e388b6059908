/**
 * Chat ids as the Bot API accepts them (telegram-wire.md §6): a safe non-zero integer (`-1001234567890`,
 * `-555555555`, `42`) or the `@username` of a supergroup or channel (1–32 characters after `@`, first a letter, only
 * `[A-Za-z0-9_]`, no trailing `_`, no `__`). Plain TypeScript: both editions of the client validate with these rules.
 */

/** A chat id once validated: a number or an `@username`. */
export type ChatIdValue = number | `@${string}`

/** The outcome of {@link validateChatId}. */
export type ChatIdValidation =
  | { readonly ok: true; readonly chatId: ChatIdValue }
  | { readonly ok: false; readonly input: string; readonly reason: string }

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

/** Why `value` is not a chat id (numbers and `@usernames` only), or undefined when it is one. */
export const chatIdProblem = (value: unknown): string | undefined => {
  if (typeof value === "number") return numberProblem(value)
  if (typeof value === "string" && value.startsWith("@")) return usernameProblem(value.slice(1))
  return "a chat id is an integer or an @username"
}

const DECIMAL = /^-?\d+$/

/**
 * Validates and normalises what a caller gave as a chat id: decimal strings (as read from a command line) become
 * numbers, numbers and `@usernames` are checked as they are. A refused input is described without ever echoing
 * something shaped like a bot token.
 */
export const validateChatId = (input: unknown): ChatIdValidation => {
  if (typeof input === "string" && DECIMAL.test(input.trim())) {
    const value = Number(input.trim())
    return Number.isSafeInteger(value) && value !== 0
      ? { ok: true, chatId: value }
      : { ok: false, input: describeInput(input), reason: numberProblem(value)! }
  }
  const problem = chatIdProblem(input)
  return problem === undefined
    ? { ok: true, chatId: input as ChatIdValue }
    : { ok: false, input: describeInput(input), reason: problem }
}

/**
 * The key under which a chat id is stored or compared: `String(chatId)`, usernames lower-cased as Telegram matches
 * them.
 */
export const chatIdKey = (chatId: ChatIdValue): string =>
  typeof chatId === "number" ? String(chatId) : chatId.toLowerCase()

/** The shape of a bot token (`<bot id>:<secret>`): such an input is never echoed back in an error. */
const TOKEN_SHAPE = /\d+:[A-Za-z0-9_-]{20,}/

const describeInput = (input: unknown): string => {
  const text = typeof input === "string" ? input : String(input)
  if (TOKEN_SHAPE.test(text)) return "<looks like a bot token: not shown>"
  return text.length > 64 ? `${text.slice(0, 61)}...` : text
}
