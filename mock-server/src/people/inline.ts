/**
 * A person uses a bot's inline mode (telegram-wire-chats.md §18): they type a query in a chat (their chat with the
 * bot, a group, supergroup or channel of the world, or a chat the world does not have, named by its type) and the bot
 * gets `inline_query` (unless Telegram answers from the cache of an earlier answer: same bot, text, offset and chat
 * type, within its cache_time, the same person's when it was personal); they pick a result of the answer and it is
 * sent to that chat from them `via_bot` (the bot gets `chosen_inline_result` when its inline feedback is on).
 */
import type { InlineQueryInput } from "../decode/inline.js"
import { type InlineDestination, type InlinePost, postInlineMessage } from "../events/inlineMessages.js"
import { MockInputError } from "../MockInputError.js"
import { chosenInlineResultJson, inlineQueryJson } from "../wire/inline.js"
import { privateChat } from "../world/chats.js"
import {
  type InlineMessageBody,
  type InlinePlace,
  type InlineQueryRecord,
  inlineSettings,
  keep,
  nextQueryId
} from "../world/inline.js"
import { effectivePermissions } from "../world/permissions.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { ChatRecord, World } from "../world/World.js"
import { botFor, openConversation, writeProblem } from "./talk.js"

const refuse = (line: string): never => {
  throw new MockInputError([line])
}

/** The bot named (default the world's first), which must have inline mode on. */
export const inlineBot = (world: World, botId: number | undefined): number => {
  const bot = botFor(world, botId)
  if (typeof bot === "string") return refuse(bot)
  if (!inlineSettings(world, bot).inline) {
    return refuse(`bot_id: bot ${bot} does not support inline queries (BOT_INLINE_DISABLED)`)
  }
  return bot
}

/**
 * Why the person may not send a message through a bot to this group, supergroup or channel, if they may not: they
 * must be able to write there, and (groups) to use inline bots (`can_send_other_messages`).
 */
export const inlineSendProblem = (world: World, chat: ChatRecord, userId: number): string | undefined => {
  const why = writeProblem(world, chat, userId)
  if (why !== undefined || chat.type === "channel") return why
  const now = Math.floor(world.clock.now() / 1000)
  return effectivePermissions(chat, userId, false, now).can_send_other_messages
    ? undefined
    : `chat_id: user ${userId} may not use inline bots in chat ${chat.id} (CHAT_SEND_INLINE_FORBIDDEN)`
}

/** A group, supergroup or channel of the world a person may send to through a bot. */
export const groupDestination = (world: World, userId: number, chatId: number): InlineDestination => {
  const chat = world.chats.get(chatId)
  if (chat === undefined) return refuse(`chat_id: no chat ${chatId} in this world`)
  if (chat.type === "private") return refuse(`chat_id: chat ${chatId} is another user's private chat`)
  if (chat.migratedTo !== undefined) return refuse(`chat_id: chat ${chatId} was upgraded to ${chat.migratedTo}`)
  if (chat.deleted) return refuse(`chat_id: chat ${chatId} was deleted`)
  const problem = inlineSendProblem(world, chat, userId)
  if (problem !== undefined) refuse(problem)
  return { chat, log: chat.log, conversationBotId: undefined }
}

/** The person's private chat with a bot (opened, as writing in it opens it). */
export const privateDestination = (world: World, userId: number, botId: number): InlineDestination => {
  const log = openConversation(world, userId, botId)
  return { chat: privateChat(world, userId)!, log, conversationBotId: botId }
}

/** Where the query is typed: its chat type, and the world's chat when it has it. */
const placeOf = (world: World, userId: number, input: InlineQueryInput): InlinePlace => {
  if (input.chat_id === undefined || input.chat_id === userId) {
    const chatType = input.chat_type ?? "sender"
    if (input.chat_id === userId && chatType !== "sender") {
      refuse(`chat_type: chat ${userId} is the person's chat with the bot ("sender"), not "${chatType}"`)
    }
    return { chatType, chatId: chatType === "sender" ? userId : undefined }
  }
  const { chat } = groupDestination(world, userId, input.chat_id)
  if (input.chat_type !== undefined && input.chat_type !== chat.type) {
    refuse(`chat_type: chat ${chat.id} is a ${chat.type}, not "${input.chat_type}"`)
  }
  return { chatType: chat.type, chatId: chat.id }
}

