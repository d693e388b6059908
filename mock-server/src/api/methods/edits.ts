/**
 * editMessageText and editMessageReplyMarkup (telegram-wire-messages.md §M7): the Bot API's reading in its order
 * (the inline form's `inline_message_id` after the markup: inlineEdits.ts), the message with edit access, then TDLib's checks (may
 * the bot edit it; is there a text; the text; an inline keyboard only), then Telegram's "not modified". The answer is
 * the Message with `edit_date` and without its reply; the bot's own edits never come back as updates.
 */
import { type MessageInput, readMessageInput } from "../../input/message.js"
import { finishText } from "../../input/text.js"
import type { TextContent } from "../../world/content.js"
import { apiError, isApiError } from "../envelope.js"
import { replyMarkup } from "../send/params.js"
import { commit, method, methods } from "../table/method.js"
import { custom, messageId, text } from "../table/params.js"
import {
  businessRefusal,
  CANT_EDIT,
  editedJson,
  editKeyboard,
  editTarget,
  isInlineForm,
  mayEdit,
  NOT_MODIFIED,
  sameKeyboard,
  touch
} from "./editing.js"
import { editInlineReplyMarkup, editInlineText } from "./inlineEdits.js"

/** link_preview_options, then text, parse_mode and entities (read together, in that order, as sendMessage). */
const messageText = custom<MessageInput>("String", (input) => readMessageInput(input.call.params), {
  required: true,
  note: "1-4096 characters after entities parsing; with parse_mode, entities, link_preview_options"
})

const sameText = (a: TextContent, b: { readonly text: string; readonly entities: TextContent["entities"] }) =>
  a.text === b.text && JSON.stringify(a.entities) === JSON.stringify(b.entities)

/** editMessageText, editMessageReplyMarkup. */
export const editMethods = methods({
  editMessageText: method({
    family: "edits",
    summary: "changes the text (and inline keyboard) of the bot's text message, or of one sent through its inline mode",
    params: {
      text: messageText,
      business_connection_id: text,
      chat_id: text,
      message_id: messageId,
      reply_markup: replyMarkup,
      inline_message_id: text
    },
    run: (p, call) => {
      if (isInlineForm(p.chat_id, p.message_id)) {
        return editInlineText(call, p.inline_message_id, p.text.text, p.text.linkPreview)
      }
      const business = businessRefusal(p.business_connection_id, p.chat_id)
      if (business !== undefined) return business
      const target = editTarget(call, p.chat_id, p.message_id)
      if (isApiError(target)) return target
      const { chat, message } = target
      if (!mayEdit(chat, call.botId, message)) return CANT_EDIT
      const before = message.content
      if (before.kind !== "text") return apiError(400, "Bad Request: there is no text in the message to edit")
      const finished = finishText(p.text.text)
      if ("refusal" in finished) return apiError(400, finished.refusal)
      const keyboard = editKeyboard(call, p.reply_markup, chat)
      if (isApiError(keyboard)) return keyboard
      if (sameText(before, finished) && sameKeyboard(keyboard, message.keyboard)) return NOT_MODIFIED
      return commit(chat, () => {
        message.content = { kind: "text", ...finished, linkPreview: p.text.linkPreview }
        message.keyboard = keyboard
        touch(call.world, message)
        return editedJson(call.world, message, call.botId)
      })
    }
  }),

  editMessageReplyMarkup: method({
    family: "edits",
    summary: "replaces or removes the inline keyboard of the bot's message (or one sent through its inline mode)",
    params: {
      business_connection_id: text,
      chat_id: text,
      message_id: messageId,
      reply_markup: replyMarkup,
      inline_message_id: text
    },
    run: (p, call) => {
      if (isInlineForm(p.chat_id, p.message_id)) return editInlineReplyMarkup(call, p.inline_message_id)
      const business = businessRefusal(p.business_connection_id, p.chat_id)
      if (business !== undefined) return business
      const target = editTarget(call, p.chat_id, p.message_id)
      if (isApiError(target)) return target
      const { chat, message } = target
      if (!mayEdit(chat, call.botId, message, true)) return CANT_EDIT
      const keyboard = editKeyboard(call, p.reply_markup, chat)
      if (isApiError(keyboard)) return keyboard
      if (sameKeyboard(keyboard, message.keyboard)) return NOT_MODIFIED
      return commit(chat, () => {
        message.keyboard = keyboard
        touch(call.world, message)
        return editedJson(call.world, message, call.botId)
      })
    }
  })
})
