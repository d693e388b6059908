/**
 * A person reacts to a message (telegram-wire-messages.md §M8.1, §M10.2): up to three reactions (a Premium user's
 * limit), each an emoji Telegram offers or a custom emoji; `[]` removes theirs. The bots that asked hear of it
 * (events/reactions.ts). A service message takes no reactions.
 */
import { announceReaction } from "../events/reactions.js"
import {
  distinctReactions,
  MAX_DISTINCT_REACTIONS,
  reactionKey,
  type ReactionType,
  setReactions,
  STANDARD_REACTIONS
} from "../world/reactions.js"
import type { World } from "../world/World.js"
import { type MessagePlace, seenMessage } from "./messageActions.js"
import { PersonProblem } from "./talk.js"

const problem = (line: string): PersonProblem => new PersonProblem(line)

/** How many reactions one person may set on a message (Telegram Premium's). */
const MAX_PER_PERSON = 3

/** A person sets their reactions on a message. */
export const reactAsPerson = (
  world: World,
  userId: number,
  input: MessagePlace & { readonly reactions: ReadonlyArray<ReactionType> }
): void => {
  const { chat, message } = seenMessage(world, userId, input)
  if (message.content.kind === "service") {
    throw problem(`message_id: message ${message.id} in chat ${chat.id} is a service message`)
  }
  const seen = new Set<string>()
  const after = input.reactions.filter((reaction) =>
    !seen.has(reactionKey(reaction)) && !!seen.add(reactionKey(reaction))
  )
  for (const [i, reaction] of after.entries()) {
    if (reaction.kind === "emoji" && !STANDARD_REACTIONS.has(reaction.emoji)) {
      throw problem(`reaction.${i}.emoji: ${JSON.stringify(reaction.emoji)} is not a reaction Telegram offers`)
    }
  }
  if (after.length > MAX_PER_PERSON) throw problem(`reaction: at most ${MAX_PER_PERSON} reactions per person`)
  const present = distinctReactions(message, userId)
  const added = after.filter((reaction) => !present.has(reactionKey(reaction)))
  if (present.size + added.length > MAX_DISTINCT_REACTIONS) {
    throw problem(`reaction: message ${message.id} has ${MAX_DISTINCT_REACTIONS} different reactions already`)
  }
  const before = setReactions(message, userId, after)
  if (before.map(reactionKey).join() === after.map(reactionKey).join()) return
  announceReaction(world, chat, message, {
    messageId: message.id,
    actorId: userId,
    date: Math.floor(world.clock.now() / 1000),
    before,
    after
  })
}
