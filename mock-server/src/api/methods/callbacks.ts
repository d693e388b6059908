/**
 * answerCallbackQuery (telegram-wire-bots.md §11): no local checks; Telegram refuses an unknown query, one already
 * answered, or one answered too late (the window is the mock's option: Telegram's is not published).
 */
import { apiError } from "../envelope.js"
import { commit, method, methods } from "../table/method.js"
import { bool, int, int64Text, text } from "../table/params.js"

const QUERY_ID_INVALID = apiError(
  400,
  "Bad Request: query is too old and response timeout expired or query ID is invalid"
)

/** answerCallbackQuery. */
export const callbackMethods = methods({
  answerCallbackQuery: method({
    family: "inline",
    summary: "answers a press once, within the answer window; the person sees the text or alert",
    params: {
      callback_query_id: int64Text,
      text,
      show_alert: bool,
      url: text,
      cache_time: int({ min: 0, max: 24 * 30 * 60 * 60 })
    },
    run: (p, call) => {
      const { world } = call
      const query = world.callbackQueries.get(p.callback_query_id)
      const tooLate = query !== undefined &&
        world.clock.now() - query.at > world.options.callbackAnswerSeconds * 1000
      if (query === undefined || query.botId !== call.botId || query.answer !== undefined || tooLate) {
        return QUERY_ID_INVALID
      }
      return commit(undefined, () => {
        query.answer = { text: p.text, showAlert: p.show_alert, url: p.url }
        return "true"
      })
    }
  })
})
