/** What a mock is made with: its world, clock, bounds, control token, defect mode, updates and webhooks. */
import type { DefectMode } from "./Defects.js"
import type { MockClock } from "./MockClock.js"
import { MockInputError } from "./MockInputError.js"
import type { WebhookDeliverer } from "./world/updates/webhookTypes.js"
import type { UpdateOptions } from "./world/World.js"
import type { WorldCaps, WorldSnapshotInput } from "./WorldSnapshot.js"

/** How a mock's webhooks are delivered and paced. */
export interface WebhookOptions {
  /** Who delivers (the standalone server's node:http deliverer, `fetchDeliverer()`, a function); none: updates queue. */
  readonly deliver?: WebhookDeliverer | undefined
  /** Hosts besides loopback a webhook may point to (default: none; the mock never reaches other machines unasked). */
  readonly allowHosts?: ReadonlyArray<string> | undefined
  /** The longest wait between retries of one update, in seconds (default 60; the real server: random 60–120). */
  readonly retryCapSeconds?: number | undefined
}

/** How to make a mock: its world, clock, bounds, control token, defect mode, updates and webhooks. */
export interface MockTelegramOptions {
  /** The world to start with (and to go back to on reset); the default world when absent. */
  readonly world?: WorldSnapshotInput | undefined
  /** Where time comes from (and its timers); real time when absent. */
  readonly clock?: MockClock | undefined
  /** Bounds of everything that grows with traffic. */
  readonly caps?: Partial<WorldCaps> | undefined
  /** When set, the control API (`/__mock/…`) requires this value in `X-Mock-Control-Token`. */
  readonly controlToken?: string | undefined
  /** What an unexpected exception in the mock does; the process default (`setDefaultDefectMode`) when absent. */
  readonly onDefect?: DefectMode | undefined
  /** Long polls and callback queries (`firstUpdateId` 2000001; conflict delay and busy-loop guard off; 15 s answers, 30 s inline). */
  readonly updates?: Partial<UpdateOptions> | undefined
  /** Webhook delivery. */
  readonly webhooks?: WebhookOptions | undefined
}

/** The value, or a MockInputError with the problems. */
export const orThrow = <A>(result: { ok: true; value: A } | { ok: false; problems: ReadonlyArray<string> }): A => {
  if (result.ok) return result.value
  throw new MockInputError(result.problems)
}

/** Long polls and callback queries unless told otherwise. */
export const defaultUpdateOptions: UpdateOptions = {
  firstUpdateId: 2_000_001,
  conflictDelay: false,
  busyLoopGuard: false,
  callbackAnswerSeconds: 15,
  inlineAnswerSeconds: 30
}
