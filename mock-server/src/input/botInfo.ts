/**
 * The JSON inputs of setChatMenuButton and setMyDefaultAdministratorRights (Client.cpp get_bot_menu_button,
 * get_chat_administrator_rights; telegram-wire-messages.md §M9.3–M9.4). Refusals are texts without `Bad Request: `.
 */
import { boolField, field, FieldError, parseJson, stringField } from "../internal/JsonValue.js"

/** A menu button as read (its URL not checked yet). */
export type MenuButtonInput =
  | { readonly type: "default" | "commands" }
  | { readonly type: "web_app"; readonly text: string; readonly url: string }

type Refusal = { readonly refusal: string }

/** `menu_button`: absent or empty is the default button. */
export const readMenuButton = (text: string | undefined): MenuButtonInput | Refusal => {
  if (text === undefined || text === "") return { type: "default" }
  const json = parseJson(text)
  if (json === undefined) return { refusal: "can't parse menu button JSON object" }
  const fail = (why: string): Refusal => ({ refusal: `can't parse menu button: ${why}` })
  if (json.kind !== "object") return fail("MenuButton must be an Object")
  const type = stringField(json, "type", true)
  if (type instanceof FieldError) return fail(type.message)
  if (type === "default" || type === "commands") return { type }
  if (type !== "web_app") return fail("MenuButton has unsupported type")
  const buttonText = stringField(json, "text", true)
  if (buttonText instanceof FieldError) return fail(buttonText.message)
  const webApp = field(json, "web_app")
  if (webApp === undefined) return fail(`Can't find field "web_app"`)
  if (webApp.kind !== "object") return fail(`Field "web_app" must be of type Object`)
  const url = stringField(webApp, "url", true)
  if (url instanceof FieldError) return fail(url.message)
  return { type, text: buttonText, url }
}

/** The rights ChatAdministratorRights may hold, in the order they are read. */
export const ADMIN_RIGHT_KEYS = [
  "can_manage_chat",
  "can_change_info",
  "can_post_messages",
  "can_edit_messages",
  "can_delete_messages",
  "can_invite_users",
  "can_restrict_members",
  "can_pin_messages",
  "can_manage_topics",
  "can_promote_members",
  "can_manage_video_chats",
  "can_post_stories",
  "can_edit_stories",
  "can_delete_stories",
  "can_manage_direct_messages",
  "can_manage_tags",
  "is_anonymous"
] as const

/** `rights`: absent or empty is none (the defaults are cleared); unknown keys are ignored. */
export const readAdminRights = (text: string | undefined): Record<string, boolean> | undefined | Refusal => {
  if (text === undefined || text === "") return undefined
  const json = parseJson(text)
  if (json === undefined) return { refusal: "can't parse ChatAdministratorRights JSON object" }
  const fail = (why: string): Refusal => ({ refusal: `can't parse ChatAdministratorRights: ${why}` })
  if (json.kind !== "object") return fail("ChatAdministratorRights must be an Object")
  const rights: Record<string, boolean> = {}
  for (const key of ADMIN_RIGHT_KEYS) {
    const value = boolField(json, key)
    if (value instanceof FieldError) return fail(value.message)
    rights[key] = value
  }
  return rights
}
