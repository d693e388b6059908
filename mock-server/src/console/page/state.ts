/** What the page knows of the world (the last snapshot it read) and who the person at the keyboard acts as. */
import type { Chat, Member, User, WorldSnapshot } from "../../WorldSnapshot.js"

export const state: {
  world: WorldSnapshot | undefined
  /** The methods the mock serves (from the stream's hello). */
  methods: ReadonlyArray<string>
  /** The person acted as. */
  person: number | undefined
  /** The bot the person writes to. */
  bot: number | undefined
  /** The group the person writes in; undefined: their private chat with the bot. */
  chat: number | undefined
  /** The forum topic the person writes in (a forum's), if any. */
  topic: number | undefined
} = { world: undefined, methods: [], person: undefined, bot: undefined, chat: undefined, topic: undefined }

/** Where the person's message goes, as the people routes take it: the group, or the private chat with the bot. */
export const place = (): { readonly chat_id?: number; readonly bot_id?: number } =>
  state.chat !== undefined ? { chat_id: state.chat } : state.bot !== undefined ? { bot_id: state.bot } : {}

/** A user by id, from the last snapshot. */
export const userOf = (id: number): User | undefined => state.world?.users.find((user) => user.id === id)

/** `Bob` / `Bob Smith`, or `user 43` when the world does not know them. */
export const nameOf = (id: number | undefined | null): string => {
  if (id === undefined || id === null) return "?"
  const user = userOf(id)
  if (user === undefined) return `user ${id}`
  return user.last_name !== undefined && user.last_name !== ""
    ? `${user.first_name} ${user.last_name}`
    : user.first_name
}

/** `Bob (43, @bob)`. */
export const longNameOf = (id: number): string => {
  const user = userOf(id)
  const username = user?.username !== undefined ? `, @${user.username}` : ""
  return `${nameOf(id)} (${id}${username})`
}

/** A chat by id, from the last snapshot. */
export const chatOf = (id: number): Chat | undefined => state.world?.chats.find((chat) => chat.id === id)

/** `My Group` or `chat -100…`; a private chat is the person's name. */
export const chatName = (id: number | undefined | null): string => {
  if (id === undefined || id === null) return ""
  const chat = chatOf(id)
  // A private chat's id is its person's: named even before the page has read the chat (a first message opens it).
  if (chat === undefined) return id > 0 && userOf(id) !== undefined ? nameOf(id) : String(id)
  if (chat.type === "private") return nameOf(id)
  return chat.title ?? String(id)
}

/** The people of the world (users who are not bots). */
export const people = (): ReadonlyArray<User> => state.world?.users.filter((user) => !user.is_bot) ?? []

/** The world's bots, as users. */
export const bots = (): ReadonlyArray<User> =>
  state.world?.bots.map((bot) => userOf(bot.user_id) ?? { id: bot.user_id, is_bot: true, first_name: "bot" }) ?? []

/** A user's standing in a chat (`left` when the chat does not list them). */
export const memberOf = (chat: Chat, userId: number): Member =>
  chat.members.find((member) => member.user_id === userId) ?? { user_id: userId, status: "left" }

/** In the chat: creator, administrator, member, or restricted but still a member. */
export const isIn = (member: Member): boolean =>
  member.status === "creator" || member.status === "administrator" || member.status === "member" ||
  (member.status === "restricted" && member.is_member !== false)

/** Groups, supergroups and channels that still exist (not upgraded, not deleted). */
export const liveGroups = (): ReadonlyArray<Chat> =>
  state.world?.chats.filter((chat) =>
    chat.type !== "private" && chat.migrated_to_chat_id === undefined && !chat.deleted
  ) ??
    []

/** The rights a member has, as short words (`invite_users`, `restrict_members`, …). */
export const rightsOf = (member: Member): ReadonlyArray<string> =>
  Object.entries(member).filter(([key, value]) => key.startsWith("can_") && value === true).map(([key]) => key.slice(4))
