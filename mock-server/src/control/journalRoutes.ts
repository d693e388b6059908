/** Control routes for what the mock saw. */
import { route } from "./common.js"

/** `GET /__mock/journal`. */
export const journalRoutes = [
  route({
    method: "GET",
    path: "/__mock/journal",
    summary: "the requests answered so far, oldest first (bot id, method, chat, status, fault; never a token)",
    handle: ({ mock }) => mock.journal()
  })
]
