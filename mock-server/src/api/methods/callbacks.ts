/**
 * answerCallbackQuery (telegram-wire-bots.md §11): no local checks; Telegram refuses an unknown query, one already
 * answered, or one answered too late (the window is the mock's option: Telegram's is not published).
 */
import { toBool } from "../../internal/Params.js"
import { apiError } from "../envelope.js"
import { floodRefusal, type MethodFamily } from "./common.js"

const QUERY_ID_INVALID = apiError(
  400,
  "Bad Request: query is too old and response timeout expired or query ID is invalid"
)

/** The query id as the real server reads it: a 64-bit integer, junk read as 0. */
const queryId = (raw: string | undefined): string => {
  const match = /^-?[0-9]+/.exec(raw ?? "")
  if (match === null) return "0"
  const big = BigInt(match[0])
  return big > 2n ** 63n - 1n || big < -(2n ** 63n) ? "0" : big.toString()
}

/** answerCallbackQuery. */
export const callbackMethods: MethodFamily = {
  answerCallbackQuery: (call) => {
    const { params, world } = call
    const query = world.callbackQueries.get(queryId(params.get("callback_query_id")))
    const tooLate = query !== undefined &&
      world.clock.now() - query.at > world.options.callbackAnswerSeconds * 1000
    if (query === undefined || query.botId !== call.botId || query.answer !== undefined || tooLate) {
      return QUERY_ID_INVALID
    }
    const refusal = floodRefusal(call, undefined)
    if (refusal !== undefined) return refusal
    query.answer = {
      text: params.get("text") ?? "",
      showAlert: toBool(params.get("show_alert")),
      url: params.get("url") ?? ""
    }
    return "true"
  }
}
