/**
 * Why the policy gave up, kept with the failure it gave up with: the policy's interpreter records it, and
 * `Policy.giveUpReason` reads it (the CLI says "longer than --max-wait" or "still told to wait" from it, instead of
 * working it out again). A failure the policy did not give up on (a single request, a failure of the operation
 * outside the policy) has none.
 *
 * @internal
 */
import type { BotApiError } from "../BotApiError.js"
import type { GiveUpReason } from "../core/policy.js"

const reasons = new WeakMap<BotApiError, GiveUpReason>()

/** `error`, with the reason the policy gave up with it. */
export const recordGiveUp = <E extends BotApiError>(error: E, reason: GiveUpReason): E => {
  reasons.set(error, reason)
  return error
}

/** The reason the policy gave up with `error`, if it did. */
export const giveUpReasonOf = (error: BotApiError): GiveUpReason | undefined => reasons.get(error)
