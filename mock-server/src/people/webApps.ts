/**
 * What a person does in a bot's Mini App: opens it (in their chat with the bot, or in a group or channel where they
 * may send through a bot), which gives the Mini App a query the bot answers with answerWebAppQuery; and sends a
 * message the bot prepared for them (savePreparedInlineMessage) to a chat of a type it allows, from them via the bot.
 */
import type { SendPreparedInput, WebAppInput } from "../decode/inline.js"
import type { InlinePost } from "../events/inlineMessages.js"
import { MockInputError } from "../MockInputError.js"
import { type InlineDestination, keep, type PreparedMessageRecord, type WebAppQueryRecord } from "../world/inline.js"
import type { World } from "../world/World.js"
import { groupDestination, privateDestination, sendThroughBot } from "./inline.js"
import { botFor } from "./talk.js"

const refuse = (line: string): never => {
  throw new MockInputError([line])
}

/** The bot named (default the world's first). */
const botOf = (world: World, botId: number | undefined): number => {
  const bot = botFor(world, botId)
  return typeof bot === "string" ? refuse(bot) : bot
}

/** A Mini App query id: base64url, as Telegram's look. */
const webAppQueryId = (world: World): string => {
  const bytes = Buffer.alloc(18)
  bytes.writeBigUInt64LE(BigInt.asUintN(64, 0x2545f4914f6cdd1dn * BigInt(world.inline.next++)), 2)
  bytes.writeUInt16LE(0x4141, 0)
  return bytes.toString("base64url")
}

/** A person opens a bot's Mini App: the query the bot may answer once (answerWebAppQuery). */
export const openWebApp = (world: World, userId: number, input: WebAppInput): WebAppQueryRecord => {
  const botId = botOf(world, input.bot_id)
  const destination = input.chat_id === undefined || input.chat_id === userId
    ? privateDestination(world, userId, botId)
    : groupDestination(world, userId, input.chat_id)
  const id = webAppQueryId(world)
  const query: WebAppQueryRecord = { id, botId, userId, destination, at: world.clock.now(), answer: undefined }
  return keep(world.inline.webAppQueries, id, query)
}

/** The kind of chat a prepared message goes to, as its allow_* flags name them. */
const chatKind = (destination: InlineDestination): "users" | "bots" | "groups" | "channels" => {
  switch (destination.chat.type) {
    case "private":
      return "bots"
    case "channel":
      return "channels"
    default:
      return "groups"
  }
}

/** A person's prepared messages they may still send, newest last. */
export const preparedMessagesOf = (world: World, userId: number): Array<PreparedMessageRecord> => {
  const now = Math.floor(world.clock.now() / 1000)
  return [...world.inline.preparedMessages.values()].filter((prepared) =>
    prepared.userId === userId && prepared.expiresAt > now
  )
}

/**
 * A person sends a prepared message from the Mini App (Telegram's shareMessage): to a group, supergroup or channel
 * (`chat_id`), or to their chat with a bot (`bot_id`, default the one that prepared it).
 */
export const sendPrepared = (world: World, userId: number, input: SendPreparedInput): InlinePost => {
  const prepared = world.inline.preparedMessages.get(input.id)
  if (prepared === undefined || prepared.userId !== userId) {
    return refuse(`id: user ${userId} has no prepared message ${JSON.stringify(input.id)}`)
  }
  if (prepared.expiresAt <= Math.floor(world.clock.now() / 1000)) {
    return refuse(`id: prepared message ${JSON.stringify(input.id)} expired at ${prepared.expiresAt}`)
  }
  const destination = input.chat_id === undefined || input.chat_id === userId
    ? privateDestination(world, userId, botOf(world, input.bot_id ?? prepared.botId))
    : groupDestination(world, userId, input.chat_id)
  const kind = chatKind(destination)
  if (!prepared.chatTypes[kind]) {
    return refuse(`chat_id: prepared message ${JSON.stringify(input.id)} may not be sent to ${kind.slice(0, -1)} chats`)
  }
  return sendThroughBot(world, destination, userId, prepared.botId, prepared.result.body)
}
