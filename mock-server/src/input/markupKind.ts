/**
 * Which kind of reply markup a `reply_markup` parameter is, once readReplyMarkup accepted its JSON (Client.cpp
 * get_reply_markup: the first of a non-empty `keyboard`, a non-empty `inline_keyboard`, `remove_keyboard` (or
 * `hide_keyboard`), `force_reply` (or `force_reply_keyboard`) wins), and which of them TDLib keeps on a message.
 */
import { field, type JsonValue, parseJson } from "../internal/JsonValue.js"
import type { ReplyKeyboardKind } from "../world/forwards.js"

type Obj = Extract<JsonValue, { kind: "object" }>

/** A markup kind as the Bot API reads it. */
export type MarkupKind = "inline" | ReplyKeyboardKind

const isTrue = (object: Obj, name: string): boolean => {
  const value = field(object, name)
  return value?.kind === "boolean" && value.value
}

const rows = (object: Obj, name: string): ReadonlyArray<JsonValue> => {
  const value = field(object, name)
  return value?.kind === "array" ? value.items : []
}

const parsed = (param: string | undefined): Obj | undefined => {
  const json = param === undefined || param === "" ? undefined : parseJson(param)
  return json?.kind === "object" ? json : undefined
}

/** The markup's kind as the Bot API reads it (undefined: none). */
export const markupKind = (param: string | undefined): MarkupKind | undefined => {
  const object = parsed(param)
  if (object === undefined) return undefined
  if (rows(object, "keyboard").length > 0) return "keyboard"
  if (rows(object, "inline_keyboard").length > 0) return "inline"
  if (isTrue(object, "remove_keyboard") || isTrue(object, "hide_keyboard")) return "remove"
  if (isTrue(object, "force_reply") || isTrue(object, "force_reply_keyboard")) return "force_reply"
  return undefined
}

/** A reply keyboard button TDLib keeps: one with a text or an icon. */
const keptButton = (button: JsonValue): boolean => {
  if (button.kind === "string") return button.value !== ""
  if (button.kind !== "object") return false
  const text = field(button, "text")
  const icon = field(button, "icon_custom_emoji_id")
  return (text?.kind === "string" && text.value !== "") || (icon !== undefined && icon.kind !== "null")
}

/** The non-inline markup a sent message keeps (a reply keyboard TDLib leaves no button of is none). */
export const keptReplyKeyboard = (param: string | undefined): ReplyKeyboardKind | undefined => {
  const kind = markupKind(param)
  if (kind === "inline" || kind === undefined) return undefined
  if (kind !== "keyboard") return kind
  const object = parsed(param)!
  const any = rows(object, "keyboard").some((row) => row.kind === "array" && row.items.some(keptButton))
  return any ? "keyboard" : undefined
}
