/**
 * The update types and `allowed_updates` as the real server reads it (telegram-wire-bots.md §9): a bit per type in
 * the server's order, the default set (every type but chat_member, message_reaction and message_reaction_count), and
 * the silent-ignore rules for a value that is not a JSON array of strings.
 */
import { parseJson } from "../../internal/JsonValue.js"

/** Every type name, in the real server's order (custom_event and custom_query are its internal ones). */
export const UPDATE_TYPES: ReadonlyArray<string> = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "inline_query",
  "chosen_inline_result",
  "callback_query",
  "custom_event",
  "custom_query",
  "shipping_query",
  "pre_checkout_query",
  "poll",
  "poll_answer",
  "my_chat_member",
  "chat_member",
  "chat_join_request",
  "chat_boost",
  "removed_chat_boost",
  "message_reaction",
  "message_reaction_count",
  "business_connection",
  "business_message",
  "edited_business_message",
  "deleted_business_messages",
  "purchased_paid_media",
  "managed_bot",
  "guest_message"
]

const bit = (name: string): number => 2 ** UPDATE_TYPES.indexOf(name)

/** The default set: every type but chat_member, message_reaction and message_reaction_count. */
export const DEFAULT_ALLOWED_UPDATES = 2 ** UPDATE_TYPES.length - 1 - bit("chat_member") - bit("message_reaction") -
  bit("message_reaction_count")

/** True when the mask lets this type through. */
export const isAllowed = (mask: number, type: string): boolean => Math.floor(mask / bit(type)) % 2 === 1

/**
 * The mask an `allowed_updates` value asks for, or 0 to keep the previous setting: missing, empty, not JSON, not an
 * array, or an array holding a non-string. `[]` or only unknown names give the default set; names are matched
 * lower-cased and unknown ones dropped.
 */
export const parseAllowedUpdates = (value: string | undefined): number => {
  if (value === undefined || value === "") return 0
  const json = parseJson(value)
  if (json === undefined || json.kind !== "array") return 0
  let mask = 0
  for (const item of json.items) {
    if (item.kind !== "string") return 0
    const index = UPDATE_TYPES.indexOf(item.value.toLowerCase())
    if (index !== -1 && !isAllowed(mask, UPDATE_TYPES[index]!)) mask += 2 ** index
  }
  return mask === 0 ? DEFAULT_ALLOWED_UPDATES : mask
}

/** The names in a mask, as getWebhookInfo lists them (without the internal types). */
export const allowedUpdateNames = (mask: number): Array<string> =>
  UPDATE_TYPES.filter((name) => name !== "custom_event" && name !== "custom_query" && isAllowed(mask, name))
