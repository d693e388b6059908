/**
 * What the bots learn of events, as updates (telegram-wire-bots.md §12): messages (with privacy mode), service
 * messages of joins, leaves and upgrades, my_chat_member and chat_member, chat_join_request, callback_query. Each is
 * rendered for the bot that gets it and queued with the key that orders its webhook deliveries.
 */
import { chatMemberUpdatedJson, joinRequestJson, type MemberChange } from "../wire/member.js"
import { messageJson } from "../wire/message.js"
import type { Service } from "../world/content.js"
import { standing } from "../world/members.js"
import { addMessage, findMessage, logOf, type MessageRecord } from "../world/messages.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { ChatRecord, JoinRequestRecord, World } from "../world/World.js"
import { adminBots, botIds, botsInChat, isAddressedTo, isAdmin } from "./recipients.js"

const nowSeconds = (world: World): number => Math.floor(world.clock.now() / 1000)

/** Queues a message update for one bot, rendered for it (with the message it replies to). */
const sendMessageUpdate = (world: World, chat: ChatRecord, botId: number, message: MessageRecord): void => {
  const type = chat.type === "channel" ? "channel_post" : "message"
  if (!wantsUpdate(world, botId, type)) return
  const log = logOf(chat, chat.type === "private" ? chat.conversations.get(botId) : undefined)
  const reply = message.replyToId === undefined ? undefined : findMessage(log, message.replyToId)
  enqueueUpdate(world, botId, type, messageJson(world, message, botId, reply), `chat:${chat.id}`)
}

/**
 * A new message reaches the bots: in a private chat the bot of the conversation (unless it sent it); in a group the
 * bots in it, by privacy mode, a bot never getting its own text; service messages reach every bot in the chat, and
 * `alsoTo` (a bot just removed hears of its own removal).
 */
export const deliverMessage = (world: World, chat: ChatRecord, message: MessageRecord, alsoTo: Array<number> = []) => {
  if (chat.type === "private") {
    if (message.botId !== undefined && message.fromId !== message.botId) {
      sendMessageUpdate(world, chat, message.botId, message)
    }
    return
  }
  const recipients = new Set([...botsInChat(world, chat), ...alsoTo])
  for (const botId of recipients) {
    if (message.content.kind !== "service") {
      if (message.fromId === botId) continue
      const hears = chat.type === "channel" || isAdmin(standing(chat, botId)) ||
        isAddressedTo(world, chat, botId, message)
      if (!hears) continue
    }
    sendMessageUpdate(world, chat, botId, message)
  }
}

/** Adds a service message to a group's log and delivers it. */
export const serviceMessage = (
  world: World,
  chat: ChatRecord,
  fromId: number,
  service: Service,
  alsoTo: Array<number> = []
): MessageRecord => {
  const message = addMessage(world, chat, undefined, chat.log, {
    date: nowSeconds(world),
    fromId,
    authorId: fromId,
    senderChatId: undefined,
    content: { kind: "service", service },
    keyboard: undefined,
    protect: false,
    replyToId: undefined
  })
  deliverMessage(world, chat, message, alsoTo)
  return message
}

/** A standing changed: the bot concerned gets my_chat_member; the administering bots that asked get chat_member. */
export const announceMemberChange = (world: World, chat: ChatRecord, change: MemberChange): void => {
  for (const botId of botIds(world)) {
    if (botId === change.userId) {
      if (!wantsUpdate(world, botId, "my_chat_member")) continue
      const json = chatMemberUpdatedJson(world, chat, change, botId)
      enqueueUpdate(world, botId, "my_chat_member", json, `chat:${chat.id}`)
    } else if (chat.type !== "private" && isAdmin(standing(chat, botId)) && wantsUpdate(world, botId, "chat_member")) {
      const json = chatMemberUpdatedJson(world, chat, change, botId)
      enqueueUpdate(world, botId, "chat_member", json, `user:${change.userId}`)
    }
  }
}

/** A join request reaches the administering bots that may manage invite links. */
export const announceJoinRequest = (world: World, chat: ChatRecord, request: JoinRequestRecord): void => {
  for (const botId of adminBots(world, chat)) {
    const member = standing(chat, botId)
    if (member.status !== "creator" && member.rights.can_invite_users !== true) continue
    if (!wantsUpdate(world, botId, "chat_join_request")) continue
    enqueueUpdate(
      world,
      botId,
      "chat_join_request",
      joinRequestJson(world, chat, request, botId),
      `user:${request.userId}`
    )
  }
}

/** An upgrade: `migrate_to_chat_id` in the old group, then `migrate_from_chat_id` in the new supergroup. */
export const announceUpgrade = (world: World, group: ChatRecord, supergroup: ChatRecord, actorId: number): void => {
  serviceMessage(world, group, actorId, { kind: "migrate_to_chat_id", chatId: supergroup.id })
  serviceMessage(world, supergroup, actorId, { kind: "migrate_from_chat_id", chatId: group.id })
}
