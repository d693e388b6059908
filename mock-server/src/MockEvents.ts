/**
 * What a watcher of the mock is told as it happens (`mock.observe(listener)`): each request answered (its journal
 * entry), each update queued for a bot, each action on the world (a person's, an administrator's, a reset). The
 * standalone server streams them to its console (`GET /__mock/events`); a test may watch them too. Listeners are
 * called synchronously, inside the mock's own work: they must be quick and must not call back into the mock.
 */
import type { JournalEntry } from "./WorldSnapshot.js"

/** A request was answered: its journal entry (a copy). */
export interface MockRequestEvent {
  readonly kind: "request"
  readonly entry: JournalEntry
}

/** An update was queued for a bot (its allowed_updates took it). */
export interface MockUpdateEvent {
  readonly kind: "update"
  /** Its number: every event of a mock has a greater one than those before it (across resets too). */
  readonly seq: number
  /** When, in milliseconds on the mock's clock. */
  readonly at: number
  readonly bot_id: number
  readonly update_id: number
  /** `message`, `chat_member`, `callback_query`, … */
  readonly type: string
  /** The update as the bot receives it: JSON text, `{"update_id":N,\n"<type>":…}`. */
  readonly json: string
}

/** The world was changed from outside the Bot API: by a person, an administrator, or the control API. */
export interface MockActionEvent {
  readonly kind: "action"
  /** Its number: every event of a mock has a greater one than those before it (across resets too). */
  readonly seq: number
  /** When, in milliseconds on the mock's clock. */
  readonly at: number
  /**
   * `add_user`, `send`, `press`, `join`, `leave`, `block`, `set_member`, `approve_join_request`,
   * `decline_join_request`, `upgrade`, `inject_fault`, `clear_faults`, `set_flood_limits`, `reset`, `replace_world`,
   * `send_file`, `send_location`, `send_contact`, `send_dice`, `queue_dice`, `pay`, `set_stars`.
   */
  readonly action: string
  /** The person (or the user whose standing changed). */
  readonly user_id?: number
  readonly chat_id?: number
  /** What came of it when there is more to say: `member`, `requested`, a refusal such as `INVITE_HASH_EXPIRED`. */
  readonly result?: string
  /** The text a person sent (cut to 200 characters), or the callback data of a press. */
  readonly text?: string
}

/** One thing the mock did. */
export type MockEvent = MockRequestEvent | MockUpdateEvent | MockActionEvent

/** A watcher of the mock. It must not throw; one that does is removed and the error counted as a defect. */
export type MockObserver = (event: MockEvent) => void

/**
 * An event as one line of JSON, as the console's stream and `GET /__mock/events` write it: a request is its journal
 * entry with `"kind":"request"`; an update carries the update as the bot gets it (its literal `,\n` made a space).
 */
export const eventJson = (event: MockEvent): string => {
  switch (event.kind) {
    case "request":
      return JSON.stringify({ kind: "request", ...event.entry })
    case "update":
      return `{"kind":"update","seq":${event.seq},"at":${event.at},"bot_id":${event.bot_id},` +
        `"update_id":${event.update_id},"type":${JSON.stringify(event.type)},"update":${
          event.json.replaceAll("\n", "")
        }}`
    case "action":
      return JSON.stringify(event)
  }
}

/** An event as the JSON object `eventJson` writes (what `GET /__mock/events` answers a list of). */
export const eventObject = (event: MockEvent): Record<string, unknown> => JSON.parse(eventJson(event))
