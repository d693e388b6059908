/** Control routes for faults and flood limits: what makes the mock misbehave on purpose. */
import type { FaultInput, FloodLimit } from "../WorldSnapshot.js"
import type { ControlRoute } from "./common.js"

/** The limits of a `PUT /__mock/limits` body: an array, or `{"flood_limits": [...]}` as in a world file. */
const limitsOf = (body: unknown): unknown =>
  typeof body === "object" && body !== null && !Array.isArray(body) && "flood_limits" in body
    ? (body as { flood_limits: unknown }).flood_limits
    : body

/** `POST|DELETE /__mock/faults`, `GET|PUT /__mock/limits`. */
export const faultRoutes: ReadonlyArray<ControlRoute> = [
  {
    method: "POST",
    path: "/__mock/faults",
    handle: ({ mock, body }) => {
      mock.injectFault(body() as FaultInput)
      return true
    }
  },
  {
    method: "DELETE",
    path: "/__mock/faults",
    handle: ({ mock }) => {
      mock.clearFaults()
      return true
    }
  },
  { method: "GET", path: "/__mock/limits", handle: ({ mock }) => mock.floodLimits() },
  {
    method: "PUT",
    path: "/__mock/limits",
    handle: ({ mock, body }) => {
      mock.setFloodLimits(limitsOf(body()) as ReadonlyArray<FloodLimit>)
      return true
    }
  }
]
