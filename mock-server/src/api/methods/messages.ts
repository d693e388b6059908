/**
 * sendMessage, editMessageText and deleteMessage (telegram-wire-bots.md §11): the Bot API's checks in its order, then
 * the chat, then TDLib's and Telegram's; the message stored with its per-chat id and answered as a Message.
 */
import { readMessageInput, readReply } from "../../input/message.js"
import { finishKeyboard, readReplyMarkup } from "../../input/replyMarkup.js"
import { finishText, type FormattedText } from "../../input/text.js"
import { toBool, toLenientInt } from "../../internal/Params.js"
import { messageJson } from "../../wire/message.js"
import { conversation } from "../../world/chats.js"
import { standing } from "../../world/members.js"
import { addMessage, findMessage, type MessageRecord } from "../../world/messages.js"
import type { ChatRecord, World } from "../../world/World.js"
import { checkWriteAccess, resolveChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { conversationOf, privateRefusal, sendChat, sendRightsRefusal } from "../sendAccess.js"
import { type Call, floodRefusal, type MethodFamily } from "./common.js"

const NOT_MODIFIED = apiError(
  400,
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
)

/** The log a bot's messages in this chat live in (private chats: its conversation's). */
const logFor = (chat: ChatRecord, botId: number) =>
  chat.type === "private" ? conversationOf(chat, botId)?.log : chat.log

/** The text and keyboard once TDLib and Telegram checked them. */
const finishContent = (
  text: FormattedText,
  markup: ReturnType<typeof readReplyMarkup>,
  chat: ChatRecord
): { text: FormattedText; keyboard: MessageRecord["keyboard"] } | ApiError => {
  const finished = finishText(text)
  if ("refusal" in finished) return apiError(400, finished.refusal)
  if (markup === undefined || "refusal" in markup) return { text: finished, keyboard: undefined }
  const keyboard = finishKeyboard(markup, chat.type === "channel")
  return "refusal" in keyboard ? apiError(400, keyboard.refusal) : { text: finished, keyboard }
}

const sendMessage = (call: Call) => {
  const { botId, params, world } = call
  const input = readMessageInput(params)
  if (isApiError(input)) return input
  const reply = readReply(params)
  if (isApiError(reply)) return reply
  const markup = readReplyMarkup(params.get("reply_markup"))
  if (markup !== undefined && "refusal" in markup) return apiError(400, markup.refusal)
  const chat = sendChat(world, params.get("chat_id"), botId)
  if (isApiError(chat)) return chat
  const log = logFor(chat, botId)
  const sameChat = reply.chatId === "" || reply.chatId === String(chat.id)
  const replyTo = reply.messageId > 0 && sameChat && log !== undefined ? findMessage(log, reply.messageId) : undefined
  if (reply.messageId > 0 && replyTo === undefined && !reply.allowWithoutReply) {
    return apiError(400, "Bad Request: message to be replied not found")
  }
  const rights = sendRightsRefusal(chat, botId)
  if (rights !== undefined) return rights
  const content = finishContent(input.text, markup, chat)
  if (isApiError(content)) return content
  const refusal = privateRefusal(world, chat, botId) ?? floodRefusal(call, chat)
  if (refusal !== undefined) return refusal
  const channel = chat.type === "channel"
  const target = log ?? conversation(world, chat.id, botId)!.log
  const record = addMessage(world, chat, chat.type === "private" ? botId : undefined, target, {
    date: Math.floor(world.clock.now() / 1000),
    fromId: channel ? undefined : botId,
    authorId: botId,
    senderChatId: channel ? chat.id : undefined,
    text: content.text.text,
    entities: content.text.entities,
    linkPreview: input.linkPreview,
    keyboard: content.keyboard,
    protect: toBool(params.get("protect_content")),
    replyToId: replyTo?.id,
    service: undefined
  })
  return messageJson(world, record, botId, replyTo)
}

/** The message a chat_id and message_id name, with the chat access of `what` ("message to edit"). */
const targetMessage = (call: Call, what: string): { chat: ChatRecord; message: MessageRecord } | ApiError => {
  const chat = resolveChat(call.world, call.params.get("chat_id"))
  if (isApiError(chat)) return chat
  const access = checkWriteAccess(chat, call.botId)
  if (access !== undefined) return access
  const id = Math.max(0, toLenientInt(call.params.get("message_id")))
  const log = logFor(chat, call.botId)
  const message = id > 0 && log !== undefined ? findMessage(log, id) : undefined
  return message === undefined ? apiError(400, `Bad Request: ${what} not found`) : { chat, message }
}

const sameKeyboard = (a: MessageRecord["keyboard"], b: MessageRecord["keyboard"]): boolean =>
  JSON.stringify(a?.map((row) => row.map((button) => button.json))) ===
    JSON.stringify(b?.map((row) => row.map((button) => button.json)))

const editMessageText = (call: Call) => {
  const { botId, params, world } = call
  const input = readMessageInput(params)
  if (isApiError(input)) return input
  const markup = readReplyMarkup(params.get("reply_markup"))
  if (markup !== undefined && "refusal" in markup) return apiError(400, markup.refusal)
  if ((params.get("chat_id") ?? "") === "" && toLenientInt(params.get("message_id")) <= 0) {
    return (params.get("inline_message_id") ?? "") === ""
      ? apiError(400, "Bad Request: message identifier is not specified")
      : apiError(400, "Bad Request: invalid inline message identifier specified")
  }
  const target = targetMessage(call, "message to edit")
  if (isApiError(target)) return target
  const { chat, message } = target
  if (message.authorId !== botId || message.service !== undefined) {
    return apiError(400, "Bad Request: message can't be edited")
  }
  const content = finishContent(input.text, markup, chat)
  if (isApiError(content)) return content
  const same = content.text.text === message.text &&
    JSON.stringify(content.text.entities) === JSON.stringify(message.entities) &&
    sameKeyboard(content.keyboard, message.keyboard)
  if (same) return NOT_MODIFIED
  const refusal = floodRefusal(call, chat)
  if (refusal !== undefined) return refusal
  message.text = content.text.text
  message.entities = content.text.entities
  message.keyboard = content.keyboard
  message.linkPreview = input.linkPreview
  message.editDate = Math.floor(world.clock.now() / 1000)
  const log = logFor(chat, botId)!
  const reply = message.replyToId === undefined ? undefined : findMessage(log, message.replyToId)
  return messageJson(world, message, botId, reply)
}

/** A bot may delete its own messages, incoming ones in private chats, and others' with can_delete_messages. */
const mayDelete = (world: World, chat: ChatRecord, botId: number, message: MessageRecord): boolean => {
  if (Math.floor(world.clock.now() / 1000) - message.date >= 48 * 3600) return false
  if (message.authorId === botId || chat.type === "private") return true
  const member = standing(chat, botId)
  return member.status === "creator" ||
    (member.status === "administrator" && member.rights.can_delete_messages === true)
}

const deleteMessage = (call: Call) => {
  if ((call.params.get("chat_id") ?? "") === "") return apiError(400, "Bad Request: chat identifier is not specified")
  if (toLenientInt(call.params.get("message_id")) <= 0) {
    return apiError(400, "Bad Request: message identifier is not specified")
  }
  const target = targetMessage(call, "message to delete")
  if (isApiError(target)) return target
  const { chat, message } = target
  if (!mayDelete(call.world, chat, call.botId, message)) return apiError(400, "Bad Request: message can't be deleted")
  const refusal = floodRefusal(call, chat)
  if (refusal !== undefined) return refusal
  logFor(chat, call.botId)!.messages.delete(message.id)
  return "true"
}

/** sendMessage, editMessageText, deleteMessage. */
export const messageMethods: MethodFamily = { sendMessage, editMessageText, deleteMessage }
