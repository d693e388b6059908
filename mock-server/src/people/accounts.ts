/**
 * What happens to a bot's accounts outside the Bot API: a person connects their business account to a bot (or changes
 * or disables the connection) → `business_connection`; a person writes to a business account, or the account's owner
 * writes in one of its chats → `business_message`; a person creates a bot the bot manages → `managed_bot`. Typed
 * input (decoded by the facade and the routes); a refusal throws MockInputError and changes nothing.
 */
import type { BusinessConnection, Message, User } from "@grammyjs/types"
import type { BusinessConnectInput, BusinessMessageInput, ManagedBotInput } from "../decode/accounts.js"
import { MockInputError } from "../MockInputError.js"
import { businessConnectionJson } from "../wire/business.js"
import { messageJson } from "../wire/message.js"
import { asMessage } from "../wire/typed.js"
import { userJson } from "../wire/user.js"
import { addBusinessMessage, businessChat, restoreBusinessConnection } from "../world/business.js"
import { newBotToken } from "../world/managedBots.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { World } from "../world/World.js"

const nowSeconds = (world: World): number => Math.floor(world.clock.now() / 1000)

/** A bot the mock answers for: `bot_id`, or the world's first. */
const worldBot = (world: World, botId: number | undefined, field: string): number => {
  const id = botId ?? world.bots[0]?.user_id
  if (id === undefined || !world.bots.some((bot) => bot.user_id === id)) {
    throw new MockInputError([`${field}: ${botId ?? "(none)"} is not a bot of this world`])
  }
  return id
}

const personOf = (world: World, userId: number, field: string): void => {
  const user = world.users.get(userId)
  if (user === undefined) throw new MockInputError([`${field}: unknown user ${userId}`])
  if (user.is_bot) throw new MockInputError([`${field}: user ${userId} is a bot`])
}

/** A person connects their business account to a bot, or changes the connection: the bot gets business_connection. */
export const connectBusiness = (world: World, id: string, input: BusinessConnectInput): BusinessConnection => {
  personOf(world, input.user_id, "user_id")
  const previous = world.tail.business.get(id)
  const botId = worldBot(world, input.bot_id ?? previous?.botId, "bot_id")
  if (previous !== undefined && (previous.userId !== input.user_id || previous.botId !== botId)) {
    throw new MockInputError([`id: connection ${id} belongs to user ${previous.userId} and bot ${previous.botId}`])
  }
  const connection = restoreBusinessConnection(world, {
    id,
    bot_id: botId,
    user_id: input.user_id,
    date: previous?.date ?? nowSeconds(world),
    is_enabled: input.is_enabled ?? true,
    rights: input.rights ?? previous?.rights ?? {}
  })
  const json = businessConnectionJson(world, connection)
  if (wantsUpdate(world, botId, "business_connection")) {
    enqueueUpdate(world, botId, "business_connection", json, `business:${connection.userId}`)
  }
  return JSON.parse(json) as BusinessConnection
}

/**
 * A message in a business account's chat: a person writes to the account (`user_id`), or the account's owner writes
 * to a person (`user_id` the owner, `chat_id` the person). The connected bot gets business_message while the
 * connection is enabled.
 */
export const writeToBusiness = (world: World, id: string, input: BusinessMessageInput): Message => {
  const connection = world.tail.business.get(id)
  if (connection === undefined) throw new MockInputError([`id: no business connection ${id}`])
  const byOwner = input.user_id === connection.userId
  if (!byOwner) personOf(world, input.user_id, "user_id")
  if (byOwner && input.chat_id === undefined) throw new MockInputError(["chat_id: the owner writes in a chat: name it"])
  const peer = byOwner ? input.chat_id! : input.user_id
  const chat = businessChat(world, connection, peer)
  if (chat === undefined) throw new MockInputError([`chat_id: ${peer} is not a person the account can write to`])
  const date = nowSeconds(world)
  if (!byOwner) chat.lastIncoming = date
  const record = addBusinessMessage(world, connection, chat.chat, {
    date,
    fromId: input.user_id,
    authorId: input.user_id,
    senderChatId: undefined,
    content: { kind: "text", text: input.text, entities: [], linkPreview: undefined },
    keyboard: undefined,
    protect: false,
    replyToId: undefined
  })
  const json = messageJson(world, record, connection.botId, undefined)
  if (connection.isEnabled && wantsUpdate(world, connection.botId, "business_message")) {
    enqueueUpdate(world, connection.botId, "business_message", json, `business:${peer}`)
  }
  return asMessage(json)
}

/** A business account's chat with a person, as Message objects, oldest first. */
export const businessMessages = (world: World, id: string, chatId: number): Array<Message> => {
  const connection = world.tail.business.get(id)
  if (connection === undefined) throw new MockInputError([`id: no business connection ${id}`])
  const chat = connection.chats.get(chatId)
  return chat === undefined
    ? []
    : [...chat.chat.log.messages.values()].map((message) =>
      asMessage(messageJson(world, message, undefined, undefined))
    )
}

/** A person creates a bot that a bot of the world manages: the manager gets managed_bot. Returns the new bot. */
export const createManagedBot = (world: World, input: ManagedBotInput): User => {
  personOf(world, input.user_id, "user_id")
  const managerId = worldBot(world, input.manager_bot_id, "manager_bot_id")
  if (world.users.has(input.bot.id)) throw new MockInputError([`bot.id: user ${input.bot.id} already exists`])
  if (world.users.size >= world.caps.users) throw new MockInputError(["bot: the world holds caps.users users"])
  const taken = [...world.users.values()].some((user) =>
    user.username?.toLowerCase() === input.bot.username.toLowerCase()
  )
  if (taken) throw new MockInputError([`bot.username: ${input.bot.username} is taken`])
  const bot = { id: input.bot.id, is_bot: true, first_name: input.bot.first_name, username: input.bot.username }
  world.users.set(bot.id, bot)
  world.tail.managedBots.set(bot.id, {
    botId: bot.id,
    managerBotId: managerId,
    token: newBotToken(bot.id),
    isAccessRestricted: false,
    addedUserIds: []
  })
  if (wantsUpdate(world, managerId, "managed_bot")) {
    const json = `{"user":${userJson(world, input.user_id)},"bot":${userJson(world, bot.id)}}`
    enqueueUpdate(world, managerId, "managed_bot", json, `managed:${input.user_id}`)
  }
  return bot
}
