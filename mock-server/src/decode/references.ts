/** A decoded world's flaws that Schema alone cannot see: unknown users, duplicate ids, ids that do not fit a chat. */
import { normalizeUsername } from "../internal/text.js"
import type { Chat, User, WorldSnapshot } from "../WorldSnapshot.js"
import { checkChatSettings } from "./chatReferences.js"
import { boundProblems } from "./decoder.js"
import { checkTailReferences } from "./tailReferences.js"
import { checkFiles } from "./worldFiles.js"

/** Every problem of the world's references, one line each naming the field; empty when there are none. */
export const checkReferences = (world: WorldSnapshot): Array<string> => {
  const problems: Array<string> = []
  const users = checkUsers(world, problems)
  checkBots(world, users, problems)
  const chats = checkChats(world, users, problems)
  checkConversations(world, problems)
  checkLinks(world, users, chats, problems)
  checkJoinRequests(world, users, chats, problems)
  checkFiles(world, problems)
  checkTailReferences(world, problems)
  return boundProblems(problems)
}

const checkUsers = (world: WorldSnapshot, problems: Array<string>): Map<number, User> => {
  const users = new Map<number, User>()
  for (const [i, user] of world.users.entries()) {
    if (users.has(user.id)) problems.push(`users.${i}.id: duplicate user id ${user.id}`)
    else users.set(user.id, user)
  }
  return users
}

const checkBots = (world: WorldSnapshot, users: Map<number, User>, problems: Array<string>): void => {
  const tokens = new Set<string>()
  for (const [i, bot] of world.bots.entries()) {
    const user = users.get(bot.user_id)
    if (user === undefined) problems.push(`bots.${i}.user_id: unknown user ${bot.user_id}`)
    else if (!user.is_bot) problems.push(`bots.${i}.user_id: user ${bot.user_id} is not a bot (is_bot: true)`)
    if (bot.token.split(":")[0] !== String(bot.user_id)) {
      problems.push(`bots.${i}.token: the token's bot id must be user_id ${bot.user_id}`)
    }
    if (tokens.has(bot.token)) problems.push(`bots.${i}.token: duplicate token`)
    tokens.add(bot.token)
  }
}

const checkChats = (world: WorldSnapshot, users: Map<number, User>, problems: Array<string>): Map<number, Chat> => {
  const chats = new Map<number, Chat>()
  const usernames = new Set<string>()
  for (const [i, chat] of world.chats.entries()) {
    const at = `chats.${i}`
    if (chats.has(chat.id)) problems.push(`${at}.id: duplicate chat id ${chat.id}`)
    else chats.set(chat.id, chat)
    const rangeProblem = chatIdProblem(chat)
    if (rangeProblem !== undefined) problems.push(`${at}.id: ${rangeProblem}`)
    if (chat.type === "private") {
      if (!users.has(chat.id)) problems.push(`${at}.id: a private chat's id must be a known user`)
      if (chat.members.length > 0) problems.push(`${at}.members: a private chat has no member list`)
    } else if (chat.title === undefined || chat.title.length === 0) {
      problems.push(`${at}.title: a ${chat.type} needs a title`)
    }
    if (chat.username !== undefined) {
      const key = normalizeUsername(chat.username)
      if (chat.type === "group") problems.push(`${at}.username: basic groups have no username`)
      else if (usernames.has(key)) problems.push(`${at}.username: duplicate username ${chat.username}`)
      usernames.add(key)
    }
    if (chat.migrated_to_chat_id !== undefined && chat.type !== "group") {
      problems.push(`${at}.migrated_to_chat_id: only a basic group is upgraded`)
    }
    checkMembers(chat, at, users, problems)
    checkChatSettings(chat, at, users, problems)
  }
  for (const [i, chat] of world.chats.entries()) {
    if (chat.migrated_to_chat_id === undefined || chat.type !== "group") continue
    const target = chats.get(chat.migrated_to_chat_id)
    if (target === undefined || target.type !== "supergroup") {
      problems.push(`chats.${i}.migrated_to_chat_id: ${chat.migrated_to_chat_id} is not a supergroup of this world`)
    }
  }
  return chats
}

