/**
 * The parameters every send method shares (telegram-wire-messages.md §M3), in the order the real server reads them
 * after the method's own: reply_parameters, reply_markup (JSON only), then the chat and its write access, the topic,
 * and the options. A send method spreads `sendParams` after its own parameters.
 */
import { readReply, type ReplyInput } from "../../input/message.js"
import { type InputButton, readReplyMarkup } from "../../input/replyMarkup.js"
import type { ChatRecord } from "../../world/World.js"
import { apiError } from "../envelope.js"
import { sendChat } from "../sendAccess.js"
import type { Param } from "../table/method.js"
import { bool, custom, int64Text, raw, threadId } from "../table/params.js"

/** reply_parameters (or the legacy reply_to_message_id and allow_sending_without_reply). */
export const replyParameters: Param<ReplyInput> = custom(
  "ReplyParameters",
  (input) => readReply(input.call.params),
  { note: "or reply_to_message_id with allow_sending_without_reply" }
)

/** reply_markup as JSON: the inline keyboard's buttons, or undefined (none, or a markup a message does not show). */
export const replyMarkup: Param<ReadonlyArray<ReadonlyArray<InputButton>> | undefined> = custom(
  "InlineKeyboardMarkup or ReplyKeyboardMarkup or ReplyKeyboardRemove or ForceReply",
  (input) => {
    const markup = readReplyMarkup(raw(input))
    return markup !== undefined && "refusal" in markup ? apiError(400, markup.refusal) : markup
  }
)

/** The chat to send to, with the bot's write access checked (a private chat with any user the world knows). */
export const sendChatId: Param<ChatRecord> = custom(
  "Integer or String",
  (input) => sendChat(input.call.world, raw(input), input.call.botId),
  { required: true }
)

/** What every send method reads after its own parameters, in the real server's order. */
export const sendParams = {
  reply_parameters: replyParameters,
  reply_markup: replyMarkup,
  chat_id: sendChatId,
  message_thread_id: threadId,
  disable_notification: bool,
  protect_content: bool,
  allow_paid_broadcast: bool,
  message_effect_id: int64Text
}

/** The values of `sendParams` once read. */
export interface SendValues {
  readonly reply_parameters: ReplyInput
  readonly reply_markup: ReadonlyArray<ReadonlyArray<InputButton>> | undefined
  readonly chat_id: ChatRecord
  readonly message_thread_id: number
  readonly disable_notification: boolean
  readonly protect_content: boolean
  readonly allow_paid_broadcast: boolean
  readonly message_effect_id: string
}
