/**
 * The one-line English description of what a policy tells its caller (`retrying exportChatInviteLink in 12 s
 * (attempt 2 of 5)`), over plain data: both editions describe their events with this function (each edition's event
 * carries Effect `Duration`s; it passes their milliseconds).
 */
import { formatDelayMs } from "./policy.js"

/** A policy event as plain data (durations in milliseconds). */
export type EventView =
  | {
    readonly _tag: "FloodWait"
    readonly source: "server" | "gate"
    readonly method: string
    readonly retryAfterMs: number
    readonly attempt: number
    readonly maxAttempts: number
  }
  | {
    readonly _tag: "Migrated"
    readonly from: number | string
    readonly to: number | string
    readonly remembered: boolean
  }
  | {
    readonly _tag: "TransientRetry"
    readonly method: string
    readonly reason: string
    readonly delayMs: number
    readonly attempt: number
    readonly maxAttempts: number
  }

/** The line for an event. */
export const describeEvent = (event: EventView): string => {
  switch (event._tag) {
    case "FloodWait":
      return `${event.source === "gate" ? "flood gate closed: " : ""}retrying ${event.method} in ${
        formatDelayMs(event.retryAfterMs)
      } (attempt ${event.attempt} of ${event.maxAttempts})`
    case "Migrated":
      return `chat ${event.from} ${event.remembered ? "was" : "has been"} migrated to ${event.to}`
    case "TransientRetry":
      return `retrying ${event.method} in ${
        formatDelayMs(event.delayMs)
      } (attempt ${event.attempt} of ${event.maxAttempts}) after: ${event.reason}`
  }
}
