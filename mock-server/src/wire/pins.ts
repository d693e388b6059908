/**
 * The pinned message as the real server shows it (Client.cpp JsonMessage's messagePinMessage, JsonChat's
 * pinned_message): the whole message without its reply, or, in a service message, an inaccessible message when it is
 * gone.
 */
import { findMessage, type MessageLog } from "../world/messages.js"
import { latestPin } from "../world/pins.js"
import type { ChatRecord, World } from "../world/World.js"
import { inaccessibleMessageJson, messageJson } from "./message.js"

/** The log a chat's messages are in for this bot (a private chat: the bot's conversation). */
const logOf = (chat: ChatRecord, botId: number | undefined): MessageLog | undefined =>
  chat.type === "private" ? chat.conversations.get(botId ?? -1)?.log : chat.log

/** The `pinned_message` of a pin service message. */
export const pinnedServiceJson = (
  world: World,
  pinned: { readonly chatId: number; readonly botId: number | undefined; readonly messageId: number },
  viewerBotId: number | undefined
): string => {
  const chat = world.chats.get(pinned.chatId)
  if (chat === undefined) return `{"message_id":${pinned.messageId},"chat":{"id":${pinned.chatId}},"date":0}`
  const log = logOf(chat, pinned.botId)
  const message = log === undefined ? undefined : findMessage(log, pinned.messageId)
  return message === undefined
    ? inaccessibleMessageJson(world, chat, pinned.messageId)
    : messageJson(world, message, viewerBotId, undefined)
}

/** getChat's `pinned_message` key (with its leading comma), or "" when nothing kept is pinned. */
export const chatPinnedJson = (world: World, chat: ChatRecord, botId: number): string => {
  const log = logOf(chat, botId)
  const id = log === undefined ? undefined : latestPin(log)
  const message = id === undefined ? undefined : findMessage(log!, id)
  return message === undefined ? "" : `,"pinned_message":${messageJson(world, message, botId, undefined)}`
}
