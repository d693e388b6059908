/** Control routes for join requests: an administrator (a person, not a bot) approves or declines one. */
import type { ControlRoute } from "./common.js"
import { idParam } from "./ids.js"

/** `POST /__mock/chats/:chat_id/join_requests/:user_id/approve`, `…/decline` (no body). */
export const joinRequestRoutes: ReadonlyArray<ControlRoute> = [
  {
    method: "POST",
    path: "/__mock/chats/:chat_id/join_requests/:user_id/approve",
    handle: ({ mock, params }) =>
      mock.approveJoinRequest(idParam("chat_id", params["chat_id"]), idParam("user_id", params["user_id"]))
  },
  {
    method: "POST",
    path: "/__mock/chats/:chat_id/join_requests/:user_id/decline",
    handle: ({ mock, params }) =>
      mock.declineJoinRequest(idParam("chat_id", params["chat_id"]), idParam("user_id", params["user_id"]))
  }
]
