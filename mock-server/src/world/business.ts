/**
 * Business accounts connected to bots: each connection (its account, bot, rights, whether it is enabled), the
 * account's bio, profile photos and gift settings as the bot set them, and the account's chats with its customers
 * (each a private chat record kept by the connection, with its own messages).
 */
import type { BusinessBotRights, BusinessConnection } from "../WorldSnapshotTail.js"
import { privateChat } from "./chats.js"
import type { FileRecord } from "./files.js"
import { addMessage, type MessageRecord, type NewMessage } from "./messages.js"
import type { ChatRecord, World } from "./World.js"

/** A chat of the business account with one person, when that person last wrote in it (s; 0: never), what was read. */
export interface BusinessChat {
  readonly chat: ChatRecord
  lastIncoming: number
  /** The last message readBusinessMessage marked read (0: none). */
  readUpTo: number
}

/** The gift types an account accepts (setBusinessAccountGiftSettings). */
export interface AcceptedGiftTypes {
  readonly unlimited_gifts: boolean
  readonly limited_gifts: boolean
  readonly unique_gifts: boolean
  readonly premium_subscription: boolean
  readonly gifts_from_channels: boolean
}

/** A connection of a business account to a bot. */
export interface BusinessConnectionRecord {
  readonly id: string
  readonly botId: number
  readonly userId: number
  date: number
  isEnabled: boolean
  rights: BusinessBotRights
  bio: string
  /** The profile photos the bot set: the main one and the public one. */
  readonly photos: { main: FileRecord | undefined; public: FileRecord | undefined }
  giftSettings: { readonly showGiftButton: boolean; readonly accepted: AcceptedGiftTypes } | undefined
  readonly chats: Map<number, BusinessChat>
  /** The id the account's next message gets (one sequence across its chats, as in Telegram's private chats). */
  nextMessageId: number
}

/** The connection of this id, if the world has it. */
export const businessConnection = (world: World, id: string): BusinessConnectionRecord | undefined =>
  world.tail.business.get(id)

/** The account's chat with a known person (made on first use); undefined for a user the world does not know. */
export const businessChat = (
  world: World,
  connection: BusinessConnectionRecord,
  userId: number
): BusinessChat | undefined => {
  let found = connection.chats.get(userId)
  if (found !== undefined) return found
  const chat = privateChat(world, userId)
  if (chat === undefined || userId === connection.userId) return undefined
  // A record of its own: the customer's chats with bots are other chats.
  found = {
    chat: { ...chat, log: { nextId: 1, messages: new Map() }, conversations: new Map() },
    lastIncoming: 0,
    readUpTo: 0
  }
  connection.chats.set(userId, found)
  return found
}

/** Adds a message to one of the account's chats; ids are the account's, one sequence across its chats. */
export const addBusinessMessage = (
  world: World,
  connection: BusinessConnectionRecord,
  chat: ChatRecord,
  message: Omit<NewMessage, "businessConnectionId">
): MessageRecord => {
  chat.log.nextId = connection.nextMessageId
  const record = addMessage(world, chat, undefined, chat.log, { ...message, businessConnectionId: connection.id })
  connection.nextMessageId = chat.log.nextId
  return record
}

/** Adds or replaces a connection from its world-file form (its chats kept when it is replaced). */
export const restoreBusinessConnection = (world: World, data: BusinessConnection): BusinessConnectionRecord => {
  const previous = world.tail.business.get(data.id)
  const record: BusinessConnectionRecord = {
    id: data.id,
    botId: data.bot_id,
    userId: data.user_id,
    date: data.date,
    isEnabled: data.is_enabled ?? true,
    rights: { ...data.rights },
    bio: data.bio ?? previous?.bio ?? "",
    photos: previous?.photos ?? { main: undefined, public: undefined },
    giftSettings: previous?.giftSettings,
    chats: previous?.chats ?? new Map(),
    nextMessageId: previous?.nextMessageId ?? 1
  }
  world.tail.business.set(data.id, record)
  return record
}

/** A connection in its world-file form (a copy). */
export const businessConnectionData = (record: BusinessConnectionRecord): BusinessConnection => ({
  id: record.id,
  bot_id: record.botId,
  user_id: record.userId,
  date: record.date,
  is_enabled: record.isEnabled,
  rights: { ...record.rights },
  ...(record.bio !== "" ? { bio: record.bio } : {})
})
