/**
 * Webhooks as data: what the mock hands a deliverer (one POST of one update), what the deliverer reports back, the
 * state of a bot's webhook, and the environment every world shares (the deliverer, the hosts allowed, the backoff).
 */

/** One POST of one update to a bot's webhook. */
export interface WebhookDelivery {
  readonly botId: number
  readonly updateId: number
  /** The webhook URL as set. */
  readonly url: string
  /** Header name/value pairs in the real server's order (`Host`, `X-Telegram-Bot-Api-Secret-Token` if set, …). */
  readonly headers: ReadonlyArray<readonly [string, string]>
  /** The update's JSON, as getUpdates would give it. */
  readonly body: string
}

/** What came back: an HTTP answer, or the error that stopped the request (`Connection refused`, …). */
export type WebhookReply =
  | {
    readonly status: number
    /** The reason phrase as sent (`Internal Server Error`). */
    readonly statusText: string
    readonly contentType?: string | undefined
    /** The answer's body: a 2xx body naming a `method` is executed as a Bot API call. */
    readonly body?: Uint8Array | undefined
    /** The `Retry-After` header, if any. */
    readonly retryAfter?: string | undefined
  }
  | { readonly error: string }

/** Sends one delivery and reports what came back; never rejects (a rejection reads as the error's message). */
export type WebhookDeliverer = (delivery: WebhookDelivery) => Promise<WebhookReply>

/** A bot's webhook while it is set. */
export interface WebhookState {
  /** As given to setWebhook. */
  readonly url: string
  readonly secretToken: string
  readonly maxConnections: number
  /** The `ip_address` given (fixed), or "" */
  readonly fixedIp: string
  /** What getWebhookInfo shows as `ip_address`. */
  readonly ipAddress: string
  readonly generation: number
  /** Unix time in seconds and text of the last delivery error since the webhook was set (0 and "" when none). */
  lastErrorDate: number
  lastErrorMessage: string
  /** Deliveries under way. */
  inFlight: number
  /** When (ms) a delivery last succeeded (-Infinity: none yet: only one connection is used then). */
  lastSuccessAt: number
  /** When (ms) the first of an unbroken run of 410 Gone answers came (0: none). */
  first410At: number
  /** The pending wake-up of the delivery loop: its time (ms) and how to cancel it. */
  timer: { readonly at: number; readonly cancel: () => void } | undefined
}
