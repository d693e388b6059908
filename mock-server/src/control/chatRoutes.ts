/** Control routes for chats: change a standing as an administrator would; read a chat's messages. */
import { decodeStanding } from "../decode/control.js"
import { required, route } from "./common.js"
import { idParam } from "./ids.js"

/** `PUT /__mock/chats/:chat_id/members/:user_id`, `GET /__mock/chats/:chat_id/messages[?bot_id=…]`. */
export const chatRoutes = [
  route({
    method: "PUT",
    path: "/__mock/chats/:chat_id/members/:user_id",
    summary: "an administrator sets a user's standing and rights (the bot's own included); the new ChatMember",
    body: required(decodeStanding),
    handle: ({ body, mock, params }) =>
      mock.setMember(idParam("chat_id", params["chat_id"]), idParam("user_id", params["user_id"]), body)
  }),
  route({
    method: "GET",
    path: "/__mock/chats/:chat_id/messages",
    summary: "a chat's messages as Message objects, oldest first (a private chat: its conversation with `bot_id`)",
    handle: ({ mock, params, query }) =>
      mock.messages(
        idParam("chat_id", params["chat_id"]),
        query.has("bot_id") ? idParam("bot_id", query.get("bot_id")) : undefined
      )
  })
]
