/** Control routes for the world as a whole: reset, read, replace, and upgrade a basic group. */
import { decodeUpgrade, decodeWorldBody } from "../decode/control.js"
import { required, route } from "./common.js"

/** `POST /__mock/reset`, `GET|PUT /__mock/world`, `POST /__mock/upgrade`. */
export const worldRoutes = [
  route({
    method: "POST",
    path: "/__mock/reset",
    summary: "back to the world the mock started with (faults, limits, journal, updates and webhooks included)",
    handle: ({ mock }) => {
      mock.reset()
      return true
    }
  }),
  route({
    method: "GET",
    path: "/__mock/world",
    summary: "the whole world as a world file",
    handle: ({ mock }) => mock.snapshot()
  }),
  route({
    method: "PUT",
    path: "/__mock/world",
    summary: "replaces the whole world (and what reset goes back to) with a world file",
    body: required(decodeWorldBody),
    handle: ({ mock, body }) => {
      mock.replaceWorld(body)
      return true
    }
  }),
  route({
    method: "POST",
    path: "/__mock/upgrade",
    summary: "upgrades a basic group to a supergroup (`{chat_id}`); the bots get the migrate messages",
    body: required(decodeUpgrade),
    handle: ({ mock, body }) => ({ migrate_to_chat_id: mock.upgradeGroup(body.chat_id) })
  })
]
