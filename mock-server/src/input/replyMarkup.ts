/**
 * `reply_markup` as the real server reads it (telegram-wire-bots.md §11, telegram-wire-messages.md §M3, Client.cpp
 * get_reply_markup, TDLib ReplyMarkup.cpp): the Bot API's JSON checks of all four kinds first (a reply keyboard's
 * buttons: input/replyKeyboard.ts), then TDLib's checks of the kind it is (a channel takes inline keyboards only; an
 * inline keyboard's buttons: non-empty text, URLs; a reply keyboard's request buttons) and Telegram's (callback_data
 * at most 64 bytes). Only inline keyboards are kept on a message; the other kinds are remembered by their kind.
 */
import { checkLink, linkUserId } from "../internal/HttpUrl.js"
import {
  boolField,
  field,
  FieldError,
  intField,
  type JsonValue,
  parseJson,
  stringField
} from "../internal/JsonValue.js"
import type { ButtonRecord } from "../world/messages.js"
import { buttonStyle, checkReplyKeyboard, type KeyboardButtonInput, readKeyboardButton } from "./replyKeyboard.js"
import type { TextRefusal } from "./text.js"

type Obj = Extract<JsonValue, { kind: "object" }>

/** An inline button as the Bot API read it, before TDLib's checks. */
interface InputButton {
  readonly text: string
  readonly style: string
  /** The action's key (`url`, `callback_data`, …) and value (a string, or the JSON of an object value). */
  readonly action: string
  readonly value: string
}

const refusal = (message: string): TextRefusal => ({
  refusal: `Bad Request: ${
    message.length >= 2 && /[A-Z_]/.test(message[1]!) ? message : message[0]!.toLowerCase() + message.slice(1)
  }`
})

const objectAction = (object: Obj, name: string, inner: string, required: boolean): string | FieldError => {
  const value = field(object, name)!
  if (value.kind !== "object") return new FieldError(`Field "${name}" must be of type Object`)
  const text = stringField(value, inner, required)
  return text instanceof FieldError ? text : JSON.stringify({ [inner]: text })
}

/** The first usable action of a button, in the real server's order. */
const buttonAction = (object: Obj): readonly [string, string] | FieldError => {
  for (const name of ["url", "callback_data"]) {
    const value = stringField(object, name)
    if (value instanceof FieldError) return value
    if (value !== "") return [name, value]
  }
  if (field(object, "callback_game") !== undefined) return ["callback_game", "{}"]
  if (field(object, "pay") !== undefined) return ["pay", "true"]
  for (const name of ["switch_inline_query", "switch_inline_query_chosen_chat", "switch_inline_query_current_chat"]) {
    if (field(object, name) === undefined) continue
    if (name === "switch_inline_query_chosen_chat") {
      const value = objectAction(object, name, "query", false)
      return value instanceof FieldError ? value : [name, value]
    }
    const value = stringField(object, name, true)
    return value instanceof FieldError ? value : [name, value]
  }
  for (const [name, inner] of [["login_url", "url"], ["web_app", "url"], ["copy_text", "text"]] as const) {
    if (field(object, name) === undefined) continue
    const value = objectAction(object, name, inner, true)
    return value instanceof FieldError ? value : [name, value]
  }
  return new FieldError("Text buttons are unallowed in the inline keyboard")
}

const inputButton = (button: JsonValue): InputButton | FieldError => {
  if (button.kind !== "object") return new FieldError("InlineKeyboardButton must be an Object")
  const text = stringField(button, "text", true)
  if (text instanceof FieldError) return text
  const icon = intField(button, "icon_custom_emoji_id", false, 64)
  if (icon instanceof FieldError) return icon
  const style = buttonStyle(button)
  if (style instanceof FieldError) return style
  const action = buttonAction(button)
  if (action instanceof FieldError) return action
  return { text, style, action: action[0], value: action[1] }
}

