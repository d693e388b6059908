/**
 * The reply keyboard of `reply_markup` (telegram-wire-messages.md §M3; Client.cpp get_keyboard_button,
 * get_keyboard_button_type, get_button_style; TDLib ReplyMarkup.cpp get_keyboard_button): each button read as the Bot
 * API reads it (a String, or an Object with `text`, `icon_custom_emoji_id`, `style` and at most one request field,
 * tried in the real order), then TDLib's checks (a request button in a private chat only, a Web App's URL on HTTPS,
 * at most 12 buttons a row and 300 in all, empty buttons dropped).
 */
import { linkUserId, parseUrl } from "../internal/HttpUrl.js"
import { boolField, field, FieldError, intField, type JsonValue, stringField } from "../internal/JsonValue.js"
import { ADMIN_RIGHT_KEYS as RIGHTS } from "./botInfo.js"

type Obj = Extract<JsonValue, { kind: "object" }>

/** What a keyboard button asks for when pressed. */
export type KeyboardRequest = "" | "phone" | "location" | "poll" | "web_app" | "users" | "chat" | "managed_bot"

/** A keyboard button as the Bot API read it. */
export interface KeyboardButtonInput {
  readonly text: string
  readonly hasIcon: boolean
  readonly request: KeyboardRequest
  /** A Web App button's URL. */
  readonly url: string
}

/** TDLib's get_button_style: "", default, primary, danger, success (any case); else refused. */
export const buttonStyle = (object: Obj): string | FieldError => {
  const style = stringField(object, "style")
  if (style instanceof FieldError) return style
  const lower = style.toLowerCase()
  return ["", "default", "primary", "danger", "success"].includes(lower)
    ? lower
    : new FieldError("invalid button style specified")
}

/** An object field that must be an Object when present (extract_required_field). */
const objectOf = (object: Obj, name: string): Obj | FieldError => {
  const value = field(object, name)!
  return value.kind === "object" ? value : new FieldError(`Field "${name}" must be of type Object`)
}

/** Reads fields of an object in order; the first failure is the answer. */
const readAll = (object: Obj, reads: ReadonlyArray<readonly [string, "bool" | "int" | "string" | "required int"]>) => {
  for (const [name, kind] of reads) {
    const value = kind === "bool"
      ? boolField(object, name)
      : kind === "string"
      ? stringField(object, name)
      : intField(object, name, kind === "required int")
    if (value instanceof FieldError) return value
  }
  return undefined
}

const rightsOf = (object: Obj, name: string): FieldError | undefined => {
  const value = field(object, name)
  if (value === undefined) return undefined
  if (value.kind !== "object") return new FieldError("ChatAdministratorRights must be an Object")
  return readAll(value, RIGHTS.map((right) => [right, "bool"] as const))
}

/** The request a button makes (get_keyboard_button_type, in its order), or the reason it can't be read. */
const requestOf = (object: Obj): { request: KeyboardRequest; url: string } | FieldError => {
  const phone = readAll(object, [["request_phone_number", "bool"], ["request_contact", "bool"]])
  if (phone !== undefined) return phone
  if (boolField(object, "request_phone_number") === true || boolField(object, "request_contact") === true) {
    return { request: "phone", url: "" }
  }
  const location = boolField(object, "request_location")
  if (location instanceof FieldError) return location
  if (location) return { request: "location", url: "" }
  if (field(object, "request_poll") !== undefined) {
    const poll = objectOf(object, "request_poll")
    if (poll instanceof FieldError) return poll
    const type = stringField(poll, "type")
    return type instanceof FieldError ? type : { request: "poll", url: "" }
  }
  if (field(object, "web_app") !== undefined) {
    const app = objectOf(object, "web_app")
    if (app instanceof FieldError) return app
    const url = stringField(app, "url", true)
    return url instanceof FieldError ? url : { request: "web_app", url }
  }
  const usersField = field(object, "request_users") !== undefined ? "request_users" : "request_user"
  if (field(object, usersField) !== undefined) {
    const users = objectOf(object, usersField)
    if (users instanceof FieldError) return users
    const why = readAll(users, [
      ["request_id", "required int"],
      ["user_is_bot", "bool"],
      ["user_is_premium", "bool"],
      ["max_quantity", "int"],
      ["request_name", "bool"],
      ["request_username", "bool"],
      ["request_photo", "bool"]
    ])
    return why ?? { request: "users", url: "" }
  }
  if (field(object, "request_chat") !== undefined) {
    const chat = objectOf(object, "request_chat")
    if (chat instanceof FieldError) return chat
    const why = readAll(chat, [
      ["request_id", "required int"],
      ["chat_is_channel", "bool"],
      ["chat_is_forum", "bool"],
      ["chat_has_username", "bool"],
      ["chat_is_created", "bool"]
    ]) ?? rightsOf(chat, "user_administrator_rights") ?? rightsOf(chat, "bot_administrator_rights") ??
      readAll(chat, [["bot_is_member", "bool"], ["request_title", "bool"], ["request_username", "bool"], [
        "request_photo",
        "bool"
      ]])
    return why ?? { request: "chat", url: "" }
  }
  if (field(object, "request_managed_bot") !== undefined) {
    const bot = objectOf(object, "request_managed_bot")
    if (bot instanceof FieldError) return bot
    const why = readAll(bot, [["request_id", "required int"], ["suggested_name", "string"], [
      "suggested_username",
      "string"
    ]])
    return why ?? { request: "managed_bot", url: "" }
  }
  return { request: "", url: "" }
}

