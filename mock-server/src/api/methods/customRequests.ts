/**
 * sendCustomRequest and answerCustomQuery (telegram-wire-messages.md §M1 "other"; Client.cpp
 * process_send_custom_request_query, process_answer_custom_query_query): undocumented methods that reach Telegram's
 * bots.sendCustomRequest and bots.answerWebhookJSONQuery. Offline there is no Telegram to run a custom method, and the
 * mock never makes a custom query, so both answer Telegram's refusals (METHOD_INVALID; the QUERY_ID_INVALID rewrite).
 */
import { apiError } from "../envelope.js"
import { method, methods } from "../table/method.js"
import { int64Text, requiredText, text } from "../table/params.js"

/** sendCustomRequest, answerCustomQuery. */
export const customRequestMethods = methods({
  sendCustomRequest: method({
    family: "other",
    summary: "a custom method of Telegram's (`method`, `parameters`): none exists offline, METHOD_INVALID",
    params: { method: requiredText, parameters: text },
    run: () => apiError(400, "Bad Request: METHOD_INVALID")
  }),
  answerCustomQuery: method({
    family: "other",
    summary: "answers a custom query (`custom_query_id`, `data`): the mock makes none, so any id is unknown",
    params: { custom_query_id: int64Text, data: text },
    run: () => apiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
  })
})
