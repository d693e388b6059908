/**
 * A pin's service message (telegram-wire-messages.md §M8.2): `pinned_message` in the chat, from the bot (from the
 * channel in a channel), and delivered to the bots there, the pinning bot included: pins are among the few outgoing
 * messages the real server sends back.
 */
import { messageJson } from "../wire/message.js"
import { addMessage, type MessageLog, type MessageRecord } from "../world/messages.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { ChatRecord, World } from "../world/World.js"
import { deliverMessage } from "./announce.js"

/** Adds the service message of a pin by `botId` to the log and delivers it. */
export const pinServiceMessage = (
  world: World,
  chat: ChatRecord,
  log: MessageLog,
  botId: number,
  pinnedId: number
): MessageRecord => {
  const channel = chat.type === "channel"
  const conversationBot = chat.type === "private" ? botId : undefined
  const message = addMessage(world, chat, conversationBot, log, {
    date: Math.floor(world.clock.now() / 1000),
    fromId: channel ? undefined : botId,
    authorId: botId,
    senderChatId: channel ? chat.id : undefined,
    content: {
      kind: "service",
      service: { kind: "pinned_message", chatId: chat.id, botId: conversationBot, messageId: pinnedId }
    },
    keyboard: undefined,
    protect: false,
    replyToId: undefined
  })
  if (chat.type !== "private") deliverMessage(world, chat, message)
  else if (wantsUpdate(world, botId, "message")) {
    enqueueUpdate(world, botId, "message", messageJson(world, message, botId, undefined), `chat:${chat.id}`)
  }
  return message
}
