/**
 * What people do with messages besides writing them: edit their own text (the bots that got it get
 * `edited_message`), and forward a message they can read to a bot or a chat (a message with `forward_origin`).
 * Every refusal is a line naming the field, and changes nothing.
 */
import { deliverMessage } from "../events/announce.js"
import { announceEdit, hearers } from "../events/edits.js"
import { isInChat } from "../events/recipients.js"
import { finishText } from "../input/text.js"
import { messageJson } from "../wire/message.js"
import { keptKeyboard, originOf } from "../world/forwards.js"
import { standing } from "../world/members.js"
import { addMessage, findMessage, type MessageLog, type MessageRecord } from "../world/messages.js"
import type { ChatRecord, World } from "../world/World.js"
import { botFor, openConversation, PersonProblem, placeFor, writeProblem } from "./talk.js"

/** Where a person's message is named: a chat (their private chat with a bot when left out) and an id. */
export interface MessagePlace {
  readonly chatId?: number | undefined
  readonly botId?: number | undefined
  readonly messageId: number
}

/** A message a person can see, with its chat and, in a private chat, the bot of the conversation. */
export interface SeenMessage {
  readonly chat: ChatRecord
  readonly botId: number | undefined
  readonly log: MessageLog
  readonly message: MessageRecord
}

const problem = (line: string): PersonProblem => new PersonProblem(line)

/** True when a person may read a group's or a channel's messages: a member, or anyone in a public channel. */
export const canRead = (chat: ChatRecord, userId: number): boolean =>
  chat.type === "private" || isInChat(standing(chat, userId)) ||
  (chat.type === "channel" && chat.username !== undefined && standing(chat, userId).status !== "kicked")

/** The message a person names, if they can see it (else the problem line is thrown). */
export const seenMessage = (world: World, userId: number, place: MessagePlace): SeenMessage => {
  const where = placeFor(world, userId, place.chatId, place.botId)
  if (typeof where === "string") throw problem(where)
  const { chat } = where
  if (!canRead(chat, userId)) throw problem(`chat_id: user ${userId} is not in chat ${chat.id}`)
  const message = where.log === undefined ? undefined : findMessage(where.log, place.messageId)
  if (message === undefined) throw problem(`message_id: no message ${place.messageId} in chat ${chat.id}`)
  return { chat, botId: where.botId, log: where.log!, message }
}

/** A person edits the text of their message; the Message as JSON text. */
export const editAsPerson = (world: World, userId: number, place: MessagePlace & { readonly text: string }) => {
  const seen = seenMessage(world, userId, place)
  const { chat, message } = seen
  const at = `message ${message.id} in chat ${chat.id}`
  if (message.authorId !== userId) throw problem(`message_id: ${at} was not written by user ${userId}`)
  if (message.forwardOrigin !== undefined) throw problem(`message_id: ${at} is a forward and can't be edited`)
  if (message.content.kind !== "text") throw problem(`message_id: ${at} has no text to edit`)
  const text = finishText({ text: place.text, entities: [] })
  if ("refusal" in text) throw problem(`text: ${text.refusal.replace("Bad Request: ", "")}`)
  if (text.text === message.content.text) throw problem(`text: ${at} already says that`)
  const bots = hearers(world, chat, message)
  message.content = { kind: "text", text: text.text, entities: text.entities, linkPreview: undefined }
  message.editDate = Math.floor(world.clock.now() / 1000)
  announceEdit(world, chat, message, bots)
  const reply = message.replyToId === undefined ? undefined : findMessage(seen.log, message.replyToId)
  return messageJson(world, message, seen.botId, reply)
}

/** What a person forwards, and where to. */
export interface PersonForward {
  readonly fromChatId: number
  readonly fromBotId?: number | undefined
  readonly messageId: number
  readonly chatId?: number | undefined
  readonly botId?: number | undefined
}

/** A person forwards a message they can see; the new Message as JSON text. */
export const forwardAsPerson = (world: World, userId: number, input: PersonForward): string => {
  const fromPrivate = input.fromChatId === userId
  if (fromPrivate) {
    const bot = botFor(world, input.fromBotId)
    if (typeof bot === "string") throw problem(`from_${bot}`)
  }
  let source: SeenMessage
  try {
    source = seenMessage(world, userId, {
      chatId: input.fromChatId,
      botId: fromPrivate ? input.fromBotId : undefined,
      messageId: input.messageId
    })
  } catch (error) {
    if (error instanceof PersonProblem && error.line.startsWith("chat_id")) throw problem(`from_${error.line}`)
    throw error
  }
  const original = source.message
  const at = `message ${original.id} in chat ${source.chat.id}`
  if (original.content.kind === "service") throw problem(`message_id: ${at} is a service message`)
  if (original.protect) throw problem(`message_id: ${at} has protected content and can't be forwarded`)
  const place = placeFor(world, userId, input.chatId, input.botId)
  if (typeof place === "string") throw problem(place)
  const { chat } = place
  if (chat.type !== "private") {
    const why = writeProblem(world, chat, userId)
    if (why !== undefined) throw problem(why)
  }
  const log = place.botId !== undefined ? openConversation(world, userId, place.botId) : place.log!
  const channel = chat.type === "channel"
  const message = addMessage(world, chat, place.botId, log, {
    date: Math.floor(world.clock.now() / 1000),
    fromId: channel ? undefined : userId,
    authorId: userId,
    senderChatId: channel ? chat.id : undefined,
    content: original.content,
    keyboard: keptKeyboard(original),
    protect: false,
    replyToId: undefined,
    forwardOrigin: originOf(world, original)
  })
  deliverMessage(world, chat, message)
  return messageJson(world, message, place.botId, undefined)
}
