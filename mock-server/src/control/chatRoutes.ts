/** Control routes for chats: change a standing as an administrator would; read a chat's messages. */
import type { ControlRoute } from "./common.js"
import { idParam } from "./ids.js"

/** `PUT /__mock/chats/:chat_id/members/:user_id`, `GET /__mock/chats/:chat_id/messages[?bot_id=…]`. */
export const chatRoutes: ReadonlyArray<ControlRoute> = [
  {
    method: "PUT",
    path: "/__mock/chats/:chat_id/members/:user_id",
    handle: ({ body, mock, params }) =>
      mock.setMember(idParam("chat_id", params["chat_id"]), idParam("user_id", params["user_id"]), body() as never)
  },
  {
    method: "GET",
    path: "/__mock/chats/:chat_id/messages",
    handle: ({ mock, params, query }) =>
      mock.messages(
        idParam("chat_id", params["chat_id"]),
        query.has("bot_id") ? idParam("bot_id", query.get("bot_id")) : undefined
      )
  }
]
