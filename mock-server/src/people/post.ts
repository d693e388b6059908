/**
 * A person posts a message with any content (a file, a location, a contact, a dice) where they may write: their
 * private chat with a bot (which it opens), or a group or channel. A restricted member needs the content's own right
 * (a photo needs can_send_photos), as Telegram asks of them. The bots hear of it as of a text (privacy mode in
 * groups); the Message is rendered for the bot of the private chat (its own file_ids).
 */
import { deliverMessage } from "../events/announce.js"
import { isInChat } from "../events/recipients.js"
import { messageJson } from "../wire/message.js"
import type { Content } from "../world/content.js"
import { standing } from "../world/members.js"
import { addMessage, findMessage } from "../world/messages.js"
import type { World } from "../world/World.js"
import { openConversation, PersonProblem, placeFor } from "./talk.js"

/** Where a person's message goes. */
export interface PersonPlace {
  readonly chatId?: number | undefined
  readonly botId?: number | undefined
  readonly replyToMessageId?: number | undefined
}

/** The right a restricted member needs for a content, and the words of the refusal. */
export interface PersonRight {
  /** A ChatPermissions field (can_send_photos, can_send_messages, …). */
  readonly right: string
  readonly what: string
}

const problem = (line: string): PersonProblem => new PersonProblem(line)

/** Posts `content` (made once the place is known and allowed) as the person; the Message as JSON text. */
export const postAsPerson = (
  world: World,
  userId: number,
  place: PersonPlace,
  right: PersonRight,
  content: () => Content
): string => {
  const where = placeFor(world, userId, place.chatId, place.botId)
  if (typeof where === "string") throw problem(where)
  const { chat } = where
  if (chat.type !== "private") {
    const member = standing(chat, userId)
    if (chat.type === "channel") {
      const may = member.status === "creator" ||
        (member.status === "administrator" && member.rights.can_post_messages === true)
      if (!may) throw problem(`chat_id: user ${userId} may not post in channel ${chat.id}`)
    } else if (!isInChat(member)) {
      throw problem(`chat_id: user ${userId} is not in chat ${chat.id}`)
    } else if (member.status === "restricted" && (member.rights as Record<string, unknown>)[right.right] !== true) {
      throw problem(`chat_id: user ${userId} may not send ${right.what} in chat ${chat.id}`)
    }
  }
  const reply = place.replyToMessageId === undefined || where.log === undefined
    ? undefined
    : findMessage(where.log, place.replyToMessageId)
  if (place.replyToMessageId !== undefined && reply === undefined) {
    throw problem(`reply_to_message_id: no message ${place.replyToMessageId} in chat ${chat.id}`)
  }
  const made = content()
  const log = where.botId !== undefined ? openConversation(world, userId, where.botId) : where.log!
  const channel = chat.type === "channel"
  const message = addMessage(world, chat, where.botId, log, {
    date: Math.floor(world.clock.now() / 1000),
    fromId: channel ? undefined : userId,
    authorId: userId,
    senderChatId: channel ? chat.id : undefined,
    content: made,
    keyboard: undefined,
    protect: false,
    replyToId: reply?.id
  })
  deliverMessage(world, chat, message)
  return messageJson(world, message, where.botId, reply)
}
