/**
 * Inline query results through the three layers of the real server (telegram-wire-chats.md §18.2–18.4): the Bot API
 * reads `results` (or the single `result` of answerWebAppQuery and its relatives) with TDLib's JSON parser and its
 * texts; TDLib checks each result (inlineResultContent.ts); Telegram then refuses what it refuses (setInline
 * BotResults' codes: RESULT_ID_DUPLICATE, ARTICLE_TITLE_EMPTY, … — the wire texts are inferred, `Bad Request: <CODE>`).
 */
import { badRequest, jsonText } from "../../input/formatted.js"
import { type InlineResultInput, readInlineResult } from "../../input/inline/result.js"
import { FieldError, type JsonValue } from "../../internal/JsonValue.js"
import { tdJsonDecode, TdJsonError } from "../../internal/TdJson.js"
import type { InlineResultRecord } from "../../world/inline.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import type { Call, Param } from "../table/method.js"
import { custom, raw } from "../table/params.js"
import { type ResultBody, resultBody } from "./inlineResultContent.js"

const MAX_RESULTS = 50

/** `results` (Client.cpp get_inline_query_results): none when empty or `null`; at most 50, each read in order. */
export const resultsParam: Param<ReadonlyArray<InlineResultInput>> = custom("Array of InlineQueryResult", (input) => {
  const text = raw(input) ?? ""
  if (text === "") return []
  const value = tdJsonDecode(text)
  if (value instanceof TdJsonError) return badRequest(`Can't parse JSON encoded inline query results: ${value.message}`)
  if (value.kind === "null") return []
  if (value.kind !== "array") return badRequest("Expected an Array of inline query results")
  if (value.items.length > MAX_RESULTS) return badRequest("Too many inline query results specified")
  const results: Array<InlineResultInput> = []
  for (const item of value.items) {
    const result = readInlineResult(item)
    if (result instanceof FieldError) return badRequest(`Can't parse inline query result: ${result.message}`)
    results.push(result)
  }
  return results
}, { note: "at most 50" })

/** `result` (get_inline_query_result on a query): required; its errors are not prefixed. */
export const resultParam: Param<InlineResultInput> = custom("InlineQueryResult", (input) => {
  const text = raw(input) ?? ""
  if (text === "") return badRequest("Result isn't specified")
  const value: JsonValue | TdJsonError = tdJsonDecode(text)
  if (value instanceof TdJsonError) {
    return badRequest(`Can't parse JSON encoded web view query results ${value.message}`)
  }
  const result = readInlineResult(value)
  return result instanceof FieldError ? badRequest(result.message) : result
}, { required: true, note: "one InlineQueryResult" })

/** A result through TDLib's checks. */
interface Checked {
  readonly input: InlineResultInput
  readonly body: ResultBody
}

/** TDLib's checks of every result, in order; the first refusal answers. */
export const checkResults = (
  call: Call,
  inputs: ReadonlyArray<InlineResultInput>
): ReadonlyArray<Checked> | ApiError => {
  const checked: Array<Checked> = []
  for (const input of inputs) {
    const body = resultBody(call, input)
    if (isApiError(body)) return body
    checked.push({ input, body })
  }
  return checked
}

const telegram = (code: string): ApiError => apiError(400, `Bad Request: ${code}`)

/** Telegram's refusal of one result's fields, if any. */
const fieldProblem = (input: InlineResultInput): string | undefined => {
  switch (input.type) {
    case "article":
      return input.title === "" ? "ARTICLE_TITLE_EMPTY" : undefined
    case "photo":
      return input.media.includes(".") && input.thumbnailUrl === "" ? "PHOTO_THUMB_URL_EMPTY" : undefined
    case "audio":
      return input.media.includes(".") && input.title === "" ? "AUDIO_TITLE_EMPTY" : undefined
    case "video":
      return input.title === "" ? "VIDEO_TITLE_EMPTY" : undefined
    case "document":
      return input.title === "" ? "FILE_TITLE_EMPTY" : undefined
    default:
      return undefined
  }
}

/** Telegram's checks of the results (ids 1-64 bytes and unique, titles, thumbnails, lengths), in order. */
export const telegramProblem = (checked: ReadonlyArray<Checked>): ApiError | undefined => {
  const seen = new Set<string>()
  for (const { body, input } of checked) {
    if (input.id === "") return telegram("RESULT_ID_EMPTY")
    if (Buffer.byteLength(input.id) > 64) return telegram("RESULT_ID_INVALID")
    if (seen.has(input.id)) return telegram("RESULT_ID_DUPLICATE")
    seen.add(input.id)
    const problem = fieldProblem(input) ?? body.tooLong
    if (problem !== undefined) return telegram(problem)
  }
  return undefined
}

/** A checked result as the world keeps it. */
export const resultRecord = ({ body, input }: Checked): InlineResultRecord => ({
  id: input.id,
  type: input.type,
  json: jsonText(input.item),
  body: body.body
})

/** One result through TDLib's and Telegram's checks (answerWebAppQuery, savePreparedInlineMessage, …). */
export const singleResult = (call: Call, input: InlineResultInput): InlineResultRecord | ApiError => {
  const checked = checkResults(call, [input])
  if (isApiError(checked)) return checked
  return telegramProblem(checked) ?? resultRecord(checked[0]!)
}