/** A keyboard button (get_keyboard_button), or the reason (`KeyboardButton must be a String or an Object`). */
export const readKeyboardButton = (button: JsonValue): KeyboardButtonInput | FieldError => {
  if (button.kind === "string") return { text: button.value, hasIcon: false, request: "", url: "" }
  if (button.kind !== "object") return new FieldError("KeyboardButton must be a String or an Object")
  const text = stringField(button, "text", true)
  if (text instanceof FieldError) return text
  const icon = intField(button, "icon_custom_emoji_id", false, 64)
  if (icon instanceof FieldError) return icon
  const style = buttonStyle(button)
  if (style instanceof FieldError) return style
  const request = requestOf(button)
  if (request instanceof FieldError) return request
  return { text, hasIcon: icon !== 0, ...request }
}

/** The refusal of a request button outside a private chat (TDLib's texts). */
const PRIVATE_ONLY: Readonly<Record<Exclude<KeyboardRequest, "">, string>> = {
  phone: "Phone number can be requested in private chats only",
  location: "Location can be requested in private chats only",
  poll: "Poll can be requested in private chats only",
  web_app: "Web App buttons can be used in private chats only",
  users: "Users can be requested in private chats only",
  chat: "Chats can be requested in private chats only",
  managed_bot: "Managed bots can be requested in private chats only"
}

/** TDLib's check of a Web App button's URL: HTTPS only (`Only HTTPS links are allowed`). */
const webAppRefusal = (url: string): string | undefined => {
  if (linkUserId(url) !== undefined) return "Link to a user can't be used in Web App URL buttons"
  const parsed = /^(tg|ton|tonsite):/i.test(url) ? { error: "Only HTTPS links are allowed" } : parseUrl(url)
  const error = "error" in parsed
    ? parsed.error
    : parsed.protocol !== "https"
    ? "Only HTTPS links are allowed"
    : !parsed.host.includes(".") && !parsed.isIpv6
    ? "Wrong HTTP URL"
    : undefined
  return error === undefined ? undefined : `Keyboard button Web App URL '${url}' is invalid: ${error}`
}

/**
 * TDLib's checks of a reply keyboard in a chat (`inPrivate`: request buttons allowed): the refusal, or whether any
 * button is kept (none: the message has no markup at all).
 */
export const checkReplyKeyboard = (
  rows: ReadonlyArray<ReadonlyArray<KeyboardButtonInput>>,
  inPrivate: boolean
): { readonly kept: boolean } | { readonly refusal: string } => {
  let total = 0
  for (const row of rows) {
    let inRow = 0
    for (const button of row) {
      if (button.text === "" && !button.hasIcon) continue
      if (button.text === "") return { refusal: "Keyboard button text must be non-empty" }
      if (button.request !== "" && !inPrivate) return { refusal: PRIVATE_ONLY[button.request] }
      if (button.request === "web_app") {
        const refusal = webAppRefusal(button.url)
        if (refusal !== undefined) return { refusal }
      }
      inRow++
      total++
      if (inRow >= 12 || total >= 300) break
    }
    if (total >= 300) break
  }
  return { kept: total > 0 }
}
