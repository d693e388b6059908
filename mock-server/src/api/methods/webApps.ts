/**
 * The single-result relatives of answerInlineQuery (telegram-wire-chats.md §18.4; Client.cpp
 * process_answer_web_app_query_query, process_save_prepared_inline_message_query,
 * process_save_prepared_keyboard_button_query, process_answer_guest_query_query): each reads one InlineQueryResult
 * (`result`; its errors unprefixed), TDLib checks it as an inline result, then Telegram acts: a Mini App's answer is
 * sent from the person via the bot to the chat the Mini App was opened in; a prepared message is kept for the person
 * to send; a guest bot's answer is posted in the chat it was mentioned in. Telegram's own refusals are inferred.
 */
import { postInlineMessage } from "../../events/inlineMessages.js"
import { badRequest, jsonText } from "../../input/formatted.js"
import type { InlineResultInput } from "../../input/inline/result.js"
import { checkReplyKeyboard, readKeyboardButton } from "../../input/replyKeyboard.js"
import { FieldError } from "../../internal/JsonValue.js"
import { tdJsonDecode, TdJsonError } from "../../internal/TdJson.js"
import { type InlineResultRecord, keep } from "../../world/inline.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { bool, custom, int64Text, raw, text, userId } from "../table/params.js"
import { QUERY_ID_INVALID } from "./inlineQueries.js"
import { checkResults, resultParam, resultRecord, telegramProblem } from "./inlineResults.js"

/** How long a prepared message may be used (Telegram's period is not published: a day, inferred). */
const PREPARED_SECONDS = 86_400

/** TDLib's checks of the result, then (after Telegram found the query) Telegram's: the kept result. */
const checked = (call: Call, input: InlineResultInput): (() => InlineResultRecord | ApiError) | ApiError => {
  const results = checkResults(call, [input])
  if (isApiError(results)) return results
  return () => telegramProblem(results) ?? resultRecord(results[0]!)
}

/** `{"inline_message_id":…}`, the key left out when the message has none (SentWebAppMessage, SentGuestMessage). */
const sentJson = (inlineMessageId: string | undefined): string =>
  inlineMessageId === undefined ? "{}" : `{"inline_message_id":${JSON.stringify(inlineMessageId)}}`

/** A short random-looking id for a prepared message or button (Telegram's shape is not published). */
const preparedId = (call: Call): string => {
  const bytes = Buffer.alloc(12)
  bytes.writeBigUInt64LE(BigInt.asUintN(64, 0x9e3779b97f4a7c15n * BigInt(call.world.inline.next++)), 0)
  bytes.writeUInt32LE(call.botId % 2 ** 32, 8)
  return bytes.toString("base64url")
}

/** A KeyboardButton to prepare (json_decode, then get_keyboard_button). */
const keyboardButton = custom("KeyboardButton", (input) => {
  const value = tdJsonDecode(raw(input) ?? "")
  if (value instanceof TdJsonError) return badRequest("Can't parse keyboard button JSON object")
  const button = readKeyboardButton(value)
  if (button instanceof FieldError) return badRequest(`Can't parse keyboard button: ${button.message}`)
  return { button, json: jsonText(value.kind === "string" ? { kind: "object", fields: [["text", value]] } : value) }
}, { required: true, note: "request_users, request_chat or request_managed_bot" })

