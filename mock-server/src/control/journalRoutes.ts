/** Control routes for what the mock saw and did: the journal of requests, the events, a press and its answer. */
import { eventObject } from "../MockEvents.js"
import { ControlRefusal, pending, route } from "./common.js"
import { afterParam, nonEmpty, waitSeconds } from "./query.js"

/** `GET /__mock/journal`, `GET /__mock/events` (JSON), `GET /__mock/callback_queries/:callback_query_id`. */
export const journalRoutes = [
  route({
    method: "GET",
    path: "/__mock/journal",
    summary: "the requests answered, oldest first (seq, bot id, method, chat, status, fault; never a token); " +
      "`?after=<seq>&wait=<s>` long-polls",
    handle: ({ mock, query }) => {
      const after = afterParam(query)
      const read = () => mock.journal({ after })
      return pending(() => nonEmpty(read()), waitSeconds(query), read)
    }
  }),
  route({
    method: "GET",
    path: "/__mock/events",
    summary: "what the mock did as JSON (requests, updates, actions, each with its seq; `?after=<seq>&wait=<s>` " +
      "long-polls); the standalone server streams it as server-sent events without those parameters",
    handle: ({ mock, query }) => {
      const after = afterParam(query)
      const read = () => mock.events({ after }).map(eventObject)
      return pending(() => nonEmpty(read()), waitSeconds(query), read)
    }
  }),
  route({
    method: "GET",
    path: "/__mock/callback_queries/:callback_query_id",
    summary: "a press and the bot's answer to it (`answered`, and the `answer`'s text, show_alert and url)",
    handle: ({ mock, params }) => {
      const id = params["callback_query_id"] ?? ""
      const query = mock.callbackQuery(id)
      if (query === undefined) {
        throw new ControlRefusal(404, `control API: no callback query ${JSON.stringify(id.slice(0, 40))} is kept`)
      }
      return query
    }
  })
]
