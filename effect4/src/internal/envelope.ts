/**
 * An answer as the edition's errors: the shared classification (`core/answer.ts`) mapped to {@link BotApiError}, and
 * a successful `result` decoded with the caller's schema, as a `Result`.
 *
 * @internal
 */
import { classifyAnswer, excerpt } from "#core/answer.js"
import * as Duration from "effect/Duration"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import {
  type BotApiError,
  ChatMigratedError,
  FloodWaitError,
  TelegramApiError,
  TransportError
} from "../BotApiError.js"
import type { ChatId } from "../ChatId.js"

export interface Context {
  readonly method: string
  readonly chatId: ChatId | undefined
  readonly scrub: (text: string) => string
}

/** A schema that decodes a `result` without services. */
export type ResultSchema<A> = Schema.Decoder<A, never>

const decoders = new WeakMap<ResultSchema<any>, (u: unknown) => Result.Result<any, Schema.SchemaError>>()

/** The decoder of a result schema, built once per schema. */
const decoderOf = <A>(schema: ResultSchema<A>): (u: unknown) => Result.Result<A, Schema.SchemaError> => {
  let decode = decoders.get(schema)
  if (decode === undefined) decoders.set(schema, decode = Schema.decodeUnknownResult(schema))
  return decode
}

/**
 * Classifies a response body (already read as text) into a decoded result or a {@link BotApiError}.
 */
export const classify = <A>(
  ctx: Context,
  status: number,
  body: string,
  resultSchema: ResultSchema<A>
): Result.Result<A, BotApiError> => {
  const { chatId, method } = ctx
  const answer = classifyAnswer(body, ctx.scrub)
  switch (answer._tag) {
    case "Result": {
      const result = decoderOf(resultSchema)(answer.result)
      if (Result.isSuccess(result)) return Result.succeed(result.success)
      return Result.fail(
        new TransportError({
          method,
          chatId,
          reason: "UnexpectedResult",
          status,
          description: ctx.scrub(`unexpected result: ${excerpt(result.failure.message)}`)
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
        new TransportError({ method, chatId, reason: answer.reason, status, description: answer.description })
      )
  }
}
