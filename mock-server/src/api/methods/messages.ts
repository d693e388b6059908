/**
 * sendMessage, editMessageText and deleteMessage (telegram-wire-bots.md §11): the Bot API's checks in its order, then
 * the chat, then TDLib's and Telegram's; the message stored with its per-chat id and answered as a Message.
 */
import { type MessageInput, readMessageInput } from "../../input/message.js"
import { finishKeyboard } from "../../input/replyMarkup.js"
import { finishText } from "../../input/text.js"
import { messageJson } from "../../wire/message.js"
import { standing } from "../../world/members.js"
import { findMessage, type MessageRecord } from "../../world/messages.js"
import type { ChatRecord, World } from "../../world/World.js"
import { checkWriteAccess, resolveChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { replyMarkup, sendParams } from "../send/params.js"
import { logFor, sendContent } from "../send/sendContent.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { custom, messageId, text } from "../table/params.js"

const NOT_MODIFIED = apiError(
  400,
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
)

/** link_preview_options, then text, parse_mode and entities (read together, in that order). */
const messageText = custom<MessageInput>("String", (input) => readMessageInput(input.call.params), {
  required: true,
  note: "1-4096 characters after entities parsing; with parse_mode, entities, link_preview_options"
})

/** The message a chat_id and message_id name, with the chat access of `what` ("message to edit"). */
const targetMessage = (
  call: Call,
  chatParam: string | undefined,
  id: number,
  what: string
): { chat: ChatRecord; message: MessageRecord } | ApiError => {
  const chat = resolveChat(call.world, chatParam)
  if (isApiError(chat)) return chat
  const access = checkWriteAccess(chat, call.botId)
  if (access !== undefined) return access
  const log = logFor(chat, call.botId)
  const message = id > 0 && log !== undefined ? findMessage(log, id) : undefined
  return message === undefined ? apiError(400, `Bad Request: ${what} not found`) : { chat, message }
}

const sameKeyboard = (a: MessageRecord["keyboard"], b: MessageRecord["keyboard"]): boolean =>
  JSON.stringify(a?.map((row) => row.map((button) => button.json))) ===
    JSON.stringify(b?.map((row) => row.map((button) => button.json)))

/** A bot may delete its own messages, incoming ones in private chats, and others' with can_delete_messages. */
const mayDelete = (world: World, chat: ChatRecord, botId: number, message: MessageRecord): boolean => {
  if (Math.floor(world.clock.now() / 1000) - message.date >= 48 * 3600) return false
  if (message.authorId === botId || chat.type === "private") return true
  const member = standing(chat, botId)
  return member.status === "creator" ||
    (member.status === "administrator" && member.rights.can_delete_messages === true)
}

/** sendMessage, editMessageText, deleteMessage. */
export const messageMethods = methods({
  sendMessage: method({
    family: "messages",
    summary: "a text message with entities, link preview options and any reply markup",
    params: { text: messageText, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => {
          const finished = finishText(p.text.text)
          return "refusal" in finished
            ? apiError(400, finished.refusal)
            : { kind: "text", text: finished.text, entities: finished.entities, linkPreview: p.text.linkPreview }
        }
      })
  }),

  editMessageText: method({
    family: "edits",
    summary: "changes the text (and inline keyboard) of the bot's message",
    params: {
      text: messageText,
      reply_markup: replyMarkup,
      chat_id: text,
      message_id: messageId,
      inline_message_id: text
    },
    run: (p, call) => {
      const { botId, world } = call
      if (p.chat_id === "" && p.message_id <= 0) {
        return p.inline_message_id === ""
          ? apiError(400, "Bad Request: message identifier is not specified")
          : apiError(400, "Bad Request: invalid inline message identifier specified")
      }
      const target = targetMessage(call, p.chat_id, p.message_id, "message to edit")
      if (isApiError(target)) return target
      const { chat, message } = target
      if (message.authorId !== botId || message.content.kind !== "text") {
        return apiError(400, "Bad Request: message can't be edited")
      }
      const finished = finishText(p.text.text)
      if ("refusal" in finished) return apiError(400, finished.refusal)
      let keyboard: MessageRecord["keyboard"]
      if (p.reply_markup !== undefined) {
        const checked = finishKeyboard(p.reply_markup, chat.type === "channel")
        if ("refusal" in checked) return apiError(400, checked.refusal)
        keyboard = checked
      }
      const before = message.content
      const same = finished.text === before.text &&
        JSON.stringify(finished.entities) === JSON.stringify(before.entities) &&
        sameKeyboard(keyboard, message.keyboard)
      if (same) return NOT_MODIFIED
      return commit(chat, () => {
        message.content = {
          kind: "text",
          text: finished.text,
          entities: finished.entities,
          linkPreview: p.text.linkPreview
        }
        message.keyboard = keyboard
        message.editDate = Math.floor(world.clock.now() / 1000)
        const log = logFor(chat, botId)!
        const reply = message.replyToId === undefined ? undefined : findMessage(log, message.replyToId)
        return messageJson(world, message, botId, reply)
      })
    }
  }),

  deleteMessage: method({
    family: "messages",
    summary: "deletes a message the bot may delete (its own, incoming private ones, others' with the right; 48 h)",
    params: { chat_id: text, message_id: messageId },
    run: (p, call) => {
      if (p.chat_id === "") return apiError(400, "Bad Request: chat identifier is not specified")
      if (p.message_id <= 0) return apiError(400, "Bad Request: message identifier is not specified")
      const target = targetMessage(call, p.chat_id, p.message_id, "message to delete")
      if (isApiError(target)) return target
      const { chat, message } = target
      if (!mayDelete(call.world, chat, call.botId, message)) {
        return apiError(400, "Bad Request: message can't be deleted")
      }
      return commit(chat, () => {
        logFor(chat, call.botId)!.messages.delete(message.id)
        return "true"
      })
    }
  })
})
