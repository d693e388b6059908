/** Control routes for faults and flood limits: what makes the mock misbehave on purpose. */
import { decodeLimitsBody } from "../decode/control.js"
import { decodeFault } from "../decode/world.js"
import { required, route } from "./common.js"

/** `POST|DELETE /__mock/faults`, `GET|PUT /__mock/limits`. */
export const faultRoutes = [
  route({
    method: "POST",
    path: "/__mock/faults",
    summary:
      "the next `times` calls of a method (optionally for one chat) get an error, an HTML page, a drop or a delay",
    body: required(decodeFault),
    handle: ({ mock, body }) => {
      mock.injectFault(body)
      return true
    }
  }),
  route({
    method: "DELETE",
    path: "/__mock/faults",
    summary: "drops every pending fault",
    handle: ({ mock }) => {
      mock.clearFaults()
      return true
    }
  }),
  route({
    method: "GET",
    path: "/__mock/limits",
    summary: "the flood limits in force",
    handle: ({ mock }) => mock.floodLimits()
  }),
  route({
    method: "PUT",
    path: "/__mock/limits",
    summary: "replaces the flood limits (an array, or `{flood_limits: […]}` as in a world file)",
    body: required(decodeLimitsBody),
    handle: ({ mock, body }) => {
      mock.setFloodLimits(body)
      return true
    }
  })
]
