/**
 * ReactionType, MessageReactionUpdated and MessageReactionCountUpdated JSON, keys in the real server's order
 * (Client.cpp JsonReactionType, JsonReactionCount, JsonMessageReactionUpdated, JsonMessageReactionCountUpdated).
 */
import type { ReactionType } from "../world/reactions.js"
import type { ChatRecord, World } from "../world/World.js"
import { chatShortJson } from "./chat.js"
import { userJson } from "./user.js"

/** A ReactionType (a custom emoji's id as a string). */
export const reactionTypeJson = (reaction: ReactionType): string =>
  reaction.kind === "emoji"
    ? `{"type":"emoji","emoji":${JSON.stringify(reaction.emoji)}}`
    : reaction.kind === "custom_emoji"
    ? `{"type":"custom_emoji","custom_emoji_id":${JSON.stringify(reaction.customEmojiId)}}`
    : `{"type":"paid"}`

const listJson = (reactions: ReadonlyArray<ReactionType>): string => `[${reactions.map(reactionTypeJson).join(",")}]`

/** What changed: a person's (or a chat's, by its negative id) reactions on a message. */
export interface ReactionChange {
  readonly messageId: number
  readonly actorId: number
  readonly date: number
  readonly before: ReadonlyArray<ReactionType>
  readonly after: ReadonlyArray<ReactionType>
}

/** A MessageReactionUpdated: `user` for a person, `actor_chat` for a chat. */
export const messageReactionJson = (world: World, chat: ChatRecord, change: ReactionChange): string => {
  const actorChat = change.actorId < 0 ? world.chats.get(change.actorId) : undefined
  const actor = actorChat !== undefined
    ? `"actor_chat":${chatShortJson(world, actorChat)}`
    : `"user":${userJson(world, change.actorId)}`
  return `{"chat":${chatShortJson(world, chat)},"message_id":${change.messageId},${actor},"date":${change.date},` +
    `"old_reaction":${listJson(change.before)},"new_reaction":${listJson(change.after)}}`
}

/** A MessageReactionCountUpdated: the anonymous counts. */
export const messageReactionCountJson = (
  world: World,
  chat: ChatRecord,
  messageId: number,
  date: number,
  counts: ReadonlyArray<{ readonly type: ReactionType; readonly count: number }>
): string =>
  `{"chat":${chatShortJson(world, chat)},"message_id":${messageId},"date":${date},"reactions":[${
    counts.map((entry) => `{"type":${reactionTypeJson(entry.type)},"total_count":${entry.count}}`).join(",")
  }]}`