const checkMembers = (chat: Chat, at: string, users: Map<number, User>, problems: Array<string>): void => {
  const seen = new Set<number>()
  let creators = 0
  for (const [j, member] of chat.members.entries()) {
    if (!users.has(member.user_id)) problems.push(`${at}.members.${j}.user_id: unknown user ${member.user_id}`)
    if (seen.has(member.user_id)) problems.push(`${at}.members.${j}.user_id: duplicate member ${member.user_id}`)
    seen.add(member.user_id)
    if (member.status === "creator" && ++creators === 2) problems.push(`${at}.members.${j}.status: a second creator`)
    if (member.status === "restricted" && chat.type !== "supergroup") {
      problems.push(`${at}.members.${j}.status: only supergroups restrict members`)
    }
  }
}

/** A private chat's bots must be bots of the world; other chats have none. */
const checkConversations = (world: WorldSnapshot, problems: Array<string>): void => {
  const bots = new Set(world.bots.map((bot) => bot.user_id))
  for (const [i, chat] of world.chats.entries()) {
    for (const field of ["bot_ids", "blocked_bot_ids"] as const) {
      const ids = chat[field]
      if (ids === undefined) continue
      if (chat.type !== "private") problems.push(`chats.${i}.${field}: only a private chat has bots`)
      for (const [j, id] of ids.entries()) {
        if (!bots.has(id)) problems.push(`chats.${i}.${field}.${j}: ${id} is not a bot of this world`)
      }
    }
  }
}

const checkJoinRequests = (
  world: WorldSnapshot,
  users: Map<number, User>,
  chats: Map<number, Chat>,
  problems: Array<string>
): void => {
  const seen = new Set<string>()
  for (const [i, request] of world.join_requests.entries()) {
    const at = `join_requests.${i}`
    const chat = chats.get(request.chat_id)
    if (chat === undefined || chat.type === "private") {
      problems.push(`${at}.chat_id: ${request.chat_id} is not a group, supergroup or channel of this world`)
    }
    const user = users.get(request.user_id)
    if (user === undefined || user.is_bot) {
      problems.push(`${at}.user_id: ${request.user_id} is not a person of this world`)
    }
    const key = `${request.chat_id}:${request.user_id}`
    if (seen.has(key)) problems.push(`${at}.user_id: a second request of user ${request.user_id}`)
    seen.add(key)
    if (request.invite_link !== undefined) {
      const link = world.invite_links.find((l) => l.invite_link === request.invite_link)
      if (link === undefined || link.chat_id !== request.chat_id) {
        problems.push(`${at}.invite_link: not a link of chat ${request.chat_id}`)
      }
    }
  }
}

const checkLinks = (
  world: WorldSnapshot,
  users: Map<number, User>,
  chats: Map<number, Chat>,
  problems: Array<string>
): void => {
  const links = new Set<string>()
  const primaries = new Set<string>()
  for (const [i, link] of world.invite_links.entries()) {
    const at = `invite_links.${i}`
    if (links.has(link.invite_link)) problems.push(`${at}.invite_link: duplicate link`)
    links.add(link.invite_link)
    const chat = chats.get(link.chat_id)
    if (chat === undefined || chat.type === "private") {
      problems.push(`${at}.chat_id: ${link.chat_id} is not a group, supergroup or channel of this world`)
    }
    if (!users.has(link.creator_id)) problems.push(`${at}.creator_id: unknown user ${link.creator_id}`)
    if (link.is_primary && !link.is_revoked) {
      const key = `${link.chat_id}:${link.creator_id}`
      if (primaries.has(key)) problems.push(`${at}.is_primary: a second active primary link of one administrator`)
      primaries.add(key)
    }
    if (link.creates_join_request && link.member_limit !== undefined) {
      problems.push(`${at}.member_limit: a link that creates join requests has no member limit`)
    }
    if ((link.subscription_period === undefined) !== (link.subscription_price === undefined)) {
      problems.push(`${at}.subscription_price: a subscription link has both a period and a price`)
    }
  }
}

const chatIdProblem = (chat: Chat): string | undefined => {
  switch (chat.type) {
    case "private":
      return chat.id >= 1 && chat.id < 2 ** 40 ? undefined : "a private chat's id is its user's id (1 to 2^40-1)"
    case "group":
      return chat.id <= -1 && chat.id >= -999_999_999_999 ? undefined : "a basic group's id is -1 to -999999999999"
    case "supergroup":
    case "channel":
      return chat.id < -1_000_000_000_000 && chat.id > -1_000_000_000_000 - 2 ** 40
        ? undefined
        : `a ${chat.type}'s id is -100 followed by its number (-1000000000001 and below)`
  }
}
