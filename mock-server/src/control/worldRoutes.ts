/** Control routes for the world as a whole: reset, read, replace, and upgrade a basic group. */
import { MockInputError } from "../MockInputError.js"
import type { ControlRoute } from "./common.js"

/** `POST /__mock/reset`, `GET|PUT /__mock/world`, `POST /__mock/upgrade`. */
export const worldRoutes: ReadonlyArray<ControlRoute> = [
  {
    method: "POST",
    path: "/__mock/reset",
    handle: ({ mock }) => {
      mock.reset()
      return true
    }
  },
  { method: "GET", path: "/__mock/world", handle: ({ mock }) => mock.snapshot() },
  {
    method: "PUT",
    path: "/__mock/world",
    handle: ({ mock, body }) => {
      mock.replaceWorld(body())
      return true
    }
  },
  {
    method: "POST",
    path: "/__mock/upgrade",
    handle: ({ mock, body }) => {
      const input = body()
      const chatId = typeof input === "object" && input !== null ? (input as { chat_id?: unknown }).chat_id : undefined
      if (typeof chatId !== "number" || !Number.isSafeInteger(chatId)) {
        throw new MockInputError(["chat_id: expected an integer chat id"])
      }
      return { migrate_to_chat_id: mock.upgradeGroup(chatId) }
    }
  }
]
