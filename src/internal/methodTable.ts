/**
 * The methods of the Bot API service over its one request path: each is `call` with its parameters and result schema
 * (`BotApi.fromCall` builds the service from them).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { BotApi } from "../BotApi.js"
import * as ChatFullInfo from "../ChatFullInfo.js"
import * as ChatInviteLink from "../ChatInviteLink.js"
import * as Message from "../Message.js"

/** Every method of `BotApi.Service` but `call`, as `call` with its parameters and result schema. */
export const methodsOver = (call: BotApi.Service["call"]): Omit<BotApi.Service, "call"> => ({
  exportChatInviteLink: (chatId) => call("exportChatInviteLink", { chat_id: chatId }, Schema.String),
  createChatInviteLink: (chatId, options) =>
    call("createChatInviteLink", { ...options, chat_id: chatId }, ChatInviteLink.ChatInviteLink),
  editChatInviteLink: (chatId, inviteLink, options) =>
    call(
      "editChatInviteLink",
      { ...options, chat_id: chatId, invite_link: inviteLink },
      ChatInviteLink.ChatInviteLink
    ),
  revokeChatInviteLink: (chatId, inviteLink) =>
    call("revokeChatInviteLink", { chat_id: chatId, invite_link: inviteLink }, ChatInviteLink.ChatInviteLink),
  getChat: (chatId) => call("getChat", { chat_id: chatId }, ChatFullInfo.ChatFullInfo),
  sendMessage: (chatId, text, options) => call("sendMessage", { ...options, chat_id: chatId, text }, Message.Message),
  answerCallbackQuery: (id, options) =>
    Effect.asVoid(call("answerCallbackQuery", { ...options, callback_query_id: id }, Schema.Literal(true))),
  approveChatJoinRequest: (chatId, userId) =>
    Effect.asVoid(call("approveChatJoinRequest", { chat_id: chatId, user_id: userId }, Schema.Literal(true))),
  declineChatJoinRequest: (chatId, userId) =>
    Effect.asVoid(call("declineChatJoinRequest", { chat_id: chatId, user_id: userId }, Schema.Literal(true))),
  createChatSubscriptionInviteLink: (chatId, options) =>
    call("createChatSubscriptionInviteLink", { ...options, chat_id: chatId }, ChatInviteLink.ChatInviteLink),
  editChatSubscriptionInviteLink: (chatId, inviteLink, options) =>
    call(
      "editChatSubscriptionInviteLink",
      { ...options, chat_id: chatId, invite_link: inviteLink },
      ChatInviteLink.ChatInviteLink
    )
})
