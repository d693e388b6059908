/**
 * A message's text as the real server takes it (telegram-wire-bots.md §11): the Bot API's checks (size in bytes,
 * parse_mode, the markup parsers, the `entities` JSON), then TDLib's (clean, trim, find entities, at most 4096
 * characters). Each failure is the description the server answers.
 */
import { field, type FieldError, intField, parseJson, stringField } from "../internal/JsonValue.js"
import { cleanInputString } from "../internal/text.js"
import type { Entity } from "../world/messages.js"
import type { ParsedEntity } from "./markup/bytes.js"
import { sortEntities } from "./markup/bytes.js"
import { detectEntities } from "./markup/detect.js"
import { parseHtml } from "./markup/html.js"
import { parseMarkdown } from "./markup/markdown.js"
import { parseMarkdownV2 } from "./markup/markdownV2.js"

/** A text and its entities. */
export interface FormattedText {
  readonly text: string
  readonly entities: ReadonlyArray<Entity>
}

/** A refusal: the description (with its `Bad Request: ` prefix). */
export interface TextRefusal {
  readonly refusal: string
}

const MAX_TEXT_BYTES = 1 << 15
const MAX_MESSAGE_CHARACTERS = 4096
const AUTO_DETECTED = new Set(["mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number"])
const SIMPLE_TYPES = new Set([
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "spoiler",
  "code",
  "blockquote",
  "expandable_blockquote"
])

const isError = (value: unknown): value is FieldError =>
  typeof value === "object" && value !== null && "message" in value && !("type" in value)

/** One item of `entities` (Client.cpp get_text_entity): the entity, undefined for a type Telegram finds itself. */
const inputEntity = (item: NonNullable<ReturnType<typeof parseJson>>): ParsedEntity | undefined | string => {
  if (item.kind !== "object") return "expected an Object"
  const offset = intField(item, "offset", true)
  if (isError(offset)) return offset.message
  const length = intField(item, "length", true)
  if (isError(length)) return length.message
  const type = stringField(item, "type", true)
  if (isError(type)) return type.message
  if (type === "") return "Type is not specified"
  if (SIMPLE_TYPES.has(type)) return { type, offset, length }
  if (type === "pre") {
    const language = stringField(item, "language")
    if (isError(language)) return language.message
    return language === "" ? { type, offset, length } : { type, offset, length, language }
  }
  if (type === "text_link") {
    const url = stringField(item, "url", true)
    return isError(url) ? url.message : { type, offset, length, url }
  }
  if (type === "text_mention") {
    const user = field(item, "user")
    if (user === undefined) return `Can't find field "user"`
    if (user.kind !== "object") return `Field "user" must be of type Object`
    const id = intField(user, "id", true, 64)
    return isError(id) ? id.message : { type, offset, length, userId: id }
  }
  if (type === "custom_emoji") {
    const id = intField(item, "custom_emoji_id", true, 64)
    return isError(id) ? id.message : { type, offset, length, customEmojiId: String(id) }
  }
  if (type === "date_time" || AUTO_DETECTED.has(type) || type === "bank_card_number") return undefined
  return "Unsupported type specified"
}

const inputEntities = (param: string | undefined): Array<ParsedEntity> | TextRefusal => {
  const json = param === undefined || param === "" ? undefined : parseJson(param)
  if (json === undefined || json.kind !== "array") return []
  const out: Array<ParsedEntity> = []
  for (const item of json.items) {
    const entity = inputEntity(item)
    if (typeof entity === "string") return { refusal: `Bad Request: can't parse MessageEntity: ${entity}` }
    if (entity !== undefined) out.push(entity)
  }
  return out
}

/**
 * The Bot API's part (get_formatted_text): at most 32768 bytes; `parse_mode` HTML, Markdown or MarkdownV2 (any case;
 * "" and "none" are plain) parses the text and ignores `entities`; otherwise `entities` (malformed JSON is ignored).
 */
export const formattedText = (
  text: string,
  parseMode: string,
  entities: string | undefined
): FormattedText | TextRefusal => {
  if (Buffer.byteLength(text) > MAX_TEXT_BYTES) return { refusal: "Bad Request: text is too long" }
  const mode = parseMode.toLowerCase()
  if (text !== "" && mode !== "" && mode !== "none") {
    const parse = mode === "markdown"
      ? parseMarkdown
      : mode === "markdownv2"
      ? parseMarkdownV2
      : mode === "html"
      ? parseHtml
      : undefined
    if (parse === undefined) return { refusal: "Bad Request: unsupported parse_mode" }
    const parsed = parse(cleanInputString(text))
    if ("error" in parsed) return { refusal: `Bad Request: can't parse entities: ${parsed.error}` }
    return parsed
  }
  const list = inputEntities(entities)
  if ("refusal" in list) return list
  for (const entity of list) {
    if (entity.offset < 0 || entity.offset > 1_000_000) {
      return { refusal: `Bad Request: receive an entity with incorrect offset ${entity.offset}` }
    }
    if (entity.length < 0 || entity.length > 1_000_000) {
      return { refusal: `Bad Request: receive an entity with incorrect length ${entity.length}` }
    }
  }
  return { text: cleanInputString(text), entities: list }
}

const SPACE = /[ \t\n\r\v\f\u00a0\u2000-\u200b\u3000\ufeff]/

/** The text trimmed (entities moved and cut to fit), with the entities Telegram finds by itself added. */
const trimmed = (input: FormattedText): FormattedText => {
  let start = 0
  let end = input.text.length
  while (start < end && SPACE.test(input.text[start]!)) start++
  while (end > start && SPACE.test(input.text[end - 1]!)) end--
  const text = input.text.slice(start, end)
  const kept: Array<ParsedEntity> = []
  for (const entity of input.entities) {
    const from = Math.max(0, entity.offset - start)
    const to = Math.min(text.length, entity.offset + entity.length - start)
    if (to > from) kept.push({ ...entity, offset: from, length: to - from })
  }
  return { text, entities: text === "" ? [] : sortEntities([...kept, ...detectEntities(text, kept)]) }
}

/**
 * TDLib's part (fix_formatted_text, then the message length): the text trimmed (entities moved and cut to fit),
 * non-empty, at most 4096 characters (code points), with the entities Telegram finds by itself added.
 */
export const finishText = (input: FormattedText): FormattedText | TextRefusal => {
  const text = trimmed(input)
  if (text.text === "") return { refusal: "Bad Request: text must be non-empty" }
  if ([...text.text].length > MAX_MESSAGE_CHARACTERS) return { refusal: "Bad Request: message is too long" }
  return text
}

/** The most a caption may hold after parsing and trimming (message_caption_length_max). */
const MAX_CAPTION_CHARACTERS = 1024

/** A caption as TDLib takes it: trimmed like a text; empty or blank is no caption; at most 1024 characters. */
export const finishCaption = (input: FormattedText): FormattedText | TextRefusal => {
  const text = trimmed(input)
  if ([...text.text].length > MAX_CAPTION_CHARACTERS) return { refusal: "Bad Request: message caption is too long" }
  return text
}
