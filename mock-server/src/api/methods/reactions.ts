/**
 * setMessageReaction, deleteMessageReaction, deleteAllMessageReactions (telegram-wire-messages.md §M8.1). The Bot
 * API's reading, the chat and message (read access to react, write access to delete), TDLib's checks, then Telegram's,
 * which are the mock's rules: a bot sets at most one reaction, an emoji Telegram offers or a custom emoji already on the
 * message (REACTIONS_TOO_MANY, REACTION_INVALID); removing others' reactions needs can_delete_messages
 * (CHAT_ADMIN_REQUIRED). The same reaction again is a success; bots' reactions are announced to nobody.
 */
import { readReactions } from "../../input/reactions.js"
import { toSafeInt64 } from "../../internal/Params.js"
import { standing } from "../../world/members.js"
import { findMessage, messagesOf } from "../../world/messages.js"
import {
  distinctReactions,
  MAX_DISTINCT_REACTIONS,
  reactionKey,
  setReactions,
  STANDARD_REACTIONS
} from "../../world/reactions.js"
import type { ChatRecord, World } from "../../world/World.js"
import { writableChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { logFor } from "../send/sendContent.js"
import { commit, method, methods } from "../table/method.js"
import { bool, custom, messageId, raw, text, userId } from "../table/params.js"
import { sourceChat, sourceMessage } from "./forwarding.js"

const REACTION_INVALID = apiError(400, "Bad Request: REACTION_INVALID")
const REACTIONS_TOO_MANY = apiError(400, "Bad Request: REACTIONS_TOO_MANY")

/** Whose reactions: `user_id` when given (a user id's rules), else `actor_chat_id` (a chat id's own wording). */
const reactionSender = custom<number>("Integer", (input) => {
  if ((raw(input, "user_id") ?? "") !== "") return userId.read({ ...input, name: "user_id" })
  const actor = raw(input, "actor_chat_id") ?? ""
  if (actor === "") return apiError(400, "Bad Request: sender_chat_id is empty")
  return toSafeInt64(actor) ?? apiError(400, "Bad Request: sender_chat_id is not a valid Integer")
}, { required: true, note: "user_id, or actor_chat_id for a chat's reactions" })

/** TDLib: the sender must be known (a user or a chat of the world). */
const unknownSender = (world: World, sender: number): ApiError | undefined =>
  (sender > 0 ? world.users.has(sender) : world.chats.has(sender))
    ? undefined
    : apiError(400, "Bad Request: reaction sender not found")

/** Telegram: removing someone's reactions needs can_delete_messages in a group, supergroup or channel. */
const deleteRightRefusal = (chat: ChatRecord, botId: number): ApiError | undefined => {
  const member = standing(chat, botId)
  const may = chat.type !== "private" &&
    (member.status === "creator" || (member.status === "administrator" && member.rights.can_delete_messages === true))
  return may ? undefined : apiError(400, "Bad Request: CHAT_ADMIN_REQUIRED")
}

/** setMessageReaction, deleteMessageReaction, deleteAllMessageReactions. */
export const reactionMethods = methods({
  setMessageReaction: method({
    family: "reactions",
    summary: "sets (or, with none, removes) the bot's one reaction on a message; nobody is told",
    params: {
      chat_id: text,
      message_id: messageId,
      is_big: bool,
      reaction: custom("Array of ReactionType", (input) => readReactions(raw(input)), { note: "at most 1 for bots" })
    },
    run: (p, call) => {
      const source = sourceChat(call.world, p.chat_id, call.botId)
      if (isApiError(source)) return source
      const message = sourceMessage(source, p.message_id)
      if (message === undefined) return apiError(400, "Bad Request: message to react not found")
      if (p.reaction.some((r) => r.kind === "emoji" && r.emoji === "")) {
        return apiError(400, "Bad Request: invalid reaction type specified")
      }
      if (p.reaction.length > 1) return REACTIONS_TOO_MANY
      const reaction = p.reaction[0]
      if (reaction !== undefined) {
        const others = distinctReactions(message, call.botId)
        const present = others.has(reactionKey(reaction))
        if (reaction.kind === "emoji" && !STANDARD_REACTIONS.has(reaction.emoji)) return REACTION_INVALID
        if (reaction.kind === "custom_emoji" && !present) return REACTION_INVALID
        if (!present && others.size >= MAX_DISTINCT_REACTIONS) return REACTIONS_TOO_MANY
      }
      return commit(source.chat, () => {
        setReactions(message, call.botId, p.reaction)
        return "true"
      })
    }
  }),

  deleteMessageReaction: method({
    family: "reactions",
    summary: "removes a person's (or a chat's) reactions from a message; needs can_delete_messages",
    params: { chat_id: text, message_id: messageId, user_id: reactionSender },
    run: (p, call) => {
      const chat = writableChat(call.world, p.chat_id, call.botId)
      if (isApiError(chat)) return chat
      const log = logFor(chat, call.botId)
      const message = log === undefined || p.message_id <= 0 ? undefined : findMessage(log, p.message_id)
      if (message === undefined) return apiError(400, "Bad Request: message to delete reactions not found")
      const refusal = unknownSender(call.world, p.user_id) ?? deleteRightRefusal(chat, call.botId)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        setReactions(message, p.user_id, [])
        return "true"
      })
    }
  }),

  deleteAllMessageReactions: method({
    family: "reactions",
    summary: "removes a person's (or a chat's) reactions from every message of the chat; needs can_delete_messages",
    params: { chat_id: text, user_id: reactionSender },
    run: (p, call) => {
      const chat = writableChat(call.world, p.chat_id, call.botId)
      if (isApiError(chat)) return chat
      const refusal = unknownSender(call.world, p.user_id) ?? deleteRightRefusal(chat, call.botId)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        const log = logFor(chat, call.botId)
        for (const message of log === undefined ? [] : messagesOf(log)) setReactions(message, p.user_id, [])
        return "true"
      })
    }
  })
})
