/**
 * The rules of reading a bot's updates by long polling, with no Effect in them (both editions' `Updates` interpret
 * them): which update a poll confirms, which the stream hands out, what stopping owes the server, and which 409 a
 * refusal was.
 */

/**
 * Why getUpdates was refused with 409 (only the description tells them apart): another long poll of the same bot,
 * a webhook that is set, a webhook set while this poll waited, or another description.
 */
export type ConflictReason = "OtherGetUpdates" | "WebhookActive" | "SetWebhook" | "Other"

/** The reason of a 409's description (telegram-wire-bots.md's strings). */
export const conflictReason = (description: string): ConflictReason =>
  description.startsWith("Conflict: terminated by other getUpdates request")
    ? "OtherGetUpdates"
    : description.startsWith("Conflict: can't use getUpdates method while webhook is active")
    ? "WebhookActive"
    : description.startsWith("Conflict: terminated by setWebhook request")
    ? "SetWebhook"
    : "Other"

/** The kind of a raw update: the name of its one field besides `update_id` (undefined when it has none). */
export const updateType = (raw: { readonly update_id: number }): string | undefined =>
  Object.keys(raw).find((key) => key !== "update_id")

/**
 * Where a long-polling stream stands. An update handed out is consumed when the next one is asked for; the next poll
 * confirms what was consumed (`offset` = its `update_id` + 1), so the server forgets an update only once the bot has
 * handled it. Updates a poll returns below its offset (already confirmed) are dropped.
 */
export class UpdateOffsets<U extends { readonly update_id: number }> {
  /** The offset of the next poll: one past the last update consumed (or the starting offset). */
  private next: number
  /** The offset the server last accepted: every update below it is confirmed. */
  private confirmed: number
  /** The update handed out last; consumed when the stream is pulled again. */
  private handedOut: number | undefined = undefined
  /** Polled, not handed out yet. */
  private readonly buffer: Array<U> = []

  constructor(start: number) {
    this.next = start
    this.confirmed = start
  }

  /** The offset the next poll sends. */
  get pollOffset(): number {
    return this.next
  }

  /** Whether consumed updates are not confirmed yet: a stopping stream owes the server one last request. */
  get owesConfirmation(): boolean {
    return this.next !== this.confirmed
  }

  /** A poll sent with `offset` was answered with `raw`: everything below `offset` is confirmed now. */
  received<R extends { readonly update_id: number }>(
    offset: number,
    raw: ReadonlyArray<R>,
    decode: (update: R) => U
  ): void {
    this.confirmed = offset
    for (const update of raw) if (update.update_id >= offset) this.buffer.push(decode(update))
  }

  /** The next update to hand out (the one handed out before is consumed now); undefined when a poll is due. */
  take(): U | undefined {
    if (this.handedOut !== undefined) {
      this.next = this.handedOut + 1
      this.handedOut = undefined
    }
    const head = this.buffer.shift()
    if (head !== undefined) this.handedOut = head.update_id
    return head
  }
}
