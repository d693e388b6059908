/**
 * sendChatAction and sendMessageDraft (telegram-wire-messages.md §M8.3, §M5.18): the action (`wrong parameter action
 * in request`, before the chat) or the draft's text, then the chat with write access; TDLib: a channel the bot may
 * not post in is `have no write access to the chat`; Telegram: a person who blocked the bot is a 403. Nothing a bot
 * can see changes: the mock records each accepted call for tests (`MockTelegram.chatActions()`,
 * `GET /__mock/chat_actions`) and answers `true`.
 */
import { type FormattedText, formattedText } from "../../input/text.js"
import { recordChatAction } from "../../world/mediaState.js"
import { standing } from "../../world/members.js"
import type { ChatRecord } from "../../world/World.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { badRequest, chat, custom, int64Text, raw, text, threadId } from "../table/params.js"

/** The actions sendChatAction takes (any case), with their legacy names, as the Bot API names them back. */
const ACTIONS: Readonly<Record<string, string>> = {
  cancel: "cancel",
  typing: "typing",
  record_video: "record_video",
  upload_video: "upload_video",
  record_audio: "record_voice",
  record_voice: "record_voice",
  upload_audio: "upload_voice",
  upload_voice: "upload_voice",
  upload_photo: "upload_photo",
  upload_document: "upload_document",
  choose_sticker: "choose_sticker",
  pick_up_location: "find_location",
  find_location: "find_location",
  record_video_note: "record_video_note",
  upload_video_note: "upload_video_note"
}

/** `action`, any case; anything else (or nothing) is refused before the chat is looked at. */
const action = custom<string>("String", (input) => {
  const name = ACTIONS[(raw(input) ?? "").toLowerCase()]
  return name ?? badRequest("wrong parameter action in request")
}, { required: true, note: "typing, upload_photo, record_video, upload_video, record_voice, upload_voice, …" })

/** TDLib's write access for a chat action (a channel needs a bot that may post); Telegram's refusal of a blocked bot. */
const writeRefusal = (target: ChatRecord, botId: number): ApiError | undefined => {
  if (target.type === "private" && target.conversations.get(botId)?.blocked === true) {
    return apiError(403, "Forbidden: bot was blocked by the user")
  }
  if (target.type !== "channel") return undefined
  const member = standing(target, botId)
  const may = member.status === "creator" ||
    (member.status === "administrator" && member.rights.can_post_messages === true)
  return may ? undefined : apiError(400, "Bad Request: have no write access to the chat")
}

/** Records what the bot showed (or streamed), and answers true. */
const recorded = (
  call: Call,
  target: ChatRecord,
  fields: { action: string; thread: number; draft?: string; text?: string }
) =>
  commit(target, () => {
    recordChatAction(call.world.media, {
      at: call.world.clock.now(),
      bot_id: call.botId,
      chat_id: target.id,
      action: fields.action,
      ...(fields.thread > 0 ? { message_thread_id: fields.thread } : {}),
      ...(fields.draft !== undefined ? { draft_id: fields.draft, text: fields.text ?? "" } : {})
    })
    return "true"
  })

/** text, parse_mode and entities of a draft (get_formatted_text; an empty text is accepted). */
const draftText = custom<FormattedText>("String", (input) => {
  const read = formattedText(raw(input) ?? "", raw(input, "parse_mode") ?? "", raw(input, "entities"))
  return "refusal" in read ? apiError(400, read.refusal) : read
}, { note: "0-4096 characters after entities parsing; with parse_mode, entities" })

/** sendChatAction, sendMessageDraft. */
export const chatActionMethods = methods({
  sendChatAction: method({
    family: "chatActions",
    summary: "shows an action (typing, upload_photo, …); recorded for tests (`chatActions()`), answered `true`",
    params: { action, chat_id: chat("write"), message_thread_id: threadId, business_connection_id: text },
    run: (p, call) =>
      writeRefusal(p.chat_id, call.botId) ??
        recorded(call, p.chat_id, { action: p.action, thread: p.message_thread_id })
  }),

  sendMessageDraft: method({
    family: "messages",
    summary: "streams a draft of a message being written; recorded for tests (`chatActions()`), answered `true`",
    params: { draft_id: int64Text, text: draftText, chat_id: chat("write"), message_thread_id: threadId },
    run: (p, call) =>
      writeRefusal(p.chat_id, call.botId) ??
        recorded(call, p.chat_id, {
          action: "draft",
          thread: p.message_thread_id,
          draft: p.draft_id,
          text: p.text.text.trim()
        })
  })
})
