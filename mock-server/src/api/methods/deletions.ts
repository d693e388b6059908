/**
 * deleteMessage and deleteMessages (telegram-wire-messages.md §M6.4; Client.cpp process_delete_message(s)_query,
 * TDLib MessagesManager can_delete_message, can_revoke_message, delete_messages): every id is checked before any is
 * deleted; a message that is deleted is unpinned too.
 */
import { standing } from "../../world/members.js"
import { findMessage, type MessageLog, type MessageRecord } from "../../world/messages.js"
import { unpin } from "../../world/pins.js"
import type { ChatRecord, World } from "../../world/World.js"
import { checkWriteAccess, resolveChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { logFor } from "../send/sendContent.js"
import { commit, method, methods } from "../table/method.js"
import { messageId, messageIds, text } from "../table/params.js"

const TWO_DAYS = 2 * 86_400
const CANT_DELETE = apiError(400, "Bad Request: message can't be deleted")
const NOT_FOR_EVERYONE = apiError(400, "Bad Request: message can't be deleted for everyone")

const isAdmin = (chat: ChatRecord, botId: number): boolean => {
  const status = standing(chat, botId).status
  return status === "creator" || status === "administrator"
}

const right = (chat: ChatRecord, botId: number, name: "can_delete_messages" | "can_post_messages"): boolean => {
  const member = standing(chat, botId)
  return member.status === "creator" || (member.status === "administrator" && member.rights[name] === true)
}

/**
 * Why the bot may not delete this message for everyone, if it may not. Supergroups and channels
 * (can_delete_channel_message): nothing older than 48 h, never the migration service message (nor message #1, the
 * chat's creation, which the mock's logs do not hold: their #1 is an ordinary message); any other with can_delete_messages; else its own, channel posts and service messages needing can_post_messages.
 * Private chats and basic groups (can_revoke_message): within 48 h, its own non-service messages, incoming private
 * ones, and anything in a basic group it administers.
 */
export const deletionRefusal = (
  world: World,
  chat: ChatRecord,
  botId: number,
  message: MessageRecord
): ApiError | undefined => {
  const age = Math.floor(world.clock.now() / 1000) - message.date
  const outgoing = message.authorId === botId
  const service = message.content.kind === "service"
  if (chat.type === "supergroup" || chat.type === "channel") {
    if (age >= TWO_DAYS) return CANT_DELETE
    const content = message.content
    if (content.kind === "service" && content.service.kind === "migrate_from_chat_id") return CANT_DELETE
    if (right(chat, botId, "can_delete_messages")) return undefined
    if (!outgoing) return CANT_DELETE
    if (chat.type === "channel" || service) return right(chat, botId, "can_post_messages") ? undefined : CANT_DELETE
    return undefined
  }
  const allowed = chat.type === "private" ? !(outgoing && service) : (outgoing && !service) || isAdmin(chat, botId)
  return allowed && age <= TWO_DAYS ? undefined : NOT_FOR_EVERYONE
}

/** Deletes messages of a log (and their pins). */
const remove = (log: MessageLog, messages: ReadonlyArray<MessageRecord>): void => {
  for (const message of messages) {
    log.messages.delete(message.id)
    unpin(log, message.id)
  }
}

/** The chat `chat_id` names, with write access. */
const writable = (world: World, chatParam: string, botId: number): ChatRecord | ApiError => {
  const chat = resolveChat(world, chatParam)
  if (isApiError(chat)) return chat
  return checkWriteAccess(chat, botId) ?? chat
}

/** deleteMessage, deleteMessages. */
export const deletionMethods = methods({
  deleteMessage: method({
    family: "messages",
    summary: "deletes a message the bot may delete (its own, incoming private ones, others' with the right; 48 h)",
    params: { chat_id: text, message_id: messageId },
    run: (p, call) => {
      if (p.chat_id === "") return apiError(400, "Bad Request: chat identifier is not specified")
      if (p.message_id <= 0) return apiError(400, "Bad Request: message identifier is not specified")
      const chat = writable(call.world, p.chat_id, call.botId)
      if (isApiError(chat)) return chat
      const log = logFor(chat, call.botId)
      const message = log === undefined ? undefined : findMessage(log, p.message_id)
      if (message === undefined) return apiError(400, "Bad Request: message to delete not found")
      const refusal = deletionRefusal(call.world, chat, call.botId, message)
      if (refusal !== undefined) return refusal
      return commit(chat, () => {
        remove(log!, [message])
        return "true"
      })
    }
  }),

  deleteMessages: method({
    family: "messages",
    summary: "deletes 1-100 messages at once: ids not found are skipped, one the bot may not delete refuses them all",
    params: { chat_id: text, message_ids: messageIds(100) },
    run: (p, call) => {
      const chat = writable(call.world, p.chat_id, call.botId)
      if (isApiError(chat)) return chat
      const log = logFor(chat, call.botId)
      const found = p.message_ids.flatMap((id) => {
        const message = log === undefined ? undefined : findMessage(log, id)
        return message === undefined ? [] : [message]
      })
      for (const message of found) {
        const refusal = deletionRefusal(call.world, chat, call.botId, message)
        if (refusal !== undefined) return refusal
      }
      return commit(chat, () => {
        if (log !== undefined) remove(log, found)
        return "true"
      })
    }
  })
})
