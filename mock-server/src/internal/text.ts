/** Text rules of the real server (usernames, link names) and the mock's own rule for never keeping a token. */

/** How Telegram matches a username: lower-cased, dots removed. */
export const normalizeUsername = (username: string): string => username.toLowerCase().replaceAll(".", "")

/** A bot token (`<bot id>:<secret>`), in any case: a misrouted request carries one in what the journal keeps. */
const TOKEN_SHAPE = /[0-9]+:[A-Za-z0-9_-]{20,}/g

/**
 * The text with every token-shaped run replaced by `<token>`: what the journal and the defect log keep of a method
 * name, a chat_id or an error. (`/bot/bot<token>/getMe`, a misconfigured API root, reads as an empty token and the
 * method `bot<token>/getme`; `/bot1%2F<id>:<secret>/x` as the token `1` and the method `<id>:<secret>/x`.)
 */
export const withoutTokens = (text: string): string => text.includes(":") ? text.replace(TOKEN_SHAPE, "<token>") : text

// TDLib's clean_input_string: control characters become spaces (newlines stay), \r and a few marks are removed.
const CONTROL_CHARACTERS = /[\x00-\x09\x0b\x0c\x0e-\x1f]/g
const REMOVED_CHARACTERS = /[\r\u2028-\u202e\u0333\u033f\u030a]/g
// TDLib's strip_empty_characters: these count as spaces.
const SPACE_CHARACTERS = /[\u1680\u180e\u2000-\u200a\u202f\u205f\u2800\u3000\ufffc]|[\u{e0000}-\u{e007f}]/gu
const ONLY_EMPTY_CHARACTERS = /^[ \n\u00a0\u200b-\u200f\u202e\ufeff]*$/
const EDGE_SPACES = /^[ \t\r\n\0\v]+|[ \t\r\n\0\v]+$/g
const SPACE_RUNS = /[ \n\u00a0]+/g

/**
 * An invite link's name as TDLib stores it (`clean_name(name, 32)`, telegram-wire.md §4b): odd spaces become spaces,
 * the ends are trimmed, it is cut to 32 characters (code points), then runs of spaces and newlines become one space;
 * a name of nothing but empty characters is no name (""). The cut comes before the runs are joined, as in TDLib.
 */
export const cleanLinkName = (raw: string): string => cleanName(raw, 32)

/** TDLib's clean_name(name, max): what link names, chat titles and forum topic names are stored as. */
export const cleanName = (raw: string, max: number): string => {
  if (raw === "") return ""
  let name = raw.replace(CONTROL_CHARACTERS, " ").replace(REMOVED_CHARACTERS, "").replace(SPACE_CHARACTERS, " ")
  name = name.replace(EDGE_SPACES, "")
  if (name.length > max) name = Array.from(name).slice(0, max).join("").replace(EDGE_SPACES, "")
  if (ONLY_EMPTY_CHARACTERS.test(name)) return ""
  return name.replace(SPACE_RUNS, " ").replace(EDGE_SPACES, "")
}

/** TDLib's clean_input_string for message text: control characters but newlines become spaces, `\r` is removed. */
export const cleanInputString = (text: string): string =>
  text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, " ").replace(/\r/g, "")

/**
 * TDLib's strip_empty_characters(text, max) after clean_input_string: what a chat description is stored as (empty
 * characters trimmed at both ends, cut to `max` code points).
 */
export const cleanDescription = (raw: string, max: number): string => {
  const text = cleanInputString(raw).replace(SPACE_CHARACTERS, " ")
  if (ONLY_EMPTY_CHARACTERS.test(text)) return ""
  const trimmed = text.replace(/^[ \n\u00a0\u200b-\u200f\u202e\ufeff]+|[ \n\u00a0\u200b-\u200f\u202e\ufeff]+$/g, "")
  const points = Array.from(trimmed)
  return points.length > max ? points.slice(0, max).join("").replace(/[ \n]+$/, "") : trimmed
}
