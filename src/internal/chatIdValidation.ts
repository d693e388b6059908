/**
 * A chat id validated as the edition's `Result` (the core's rule, its failure as an {@link InvalidChatIdError}):
 * `ChatId.validate`, and the throwing `make` of each edition's naming (`edition/unsafeNames.ts`).
 *
 * @internal
 */
import { InvalidChatIdError } from "../BotApiError.js"
import type { ChatId } from "../ChatId.js"
import * as Rules from "../core/chatId.js"
import * as Result from "../edition/result.js"

export const validate = (input: unknown): Result.Result<ChatId, InvalidChatIdError> => {
  const result = Rules.validateChatId(input)
  return result.ok
    ? Result.succeed(result.chatId as ChatId)
    : Result.fail(new InvalidChatIdError({ input: result.input, reason: result.reason }))
}
