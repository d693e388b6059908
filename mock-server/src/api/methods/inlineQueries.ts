/**
 * answerInlineQuery (telegram-wire-chats.md §18.2; Client.cpp process_answer_inline_query_query, InlineQueriesManager
 * answer_inline_query): the Bot API reads the id, is_personal, cache_time (0-86400, default 300), next_offset, the
 * button (or the legacy switch_pm_*) and the results; TDLib checks the button and each result; Telegram then refuses
 * an unknown query, another bot's, one answered already or after the answer window (the QUERY_ID_INVALID rewrite),
 * a next_offset over 64 bytes, and what it refuses in the results. The person's query then shows the answer.
 */
import { badRequest } from "../../input/formatted.js"
import { buttonProblem, readResultsButton } from "../../input/inline/button.js"
import type { InlineQueryRecord } from "../../world/inline.js"
import type { World } from "../../world/World.js"
import { apiError, isApiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { bool, custom, int, int64Text, text } from "../table/params.js"
import { checkResults, resultRecord, resultsParam, telegramProblem } from "./inlineResults.js"

/** The real server's rewrite of Telegram's QUERY_ID_INVALID. */
export const QUERY_ID_INVALID = apiError(
  400,
  "Bad Request: query is too old and response timeout expired or query ID is invalid"
)

/** The button above the results (`button`, or the legacy `switch_pm_text` and `switch_pm_parameter`). */
const button = custom("InlineQueryResultsButton", (input) => {
  const read = readResultsButton(input.call.params)
  return read !== undefined && "error" in read ? badRequest(read.error) : read
}, { note: "text with start_parameter or web_app; or the legacy switch_pm_text, switch_pm_parameter" })

/** The query the bot may still answer: its own, not answered, within the window on the mock's clock. */
const openQuery = (world: World, botId: number, id: string): InlineQueryRecord | undefined => {
  const query = world.inline.queries.get(id)
  if (query === undefined || query.botId !== botId || query.answer !== undefined || query.cached) return undefined
  return world.clock.now() - query.at > world.options.inlineAnswerSeconds * 1000 ? undefined : query
}

/** answerInlineQuery. */
export const inlineQueryMethods = methods({
  answerInlineQuery: method({
    family: "inline",
    summary: "answers a person's inline query once, within the answer window; the person's app then lists the results",
    params: {
      inline_query_id: int64Text,
      is_personal: bool,
      cache_time: int({ min: 0, max: 86_400, default: 300 }),
      next_offset: text,
      button,
      results: resultsParam
    },
    run: (p, call) => {
      const problem = p.button === undefined ? undefined : buttonProblem(p.button)
      if (problem !== undefined) return badRequest(problem)
      const checked = checkResults(call, p.results)
      if (isApiError(checked)) return checked
      const query = openQuery(call.world, call.botId, p.inline_query_id)
      if (query === undefined) return QUERY_ID_INVALID
      if (Buffer.byteLength(p.next_offset) > 64) return apiError(400, "Bad Request: NEXT_OFFSET_INVALID")
      const refusal = telegramProblem(checked)
      if (refusal !== undefined) return refusal
      return commit(undefined, () => {
        query.answer = {
          results: checked.map(resultRecord),
          cacheTime: p.cache_time,
          isPersonal: p.is_personal,
          nextOffset: p.next_offset,
          button: p.button,
          at: call.world.clock.now()
        }
        return "true"
      })
    }
  })
})