const arrayOfArrays = (object: Obj, name: string): ReadonlyArray<JsonValue> | FieldError | undefined => {
  const value = field(object, name)
  if (value === undefined || value.kind === "null") return undefined
  if (value.kind !== "array") return new FieldError(`Field "${name}" must be of type Array`)
  return value.items
}

/** A reply_markup as the Bot API read it: its kind, with its buttons for the two keyboards. */
export type MarkupInput =
  | { readonly kind: "inline"; readonly rows: Array<Array<InputButton>> }
  | { readonly kind: "keyboard"; readonly rows: Array<Array<KeyboardButtonInput>> }
  | { readonly kind: "remove" }
  | { readonly kind: "force_reply" }

/** The rows of a reply keyboard, each button read (get_keyboard_button). */
const keyboardRows = (rows: ReadonlyArray<JsonValue>): Array<Array<KeyboardButtonInput>> | TextRefusal => {
  const out: Array<Array<KeyboardButtonInput>> = []
  for (const row of rows) {
    if (row.kind !== "array") return refusal(`Field "keyboard" must be an Array of Arrays`)
    const buttons: Array<KeyboardButtonInput> = []
    for (const button of row.items) {
      const read = readKeyboardButton(button)
      if (read instanceof FieldError) return refusal(`Can't parse keyboard button: ${read.message}`)
      buttons.push(read)
    }
    out.push(buttons)
  }
  return out
}

/** The rows of an inline keyboard, each button read (get_inline_keyboard_button). */
const inlineRows = (rows: ReadonlyArray<JsonValue>): Array<Array<InputButton>> | TextRefusal => {
  const out: Array<Array<InputButton>> = []
  for (const row of rows) {
    if (row.kind !== "array") {
      return refusal(`Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`)
    }
    const buttons: Array<InputButton> = []
    for (const button of row.items) {
      const read = inputButton(button)
      if (read instanceof FieldError) return refusal(`Can't parse inline keyboard button: ${read.message}`)
      buttons.push(read)
    }
    out.push(buttons)
  }
  return out
}

/** The Bot API's reading of any kind: the first of a keyboard, an inline keyboard, a removal, a force reply. */
export const readMarkup = (param: string | undefined): MarkupInput | undefined | TextRefusal => {
  if (param === undefined || param === "") return undefined
  const json = parseJson(param)
  if (json === undefined) return refusal("Can't parse reply keyboard markup JSON object")
  if (json.kind !== "object") return refusal("Object expected as reply markup")
  const keyboardField = arrayOfArrays(json, "keyboard")
  if (keyboardField instanceof FieldError) return refusal(keyboardField.message)
  const keyboard = keyboardRows(keyboardField ?? [])
  if ("refusal" in keyboard) return keyboard
  const inlineField = arrayOfArrays(json, "inline_keyboard")
  if (inlineField instanceof FieldError) return refusal(inlineField.message)
  const inline = inlineRows(inlineField ?? [])
  if ("refusal" in inline) return inline
  const flags: Record<string, boolean> = {}
  const names = [
    "hide_keyboard",
    "remove_keyboard",
    "personal_keyboard",
    "selective",
    "force_reply_keyboard",
    "force_reply"
  ]
  for (const name of names) {
    const flag = boolField(json, name)
    if (flag instanceof FieldError) return refusal(flag.message)
    flags[name] = flag
  }
  const placeholder = stringField(json, "input_field_placeholder")
  if (placeholder instanceof FieldError) return refusal(placeholder.message)
  if (keyboard.length > 0) {
    for (const name of ["resize_keyboard", "one_time_keyboard", "is_persistent"]) {
      const flag = boolField(json, name)
      if (flag instanceof FieldError) return refusal(flag.message)
    }
    return { kind: "keyboard", rows: keyboard }
  }
  if (inline.length > 0) return { kind: "inline", rows: inline }
  if (flags["hide_keyboard"] || flags["remove_keyboard"]) return { kind: "remove" }
  if (flags["force_reply"] || flags["force_reply_keyboard"]) return { kind: "force_reply" }
  return undefined
}

