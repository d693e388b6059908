/**
 * Guest mode (Bot API 10.0; core.telegram.org/api/bots/guest-mode): a person mentions a bot whose guest mode is on by
 * its @username in a group or supergroup it is not in (up to three bots a message): the message is sent as any other,
 * and each such bot gets `guest_message` (the Message with its `guest_query_id`), which it answers once with
 * answerGuestQuery; the answer is posted in the chat by the bot, with `guest_bot_caller_user`.
 */
import type { GuestMessageInput } from "../decode/inline.js"
import { isInChat } from "../events/recipients.js"
import { normalizeUsername } from "../internal/text.js"
import { MockInputError } from "../MockInputError.js"
import { messageJson } from "../wire/message.js"
import { type GuestQueryRecord, inlineSettings, keep, nextQueryId } from "../world/inline.js"
import { standing } from "../world/members.js"
import { findMessage, type MessageRecord } from "../world/messages.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { ChatRecord, World } from "../world/World.js"
import { sendAsPerson } from "./talk.js"

const MAX_GUESTS = 3
const GUEST_QUERY_IDS = 6_000_000_000_000_000_000n
const MENTION = /@([A-Za-z0-9_]{3,32})/g

/** The guest bots a text mentions that are not in the chat, in mention order, at most three. */
const mentionedGuests = (world: World, chat: ChatRecord, text: string): Array<number> => {
  const found: Array<number> = []
  for (const [, name] of text.matchAll(MENTION)) {
    const bot = world.bots.find((candidate) => {
      const username = world.users.get(candidate.user_id)?.username
      return username !== undefined && normalizeUsername(username) === normalizeUsername(name!)
    })
    if (bot === undefined || found.includes(bot.user_id) || !inlineSettings(world, bot.user_id).guest) continue
    if (isInChat(standing(chat, bot.user_id))) continue
    found.push(bot.user_id)
    if (found.length === MAX_GUESTS) break
  }
  return found
}

/** What a guest mention made: the person's message, and a query per guest bot. */
export interface GuestMention {
  readonly message: MessageRecord
  readonly queries: ReadonlyArray<GuestQueryRecord>
}

/** A person writes a message mentioning guest bots in a group or supergroup: each gets `guest_message`. */
export const mentionGuests = (world: World, userId: number, input: GuestMessageInput): GuestMention => {
  const chat = world.chats.get(input.chat_id)
  if (chat === undefined || (chat.type !== "group" && chat.type !== "supergroup")) {
    throw new MockInputError([`chat_id: no group or supergroup ${input.chat_id} in this world`])
  }
  const guests = mentionedGuests(world, chat, input.text)
  if (guests.length === 0) {
    throw new MockInputError([`text: mentions no bot with guest mode on that is not in chat ${chat.id}`])
  }
  const sent = JSON.parse(sendAsPerson(world, userId, { text: input.text, chatId: chat.id })) as { message_id: number }
  const message = findMessage(chat.log, sent.message_id)!
  const destination = { chat, log: chat.log, conversationBotId: undefined }
  const queries = guests.map((botId) => {
    const id = nextQueryId(world, GUEST_QUERY_IDS)
    const query: GuestQueryRecord = {
      id,
      botId,
      userId,
      destination,
      messageId: message.id,
      at: world.clock.now(),
      answer: undefined
    }
    keep(world.inline.guestQueries, id, query)
    if (wantsUpdate(world, botId, "guest_message")) {
      enqueueUpdate(world, botId, "guest_message", messageJson(world, message, botId, undefined, id), `chat:${chat.id}`)
    }
    return query
  })
  return { message, queries }
}
