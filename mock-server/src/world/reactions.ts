/**
 * Reactions on messages: who reacted with what (a person or a bot by user id, a chat by its negative id), and the
 * counts per reaction. Kept beside the message records, for as long as the message is kept.
 */
import type { MessageRecord } from "./messages.js"

/** A reaction: an emoji, a custom emoji (its id as decimal text), or a paid (Star) reaction. */
export type ReactionType =
  | { readonly kind: "emoji"; readonly emoji: string }
  | { readonly kind: "custom_emoji"; readonly customEmojiId: string }
  | { readonly kind: "paid" }

/** The same reaction, by what it shows. */
export const reactionKey = (reaction: ReactionType): string =>
  reaction.kind === "emoji" ? `e:${reaction.emoji}` : reaction.kind === "custom_emoji"
    ? `c:${reaction.customEmojiId}`
    : "paid"

const byMessage = new WeakMap<MessageRecord, Map<number, ReadonlyArray<ReactionType>>>()

/** Each actor's reactions on a message (an empty map when nobody reacted). */
export const reactionsOf = (message: MessageRecord): ReadonlyMap<number, ReadonlyArray<ReactionType>> =>
  byMessage.get(message) ?? new Map()

/** Sets an actor's reactions on a message (empty: removed); their reactions before. */
export const setReactions = (
  message: MessageRecord,
  actorId: number,
  reactions: ReadonlyArray<ReactionType>
): ReadonlyArray<ReactionType> => {
  let actors = byMessage.get(message)
  if (actors === undefined) byMessage.set(message, actors = new Map())
  const before = actors.get(actorId) ?? []
  if (reactions.length === 0) actors.delete(actorId)
  else actors.set(actorId, reactions)
  return before
}

/** The different reactions on a message, leaving out one actor's (by key). */
export const distinctReactions = (message: MessageRecord, exceptActor?: number): Set<string> => {
  const keys = new Set<string>()
  for (const [actor, list] of reactionsOf(message)) {
    if (actor !== exceptActor) { for (const reaction of list) keys.add(reactionKey(reaction)) }
  }
  return keys
}

/** The reactions of a message with how many chose each, most chosen first (ties: the first chosen first). */
export const reactionCounts = (message: MessageRecord): Array<{ type: ReactionType; count: number }> => {
  const counts = new Map<string, { type: ReactionType; count: number }>()
  for (const list of reactionsOf(message).values()) {
    for (const reaction of list) {
      const key = reactionKey(reaction)
      const entry = counts.get(key)
      if (entry === undefined) counts.set(key, { type: reaction, count: 1 })
      else entry.count++
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)
}

/** The emoji Telegram offers as reactions (the Bot API's ReactionTypeEmoji list, 73). */
export const STANDARD_REACTIONS: ReadonlySet<string> = new Set(
  ("👍 👎 ❤ 🔥 🥰 👏 😁 🤔 🤯 😱 🤬 😢 🎉 🤩 🤮 💩 🙏 👌 🕊 🤡 🥱 🥴 😍 🐳 ❤‍🔥 🌚 🌭 💯 🤣 ⚡ 🍌 🏆 💔 🤨 😐 🍓 🍾 💋 " +
    "🖕 😈 😴 😭 🤓 👻 👨‍💻 👀 🎃 🙈 😇 😨 🤝 ✍ 🤗 🫡 🎅 🎄 ☃ 💅 🤪 🗿 🆒 💘 🙉 🦄 😘 💊 🙊 😎 👾 🤷‍♂ 🤷 🤷‍♀ 😡").split(
      " "
    )
)

/** How many different reactions a message may have (getChat's max_reaction_count). */
export const MAX_DISTINCT_REACTIONS = 11