/** The Bot API's reading: the inline keyboard's buttons (undefined for none, or another kind of markup). */
export const readReplyMarkup = (param: string | undefined): Array<Array<InputButton>> | undefined | TextRefusal => {
  const markup = readMarkup(param)
  if (markup === undefined || "refusal" in markup) return markup
  return markup.kind === "inline" ? markup.rows : undefined
}

/** What a sent message keeps of its markup: the inline keyboard, or the kind of the other markups. */
export interface KeptMarkup {
  readonly keyboard: Array<Array<ButtonRecord>> | undefined
  readonly replyKeyboard: "keyboard" | "remove" | "force_reply" | undefined
}

/**
 * TDLib's checks of a send's markup (the parameter as sent, already read by readReplyMarkup) in a chat: a channel
 * takes an inline keyboard only (`inline keyboard expected`); request buttons go to private chats only.
 */
export const finishReplyMarkup = (
  param: string | undefined,
  chatType: "private" | "group" | "supergroup" | "channel"
): KeptMarkup | TextRefusal => {
  const markup = readMarkup(param)
  if (markup === undefined) return { keyboard: undefined, replyKeyboard: undefined }
  if ("refusal" in markup) return markup
  if (chatType === "channel" && markup.kind !== "inline") return refusal("Inline keyboard expected")
  switch (markup.kind) {
    case "inline": {
      const keyboard = finishKeyboard(markup.rows, chatType === "channel")
      if ("refusal" in keyboard) return keyboard
      // TDLib drops empty rows; a keyboard left with none is no markup.
      const rows = keyboard.filter((row) => row.length > 0)
      return { keyboard: rows.length > 0 ? rows : undefined, replyKeyboard: undefined }
    }
    case "keyboard": {
      const checked = checkReplyKeyboard(markup.rows, chatType === "private")
      if ("refusal" in checked) return refusal(checked.refusal)
      return { keyboard: undefined, replyKeyboard: checked.kept ? "keyboard" : undefined }
    }
    default:
      return { keyboard: undefined, replyKeyboard: markup.kind }
  }
}

const STYLES = new Set(["primary", "danger", "success"])

/** TDLib's and Telegram's checks of an inline keyboard, and the buttons as the message keeps them. */
export const finishKeyboard = (
  rows: ReadonlyArray<ReadonlyArray<InputButton>>,
  inChannel: boolean
): Array<Array<ButtonRecord>> | TextRefusal => {
  const out: Array<Array<ButtonRecord>> = []
  for (const row of rows) {
    const buttons: Array<ButtonRecord> = []
    for (const button of row) {
      if (button.text === "") return refusal("Inline keyboard button text must be non-empty")
      let value = button.value
      if (button.action === "url" && linkUserId(value) === undefined) {
        const checked = checkLink(value)
        if (typeof checked !== "string") {
          return refusal(`Inline keyboard button URL '${value}' is invalid: ${checked.error}`)
        }
        value = checked
      }
      if (
        inChannel && button.action.startsWith("switch_inline_query") &&
        button.action !== "switch_inline_query_chosen_chat"
      ) {
        return refusal(
          `Can't use ${button.action} button in a channel chat, because users will not be able to use the button without knowing bot's username`
        )
      }
      if (button.action === "callback_data" && Buffer.byteLength(value) > 64) return refusal("BUTTON_DATA_INVALID")
      const style = STYLES.has(button.style) ? `,"style":"${button.style}"` : ""
      const jsonValue = button.action === "pay" ||
          ["callback_game", "login_url", "web_app", "copy_text", "switch_inline_query_chosen_chat"].includes(
            button.action
          )
        ? value
        : JSON.stringify(value)
      buttons.push({
        json: `{"text":${JSON.stringify(button.text)}${style},"${button.action}":${jsonValue}}`,
        text: button.text,
        ...(button.action === "callback_data" ? { callbackData: value } : {}),
        ...(button.action === "url" ? { url: value } : {})
      })
    }
    out.push(buttons)
  }
  return out
}

export type { InputButton }
