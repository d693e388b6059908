/**
 * Control routes for people: add a person; a person sends a message, presses a button, joins through a link, leaves,
 * blocks a bot. JSON in and out; a refused input is a 400 with one line per wrong field, and changes nothing.
 */
import { decodeBlock, decodeJoin, decodeLeave, decodeNewUser, decodePress, decodeSend } from "../decode/control.js"
import { ControlRefusal, optional, required, route } from "./common.js"
import { idParam } from "./ids.js"

const userOf = (params: Readonly<Record<string, string>>): number => idParam("user_id", params["user_id"])

/** `POST /__mock/users`, `POST /__mock/users/:user_id/{send,press,join,leave,block}`. */
export const peopleRoutes = [
  route({
    method: "POST",
    path: "/__mock/users",
    summary: "adds a person (`{id, first_name, last_name?, username?}`); the User",
    body: required(decodeNewUser),
    handle: ({ body, mock }) => mock.addUser(body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/send",
    summary: "a person writes to a bot or in a chat (`{text, chat_id?, bot_id?, reply_to_message_id?}`); the Message",
    body: required(decodeSend),
    handle: ({ body, mock, params }) => mock.send(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/press",
    summary: "a person presses an inline button (`{message_id, data, chat_id?, bot_id?}`); the callback query's id",
    body: required(decodePress),
    handle: ({ body, mock, params }) => mock.press(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/join",
    summary:
      "a person opens an invite link (`{invite_link, pay_stars?}`): a member, a join request, or Telegram's refusal",
    body: required(decodeJoin),
    handle: ({ body, mock, params }) => {
      const outcome = mock.join(userOf(params), body)
      if (!outcome.ok) throw new ControlRefusal(outcome.error_code, outcome.description)
      return { status: outcome.status, chat_id: outcome.chat_id }
    }
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/leave",
    summary: "a person leaves a chat (`{chat_id}`)",
    body: required(decodeLeave),
    handle: ({ body, mock, params }) => mock.leave(userOf(params), body)
  }),
  route({
    method: "POST",
    path: "/__mock/users/:user_id/block",
    summary: "a person blocks a bot (`{bot_id?}`: the world's first bot when absent)",
    body: optional(decodeBlock),
    handle: ({ body, mock, params }) => mock.block(userOf(params), body ?? {})
  })
]
