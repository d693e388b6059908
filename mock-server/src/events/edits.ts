/**
 * A person edits a message (telegram-wire-messages.md §M10.1): the bots that got the message get `edited_message`
 * (`edited_channel_post` in a channel) with `edit_date`; a bot in privacy mode gets the edit of a message only if it
 * got the message. The bots' own edits never come back.
 */
import { messageJson } from "../wire/message.js"
import { standing } from "../world/members.js"
import { findMessage, logOf, type MessageRecord } from "../world/messages.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { ChatRecord, World } from "../world/World.js"
import { botsInChat, isAddressedTo, isAdmin } from "./recipients.js"

/** The bots that got this message when it was sent (computed before an edit changes what it says). */
export const hearers = (world: World, chat: ChatRecord, message: MessageRecord): Array<number> => {
  if (chat.type === "private") {
    return message.botId !== undefined && message.fromId !== message.botId ? [message.botId] : []
  }
  return botsInChat(world, chat).filter((botId) =>
    message.authorId !== botId &&
    (message.content.kind === "service" || chat.type === "channel" || isAdmin(standing(chat, botId)) ||
      isAddressedTo(world, chat, botId, message))
  )
}

/** The edited message reaches the bots that got it. */
export const announceEdit = (
  world: World,
  chat: ChatRecord,
  message: MessageRecord,
  botIds: ReadonlyArray<number>
): void => {
  const type = chat.type === "channel" ? "edited_channel_post" : "edited_message"
  for (const botId of botIds) {
    if (!wantsUpdate(world, botId, type)) continue
    const log = logOf(chat, chat.type === "private" ? chat.conversations.get(botId) : undefined)
    const reply = message.replyToId === undefined ? undefined : findMessage(log, message.replyToId)
    enqueueUpdate(world, botId, type, messageJson(world, message, botId, reply), `chat:${chat.id}`)
  }
}
