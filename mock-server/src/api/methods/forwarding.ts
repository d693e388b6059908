/**
 * What forwards and copies share (telegram-wire-messages.md §M6; Client.cpp check_message(s) with Read access,
 * TDLib get_forwarded_messages, can_forward_message, dup_message_content): the source messages the bot may read, which
 * of them may enter the target chat and with what content (a forward shows the same poll, a copy a new one; a copy
 * may get a new caption), the keyboard a forward keeps, and the messages stored.
 */
import { scheduleClose } from "../../events/polls.js"
import { conversation } from "../../world/chats.js"
import { freshChecklist } from "../../world/checklists.js"
import { type Content, type Formatted, withCaption } from "../../world/content.js"
import { originOf } from "../../world/forwards.js"
export { keptKeyboard } from "../../world/forwards.js"
import { standing } from "../../world/members.js"
import { addMessage, findMessage, type MessageLog, type MessageRecord } from "../../world/messages.js"
import { copyPoll, knowsAnswers } from "../../world/polls.js"
import type { ChatRecord, World } from "../../world/World.js"
import { readableChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { logFor } from "../send/sendContent.js"
import { contentPermission } from "./contentRights.js"

/** How a message is carried: a forward (with its origin) or a copy (without). */
export type Carry = "forward" | "copy"

/** A chat the bot reads messages from, and their log there. */
export interface Source {
  readonly chat: ChatRecord
  readonly log: MessageLog | undefined
}

/** A caption replacing the copied one (copyMessage's `caption`, copyMessages' `remove_caption`). */
export interface NewCaption {
  readonly caption: Formatted
  readonly showAbove: boolean
}

/**
 * The chat `from_chat_id` names, with read access; its messages are readable unless the bot is not in a supergroup
 * or channel (have_message_access), when every id reads as not found.
 */
export const sourceChat = (world: World, fromChatParam: string, botId: number): Source | ApiError => {
  const chat = readableChat(world, fromChatParam, botId, false)
  if (isApiError(chat)) return chat
  const member = standing(chat, botId)
  const inChat = member.status !== "left" && member.status !== "kicked" &&
    !(member.status === "restricted" && member.rights.is_member === false)
  const readable = chat.type === "private" || chat.type === "group" || inChat
  return { chat, log: readable ? logFor(chat, botId) : undefined }
}

/** A message of the source by id, if the bot may read it. */
export const sourceMessage = (source: Source, id: number): MessageRecord | undefined =>
  id > 0 && source.log !== undefined ? findMessage(source.log, id) : undefined

/**
 * The content a forward or a copy of `message` carries into `target`, or undefined when TDLib skips it: a service
 * message; a forward of a message with protected content; a copy of a quiz whose answers the bot does not know;
 * content the target refuses (the bot's rights there, Telegram's rules).
 */
export const carriedContent = (
  world: World,
  message: MessageRecord,
  target: ChatRecord,
  botId: number,
  carry: Carry,
  caption: NewCaption | undefined
): Content | undefined => {
  const content = message.content
  if (content.kind === "service") return undefined
  if (carry === "forward" && message.protect) return undefined
  let carried: Content = content
  if (carry === "copy") {
    if (content.kind === "poll") {
      if (content.poll.type === "quiz" && !knowsAnswers(content.poll, botId)) return undefined
      const now = Math.floor(world.clock.now() / 1000)
      carried = { ...content, poll: copyPoll(world, content.poll, botId, now) }
    } else if (content.kind === "checklist") carried = freshChecklist(content)
    if (caption !== undefined) carried = withCaption(carried, caption.caption, caption.showAbove)
  }
  return contentPermission(target, botId, carried) === undefined ? carried : undefined
}

/** What a forward or a copy stores besides its content. */
export interface Carried {
  readonly source: MessageRecord
  readonly content: Content
  readonly carry: Carry
  readonly keyboard: MessageRecord["keyboard"]
  readonly replyKeyboard?: MessageRecord["replyKeyboard"]
  readonly replyTo: MessageRecord | undefined
}

/** Stores a forward or a copy sent by the bot in `chat` (a copied poll starts its clock). */
export const storeCarried = (
  world: World,
  chat: ChatRecord,
  botId: number,
  item: Carried,
  protect: boolean
): MessageRecord => {
  const channel = chat.type === "channel"
  const log = logFor(chat, botId) ?? conversation(world, chat.id, botId)!.log
  const record = addMessage(world, chat, chat.type === "private" ? botId : undefined, log, {
    date: Math.floor(world.clock.now() / 1000),
    fromId: channel ? undefined : botId,
    authorId: botId,
    senderChatId: channel ? chat.id : undefined,
    content: item.content,
    keyboard: item.keyboard,
    protect,
    replyToId: item.replyTo?.id,
    forwardOrigin: item.carry === "forward" ? originOf(world, item.source) : undefined,
    replyKeyboard: item.replyKeyboard
  })
  if (item.carry === "copy" && item.content.kind === "poll") scheduleClose(world, item.content.poll)
  return record
}

/** `the message can't be copied` / `the message can't be forwarded`. */
export const cantCarry = (carry: Carry): ApiError =>
  apiError(
    400,
    carry === "copy" ? "Bad Request: the message can't be copied" : "Bad Request: the message can't be forwarded"
  )
