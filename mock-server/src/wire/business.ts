/**
 * Business JSON, keys in the real server's order (Client.cpp JsonBusinessConnection, JsonBusinessBotRights,
 * JsonBusinessMessagesDeleted, JsonMessage's first keys): a connection with its rights (only the true ones), the keys a
 * business message starts with, and the deleted_business_messages update.
 */
import type { BusinessConnectionRecord } from "../world/business.js"
import type { MessageRecord } from "../world/messages.js"
import type { ChatRecord, World } from "../world/World.js"
import type { BusinessBotRights } from "../WorldSnapshotTail.js"
import { chatShortJson } from "./chat.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** The rights in the real server's order (`can_sell_gifts` is written `can_convert_gifts_to_stars`). */
const RIGHTS: ReadonlyArray<keyof BusinessBotRights> = [
  "can_reply",
  "can_read_messages",
  "can_delete_sent_messages",
  "can_delete_all_messages",
  "can_edit_name",
  "can_edit_bio",
  "can_edit_profile_photo",
  "can_edit_username",
  "can_view_gifts_and_stars",
  "can_convert_gifts_to_stars",
  "can_change_gift_settings",
  "can_transfer_and_upgrade_gifts",
  "can_transfer_stars",
  "can_manage_stories"
]

/** BusinessBotRights: only the rights granted. */
export const businessRightsJson = (rights: BusinessBotRights): string =>
  `{${RIGHTS.filter((right) => rights[right] === true).map((right) => `"${right}":true`).join(",")}}`

/** A BusinessConnection. */
export const businessConnectionJson = (world: World, connection: BusinessConnectionRecord): string =>
  `{"id":${json(connection.id)},"user":${userJson(world, connection.userId)},"user_chat_id":${connection.userId}` +
  `,"date":${connection.date},"is_enabled":${connection.isEnabled}` +
  `,"can_reply":${connection.rights.can_reply === true},"rights":${businessRightsJson(connection.rights)}}`

/** The keys a business account's message starts with (and a comma), or "" for any other message. */
export const businessMessageKeys = (world: World, message: MessageRecord): string => {
  if (message.businessConnectionId === undefined) return ""
  const bot = message.senderBusinessBotId === undefined
    ? ""
    : `"sender_business_bot":${userJson(world, message.senderBusinessBotId)},`
  return `"business_connection_id":${json(message.businessConnectionId)},${bot}`
}

/** A BusinessMessagesDeleted update. */
export const businessMessagesDeletedJson = (
  world: World,
  connectionId: string,
  chat: ChatRecord,
  messageIds: ReadonlyArray<number>
): string =>
  `{"business_connection_id":${json(connectionId)},"chat":${chatShortJson(world, chat)},"message_ids":[${
    messageIds.join(",")
  }]}`
