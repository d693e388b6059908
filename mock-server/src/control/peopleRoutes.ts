/**
 * Control routes for people: add a person; a person sends a message, presses a button, joins through a link, leaves,
 * blocks a bot. JSON in and out; a refused input is a 400 with one line per wrong field, and changes nothing.
 */
import { ControlRefusal, type ControlRoute } from "./common.js"
import { idParam } from "./ids.js"

/** `POST /__mock/users`, `POST /__mock/users/:user_id/{send,press,join,leave,block}`. */
export const peopleRoutes: ReadonlyArray<ControlRoute> = [
  { method: "POST", path: "/__mock/users", handle: ({ body, mock }) => mock.addUser(body() as never) },
  {
    method: "POST",
    path: "/__mock/users/:user_id/send",
    handle: ({ body, mock, params }) => mock.send(idParam("user_id", params["user_id"]), body() as never)
  },
  {
    method: "POST",
    path: "/__mock/users/:user_id/press",
    handle: ({ body, mock, params }) => mock.press(idParam("user_id", params["user_id"]), body() as never)
  },
  {
    method: "POST",
    path: "/__mock/users/:user_id/join",
    handle: ({ body, mock, params }) => {
      const outcome = mock.join(idParam("user_id", params["user_id"]), body() as never)
      if (!outcome.ok) throw new ControlRefusal(outcome.error_code, outcome.description)
      return { status: outcome.status, chat_id: outcome.chat_id }
    }
  },
  {
    method: "POST",
    path: "/__mock/users/:user_id/leave",
    handle: ({ body, mock, params }) => mock.leave(idParam("user_id", params["user_id"]), body() as never)
  },
  {
    method: "POST",
    path: "/__mock/users/:user_id/block",
    handle: ({ mock, optionalBody, params }) =>
      mock.block(idParam("user_id", params["user_id"]), (optionalBody() ?? {}) as never)
  }
]
