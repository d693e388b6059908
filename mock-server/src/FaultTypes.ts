/** Flood limits and injected faults: what makes the mock misbehave on purpose (world-file parts, control API bodies). */

/**
 * At most `max_calls` calls per `per_seconds` for each (bot, method, chat) that matches. A call over the limit whose
 * wait is at most `absorb_seconds` is absorbed as Telegram does (answered late, with success); a longer wait answers
 * 429 `retry_after`.
 */
export interface FloodLimit {
  /** The method it counts (any case); absent: every method, each counted on its own. */
  readonly method?: string | undefined
  /** The chat it counts; absent: every chat, each counted on its own. */
  readonly chat_id?: number | undefined
  /** Calls allowed within the window, 1 to 1000000. */
  readonly max_calls: number
  /** The window in seconds, more than 0 and at most 86400. */
  readonly per_seconds: number
  /** The longest wait absorbed (answered late instead of 429), 0 to 3600 seconds; 8 when left out. */
  readonly absorb_seconds?: number | undefined
}

/** A fault's reply: a Bot API error envelope. */
export interface FaultErrorReply {
  /** The error code and HTTP status, 400 to 599. */
  readonly error_code: number
  /** The description; absent: the real server's text for the code (e.g. `Too Many Requests: retry after N`). */
  readonly description?: string | undefined
  /** Sent as `parameters.retry_after` and as the `Retry-After` header. */
  readonly retry_after?: number | undefined
  /** Sent as `parameters.migrate_to_chat_id`. */
  readonly migrate_to_chat_id?: number | undefined
}

/** A fault's reply: an HTML error page with this status, as a reverse proxy sends. */
export interface FaultHtmlReply {
  /** The HTTP status, 400 to 599. */
  readonly html: number
}

/** A fault's reply: the connection is closed without an answer. */
export interface FaultDropReply {
  /** Always true. */
  readonly drop: true
}

/** A fault's reply: the normal answer, this many milliseconds late. */
export interface FaultDelayReply {
  /** The delay in milliseconds, 0 to 600000. */
  readonly delay_ms: number
}

/** What an injected fault answers instead of the normal answer. */
export type FaultReply = FaultErrorReply | FaultHtmlReply | FaultDropReply | FaultDelayReply

/** A fault: the next `times` calls of `method` (optionally for one chat) get `reply`. */
export interface Fault {
  /** The method it catches, any case. */
  readonly method: string
  /** Only calls for this chat (its id, or an `@username`); absent: every chat. */
  readonly chat_id?: number | string | undefined
  /** How many matching calls get the reply, 1 to 1000000. */
  readonly times: number
  /** What they get. */
  readonly reply: FaultReply
}

/** A fault as injected: `times` may be left out (once). */
export interface FaultInput extends Omit<Fault, "times"> {
  /** How many matching calls get the reply; 1 when left out. */
  readonly times?: number | undefined
}
