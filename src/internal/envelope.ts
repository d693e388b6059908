/**
 * An answer as the shell's errors: the pure classification (`core/answer.ts`) mapped to {@link BotApiError}, and a
 * successful `result` decoded with the caller's schema.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import {
  type BotApiError,
  ChatMigratedError,
  FloodWaitError,
  TelegramApiError,
  TransportError
} from "../BotApiError.js"
import type { ChatId } from "../ChatId.js"
import { classifyAnswer, excerpt } from "../core/answer.js"
import * as Result from "../edition/result.js"
import { type Decoded, decoderOf, type ResultSchema } from "../edition/schema.js"
import * as TransportReason from "../edition/transportReason.js"

const decoders = new WeakMap<ResultSchema<any, any>, (input: unknown) => Decoded<any>>()

/** The decoder of a result schema, built once per schema. */
const decoderFor = <A, I>(schema: ResultSchema<A, I>): (input: unknown) => Decoded<A> => {
  let decode = decoders.get(schema)
  if (decode === undefined) decoders.set(schema, decode = decoderOf(schema))
  return decode
}

/**
 * Classifies a response body (already read as text) to `method` for `chatId` into a decoded result or a
 * {@link BotApiError}; `scrub` removes the token from every text kept.
 */
export const classify = <A, I>(
  method: string,
  chatId: ChatId | undefined,
  scrub: (text: string) => string,
  status: number,
  body: string,
  resultSchema: ResultSchema<A, I>
): Result.Result<A, BotApiError> => {
  const answer = classifyAnswer(body, scrub)
  switch (answer._tag) {
    case "Result": {
      const result = decoderFor(resultSchema)(answer.result)
      if (result.ok) return Result.succeed(result.value)
      const detail = excerpt(result.problem)
      return Result.fail(
        new TransportError({
          method,
          chatId,
          reason: TransportReason.reason("UnexpectedResult"),
          status,
          description: scrub(`unexpected result: ${detail}`)
        })
      )
    }
    case "FloodWait":
      return Result.fail(
        new FloodWaitError({
          method,
          chatId,
          retryAfter: Duration.seconds(answer.retryAfterSeconds),
          description: answer.description
        })
      )
    case "Migrated":
      return Result.fail(
        new ChatMigratedError({
          method,
          chatId,
          migrateToChatId: answer.migrateToChatId,
          description: answer.description
        })
      )
    case "Refused":
      return Result.fail(
        new TelegramApiError({
          method,
          chatId,
          errorCode: answer.errorCode,
          description: answer.description,
          parameters: answer.parameters
        })
      )
    case "NoAnswer":
      return Result.fail(
        new TransportError({
          method,
          chatId,
          reason: TransportReason.reason(answer.reason),
          status,
          description: answer.description
        })
      )
  }
}
