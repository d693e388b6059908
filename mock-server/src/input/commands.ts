/**
 * The inputs of the command methods (Client.cpp get_bot_command_scope, get_bot_commands; TDLib set_commands,
 * telegram-wire-messages.md §M9.1): a BotCommandScope JSON object (its chat kept as sent, resolved later with the
 * chat checks), and a list of BotCommand with TDLib's cleaning and limits. Refusals are texts without `Bad Request: `.
 */
import { FieldError, intField, type JsonValue, parseJson, stringField } from "../internal/JsonValue.js"
import type { BotCommand } from "../world/botProfile.js"

/** A scope as read: its chat (`chat_id` as sent) still to be resolved. */
export type ScopeInput =
  | { readonly type: "default" | "all_private_chats" | "all_group_chats" | "all_chat_administrators" }
  | { readonly type: "chat" | "chat_administrators"; readonly chatId: string }
  | { readonly type: "chat_member"; readonly chatId: string; readonly userId: number }

type Refusal = { readonly refusal: string }
type Obj = Extract<JsonValue, { kind: "object" }>

const readScopeObject = (value: JsonValue): ScopeInput | string => {
  if (value.kind !== "object") return "BotCommandScope must be an Object"
  const type = stringField(value, "type", true)
  if (type instanceof FieldError) return type.message
  if (type === "default" || type === "all_private_chats" || type === "all_group_chats") return { type }
  if (type === "all_chat_administrators") return { type }
  if (type !== "chat" && type !== "chat_administrators" && type !== "chat_member") return "Unsupported type specified"
  const chatId = stringField(value, "chat_id", true)
  if (chatId instanceof FieldError) return chatId.message
  if (chatId === "") return "Empty chat_id specified"
  if (type !== "chat_member") return { type, chatId }
  const userId = intField(value, "user_id", true, 64)
  if (userId instanceof FieldError) return userId.message
  return userId <= 0 ? "Invalid user_id specified" : { type, chatId, userId }
}

/** `scope`: absent or empty is the default scope. */
export const readScope = (text: string | undefined): ScopeInput | Refusal => {
  if (text === undefined || text === "") return { type: "default" }
  const json = parseJson(text)
  if (json === undefined) return { refusal: "can't parse BotCommandScope JSON object" }
  const scope = readScopeObject(json)
  return typeof scope === "string" ? { refusal: `can't parse BotCommandScope: ${scope}` } : scope
}

const readCommand = (value: JsonValue): { command: string; description: string } | string => {
  if (value.kind !== "object") return "expected an Object"
  const object: Obj = value
  const command = stringField(object, "command", true)
  if (command instanceof FieldError) return command.message
  const description = stringField(object, "description", true)
  if (description instanceof FieldError) return description.message
  return { command, description }
}

/** `commands`: absent or empty is no commands (setMyCommands then clears the list). */
export const readCommands = (text: string | undefined): ReadonlyArray<BotCommand> | Refusal => {
  if (text === undefined || text === "") return []
  const json = parseJson(text)
  if (json === undefined) return { refusal: "can't parse commands JSON object" }
  if (json.kind !== "array") return { refusal: "expected an Array of BotCommand" }
  const out: Array<BotCommand> = []
  for (const item of json.items) {
    const command = readCommand(item)
    if (typeof command === "string") return { refusal: `can't parse BotCommand: ${command}` }
    out.push(command)
  }
  return out
}

/** TDLib's `trim`: ASCII spaces and control characters at both ends. */
const trim = (text: string): string => text.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "")

/**
 * TDLib's cleaning of each command (trimmed, one leading `/` dropped) and its limits, then Telegram's rules as the
 * mock keeps them (`^[a-z0-9_]{1,32}$`, at most 100 commands).
 */
export const finishCommands = (commands: ReadonlyArray<BotCommand>): ReadonlyArray<BotCommand> | Refusal => {
  const out: Array<BotCommand> = []
  for (const raw of commands) {
    let command = trim(raw.command)
    if (command.startsWith("/")) command = command.slice(1)
    if (command === "") return { refusal: "command must be non-empty" }
    if (Array.from(command).length > 32) return { refusal: "command length must not exceed 32" }
    const description = trim(raw.description)
    if (description === "") return { refusal: "command description must be non-empty" }
    if (Array.from(description).length > 256) return { refusal: "command description length must not exceed 256" }
    out.push({ command, description })
  }
  if (out.some(({ command }) => !/^[a-z0-9_]{1,32}$/.test(command))) return { refusal: "BOT_COMMAND_INVALID" }
  return out.length > 100 ? { refusal: "BOT_COMMANDS_TOO_MUCH" } : out
}

/** TDLib's validate_bot_language_code: empty, or two lowercase ASCII letters. */
export const isLanguageCode = (code: string): boolean => code === "" || /^[a-z]{2}$/.test(code)
