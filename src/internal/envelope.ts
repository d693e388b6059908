/**
 * Decoding and classification of a Bot API answer (see the order documented in `BotApiError.ts`).
 *
 * @internal
 */
import { Duration, Either, ParseResult, Schema } from "effect"
import {
  type BotApiError,
  ChatMigratedError,
  FloodWaitError,
  ResponseParameters,
  TelegramApiError,
  TransportError
} from "../BotApiError.js"
import type { ChatId } from "../ChatId.js"

const Success = Schema.Struct({
  ok: Schema.Literal(true),
  // A missing key decodes as `undefined`: reject it, `ok:true` without `result` is not an answer.
  result: Schema.Unknown.pipe(Schema.filter((u) => u !== undefined, { message: () => "result is missing" }))
})

const Failure = Schema.Struct({
  ok: Schema.Literal(false),
  error_code: Schema.Int,
  description: Schema.String,
  parameters: Schema.optional(ResponseParameters)
})

/** The Bot API envelope: a union on `ok`. */
export const Envelope = Schema.Union(Success, Failure)

const decodeEnvelope = Schema.decodeUnknownEither(Envelope)

export interface Context {
  readonly method: string
  readonly chatId: ChatId | undefined
  readonly scrub: (text: string) => string
}

const MAX_BODY_IN_DESCRIPTION = 120

const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim()
  return flat.length > MAX_BODY_IN_DESCRIPTION ? `${flat.slice(0, MAX_BODY_IN_DESCRIPTION)}...` : flat
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
  const transport = (reason: TransportError["reason"], description: string) =>
    Either.left(
      new TransportError({
        method: ctx.method,
        chatId: ctx.chatId,
        reason,
        status,
        description: ctx.scrub(description)
      })
    )

  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return transport("NotJson", `body is not JSON: ${excerpt(body) || "(empty)"}`)
  }

  const envelope = decodeEnvelope(json, { onExcessProperty: "ignore" })
  if (Either.isLeft(envelope)) {
    return transport("NotEnvelope", `not a Bot API envelope: ${excerpt(body)}`)
  }
  const answer = envelope.right
  if (answer.ok) {
    const result = Schema.decodeUnknownEither(resultSchema)(answer.result)
    if (Either.isLeft(result)) {
      return transport(
        "UnexpectedResult",
        `unexpected result: ${excerpt(ParseResult.TreeFormatter.formatErrorSync(result.left))}`
      )
    }
    return Either.right(result.right)
  }

  const description = ctx.scrub(answer.description)
  const parameters = answer.parameters
  const retryAfter = parameters?.["retry_after"]
  if (typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter > 0) {
    return Either.left(
      new FloodWaitError({
        method: ctx.method,
        chatId: ctx.chatId,
        retryAfter: Duration.seconds(retryAfter),
        description
      })
    )
  }
  const migrateTo = parameters?.["migrate_to_chat_id"]
  if (typeof migrateTo === "number" && Number.isSafeInteger(migrateTo) && migrateTo !== 0) {
    return Either.left(
      new ChatMigratedError({ method: ctx.method, chatId: ctx.chatId, migrateToChatId: migrateTo, description })
    )
  }
  return Either.left(
    new TelegramApiError({
      method: ctx.method,
      chatId: ctx.chatId,
      errorCode: answer.error_code,
      description,
      parameters: parameters === undefined ? undefined : scrubParameters(parameters, ctx.scrub)
    })
  )
}

const scrubParameters = (
  parameters: ResponseParameters,
  scrub: (text: string) => string
): ResponseParameters => {
  const text = JSON.stringify(parameters)
  const clean = scrub(text)
  if (clean === text) return parameters
  try {
    return JSON.parse(clean)
  } catch {
    return {}
  }
}
