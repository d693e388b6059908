/** MarkdownV2 as TDLib parses it (MessageEntity.cpp parse_markdown_v2), with its error texts. */
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

interface Open {
  type: string
  argument: string
  readonly offset: number
  readonly byteOffset: number
  readonly beginPos: number
}

const RESERVED = "_*[]()~`>#+-=|{}.!\n"

const reserved = (c: number): ParseResult => ({
  error: `Character '${String.fromCharCode(c)}' is reserved and must be escaped with the preceding '\\'`
})
const noEnd = (open: Open): ParseResult => ({
  error: `Can't find end of ${open.type} entity at byte offset ${open.byteOffset}`
})

const ENTITY_TYPES: Readonly<Record<string, string>> = {
  Bold: "bold",
  Italic: "italic",
  Underline: "underline",
  Strikethrough: "strikethrough",
  Spoiler: "spoiler",
  Code: "code",
  Pre: "pre",
  PreCode: "pre",
  BlockQuote: "blockquote",
  ExpandableBlockQuote: "expandable_blockquote"
}

/** Reads `(url)` after a `]` at i: the url (escapes removed) and the index of `)`, or the error. */
const readUrl = (t: Bytes, i: number): { url: string; end: number } | { error: string } => {
  const begin = i
  const bytes: Array<number> = []
  while (i < t.size && t.at(i) !== 41) {
    if (t.at(i) === 92 && t.at(i + 1) > 0 && t.at(i + 1) <= 126) {
      bytes.push(t.at(i + 1))
      i += 2
      continue
    }
    bytes.push(t.at(i++))
  }
  if (t.at(i) !== 41) return { error: `Can't find end of a URL at byte offset ${begin}` }
  return { url: new TextDecoder().decode(Uint8Array.from(bytes)), end: i }
}

class V2 {
  readonly out = new Out()
  readonly entities: Array<ParsedEntity> = []
  readonly nested: Array<Open> = []
  utf16 = 0
  haveBlockquote = false
  canStartBlockquote = true
  constructor(readonly t: Bytes) {}

  isEnd(i: number, c: number): boolean {
    const top = this.nested.at(-1)
    if (top === undefined) return false
    const t = this.t
    if (this.haveBlockquote && c === 10 && (i + 1 === t.size || t.at(i + 1) !== 62)) return true
    switch (top.type) {
      case "Bold":
        return c === 42
      case "Italic":
        return c === 95 && t.at(i + 1) !== 95
      case "Code":
        return c === 96
      case "Pre":
      case "PreCode":
        return c === 96 && t.at(i + 1) === 96 && t.at(i + 2) === 96
      case "TextUrl":
      case "CustomEmoji":
        return c === 93
      case "Underline":
        return c === 95 && t.at(i + 1) === 95
      case "Strikethrough":
        return c === 126
      case "Spoiler":
        return c === 124 && t.at(i + 1) === 124
      default:
        return false
    }
  }

  /** Opens an entity at i; the new index, or an error. */
  open(i: number, c: number): number | ParseResult {
    const t = this.t
    const byteOffset = i
    let type: string | undefined
    let argument = ""
    if (c === 95) {
      type = t.at(i + 1) === 95 ? (i++, "Underline") : "Italic"
    } else if (c === 42) type = "Bold"
    else if (c === 126) type = "Strikethrough"
    else if (c === 124) {
      if (t.at(i + 1) !== 124) return reserved(c)
      i++
      type = "Spoiler"
    } else if (c === 91) type = "TextUrl"
    else if (c === 96) {
      if (t.at(i + 1) === 96 && t.at(i + 2) === 96) {
        i += 3
        type = "Pre"
        let languageEnd = i
        while (!isSpace(t.at(languageEnd)) && t.at(languageEnd) !== 96) languageEnd++
        if (i !== languageEnd && languageEnd < t.size && t.at(languageEnd) !== 96) {
          type = "PreCode"
          argument = t.slice(i, languageEnd)
          i = languageEnd
        }
        if (t.at(i) === 10 || t.at(i) === 13) {
          i += (t.at(i + 1) === 10 || t.at(i + 1) === 13) && t.at(i) !== t.at(i + 1) ? 2 : 1
        }
        i--
      } else type = "Code"
    } else if (c === 33) {
      if (t.at(i + 1) !== 91) return reserved(c)
      i++
      type = "CustomEmoji"
    } else if (c === 10) {
      this.utf16++
      this.out.push(10)
      this.canStartBlockquote = true
    } else if (c === 62) {
      if (!this.canStartBlockquote) return reserved(c)
      if (!this.haveBlockquote) {
        type = "BlockQuote"
        this.haveBlockquote = true
      }
    } else return reserved(c)
    if (type !== undefined) {
      this.nested.push({ type, argument, offset: this.utf16, byteOffset, beginPos: this.out.size })
    }
    return i
  }

