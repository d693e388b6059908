/**
 * An answer as the shell's errors: the pure classification (`core/answer.ts`) mapped to {@link BotApiError}, and a
 * successful `result` decoded with the caller's schema.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import {
  type BotApiError,
  ChatMigratedError,
  FloodWaitError,
  TelegramApiError,
  TransportError
} from "../BotApiError.js"
import type { ChatId } from "../ChatId.js"
import { classifyAnswer, excerpt } from "../core/answer.js"

export interface Context {
  readonly method: string
  readonly chatId: ChatId | undefined
  readonly scrub: (text: string) => string
}

/**
 * Classifies a response body (already read as text) into a decoded result or a {@link BotApiError}.
 */
export const classify = <A, I>(
  ctx: Context,
  status: number,
  body: string,
  resultSchema: Schema.Schema<A, I, never>
): Either.Either<A, BotApiError> => {
  const { chatId, method } = ctx
  const answer = classifyAnswer(body, ctx.scrub)
  switch (answer._tag) {
    case "Result": {
      const result = Schema.decodeUnknownEither(resultSchema)(answer.result)
      if (Either.isRight(result)) return Either.right(result.right)
      const detail = excerpt(ParseResult.TreeFormatter.formatErrorSync(result.left))
      return Either.left(
        new TransportError({
          method,
          chatId,
          reason: "UnexpectedResult",
          status,
          description: ctx.scrub(`unexpected result: ${detail}`)
        })
      )
    }
    case "FloodWait":
      return Either.left(
        new FloodWaitError({
          method,
          chatId,
          retryAfter: Duration.seconds(answer.retryAfterSeconds),
          description: answer.description
        })
      )
    case "Migrated":
      return Either.left(
        new ChatMigratedError({
          method,
          chatId,
          migrateToChatId: answer.migrateToChatId,
          description: answer.description
        })
      )
    case "Refused":
      return Either.left(
        new TelegramApiError({
          method,
          chatId,
          errorCode: answer.errorCode,
          description: answer.description,
          parameters: answer.parameters
        })
      )
    case "NoAnswer":
      return Either.left(
        new TransportError({ method, chatId, reason: answer.reason, status, description: answer.description })
      )
  }
}
