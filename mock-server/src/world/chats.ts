/** Chats: finding them by id or username, private chats made on first use, and upgrading a basic group. */
import { normalizeUsername } from "../internal/text.js"
import type { Chat } from "../WorldSnapshot.js"
import { profileFromData } from "./chatProfile.js"
import { membersFromData, membersToData } from "./members.js"
import { emptyLog } from "./messages.js"
import type { ChatRecord, Conversation, World } from "./World.js"

/** A chat record with nothing in it yet. */
const chatRecord = (chat: Omit<Chat, "members">, members: ChatRecord["members"]): ChatRecord => ({
  id: chat.id,
  type: chat.type,
  title: chat.title,
  username: chat.username,
  profile: profileFromData(chat),
  members,
  primary: new Map(),
  revoked: new Map(),
  joinRequests: new Map(),
  log: emptyLog(),
  conversations: new Map(),
  migratedTo: chat.migrated_to_chat_id,
  migratedFrom: undefined,
  deleted: chat.deleted
})

/** A conversation of a user with a bot. */
export const newConversation = (started: boolean, blocked = false): Conversation => ({
  started,
  blocked,
  log: emptyLog()
})

/** Adds a chat from its world-file form (a private chat: the user started `bot_ids`, every bot when absent). */
export const addChat = (world: World, chat: Chat): ChatRecord => {
  const record = chatRecord(chat, membersFromData(chat.members))
  // A forum's message ids start after its topics' (the General topic is 1; a topic's id is its first message's).
  if (record.profile.isForum || record.profile.topics.size > 0) {
    record.log.nextId = Math.max(2, ...[...record.profile.topics.keys()].map((id) => id + 1))
  }
  if (chat.type === "private") {
    const blocked = new Set(chat.blocked_bot_ids ?? [])
    for (const botId of chat.bot_ids ?? world.bots.map((bot) => bot.user_id)) {
      record.conversations.set(botId, newConversation(true, blocked.has(botId)))
    }
    for (const botId of blocked) {
      if (!record.conversations.has(botId)) record.conversations.set(botId, newConversation(false, true))
    }
  }
  world.chats.set(chat.id, record)
  if (chat.username !== undefined) world.chatsByUsername.set(normalizeUsername(chat.username), record)
  return record
}

/** A supergroup or channel by its username (any case, dots ignored). */
export const chatByUsername = (world: World, username: string): ChatRecord | undefined =>
  world.chatsByUsername.get(normalizeUsername(username))

/** A private chat with a known user; made on first use, as Telegram does (and not kept until it holds something). */
export const privateChat = (world: World, userId: number): ChatRecord | undefined => {
  const existing = world.chats.get(userId)
  if (existing !== undefined) return existing
  if (!world.users.has(userId)) return undefined
  return chatRecord({ id: userId, type: "private", deleted: false }, new Map())
}

/** The private chat with a user, kept in the world from now on (a conversation is starting in it). */
export const keptPrivateChat = (world: World, userId: number): ChatRecord | undefined => {
  const chat = privateChat(world, userId)
  if (chat !== undefined && !world.chats.has(userId)) world.chats.set(userId, chat)
  return chat
}

/** The user's conversation with a bot, made (not started) when it does not exist yet. */
export const conversation = (world: World, userId: number, botId: number): Conversation | undefined => {
  const chat = keptPrivateChat(world, userId)
  if (chat === undefined) return undefined
  let found = chat.conversations.get(botId)
  if (found === undefined) chat.conversations.set(botId, found = newConversation(false))
  return found
}

/** A chat named as a test names it: its id, or `@username`; undefined when the world has no such chat. */
export const chatByReference = (world: World, reference: number | string): ChatRecord | undefined => {
  if (typeof reference === "number") return world.chats.get(reference)
  if (reference.startsWith("@")) return chatByUsername(world, reference.slice(1))
  const id = Number(reference)
  return Number.isSafeInteger(id) ? world.chats.get(id) : undefined
}

/** Upgrades a basic group to a new supergroup; its members keep their standing. The new id, or why not. */
export const upgradeGroup = (world: World, chatId: number): number | string => {
  const group = world.chats.get(chatId)
  if (group === undefined) return `chat ${chatId} not found`
  if (group.type !== "group") return `chat ${chatId} is a ${group.type}, not a basic group`
  if (group.deleted) return `chat ${chatId} was deleted`
  if (group.migratedTo !== undefined) return `chat ${chatId} was already upgraded to ${group.migratedTo}`
  let newId: number
  do newId = -1_000_000_000_000 - world.nextSupergroupNumber++
  while (world.chats.has(newId))
  const supergroup = addChat(world, {
    id: newId,
    type: "supergroup",
    title: group.title,
    username: undefined,
    members: membersToData(group.members),
    migrated_to_chat_id: undefined,
    deleted: false
  })
  supergroup.migratedFrom = chatId
  group.migratedTo = newId
  return newId
}
