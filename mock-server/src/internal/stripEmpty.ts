/**
 * TDLib's strip_empty_characters (misc.cpp), which names and titles of sticker sets go through: odd spaces become
 * spaces, the ends are trimmed, the text is cut to `max` characters (code points) and trimmed again; a text of
 * nothing but empty characters (spaces, newlines, zero-width characters, no-break spaces) is "".
 */
const SPACE_CHARACTERS = /[\u1680\u180e\u2000-\u200a\u202f\u205f\u2800\u3000\ufffc]|[\u{e0000}-\u{e007f}]/gu
const EDGE_SPACES = /^[ \t\r\n\0\v]+|[ \t\r\n\0\v]+$/g
const ONLY_EMPTY_CHARACTERS = /^[ \n\u00a0\u200b-\u200f\u202e\ufeff]*$/

/** The text as TDLib keeps it, at most `max` characters. */
export const stripEmptyCharacters = (text: string, max: number): string => {
  let out = text.replace(SPACE_CHARACTERS, " ").replace(EDGE_SPACES, "")
  const points = Array.from(out)
  if (points.length > max) out = points.slice(0, max).join("").replace(EDGE_SPACES, "")
  return ONLY_EMPTY_CHARACTERS.test(out) ? "" : out
}
