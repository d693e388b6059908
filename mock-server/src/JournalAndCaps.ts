/** What the journal keeps of a request, and the bounds of everything in the world that grows with traffic. */

/** One request as the journal keeps it: never a token. */
export interface JournalEntry {
  /** Its number among the mock's events (requests, updates, actions): greater than any before it, across resets. */
  readonly seq: number
  /** Unix time in milliseconds, from the mock's clock. */
  readonly at: number
  /** The bot's id (never its token); null when the token was refused before it was known. */
  readonly bot_id: number | null
  /** The method as named in the Bot API (`exportChatInviteLink`), or as sent when unknown, with tokens blanked. */
  readonly method: string
  /** The `chat_id` parameter as sent, if any. */
  readonly chat_id?: string
  /** The HTTP status answered; 0 for a dropped connection. */
  readonly status: number
  /** Set when the request used the test environment (`/bot<token>/test/<method>`). */
  readonly test_environment?: true
  /** Set when an injected fault answered (`error 429`, `html 502`, `drop`), or `defect` when the mock itself failed. */
  readonly fault?: string
  /** Set when flood control absorbed a wait: the call was answered this many milliseconds late. */
  readonly waited_ms?: number
  /** Set on a method the bot's webhook returned in its response (executed; its result reached nobody). */
  readonly webhook_reply?: true
  /** Set on a refusal: the description answered. */
  readonly description?: string
}

/** The bounds of everything that grows with traffic; all configurable. */
export interface WorldCaps {
  /** Requests kept in the journal (a ring buffer). */
  readonly journalSize: number
  /** Revoked links kept per administrator and chat; older ones are forgotten. */
  readonly revokedLinksPerAdmin: number
  /** Flood-control counters kept at once; idle ones are dropped first. */
  readonly floodKeys: number
  /** Updates kept per bot until confirmed; past it new updates are dropped, as the real server drops them. */
  readonly updatesPerBot: number
  /** Messages kept per chat (per bot and user in private chats); the oldest are forgotten. */
  readonly messagesPerChat: number
  /** Users the world may hold (people added through the control API included). */
  readonly users: number
  /** Callback queries kept for answerCallbackQuery; the oldest are forgotten. */
  readonly callbackQueries: number
  /** Parked getUpdates calls and absorbed flood waits held at once (each a timer); past it they answer at once. */
  readonly waits: number
  /** Files kept (uploads, and the stand-ins of URLs); the oldest are forgotten first. */
  readonly files: number
  /** Bytes of files kept in all; the oldest files are forgotten first. */
  readonly fileBytes: number
  /** The largest upload a request may carry (Telegram's cap for bots: 50 MB); a larger body gets a bare 413. */
  readonly uploadBytes: number
}

/** The caps a mock has unless told otherwise. */
export const defaultCaps: WorldCaps = {
  journalSize: 1000,
  revokedLinksPerAdmin: 20,
  floodKeys: 10_000,
  updatesPerBot: 10_000,
  messagesPerChat: 1000,
  users: 10_000,
  callbackQueries: 1000,
  waits: 10_000,
  files: 1000,
  fileBytes: 256 * 1024 * 1024,
  uploadBytes: 50 * 1000 * 1000
}
