/** What the TDLib text parsers share: UTF-8 bytes read like a NUL-terminated C string, and the entities they make. */
import { checkLink, linkUserId } from "../../internal/HttpUrl.js"

/** An entity a parser found (UTF-16 offsets). */
export interface ParsedEntity {
  readonly type: string
  readonly offset: number
  readonly length: number
  readonly url?: string
  readonly language?: string
  readonly userId?: number
  readonly customEmojiId?: string
}

/** A parse: the plain text and its entities, or TDLib's error text. */
export type ParseResult = { readonly text: string; readonly entities: Array<ParsedEntity> } | { readonly error: string }

/** UTF-8 bytes with C-string reads: past the end reads 0. */
export class Bytes {
  readonly b: Uint8Array
  constructor(text: string) {
    this.b = new TextEncoder().encode(text)
  }
  get size(): number {
    return this.b.length
  }
  at(i: number): number {
    return i < this.b.length ? this.b[i]! : 0
  }
  char(i: number): string {
    return String.fromCharCode(this.at(i))
  }
  slice(from: number, to: number): string {
    return new TextDecoder().decode(this.b.subarray(from, to))
  }
}

/** The first byte of a UTF-8 character (not a continuation byte). */
export const isFirstByte = (c: number): boolean => (c & 0xc0) !== 0x80

/** How many UTF-16 units the character starting with this byte takes (a 4-byte character is a surrogate pair). */
export const utf16Units = (c: number): number => (isFirstByte(c) ? 1 + (c >= 0xf0 ? 1 : 0) : 0)

/** TDLib's is_space. */
export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0 || c === 11

/** A growing output of bytes. */
export class Out {
  private readonly parts: Array<number> = []
  push(c: number): void {
    this.parts.push(c)
  }
  pushCodePoint(code: number): void {
    for (const byte of new TextEncoder().encode(String.fromCodePoint(code))) this.parts.push(byte)
  }
  get size(): number {
    return this.parts.length
  }
  slice(from: number, to = this.parts.length): string {
    return new TextDecoder().decode(Uint8Array.from(this.parts.slice(from, to)))
  }
  text(): string {
    return this.slice(0)
  }
}

/** A text link's entity: `tg://user?id=` makes a text_mention, a checked URL a text_link, anything else nothing. */
export const linkEntity = (offset: number, length: number, url: string): ParsedEntity | undefined => {
  const userId = linkUserId(url)
  if (userId !== undefined) return { type: "text_mention", offset, length, userId }
  const checked = checkLink(url)
  return typeof checked === "string" ? { type: "text_link", offset, length, url: checked } : undefined
}

/** TDLib's sort_entities: by offset, the longer first. */
export const sortEntities = (entities: Array<ParsedEntity>): Array<ParsedEntity> =>
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length)
