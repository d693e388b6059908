/**
 * A person's reaction reaches the bots (telegram-wire-messages.md §M10.2), only those that named the update in
 * allowed_updates: `message_reaction` (who, before and after) to the bot of a private chat and to the bots that
 * administer a group; `message_reaction_count` (the anonymous totals) to the bots that administer a channel.
 * Reactions set by bots are never announced.
 */
import { messageReactionCountJson, messageReactionJson, type ReactionChange } from "../wire/reaction.js"
import type { MessageRecord } from "../world/messages.js"
import { reactionCounts } from "../world/reactions.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { ChatRecord, World } from "../world/World.js"
import { adminBots } from "./recipients.js"

/** Announces a person's change of their reactions on a message. */
export const announceReaction = (
  world: World,
  chat: ChatRecord,
  message: MessageRecord,
  change: ReactionChange
): void => {
  if (chat.type === "channel") {
    for (const botId of adminBots(world, chat)) {
      if (!wantsUpdate(world, botId, "message_reaction_count")) continue
      const json = messageReactionCountJson(world, chat, message.id, change.date, reactionCounts(message))
      enqueueUpdate(world, botId, "message_reaction_count", json, `reaction_count:${chat.id}`)
    }
    return
  }
  const botIds = chat.type === "private" ? (message.botId === undefined ? [] : [message.botId]) : adminBots(world, chat)
  for (const botId of botIds) {
    if (!wantsUpdate(world, botId, "message_reaction")) continue
    enqueueUpdate(world, botId, "message_reaction", messageReactionJson(world, chat, change), `reaction:${chat.id}`)
  }
}