/** answerWebAppQuery, savePreparedInlineMessage, savePreparedKeyboardButton, answerGuestQuery. */
export const webAppMethods = methods({
  answerWebAppQuery: method({
    family: "inline",
    summary: "answers a Mini App query once: the result is sent from the person via the bot where it was opened",
    params: { web_app_query_id: text, result: resultParam },
    run: (p, call) => {
      const result = checked(call, p.result)
      if (isApiError(result)) return result
      const query = call.world.inline.webAppQueries.get(p.web_app_query_id)
      if (query === undefined || query.botId !== call.botId || query.answer !== undefined) return QUERY_ID_INVALID
      const record = result()
      if (isApiError(record)) return record
      return commit(query.destination.chat, () => {
        const author = { authorId: query.userId, botId: call.botId, viaBot: true }
        const post = postInlineMessage(call.world, query.destination, author, record.body)
        query.answer = { resultId: record.id, messageId: post.message.id, inlineMessageId: post.inlineMessageId }
        return sentJson(post.inlineMessageId)
      })
    }
  }),

  savePreparedInlineMessage: method({
    family: "inline",
    summary: "keeps a message for a person to send from the bot's Mini App (to the chat types allowed), for a day",
    params: {
      user_id: userId,
      result: resultParam,
      allow_user_chats: bool,
      allow_bot_chats: bool,
      allow_group_chats: bool,
      allow_channel_chats: bool
    },
    run: (p, call) => {
      const result = checked(call, p.result)
      if (isApiError(result)) return result
      const types = {
        users: p.allow_user_chats,
        bots: p.allow_bot_chats,
        groups: p.allow_group_chats,
        channels: p.allow_channel_chats
      }
      if (!Object.values(types).some(Boolean)) return badRequest("At least one chat type must be allowed")
      const user = call.world.users.get(p.user_id)
      if (user === undefined || user.is_bot) return apiError(400, "Bad Request: USER_ID_INVALID")
      const record = result()
      if (isApiError(record)) return record
      return commit(undefined, () => {
        const id = preparedId(call)
        const expiresAt = Math.floor(call.world.clock.now() / 1000) + PREPARED_SECONDS
        const prepared = { id, botId: call.botId, userId: p.user_id, result: record, chatTypes: types, expiresAt }
        keep(call.world.inline.preparedMessages, id, prepared)
        return `{"id":${JSON.stringify(id)},"expiration_date":${expiresAt}}`
      })
    }
  }),

  savePreparedKeyboardButton: method({
    family: "inline",
    summary: "keeps a request_users, request_chat or request_managed_bot button for a person's Mini App",
    params: { user_id: userId, button: keyboardButton },
    run: (p, call) => {
      if (p.button.button.text === "") return badRequest("Keyboard button text must be non-empty")
      const refusal = checkReplyKeyboard([[p.button.button]], true)
      if ("refusal" in refusal) return badRequest(refusal.refusal)
      const user = call.world.users.get(p.user_id)
      if (user === undefined || user.is_bot) return apiError(400, "Bad Request: USER_ID_INVALID")
      if (!["users", "chat", "managed_bot"].includes(p.button.button.request)) {
        return apiError(400, "Bad Request: BUTTON_TYPE_INVALID")
      }
      return commit(undefined, () => {
        const id = preparedId(call)
        keep(call.world.inline.preparedButtons, id, { id, botId: call.botId, userId: p.user_id, json: p.button.json })
        return `{"id":${JSON.stringify(id)}}`
      })
    }
  }),

  answerGuestQuery: method({
    family: "inline",
    summary: "answers a guest query once: the bot posts the result in the chat it was mentioned in",
    params: { guest_query_id: int64Text, result: resultParam },
    run: (p, call) => {
      const result = checked(call, p.result)
      if (isApiError(result)) return result
      const query = call.world.inline.guestQueries.get(p.guest_query_id)
      if (query === undefined || query.botId !== call.botId || query.answer !== undefined) return QUERY_ID_INVALID
      const record = result()
      if (isApiError(record)) return record
      return commit(query.destination.chat, () => {
        const author = {
          authorId: call.botId,
          botId: call.botId,
          viaBot: false,
          guestCallerId: query.userId,
          alwaysId: true
        }
        const post = postInlineMessage(call.world, query.destination, author, record.body)
        query.answer = { messageId: post.message.id, inlineMessageId: post.inlineMessageId! }
        return sentJson(post.inlineMessageId)
      })
    }
  })
})
