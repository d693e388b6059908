/**
 * The functions that throw instead of failing, under Effect 3's names (the `unsafe` prefix). The Effect 4 edition
 * names them with Effect 4's `Unsafe` suffix.
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
 * @since 0.1.0
 */
export const unsafeMake = (input: Input): ChatId => Result.getOrThrow(validate(input))