/** An earlier answer Telegram would give again from its cache, if any. */
const cachedAnswer = (world: World, query: Omit<InlineQueryRecord, "answer" | "cached" | "chosen">) => {
  let found: InlineQueryRecord["answer"]
  for (const earlier of world.inline.queries.values()) {
    const answer = earlier.answer
    if (
      answer === undefined || earlier.botId !== query.botId || earlier.query !== query.query ||
      earlier.offset !== query.offset || earlier.chatType !== query.chatType ||
      (answer.isPersonal && earlier.userId !== query.userId) || answer.at + answer.cacheTime * 1000 <= query.at
    ) continue
    if (found === undefined || answer.at > found.at) found = answer
  }
  return found
}

const INLINE_QUERY_IDS = 5_000_000_000_000_000_000n

/** A person types an inline query: the bot gets `inline_query` (unless the answer comes from the cache). */
export const sendInlineQuery = (world: World, userId: number, input: InlineQueryInput): InlineQueryRecord => {
  const botId = inlineBot(world, input.bot_id)
  const place = placeOf(world, userId, input)
  const location = input.location === undefined
    ? undefined
    : {
      latitude: input.location.latitude,
      longitude: input.location.longitude,
      accuracy: input.location.horizontal_accuracy ?? 0
    }
  const base = {
    id: nextQueryId(world, INLINE_QUERY_IDS),
    botId,
    userId,
    query: input.query,
    offset: input.offset ?? "",
    location,
    at: world.clock.now(),
    ...place
  }
  const cached = cachedAnswer(world, base)
  const query: InlineQueryRecord = { ...base, cached: cached !== undefined, answer: cached, chosen: undefined }
  keep(world.inline.queries, query.id, query)
  if (cached === undefined && wantsUpdate(world, botId, "inline_query")) {
    enqueueUpdate(world, botId, "inline_query", inlineQueryJson(world, query), `user:${userId}`)
  }
  return query
}

/** Where a pick of this query goes: undefined for a chat the world does not have. */
const destinationOf = (world: World, query: InlineQueryRecord): InlineDestination | undefined => {
  if (query.chatId === undefined) return undefined
  if (query.chatType === "sender") return privateDestination(world, query.userId, query.botId)
  return groupDestination(world, query.userId, query.chatId)
}

/** What a pick did: the message sent (none in a chat the world does not have) and its inline_message_id. */
export type InlinePick = InlinePost | { readonly message: undefined; readonly inlineMessageId: undefined }

/** The person picks a result: it is sent from them via the bot; `chosen_inline_result` when feedback is on. */
export const chooseInlineResult = (
  world: World,
  userId: number,
  input: { readonly inline_query_id: string; readonly result_id: string }
): InlinePick => {
  const query = world.inline.queries.get(input.inline_query_id)
  if (query === undefined || query.userId !== userId) {
    return refuse(`inline_query_id: user ${userId} made no inline query ${input.inline_query_id}`)
  }
  if (query.answer === undefined) return refuse(`inline_query_id: the bot has not answered query ${query.id}`)
  const result = query.answer.results.find((item) => item.id === input.result_id)
  if (result === undefined) {
    return refuse(`result_id: the answer to query ${query.id} has no result ${JSON.stringify(input.result_id)}`)
  }
  const destination = destinationOf(world, query)
  const post = destination === undefined
    ? { message: undefined, inlineMessageId: undefined }
    : sendThroughBot(world, destination, userId, query.botId, result.body)
  query.chosen = result.id
  if (inlineSettings(world, query.botId).feedback && wantsUpdate(world, query.botId, "chosen_inline_result")) {
    const json = chosenInlineResultJson(world, query, result.id, post.inlineMessageId)
    enqueueUpdate(world, query.botId, "chosen_inline_result", json, `user:${userId}`)
  }
  return post
}

/** A person's message through a bot (a pick, a Mini App's answer, a prepared message): from them, `via_bot`. */
export const sendThroughBot = (
  world: World,
  destination: InlineDestination,
  userId: number,
  botId: number,
  body: InlineMessageBody
): InlinePost => postInlineMessage(world, destination, { authorId: userId, botId, viaBot: true }, body)
