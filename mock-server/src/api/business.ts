/**
 * Business connections as the Bot API's methods meet them (telegram-wire-chats.md §21 Business, telegram-wire-messages.md
 * §M3; Client.cpp check_business_connection, get_business_connection_chat_id; BusinessConnectionManager): the
 * connection a `business_connection_id` names (this bot's, else `business connection not found`), a chat named for
 * it (an integer, a person, not the account itself), and Telegram's refusals the mock makes its rules: a disabled
 * connection, a right the bot lacks (BOT_ACCESS_FORBIDDEN), a person who has not written in 24 hours.
 */
import { type ApiError, apiError } from "../internal/apiError.js"
import { toInt64 } from "../internal/Params.js"
import { type BusinessChat, businessChat, type BusinessConnectionRecord } from "../world/business.js"
import type { World } from "../world/World.js"
import type { BusinessBotRights } from "../WorldSnapshotTail.js"
import type { Param } from "./table/method.js"
import { raw } from "./table/params.js"

const NOT_FOUND = apiError(400, "Bad Request: business connection not found")

/** The bot's connection of this id. */
export const botsConnection = (world: World, botId: number, id: string): BusinessConnectionRecord | ApiError => {
  const connection = world.tail.business.get(id)
  return connection === undefined || connection.botId !== botId ? NOT_FOUND : connection
}

/**
 * Telegram's refusal of an action over the connection: a disabled connection is invalid; a right the account did
 * not give the bot is BOT_ACCESS_FORBIDDEN (a 403 whose all-caps text reaches the wire as a 400).
 */
export const connectionRefusal = (
  connection: BusinessConnectionRecord,
  right: keyof BusinessBotRights | undefined
): ApiError | undefined => {
  if (!connection.isEnabled) return apiError(400, "Bad Request: BUSINESS_CONNECTION_INVALID")
  if (right !== undefined && connection.rights[right] !== true) {
    return apiError(400, "Bad Request: BOT_ACCESS_FORBIDDEN")
  }
  return undefined
}

/** The `business_connection_id` of a method that needs one: this bot's connection, or not found. */
export const connectionParam: Param<BusinessConnectionRecord> = {
  kind: "String",
  required: true,
  note: "a connection of the bot (world file or control API)",
  read: (input) => botsConnection(input.call.world, input.call.botId, raw(input) ?? "")
}

/** get_business_connection_chat_id: an integer, or its refusal. */
export const businessChatId = (value: string | undefined): number | ApiError => {
  if (value === undefined || value === "") return apiError(400, "Bad Request: chat identifier is empty")
  const id = toInt64(value)
  return id === undefined ? apiError(400, "Bad Request: chat identifier must be a valid Integer") : Number(id)
}

/**
 * The account's chat with a person (TDLib: a private chat, not the account itself); a user the world does not know
 * is a peer Telegram cannot resolve: PEER_ID_INVALID.
 */
export const businessTarget = (
  world: World,
  connection: BusinessConnectionRecord,
  chatId: number
): BusinessChat | ApiError => {
  if (chatId <= 0 || chatId >= 2 ** 40) return apiError(400, "Bad Request: chat must be a private chat")
  if (chatId === connection.userId) return apiError(400, "Bad Request: messages must not be sent to self")
  return businessChat(world, connection, chatId) ?? apiError(400, "Bad Request: PEER_ID_INVALID")
}

/** Telegram's rule for replying as the account: the bot may reply, and the person wrote in the last 24 hours. */
export const replyRefusal = (
  world: World,
  connection: BusinessConnectionRecord,
  chat: BusinessChat
): ApiError | undefined => {
  const refusal = connectionRefusal(connection, "can_reply")
  if (refusal !== undefined) return refusal
  const now = Math.floor(world.clock.now() / 1000)
  return chat.lastIncoming === 0 || now - chat.lastIncoming > 86_400
    ? apiError(400, "Bad Request: BUSINESS_PEER_USAGE_MISSING")
    : undefined
}
