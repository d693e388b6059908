/** Each bot's side of the updates: its queue, its allowed_updates, its parked long poll and its webhook. */
import { UpdateQueue } from "./UpdateQueue.js"
import { DEFAULT_ALLOWED_UPDATES } from "./updateTypes.js"
import type { WebhookState } from "./webhookTypes.js"

/** A getUpdates call waiting for updates. */
export interface ParkedPoll {
  /** The offset it read from (a missing or negative offset already turned into the queue's head). */
  readonly offset: number
  readonly limit: number
  /** Set when another getUpdates or a setWebhook ended it: the description of the 409 it answers. */
  abortedWith: string | undefined
  /** Answers it now (updates arrived, its timeout passed, or it was aborted). */
  readonly wake: () => void
}

/** One bot's update state. */
export interface BotState {
  readonly botId: number
  readonly queue: UpdateQueue
  /** The allowed_updates mask (shared by getUpdates and setWebhook). */
  allowedUpdates: number
  poll: ParkedPoll | undefined
  webhook: WebhookState | undefined
  /** Bumped each time the webhook is set or removed: a delivery of an older webhook is ignored when it ends. */
  webhookGeneration: number
  /** The earliest time (ms) the next non-empty setWebhook is accepted. */
  nextSetWebhookAt: number
  /** The earliest time (ms) a 409 is answered at once (with the conflict delay on). */
  nextConflictAt: number
  /** The previous getUpdates' offset and start (ms), for the busy-loop guard. */
  previousOffset: number | undefined
  previousPollAt: number
}

/** A bot's state for a fresh world. */
export const makeBotState = (botId: number, firstUpdateId: number, cap: number): BotState => ({
  botId,
  queue: new UpdateQueue(firstUpdateId, cap),
  allowedUpdates: DEFAULT_ALLOWED_UPDATES,
  poll: undefined,
  webhook: undefined,
  webhookGeneration: 0,
  nextSetWebhookAt: 0,
  nextConflictAt: 0,
  previousOffset: undefined,
  previousPollAt: -Infinity
})
