/**
 * A person talks to the bots: a message (in their private chat with a bot, which any message opens, or in a group or
 * channel they may write to), a press of an inline button (a callback_query to the bot that sent the message), a
 * block of a bot (my_chat_member: kicked). Every refusal is a line naming the field, and changes nothing.
 */
import { announceMemberChange, deliverMessage } from "../events/announce.js"
import { isInChat } from "../events/recipients.js"
import { finishText } from "../input/text.js"
import { callbackQueryJson } from "../wire/callbackQuery.js"
import { messageJson } from "../wire/message.js"
import { GENERAL_TOPIC_ID } from "../world/chatProfile.js"
import { conversation, privateChat } from "../world/chats.js"
import { closedTo, findTopic, isForum } from "../world/forum.js"
import { standing } from "../world/members.js"
import { addMessage, findMessage, type MessageLog, type MessageRecord } from "../world/messages.js"
import { currentStanding, effectivePermissions } from "../world/permissions.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { ChatRecord, World } from "../world/World.js"

/** Where a person writes: a private chat's conversation with a bot (no log yet: never written), or a group's log. */
interface Place {
  readonly chat: ChatRecord
  readonly botId: number | undefined
  readonly log: MessageLog | undefined
}

const MEMBER = Object.freeze({ status: "member" as const, rights: Object.freeze({}) })
const KICKED = Object.freeze({ status: "kicked" as const, rights: Object.freeze({}) })

/** The bot a person talks to privately: the one named, else the world's first. */
export const botFor = (world: World, botId: number | undefined): number | string => {
  if (botId === undefined) return world.bots[0]?.user_id ?? "bot_id: the world has no bot"
  return world.botStates.has(botId) ? botId : `bot_id: no bot ${botId} in this world`
}

/** Where a person may write, or why not; nothing is made yet. */
export const placeFor = (
  world: World,
  userId: number,
  chatId: number | undefined,
  botId: number | undefined
): Place | string => {
  if (chatId === undefined || chatId === userId) {
    const bot = botFor(world, botId)
    if (typeof bot === "string") return bot
    const chat = privateChat(world, userId)!
    return { chat, botId: bot, log: chat.conversations.get(bot)?.log }
  }
  const chat = world.chats.get(chatId)
  if (chat === undefined) return `chat_id: no chat ${chatId} in this world`
  if (chat.type === "private") return `chat_id: chat ${chatId} is another user's private chat`
  if (chat.migratedTo !== undefined) return `chat_id: chat ${chatId} was upgraded to ${chat.migratedTo}`
  if (chat.deleted) return `chat_id: chat ${chatId} was deleted`
  return { chat, botId: undefined, log: chat.log }
}

/**
 * Why a person may not write in a group or channel, if they may not: their own restrictions and the chat's default
 * permissions, as Telegram applies them (telegram-wire-chats.md §16.14; an expired restriction is over).
 */
export const writeProblem = (world: World, chat: ChatRecord, userId: number): string | undefined => {
  const now = Math.floor(world.clock.now() / 1000)
  const member = currentStanding(chat, userId, now)
  if (chat.type === "channel") {
    const may = member.status === "creator" ||
      (member.status === "administrator" && member.rights.can_post_messages === true)
    return may ? undefined : `chat_id: user ${userId} may not post in channel ${chat.id}`
  }
  if (!isInChat(member)) return `chat_id: user ${userId} is not in chat ${chat.id}`
  if (!effectivePermissions(chat, userId, false, now).can_send_messages) {
    return `chat_id: user ${userId} may not send messages in chat ${chat.id}`
  }
  return undefined
}

/**
 * The forum topic a person's message goes to (undefined: General, or a chat without topics), or the problem line:
 * the topic named (1 is General), else the topic of the message replied to; a closed topic takes administrators only.
 */
const topicFor = (
  chat: ChatRecord,
  userId: number,
  threadId: number | undefined,
  reply: MessageRecord | undefined
): number | undefined | PersonProblem => {
  if (threadId !== undefined && !isForum(chat)) return problem(`message_thread_id: chat ${chat.id} is not a forum`)
  if (threadId !== undefined && threadId !== GENERAL_TOPIC_ID && findTopic(chat, threadId) === undefined) {
    return problem(`message_thread_id: no topic ${threadId} in chat ${chat.id}`)
  }
  const topic = threadId === undefined ? (isForum(chat) ? reply?.threadId : undefined) : threadId
  const thread = topic === GENERAL_TOPIC_ID ? undefined : topic
  if (closedTo(chat, thread, userId)) {
    return problem(`message_thread_id: topic ${thread ?? GENERAL_TOPIC_ID} of chat ${chat.id} is closed (TOPIC_CLOSED)`)
  }
  return thread
}

/** Opens (or reopens, after a block) a person's private chat with a bot; its log. */
export const openConversation = (world: World, userId: number, botId: number): MessageLog => {
  const conv = conversation(world, userId, botId)!
  const chat = world.chats.get(userId)!
  const wasBlocked = conv.blocked
  conv.started = true
  conv.blocked = false
  if (wasBlocked) {
    const date = Math.floor(world.clock.now() / 1000)
    announceMemberChange(world, chat, { actorId: userId, date, userId: botId, before: KICKED, after: MEMBER })
  }
  return conv.log
}

