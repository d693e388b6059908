/** Control routes for join requests: an administrator (a person, not a bot) approves or declines one. */
import { route } from "./common.js"
import { idParam } from "./ids.js"

/** `POST /__mock/chats/:chat_id/join_requests/:user_id/approve`, `…/decline` (no body). */
export const joinRequestRoutes = [
  route({
    method: "POST",
    path: "/__mock/chats/:chat_id/join_requests/:user_id/approve",
    summary: "an administrator lets a person in through their join request; the new ChatMember",
    handle: ({ mock, params }) =>
      mock.approveJoinRequest(idParam("chat_id", params["chat_id"]), idParam("user_id", params["user_id"]))
  }),
  route({
    method: "POST",
    path: "/__mock/chats/:chat_id/join_requests/:user_id/decline",
    summary: "an administrator turns a person's join request down",
    handle: ({ mock, params }) =>
      mock.declineJoinRequest(idParam("chat_id", params["chat_id"]), idParam("user_id", params["user_id"]))
  })
]
