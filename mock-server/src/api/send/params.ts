/**
 * The parameters every send method shares (telegram-wire-messages.md §M3), in the order the real server reads them
 * after the method's own: reply_parameters, reply_markup (JSON only), then the chat and its write access, the topic,
 * and the options. A send method spreads `sendParams` after its own parameters.
 */
import { readReply, type ReplyInput } from "../../input/message.js"
import { type InputButton, readReplyMarkup } from "../../input/replyMarkup.js"
import { readSuggestedPost, type SuggestedPostInput } from "../../input/suggestedPost.js"
import type { ChatRecord } from "../../world/World.js"
import { apiError } from "../envelope.js"
import { sendChat } from "../sendAccess.js"
import type { Param } from "../table/method.js"
import { bool, custom, int64Text, raw, text } from "../table/params.js"
import { businessSendChat } from "./business.js"
import { topicParam } from "./topic.js"

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

/** suggested_post_parameters, parsed (TDLib's checks come with the send's, in sendContent). */
export const suggestedPostParameters: Param<SuggestedPostInput | undefined> = custom(
  "SuggestedPostParameters",
  (input) => {
    const post = readSuggestedPost(raw(input))
    return post !== undefined && "refusal" in post ? apiError(400, `Bad Request: ${post.refusal}`) : post
  },
  { note: "only in channel direct messages chats (the world has none)" }
)

/**
 * The chat to send to, with the bot's write access checked (a private chat with any user the world knows); with a
 * `business_connection_id`, the business account's chat with that person (api/send/business.ts).
 */
export const sendChatId: Param<ChatRecord> = custom(
  "Integer or String",
  (input) => {
    const business = input.earlier["business_connection_id"]
    return typeof business === "string" && business !== ""
      ? businessSendChat(input, business)
      : sendChat(input.call.world, raw(input), input.call.botId)
  },
  { required: true }
)

/** What every send method reads after its own parameters, in the real server's order. */
export const sendParams = {
  reply_parameters: replyParameters,
  suggested_post_parameters: suggestedPostParameters,
  reply_markup: replyMarkup,
  business_connection_id: text,
  chat_id: sendChatId,
  message_thread_id: topicParam,
  disable_notification: bool,
  protect_content: bool,
  allow_paid_broadcast: bool,
  message_effect_id: int64Text
}

/** The values of `sendParams` once read. */
export interface SendValues {
  readonly reply_parameters: ReplyInput
  readonly suggested_post_parameters: SuggestedPostInput | undefined
  readonly reply_markup: ReadonlyArray<ReadonlyArray<InputButton>> | undefined
  /** Non-empty: the send goes out as this business connection's account (api/send/business.ts). */
  readonly business_connection_id: string
  readonly chat_id: ChatRecord
  /** The forum topic (resolved in the chat): 0 for none. */
  readonly message_thread_id: number
  readonly disable_notification: boolean
  readonly protect_content: boolean
  readonly allow_paid_broadcast: boolean
  readonly message_effect_id: string
}
