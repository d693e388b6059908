/** Markdown (the legacy v1) as TDLib parses it (MessageEntity.cpp parse_markdown), with its error texts. */
import { Bytes, isSpace, linkEntity, Out, type ParsedEntity, type ParseResult, utf16Units } from "./bytes.js"

/** After a ``` at i: the index where the code starts and its language (a first line word, then one newline skipped). */
const preStart = (t: Bytes, i: number): { i: number; language: string } => {
  let language = ""
  let languageEnd = i
  while (!isSpace(t.at(languageEnd)) && t.at(languageEnd) !== 96) languageEnd++
  if (i !== languageEnd && languageEnd < t.size && t.at(languageEnd) !== 96) {
    language = t.slice(i, languageEnd)
    i = languageEnd
  }
  if (t.at(i) === 10 || t.at(i) === 13) {
    const pair = (t.at(i + 1) === 10 || t.at(i + 1) === 13) && t.at(i) !== t.at(i + 1)
    i += pair ? 2 : 1
  }
  return { i, language }
}

/** The entity a closed `c` span makes (a text link reads its URL after the `]`); the index after it. */
const closeSpan = (
  t: Bytes,
  out: Out,
  span: { c: number; offset: number; length: number; start: number; isPre: boolean; language: string },
  i: number,
  entities: Array<ParsedEntity>
): number => {
  const { c, length, offset } = span
  if (c === 95) entities.push({ type: "italic", offset, length })
  else if (c === 42) entities.push({ type: "bold", offset, length })
  else if (c === 91) {
    let url: string
    if (t.at(i + 1) !== 40) {
      url = out.slice(span.start)
    } else {
      i += 2
      const urlStart = i
      while (i < t.size && t.at(i) !== 41) i++
      url = t.slice(urlStart, i)
    }
    const link = linkEntity(offset, length, url)
    if (link !== undefined) entities.push(link)
  } else if (span.isPre) {
    entities.push(
      span.language === "" ? { type: "pre", offset, length } : { type: "pre", offset, length, language: span.language }
    )
  } else {
    entities.push({ type: "code", offset, length })
  }
  return i
}

/** Parses legacy Markdown: `*bold*`, `_italic_`, `` `code` ``, ```` ```pre``` ````, `[text](url)`. */
export const parseMarkdown = (input: string): ParseResult => {
  const t = new Bytes(input)
  const out = new Out()
  const entities: Array<ParsedEntity> = []
  let utf16 = 0
  for (let i = 0; i < t.size; i++) {
    const c = t.at(i)
    const next = t.at(i + 1)
    if (c === 92 && (next === 95 || next === 42 || next === 96 || next === 91)) {
      i++
      out.push(t.at(i))
      utf16++
      continue
    }
    if (c !== 95 && c !== 42 && c !== 96 && c !== 91) {
      utf16 += utf16Units(c)
      out.push(c)
      continue
    }
    const beginPos = i
    const endCharacter = c === 91 ? 93 : c
    let isPre = false
    i++
    let language = ""
    if (c === 96 && t.at(i) === 96 && t.at(i + 1) === 96) {
      isPre = true
      ;({ i, language } = preStart(t, i + 2))
    }
    const entityOffset = utf16
    const entityStart = out.size
    while (i < t.size && (t.at(i) !== endCharacter || (isPre && !(t.at(i + 1) === 96 && t.at(i + 2) === 96)))) {
      utf16 += utf16Units(t.at(i))
      out.push(t.at(i++))
    }
    if (i === t.size) return { error: `Can't find end of the entity starting at byte offset ${beginPos}` }
    if (entityOffset !== utf16) {
      const span = { c, offset: entityOffset, length: utf16 - entityOffset, start: entityStart, isPre, language }
      i = closeSpan(t, out, span, i, entities)
    }
    if (isPre) i += 2
  }
  return { text: out.text(), entities }
}
