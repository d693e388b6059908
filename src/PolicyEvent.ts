/**
 * What the policies tell the caller while they work: flood waits, migrations, transient retries, and a one-line
 * English description of each.
 *
 * @since 0.2.0
 */
import * as Duration from "effect/Duration"
import type * as ChatId from "./ChatId.js"
import { describeEvent } from "./core/events.js"

/**
 * What the policies tell the caller while they work (e.g. to print "retrying exportChatInviteLink in 12 s
 * (attempt 2 of 5)"). `attempt` is the number of the request that will follow the wait.
 *
 * @since 0.1.0
 */
export type PolicyEvent = FloodWait | Migrated | TransientRetry

/**
 * A flood wait starts: told by the server (`source: "server"`), or found on the shared gate (`source: "gate"`).
 *
 * @since 0.1.0
 */
export interface FloodWait {
  readonly _tag: "FloodWait"
  readonly source: "server" | "gate"
  readonly method: string
  readonly chatId: ChatId.ChatId
  readonly retryAfter: Duration.Duration
  readonly attempt: number
  readonly maxAttempts: number
}

/**
 * The chat moved from `from` to `to`: told by the server now (`remembered: false`) or known from the registry.
 *
 * @since 0.1.0
 */
export interface Migrated {
  readonly _tag: "Migrated"
  readonly method: string
  readonly from: ChatId.ChatId
  readonly to: ChatId.ChatId
  readonly remembered: boolean
}

/**
 * A transient failure will be retried after `delay`.
 *
 * @since 0.1.0
 */
export interface TransientRetry {
  readonly _tag: "TransientRetry"
  readonly method: string
  readonly chatId: ChatId.ChatId
  readonly reason: string
  readonly delay: Duration.Duration
  readonly attempt: number
  readonly maxAttempts: number
}

/**
 * A one-line English description of an event, e.g. `retrying exportChatInviteLink in 12 s (attempt 2 of 5)`.
 *
 * @since 0.1.0
 */
export const formatEvent = (event: PolicyEvent): string => {
  switch (event._tag) {
    case "FloodWait":
      return describeEvent({ ...event, retryAfterMs: Duration.toMillis(event.retryAfter) })
    case "Migrated":
      return describeEvent(event)
    case "TransientRetry":
      return describeEvent({ ...event, delayMs: Duration.toMillis(event.delay) })
  }
}
