/** HTML as TDLib parses it (MessageEntity.cpp parse_html, decode_html_entity), with its error texts. */
import {
  Bytes,
  isSpace,
  linkEntity,
  Out,
  type ParsedEntity,
  type ParseResult,
  sortEntities,
  utf16Units
} from "./bytes.js"

const TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "s",
  "strike",
  "del",
  "u",
  "ins",
  "tg-spoiler",
  "tg-emoji",
  "tg-time",
  "span",
  "pre",
  "code",
  "blockquote"
])
const SIMPLE: Readonly<Record<string, string>> = {
  i: "italic",
  em: "italic",
  b: "bold",
  strong: "bold",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  u: "underline",
  ins: "underline",
  "tg-spoiler": "spoiler"
}
const NAMED: Readonly<Record<string, number>> = { lt: 60, gt: 62, amp: 38, quot: 34 }

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isDigit = (c: number) => c >= 48 && c <= 57
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)

/** decode_html_entity at `pos` (a `&`): the code point and the index after it, or undefined. */
const decodeEntity = (t: Bytes, pos: number): { code: number; end: number } | undefined => {
  let end = pos + 1
  let code = 0
  if (t.at(pos + 1) === 35) {
    end++
    const hex = t.at(pos + 2) === 120
    if (hex) end++
    while (hex ? isHex(t.at(end)) : isDigit(t.at(end))) {
      code = code * (hex ? 16 : 10) + parseInt(String.fromCharCode(t.at(end++)), 16)
      if (code > 0x10ffff) code = 0x110000
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined
  } else {
    while (isAlpha(t.at(end))) end++
    const named = NAMED[t.slice(pos + 1, end)]
    if (named === undefined) return undefined
    code = named
  }
  return { code, end: t.at(end) === 59 ? end + 1 : end }
}

interface Open {
  readonly tag: string
  readonly argument: string
  readonly offset: number
  readonly beginPos: number
}

/** Reads a start tag's attributes from i (after the name); the argument kept and the index of `>`, or the error. */
const readAttributes = (t: Bytes, i: number, tag: string, beginPos: number): { argument: string; end: number } | {
  error: string
} => {
  let argument = ""
  while (t.at(i) !== 62) {
    while (t.at(i) !== 0 && isSpace(t.at(i))) i++
    if (t.at(i) === 62) break
    const nameStart = i
    while (!isSpace(t.at(i)) && ![61, 62, 47, 34, 39].includes(t.at(i))) i++
    const name = t.slice(nameStart, i)
    if (name === "") return { error: `Empty attribute name in the tag "${tag}" at byte offset ${beginPos}` }
    while (t.at(i) !== 0 && isSpace(t.at(i))) i++
    if (t.at(i) !== 61) {
      if (t.at(i) === 0) return { error: `Unclosed start tag "${tag}" at byte offset ${beginPos}` }
      if (tag === "blockquote" && name === "expandable") argument = "1"
      continue
    }
    i++
    while (t.at(i) !== 0 && isSpace(t.at(i))) i++
    if (t.at(i) === 0) return { error: `Unclosed start tag "${tag}" at byte offset ${beginPos}` }
    let value: string
    if (t.at(i) !== 39 && t.at(i) !== 34) {
      const tokenStart = i
      while (isAlpha(t.at(i)) || isDigit(t.at(i)) || t.at(i) === 46 || t.at(i) === 45) i++
      value = t.slice(tokenStart, i).toLowerCase()
      if (!isSpace(t.at(i)) && t.at(i) !== 62) {
        return { error: `Unexpected end of name token at byte offset ${tokenStart}` }
      }
    } else {
      const quote = t.at(i++)
      const out = new Out()
      while (t.at(i) !== quote && t.at(i) !== 0) {
        const entity = t.at(i) === 38 ? decodeEntity(t, i) : undefined
        if (entity !== undefined) {
          out.pushCodePoint(entity.code)
          i = entity.end
          continue
        }
        out.push(t.at(i++))
      }
      if (t.at(i) === quote) i++
      value = out.text()
    }
    if (t.at(i) === 0) return { error: `Unclosed start tag at byte offset ${beginPos}` }
    if (tag === "a" && name === "href") argument = value
    else if (tag === "code" && name === "class" && value.startsWith("language-")) argument = value.slice(9)
    else if (tag === "span" && name === "class" && value.startsWith("tg-")) argument = value.slice(3)
    else if (tag === "tg-emoji" && name === "emoji-id") argument = value
    else if (tag === "blockquote" && name === "expandable") argument = "1"
  }
  return { argument, end: i }
}

/** The entity a closed tag makes, or an error text. */
const closeEntity = (
  open: Open,
  offset: number,
  length: number,
  entities: Array<ParsedEntity>,
  url: string
): string | undefined => {
  const simple = SIMPLE[open.tag] ?? (open.tag === "span" ? "spoiler" : undefined)
  const last = entities.at(-1)
  if (simple !== undefined) entities.push({ type: simple, offset, length })
  else if (open.tag === "tg-emoji") {
    if (!/^-?[1-9][0-9]{0,18}$/.test(open.argument)) return "Invalid custom emoji identifier specified"
    entities.push({ type: "custom_emoji", offset, length, customEmojiId: open.argument })
  } else if (open.tag === "a") {
    const link = linkEntity(offset, length, open.argument !== "" ? open.argument : url)
    if (link !== undefined) entities.push(link)
  } else if (open.tag === "pre") {
    if (last?.type === "code" && last.offset === offset && last.length === length && last.language !== undefined) {
      entities[entities.length - 1] = { type: "pre", offset, length, language: last.language }
    } else entities.push({ type: "pre", offset, length })
  } else if (open.tag === "code") {
    if (last?.type === "pre" && last.offset === offset && last.length === length && open.argument !== "") {
      entities[entities.length - 1] = { type: "pre", offset, length, language: open.argument }
    } else entities.push({ type: "code", offset, length, ...(open.argument !== "" ? { language: open.argument } : {}) })
  } else if (open.tag === "blockquote") {
    entities.push({ type: open.argument !== "" ? "expandable_blockquote" : "blockquote", offset, length })
  }
  return undefined
}

/** Parses Telegram's HTML. */
export const parseHtml = (input: string): ParseResult => {
  const t = new Bytes(input)
  const out = new Out()
  const entities: Array<ParsedEntity> = []
  const nested: Array<Open> = []
  let utf16 = 0
  for (let i = 0; i < t.size; i++) {
    const c = t.at(i)
    if (c === 38) {
      const entity = decodeEntity(t, i)
      if (entity !== undefined) {
        utf16 += entity.code > 0xffff ? 2 : 1
        out.pushCodePoint(entity.code)
        i = entity.end - 1
        continue
      }
    }
    if (c !== 60) {
      utf16 += utf16Units(c)
      out.push(c)
      continue
    }
    const beginPos = i++
    if (t.at(i) !== 47) {
      while (!isSpace(t.at(i)) && t.at(i) !== 62) i++
      if (t.at(i) === 0) return { error: `Unclosed start tag at byte offset ${beginPos}` }
      const tag = t.slice(beginPos + 1, i).toLowerCase()
      if (!TAGS.has(tag)) return { error: `Unsupported start tag "${tag}" at byte offset ${beginPos}` }
      const attributes = readAttributes(t, i, tag, beginPos)
      if ("error" in attributes) return attributes
      i = attributes.end
      if (tag === "span" && attributes.argument !== "spoiler") {
        return { error: `Tag "span" must have class "tg-spoiler" at byte offset ${beginPos}` }
      }
      nested.push({ tag, argument: attributes.argument, offset: utf16, beginPos: out.size })
      continue
    }
    const open = nested.at(-1)
    if (open === undefined) return { error: `Unexpected end tag at byte offset ${beginPos}` }
    while (!isSpace(t.at(i)) && t.at(i) !== 62) i++
    const endTag = t.slice(beginPos + 2, i).toLowerCase()
    while (isSpace(t.at(i)) && t.at(i) !== 0) i++
    if (t.at(i) !== 62) return { error: `Unclosed end tag at byte offset ${beginPos}` }
    if (endTag !== "" && endTag !== open.tag) {
      return { error: `Unmatched end tag at byte offset ${beginPos}, expected "</${open.tag}>", found "</${endTag}>"` }
    }
    if (utf16 > open.offset) {
      const error = closeEntity(open, open.offset, utf16 - open.offset, entities, out.slice(open.beginPos))
      if (error !== undefined) return { error }
    }
    nested.pop()
  }
  const unclosed = nested.at(-1)
  if (unclosed !== undefined) return { error: `Can't find end tag corresponding to start tag "${unclosed.tag}"` }
  const cleaned = entities.map((
    e
  ) => (e.type === "code" && e.language !== undefined ? { ...e, language: undefined } : e))
    .map(({ language, ...rest }) => (language === undefined ? rest : { ...rest, language }))
  return { text: out.text(), entities: sortEntities(cleaned) }
}
