/**
 * Posts a service message of chat administration or forum topics (telegram-wire-chats.md §16.13, §17.6) and delivers
 * it to every bot in the chat, the one that caused it included. In a channel the message is the channel's own
 * (`sender_chat`), elsewhere it is from whoever acted.
 */
import type { ChatService } from "../world/chatServices.js"
import { addMessage, type MessageRecord } from "../world/messages.js"
import type { ChatRecord, World } from "../world/World.js"
import { deliverMessage } from "./announce.js"

/** Adds the service message to the chat's log (in a forum topic when `threadId` is set) and delivers it. */
export const postService = (
  world: World,
  chat: ChatRecord,
  actorId: number,
  service: ChatService,
  threadId?: number
): MessageRecord => {
  const channel = chat.type === "channel"
  const message = addMessage(world, chat, undefined, chat.log, {
    date: Math.floor(world.clock.now() / 1000),
    fromId: channel ? undefined : actorId,
    authorId: actorId,
    senderChatId: channel ? chat.id : undefined,
    content: { kind: "service", service },
    keyboard: undefined,
    protect: false,
    replyToId: undefined,
    threadId
  })
  deliverMessage(world, chat, message)
  return message
}