/** What a person's message says. */
export interface PersonMessage {
  readonly text: string
  readonly chatId?: number | undefined
  readonly botId?: number | undefined
  readonly replyToMessageId?: number | undefined
  /** A forum topic (1: General). */
  readonly threadId?: number | undefined
}

/** A person sends a message; the Message as JSON text, or the problem line. */
export const sendAsPerson = (world: World, userId: number, input: PersonMessage): string => {
  const place = placeFor(world, userId, input.chatId, input.botId)
  if (typeof place === "string") throw problem(place)
  const { chat } = place
  if (chat.type !== "private") {
    const why = writeProblem(world, chat, userId)
    if (why !== undefined) throw problem(why)
  }
  const reply = input.replyToMessageId === undefined || place.log === undefined
    ? undefined
    : findMessage(place.log, input.replyToMessageId)
  if (input.replyToMessageId !== undefined && reply === undefined) {
    throw problem(`reply_to_message_id: no message ${input.replyToMessageId} in chat ${chat.id}`)
  }
  const thread = topicFor(chat, userId, input.threadId, reply)
  if (thread instanceof PersonProblem) throw thread
  const text = finishText({ text: input.text, entities: [] })
  if ("refusal" in text) throw problem(`text: ${text.refusal.replace("Bad Request: ", "")}`)
  const log = place.botId !== undefined ? openConversation(world, userId, place.botId) : place.log!
  const channel = chat.type === "channel"
  const message = addMessage(world, chat, place.botId, log, {
    date: Math.floor(world.clock.now() / 1000),
    fromId: channel ? undefined : userId,
    authorId: userId,
    senderChatId: channel ? chat.id : undefined,
    content: { kind: "text", text: text.text, entities: text.entities, linkPreview: undefined },
    keyboard: undefined,
    protect: false,
    replyToId: reply?.id,
    threadId: thread
  })
  deliverMessage(world, chat, message)
  return messageJson(world, message, place.botId, reply)
}

/** A refused person's action: the line naming the field (the facade turns it into a MockInputError). */
export class PersonProblem {
  constructor(readonly line: string) {}
}
const problem = (line: string): PersonProblem => new PersonProblem(line)

/** A stable chat_instance for a chat and a bot: a signed 64-bit number as text. */
const chatInstance = (chatId: number, botId: number): string => {
  let hash = 0xcbf29ce484222325n
  for (const byte of Buffer.from(`${chatId}:${botId}`)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n)
  }
  return BigInt.asIntN(64, hash).toString()
}

/** A person presses an inline button with this callback_data on a bot's message; the callback query's id. */
export const press = (world: World, userId: number, input: {
  readonly chatId?: number | undefined
  readonly messageId: number
  readonly data: string
  readonly botId?: number | undefined
}): string => {
  const place = placeFor(world, userId, input.chatId, input.botId)
  if (typeof place === "string") throw problem(place)
  if (place.chat.type !== "private" && !isInChat(standing(place.chat, userId))) {
    throw problem(`chat_id: user ${userId} is not in chat ${place.chat.id}`)
  }
  const log = place.log
  const message: MessageRecord | undefined = log === undefined ? undefined : findMessage(log, input.messageId)
  if (message === undefined) throw problem(`message_id: no message ${input.messageId} in chat ${place.chat.id}`)
  const button = message.keyboard?.flat().find((b) => b.callbackData === input.data)
  if (button === undefined || !world.botStates.has(message.authorId)) {
    throw problem(`data: message ${input.messageId} has no button with callback_data ${JSON.stringify(input.data)}`)
  }
  const botId = message.authorId
  const id = String(4_000_000_000_000_000_000n + BigInt(world.nextCallbackQuery++))
  world.callbackQueries.set(id, { id, botId, userId, at: world.clock.now(), answer: undefined })
  if (world.callbackQueries.size > world.caps.callbackQueries) {
    world.callbackQueries.delete(world.callbackQueries.keys().next().value!)
  }
  if (wantsUpdate(world, botId, "callback_query")) {
    const reply = message.replyToId === undefined ? undefined : findMessage(log!, message.replyToId)
    const query = { id, userId, chatInstance: chatInstance(place.chat.id, botId), data: input.data }
    enqueueUpdate(
      world,
      botId,
      "callback_query",
      callbackQueryJson(world, query, message, reply, botId),
      `user:${userId}`
    )
  }
  return id
}

/** A person blocks a bot: my_chat_member (member → kicked) when they had started it. */
export const block = (world: World, userId: number, botIdInput: number | undefined): void => {
  const botId = botFor(world, botIdInput)
  if (typeof botId === "string") throw problem(botId)
  const conv = conversation(world, userId, botId)!
  if (conv.blocked) return
  conv.blocked = true
  if (!conv.started) return
  const date = Math.floor(world.clock.now() / 1000)
  announceMemberChange(world, world.chats.get(userId)!, {
    actorId: userId,
    date,
    userId: botId,
    before: MEMBER,
    after: KICKED
  })
}
