/**
 * The functions that throw instead of failing, under Effect 4's names (the `Unsafe` suffix), and the Effect 3 names
 * this edition had before, kept for one version.
 *
 * @internal
 */
import { InvalidChatIdError } from "../BotApiError.js"
import type { ChatId, Input } from "../ChatId.js"
import { validateChatId } from "../core/chatId.js"
import * as Result from "./result.js"

const validate = (input: Input): Result.Result<ChatId, InvalidChatIdError> => {
  const result = validateChatId(input)
  return result.ok
    ? Result.succeed(result.chatId as ChatId)
    : Result.fail(new InvalidChatIdError({ input: result.input, reason: result.reason }))
}

/**
 * Like `ChatId.make` but throws; for literals known to be valid.
 *
 * @since 0.2.0
 */
export const makeUnsafe = (input: Input): ChatId => Result.getOrThrow(validate(input))

/**
 * The former name of {@link makeUnsafe}.
 *
 * @deprecated Use `makeUnsafe` (Effect 4 names put `Unsafe` last); removed in the next version.
 * @since 0.2.0
 */
export const unsafeMake: (input: Input) => ChatId = makeUnsafe
