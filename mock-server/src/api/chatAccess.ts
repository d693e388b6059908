/**
 * The chat a request names and the bot's access to it (telegram-wire.md §4 table, §5, §6): the checks the real
 * server makes before a chat method reaches Telegram, shared by every method family.
 */
import { toSafeInt64 } from "../internal/Params.js"
import { chatByUsername, privateChat } from "../world/chats.js"
import { standing } from "../world/members.js"
import type { ChatRecord, World } from "../world/World.js"
import { type ApiError, apiError } from "./envelope.js"

const CHAT_ID_EMPTY = apiError(400, "Bad Request: chat_id is empty")
const CHAT_NOT_FOUND = apiError(400, "Bad Request: chat not found")
const PRIVATE_CHAT_NOT_FOUND = apiError(400, "Bad Request: private chat not found")
const GROUP_DELETED = apiError(403, "Forbidden: the group chat was deleted")

/** The chat a `chat_id` parameter names: an id, or the `@username` of a supergroup or channel. */
export const resolveChat = (world: World, param: string | undefined): ChatRecord | ApiError => {
  if (param === undefined || param === "") return CHAT_ID_EMPTY
  if (param.startsWith("@")) return chatByUsername(world, param.slice(1)) ?? CHAT_NOT_FOUND
  const id = toSafeInt64(param)
  if (id === undefined) return CHAT_NOT_FOUND
  const chat = world.chats.get(id)
  if (chat !== undefined) return chat
  if (id > 0) return privateChat(world, id) ?? PRIVATE_CHAT_NOT_FOUND
  return CHAT_NOT_FOUND
}

/** Write access: an upgraded group answers the migrate error; a deleted group, a bot kicked or gone are refused. */
export const checkWriteAccess = (chat: ChatRecord, botId: number): ApiError | undefined => {
  if (chat.type === "private") return undefined
  if (chat.type === "group") {
    if (chat.migratedTo !== undefined) {
      return {
        ...apiError(400, "Bad Request: group chat was upgraded to a supergroup chat"),
        migrateToChatId: chat.migratedTo
      }
    }
    if (chat.deleted) return GROUP_DELETED
  }
  const { status } = standing(chat, botId)
  if (status === "kicked") return apiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`)
  if (status === "left") return apiError(403, `Forbidden: bot is not a member of the ${chat.type} chat`)
  return undefined
}

/**
 * Read access (TBA check_chat_access with Read or ReadMembers): a basic group answers the migrate or deleted error only
 * for ReadMembers, and its kicked or gone bot only there too; a supergroup or channel refuses a bot kicked from it, and
 * a bot not in it unless it is public.
 */
export const checkReadAccess = (chat: ChatRecord, botId: number, members: boolean): ApiError | undefined => {
  if (chat.type === "private") return undefined
  if (chat.type === "group") return members ? checkWriteAccess(chat, botId) : undefined
  const { status } = standing(chat, botId)
  if (status === "kicked") return apiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`)
  const inChat = status === "creator" || status === "administrator" || status === "member" ||
    (status === "restricted" && standing(chat, botId).rights.is_member !== false)
  if (!inChat && chat.username === undefined) {
    return apiError(403, `Forbidden: bot is not a member of the ${chat.type} chat`)
  }
  return undefined
}

/** The chat named by `chat_id` once the bot's read access (members: ReadMembers) to it is checked. */
export const readableChat = (
  world: World,
  param: string | undefined,
  botId: number,
  members: boolean
): ChatRecord | ApiError => {
  const chat = resolveChat(world, param)
  if ("_tag" in chat) return chat
  return checkReadAccess(chat, botId, members) ?? chat
}

/** The chat named by `chat_id` once the bot's write access to it is checked. */
export const writableChat = (world: World, param: string | undefined, botId: number): ChatRecord | ApiError => {
  const chat = resolveChat(world, param)
  if ("_tag" in chat) return chat
  return checkWriteAccess(chat, botId) ?? chat
}
