/**
 * Formatted texts besides a message's own text (captions, a poll's question, options, description and explanation,
 * a checklist's title and tasks): the Bot API's get_formatted_text, from parameters or from fields of a JSON object,
 * then TDLib's fix_formatted_text (trimmed, the entities Telegram finds added), empty allowed or not. Length limits
 * are each caller's.
 */
import { type ApiError, apiError } from "../internal/apiError.js"
import { field, FieldError, type JsonValue, stringField } from "../internal/JsonValue.js"
import type { Params } from "../internal/Params.js"
import type { Formatted } from "../world/content.js"
import { sortEntities } from "./markup/bytes.js"
import { detectEntities } from "./markup/detect.js"
import { type FormattedText, formattedText } from "./text.js"

type Obj = Extract<JsonValue, { kind: "object" }>

/** JSON text of a parsed value (what a JSON field holds, handed to a reader of parameter text). */
export const jsonText = (value: JsonValue): string => {
  switch (value.kind) {
    case "object":
      return `{${value.fields.map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`).join(",")}}`
    case "array":
      return `[${value.items.map(jsonText).join(",")}]`
    case "string":
      return JSON.stringify(value.value)
    case "number":
      return value.text
    case "boolean":
      return String(value.value)
    case "null":
      return "null"
  }
}

/** A Bot API refusal from a text reader's description (`Bad Request: …`). */
const refused = (refusal: string): ApiError => apiError(400, refusal)

/**
 * `Bad Request: <message>` as the real server rewrites TDLib's and its own texts: the first letter lower-cased,
 * unless the text is a Telegram code (its second character a capital or `_`).
 */
export const badRequest = (message: string): ApiError =>
  apiError(400, `Bad Request: ${/^.[A-Z_]/.test(message) ? message : message[0]!.toLowerCase() + message.slice(1)}`)

/** `<name>`, `<name>_parse_mode` (or `parseModeName`) and `<name>_entities` read from the parameters. */
export const formattedParams = (
  params: Params,
  name: string,
  parseModeName = `${name}_parse_mode`,
  entitiesName = `${name}_entities`
): FormattedText | ApiError => {
  const read = formattedText(params.get(name) ?? "", params.get(parseModeName) ?? "", params.get(entitiesName))
  return "refusal" in read ? refused(read.refusal) : read
}

/** A text field of a JSON object with its parse mode and entities fields (the field itself required). */
export const formattedField = (
  object: Obj,
  name: string,
  parseModeName: string,
  entitiesName: string
): FormattedText | FieldError | ApiError => {
  const text = stringField(object, name, true)
  if (text instanceof FieldError) return text
  const parseMode = stringField(object, parseModeName)
  if (parseMode instanceof FieldError) return parseMode
  const entities = field(object, entitiesName)
  const read = formattedText(text, parseMode, entities === undefined ? undefined : jsonText(entities))
  return "refusal" in read ? refused(read.refusal) : read
}

const SPACE = /[ \t\n\r\v\f\u00a0\u2000-\u200b\u3000\ufeff]/

/**
 * TDLib's fix_formatted_text for these texts: trimmed (entities moved and cut to fit), the entities Telegram finds
 * added; an empty result is `text must be non-empty` unless `allowEmpty` (a caption, a description).
 */
export const finishFormatted = (input: FormattedText, allowEmpty: boolean): Formatted | ApiError => {
  let start = 0
  let end = input.text.length
  while (start < end && SPACE.test(input.text[start]!)) start++
  while (end > start && SPACE.test(input.text[end - 1]!)) end--
  if (start === end) {
    return allowEmpty ? { text: "", entities: [] } : apiError(400, "Bad Request: text must be non-empty")
  }
  const text = input.text.slice(start, end)
  const kept = []
  for (const entity of input.entities) {
    const from = Math.max(0, entity.offset - start)
    const to = Math.min(text.length, entity.offset + entity.length - start)
    if (to > from) kept.push({ ...entity, offset: from, length: to - from })
  }
  return { text, entities: sortEntities([...kept, ...detectEntities(text, kept)]) }
}

/** Length in characters (code points), as TDLib's utf8_length counts. */
export const characters = (text: string): number => {
  let n = 0
  for (const _ of text) n++
  return n
}