  /** Closes the innermost entity at i; the new index, or an error. */
  close(i: number, c: number): number | ParseResult {
    const t = this.t
    let top = this.nested.at(-1)!
    let type = top.type
    if (c === 10 && type !== "BlockQuote") {
      const spoilerEnd = type === "Spoiler" &&
        (top.byteOffset === i - 2 || (top.byteOffset === i - 3 && this.out.size !== 0))
      if (!spoilerEnd) return noEnd(top)
      this.nested.pop()
      top = this.nested.at(-1)!
      if (top.type !== "BlockQuote") return noEnd(top)
      type = "ExpandableBlockQuote"
    }
    let skip = this.utf16 === top.offset
    let entity: ParsedEntity | undefined
    const length = this.utf16 - top.offset
    if (type === "Underline" || type === "Spoiler") i++
    else if (type === "Pre" || type === "PreCode") i += 2
    else if (type === "TextUrl") {
      let url: string
      if (t.at(i + 1) !== 40) url = this.out.slice(top.beginPos)
      else {
        const read = readUrl(t, i + 2)
        if ("error" in read) return read
        url = read.url
        i = read.end
      }
      entity = linkEntity(top.offset, length, url)
      if (entity === undefined) skip = true
    } else if (type === "CustomEmoji") {
      if (t.at(i + 1) !== 40) return { error: "The entity must contain a tg://emoji or tg://time URL" }
      const read = readUrl(t, i + 2)
      if ("error" in read) return read
      i = read.end
      const id = /^tg:\/\/emoji\?id=([1-9][0-9]{0,18})$/.exec(read.url)
      if (id === null) return { error: "Invalid tg://emoji or tg://time URL specified" }
      entity = { type: "custom_emoji", offset: top.offset, length, customEmojiId: id[1]! }
    } else if (type === "BlockQuote" || type === "ExpandableBlockQuote") {
      this.haveBlockquote = false
      this.out.push(t.at(i))
      this.canStartBlockquote = true
      this.utf16++
      skip = false
    }
    if (!skip) {
      const finalLength = this.utf16 - top.offset
      this.entities.push(
        entity ?? {
          type: ENTITY_TYPES[type]!,
          offset: top.offset,
          length: finalLength,
          ...(type === "PreCode" ? { language: top.argument } : {})
        }
      )
    }
    this.nested.pop()
    return i
  }

  finish(): ParseResult {
    if (this.haveBlockquote) {
      let type = "blockquote"
      let top = this.nested.at(-1)!
      if (top.type === "Spoiler" && top.byteOffset === this.t.size - 2) {
        this.nested.pop()
        top = this.nested.at(-1)!
        type = "expandable_blockquote"
      }
      if (top.type === "BlockQuote") {
        const length = this.utf16 - top.offset
        if (length !== 0) this.entities.push({ type, offset: top.offset, length })
        this.nested.pop()
      }
    }
    const open = this.nested.at(-1)
    if (open !== undefined) return noEnd(open)
    return { text: this.out.text(), entities: sortEntities(this.entities) }
  }
}

/** Parses MarkdownV2. */
export const parseMarkdownV2 = (input: string): ParseResult => {
  const t = new Bytes(input)
  const p = new V2(t)
  for (let i = 0; i < t.size; i++) {
    const c = t.at(i)
    if (c === 92 && t.at(i + 1) > 0 && t.at(i + 1) <= 126) {
      i++
      p.utf16++
      p.out.push(t.at(i))
      if (t.at(i) !== 13) p.canStartBlockquote = t.at(i) === 10
      continue
    }
    const top = p.nested.at(-1)?.type
    const set = top === "Code" || top === "Pre" || top === "PreCode" ? "`" : RESERVED
    if (!set.includes(String.fromCharCode(c)) || c >= 128) {
      if (utf16Units(c) > 0) {
        p.utf16 += utf16Units(c)
        if (c !== 13) p.canStartBlockquote = false
      }
      p.out.push(c)
      continue
    }
    const next = p.isEnd(i, c) ? p.close(i, c) : p.open(i, c)
    if (typeof next !== "number") return next
    i = next
  }
  return p.finish()
}
