/** Which bots of the world hear of what happens in a chat: members, administrators, and the privacy mode's rules. */
import { normalizeUsername } from "../internal/text.js"
import { textOf } from "../world/content.js"
import { standing } from "../world/members.js"
import { findMessage, type MessageRecord } from "../world/messages.js"
import type { ChatRecord, MemberRecord, World } from "../world/World.js"

/** In the chat: creator, administrator, member, or restricted but still a member. */
export const isInChat = (member: Readonly<MemberRecord>): boolean =>
  member.status === "creator" || member.status === "administrator" || member.status === "member" ||
  (member.status === "restricted" && member.rights.is_member !== false)

/** The creator or an administrator. */
export const isAdmin = (member: Readonly<MemberRecord>): boolean =>
  member.status === "creator" || member.status === "administrator"

/** The ids of the world's bots (the ones with a token: they are the ones that get updates). */
export const botIds = (world: World): Array<number> => world.bots.map((bot) => bot.user_id)

/** The world's bots that are in the chat now. */
export const botsInChat = (world: World, chat: ChatRecord): Array<number> =>
  botIds(world).filter((botId) => isInChat(standing(chat, botId)))

/** The world's bots that administer the chat now. */
export const adminBots = (world: World, chat: ChatRecord): Array<number> =>
  botIds(world).filter((botId) => isAdmin(standing(chat, botId)))

const COMMAND = /^\/[A-Za-z0-9_]{1,64}(?:@([A-Za-z0-9_]{1,32}))?(?:\s|$)/

/**
 * Privacy mode (every bot of the mock has it, as `can_read_all_group_messages: false` says): in a group a bot that is
 * not an administrator gets commands (`/cmd`, or `/cmd@its_username`), replies to its own messages, and the messages
 * sent through its inline mode.
 */
export const isAddressedTo = (world: World, chat: ChatRecord, botId: number, message: MessageRecord): boolean => {
  if (message.viaBotId === botId) return true
  const command = COMMAND.exec(textOf(message.content))
  if (command !== null) {
    const target = command[1]
    const username = world.users.get(botId)?.username
    return target === undefined || (username !== undefined && normalizeUsername(target) === normalizeUsername(username))
  }
  if (message.replyToId === undefined) return false
  return findMessage(chat.log, message.replyToId)?.fromId === botId
}
