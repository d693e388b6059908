/**
 * The entities Telegram finds by itself in a message's text (bot commands, mentions, hashtags, URLs, emails), as
 * TDLib's find_entities does for every message: an approximation of its rules (URLs need a scheme, `www.` or a
 * Telegram domain; TDLib's list of top-level domains is not reproduced).
 */
import type { ParsedEntity } from "./bytes.js"

/**
 * Built on the first message's text, not at load: V8 parses these Unicode expressions when they are made, which every
 * start of the mock paid (~1-2 ms; bench/mock-start.ts).
 */
let patterns: ReadonlyArray<readonly [string, RegExp]> | undefined
const detectionPatterns = (): ReadonlyArray<readonly [string, RegExp]> => (patterns ??= [
  [
    "email",
    /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\p{L}\p{N}])/gu
  ],
  ["url", /(?<![\p{L}\p{N}@/.])(?:https?:\/\/|www\.|(?:t|telegram)\.me\/)[^\s<>"]+/giu],
  ["bot_command", /(?<![\p{L}\p{N}_/<>])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\p{L}\p{N}_/])/gu],
  ["mention", /(?<![\p{L}\p{N}_@])@[A-Za-z0-9_]{3,32}(?![\p{L}\p{N}_])/gu],
  ["hashtag", /(?<![\p{L}\p{N}_#])#[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*/gu]
])

const TRAILING = /[.,;:!?'")\]}]+$/

/** The entities found in `text` that do not overlap `taken` (code, pre, and each other). */
export const detectEntities = (text: string, taken: ReadonlyArray<ParsedEntity>): Array<ParsedEntity> => {
  const found: Array<ParsedEntity> = []
  const busy = taken.filter((e) => e.type === "code" || e.type === "pre").map((e) => [e.offset, e.offset + e.length])
  for (const [type, pattern] of detectionPatterns()) {
    for (const match of text.matchAll(pattern)) {
      let value = match[0]
      if (type === "url") value = value.replace(TRAILING, "")
      const start = match.index
      const end = start + value.length
      if (value.length < 2 || busy.some(([from, to]) => start < to! && end > from!)) continue
      found.push({ type, offset: start, length: value.length })
      busy.push([start, end])
    }
  }
  return found
}
