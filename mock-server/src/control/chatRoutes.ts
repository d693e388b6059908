/**
 * Control routes for chats: change or read a standing as an administrator would, make an invite link as one, read a
 * chat's messages (and wait for the next ones).
 */
import { decodeAdminLink, decodeStanding } from "../decode/control.js"
import { pending, required, route } from "./common.js"
import { idParam } from "./ids.js"
import { afterParam, nonEmpty, waitSeconds } from "./query.js"

const chatOf = (params: Readonly<Record<string, string>>): number => idParam("chat_id", params["chat_id"])
const userOf = (params: Readonly<Record<string, string>>): number => idParam("user_id", params["user_id"])

/** `PUT|GET /__mock/chats/:chat_id/members/:user_id`, `POST …/invite_links`, `GET …/messages`. */
export const chatRoutes = [
  route({
    method: "PUT",
    path: "/__mock/chats/:chat_id/members/:user_id",
    summary: "an administrator sets a user's standing and rights (the bot's own included); the new ChatMember",
    body: required(decodeStanding),
    handle: ({ body, mock, params }) => mock.setMember(chatOf(params), userOf(params), body)
  }),
  route({
    method: "GET",
    path: "/__mock/chats/:chat_id/members/:user_id",
    summary: "a user's standing in a chat as a ChatMember (`left` when the chat does not list them)",
    handle: ({ mock, params }) => mock.member(chatOf(params), userOf(params))
  }),
  route({
    method: "POST",
    path: "/__mock/chats/:chat_id/invite_links",
    summary: "an administrator (`by`, default the creator) makes an invite link in their app; the ChatInviteLink",
    body: required(decodeAdminLink),
    handle: ({ body, mock, params }) => mock.createInviteLink(chatOf(params), body)
  }),
  route({
    method: "GET",
    path: "/__mock/chats/:chat_id/messages",
    summary: "a chat's messages, oldest first (`?bot_id=`, `?after=<message_id>`; `?wait=<s>`: long-polled on the " +
      "mock's clock, answered as soon as there is one)",
    handle: ({ mock, params, query }) => {
      const chatId = chatOf(params)
      const botId = query.has("bot_id") ? idParam("bot_id", query.get("bot_id")) : undefined
      const after = afterParam(query)
      const read = () => mock.messages(chatId, { botId, after })
      return pending(() => nonEmpty(read()), waitSeconds(query), read)
    }
  })
]
