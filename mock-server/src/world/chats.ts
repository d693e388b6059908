/** Chats: finding them by id or username, private chats made on first use, and upgrading a basic group. */
import { normalizeUsername } from "../internal/text.js"
import type { Chat } from "../WorldSnapshot.js"
import { membersFromData, membersToData } from "./members.js"
import type { ChatRecord, World } from "./World.js"

/** Adds a chat from its world-file form. */
export const addChat = (world: World, chat: Chat): ChatRecord => {
  const record: ChatRecord = {
    id: chat.id,
    type: chat.type,
    title: chat.title,
    username: chat.username,
    members: membersFromData(chat.members),
    links: new Set(),
    primary: new Map(),
    revoked: new Map(),
    migratedTo: chat.migrated_to_chat_id,
    deleted: chat.deleted
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
  return {
    id: userId,
    type: "private",
    title: undefined,
    username: undefined,
    members: new Map(),
    links: new Set(),
    primary: new Map(),
    revoked: new Map(),
    migratedTo: undefined,
    deleted: false
  }
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
  addChat(world, {
    id: newId,
    type: "supergroup",
    title: group.title,
    username: undefined,
    members: membersToData(group.members),
    migrated_to_chat_id: undefined,
    deleted: false
  })
  group.migratedTo = newId
  return newId
}
