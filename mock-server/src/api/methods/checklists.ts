/**
 * sendChecklist and editMessageChecklist (telegram-wire-messages.md §M5.15, §M7): the InputChecklist read by the Bot
 * API, TDLib's limits, the right to send polls (`not enough rights to send checklists to the chat`), never in a
 * channel. The edit replaces the bot's checklist whole; it has no inline form.
 */
import { type ChecklistInput, finishChecklist, readChecklist } from "../../input/checklist.js"
import type { ChecklistContent } from "../../world/checklists.js"
import { apiError, isApiError } from "../envelope.js"
import { replyMarkup, sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { commit, method, methods } from "../table/method.js"
import { custom, messageId, text } from "../table/params.js"
import { contentPermission } from "./contentRights.js"
import {
  businessRefusal,
  CANT_EDIT,
  editedJson,
  editKeyboard,
  editTarget,
  mayEdit,
  NOT_MODIFIED,
  sameKeyboard,
  touch
} from "./editing.js"

const checklist = custom<ChecklistInput>("InputChecklist", (input) => readChecklist(input.call.params), {
  required: true,
  note: "a title of 1-255 characters, 1-30 tasks of 1-100 characters with positive ids"
})

const sameChecklist = (a: ChecklistContent, b: ChecklistContent): boolean => JSON.stringify(a) === JSON.stringify(b)

/** sendChecklist, editMessageChecklist. */
export const checklistMethods = methods({
  sendChecklist: method({
    family: "messages",
    summary: "a checklist (title and tasks); not in channels, needs the right to send polls",
    params: { checklist, ...sendParams },
    run: (p, call) => {
      let content: ChecklistContent | undefined
      return sendContent(call, p, {
        content: () => {
          const finished = finishChecklist(p.checklist)
          if (!isApiError(finished)) content = finished
          return finished
        },
        // content() ran (and succeeded) before the permission is asked.
        permission: (chat, botId) => contentPermission(chat, botId, content!)
      })
    }
  }),

  editMessageChecklist: method({
    family: "edits",
    summary: "replaces the bot's checklist (and its inline keyboard)",
    params: {
      business_connection_id: text,
      chat_id: text,
      message_id: messageId,
      reply_markup: replyMarkup,
      checklist
    },
    run: (p, call) => {
      const business = businessRefusal(p.business_connection_id, p.chat_id)
      if (business !== undefined) return business
      const target = editTarget(call, p.chat_id, p.message_id)
      if (isApiError(target)) return target
      const { chat, message } = target
      if (!mayEdit(chat, call.botId, message)) return CANT_EDIT
      const before = message.content
      if (before.kind !== "checklist") return apiError(400, "Bad Request: there is no checklist in the message to edit")
      const after = finishChecklist(p.checklist)
      if (isApiError(after)) return after
      const keyboard = editKeyboard(call, p.reply_markup, chat)
      if (isApiError(keyboard)) return keyboard
      if (sameChecklist(before, after) && sameKeyboard(keyboard, message.keyboard)) return NOT_MODIFIED
      return commit(chat, () => {
        message.content = after
        message.keyboard = keyboard
        touch(call.world, message)
        return editedJson(call.world, message, call.botId)
      })
    }
  })
})
