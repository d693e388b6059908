/**
 * Control routes for what people do with messages: edit their own, forward one to a bot or a chat, vote in a poll,
 * react. JSON in and out; a refused input is a 400 with one line per wrong field, and changes nothing.
 */
import { decodeEdit, decodeForward, decodeReact, decodeVote } from "../decode/control.js"
import { required, route } from "./common.js"
import { idParam } from "./ids.js"

const userOf = (params: Readonly<Record<string, string>>): number => idParam("user_id", params["user_id"])

/** `POST /__mock/users/:user_id/{edit,forward,vote,react}`. */
export const messageRoutes = [
  route({
    method: "POST",
    path: "/__mock/users/:user_id/edit",
    summary:
      "a person edits their text message (`{message_id, text, chat_id?, bot_id?}`); the bots get `edited_message`",
    body: required(decodeEdit),
    handle: ({ body, mock, params }) => mock.editMessage(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/forward",
    summary:
      "a person forwards a message they can see (`{from_chat_id, message_id, from_bot_id?, chat_id?, bot_id?}`); the Message",
    body: required(decodeForward),
    handle: ({ body, mock, params }) => mock.forwardMessage(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/vote",
    summary: "a person votes in a poll (`{message_id, option_ids, chat_id?, bot_id?}`; `[]` retracts); the Poll",
    body: required(decodeVote),
    handle: ({ body, mock, params }) => mock.vote(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/react",
    summary: "a person sets their reactions on a message (`{message_id, reaction, chat_id?, bot_id?}`; `[]` removes)",
    body: required(decodeReact),
    handle: ({ body, mock, params }) => mock.react(userOf(params), body)
  })
]
