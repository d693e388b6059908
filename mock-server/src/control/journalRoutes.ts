/** Control routes for what the mock saw. */
import type { ControlRoute } from "./common.js"

/** `GET /__mock/journal`. */
export const journalRoutes: ReadonlyArray<ControlRoute> = [
  { method: "GET", path: "/__mock/journal", handle: ({ mock }) => mock.journal() }
]
