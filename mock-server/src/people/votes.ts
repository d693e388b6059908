/**
 * A person votes in a poll (telegram-wire-messages.md §M10.3-4): a choice of option positions (`[]` retracts it when
 * the poll allows revoting). The bot that sent the poll gets `poll_answer` (non-anonymous polls) and `poll` with the
 * new totals. Telegram's app allows only what the poll does; the mock refuses the rest with a line naming the field.
 */
import { announceVote } from "../events/polls.js"
import { isInChat } from "../events/recipients.js"
import { pollJson } from "../wire/poll.js"
import { standing } from "../world/members.js"
import { castVote } from "../world/polls.js"
import type { World } from "../world/World.js"
import { type MessagePlace, seenMessage } from "./messageActions.js"
import { PersonProblem } from "./talk.js"

const problem = (line: string): PersonProblem => new PersonProblem(line)

/** A person's vote; the Poll as they see it (a quiz's answers once they answered), as JSON text. */
export const voteAsPerson = (
  world: World,
  userId: number,
  input: MessagePlace & { readonly optionIds: ReadonlyArray<number> }
): string => {
  const { chat, message } = seenMessage(world, userId, input)
  const content = message.content
  if (content.kind !== "poll") throw problem(`message_id: message ${message.id} in chat ${chat.id} is not a poll`)
  const poll = content.poll
  if (poll.membersOnly && !isInChat(standing(chat, userId))) {
    throw problem(`chat_id: poll ${poll.id} is for members of chat ${chat.id} only`)
  }
  if (poll.isClosed) throw problem(`message_id: poll ${poll.id} is closed`)
  const positions = [...new Set(input.optionIds)].sort((a, b) => a - b)
  const missing = positions.find((position) => position >= poll.options.length)
  if (missing !== undefined) throw problem(`option_ids: poll ${poll.id} has no option ${missing}`)
  if (positions.length > 1 && !poll.allowsMultipleAnswers) {
    throw problem(`option_ids: poll ${poll.id} takes one answer`)
  }
  const before = poll.votes.get(userId)
  if (positions.length === 0 && before === undefined) {
    throw problem(`option_ids: user ${userId} has no vote to retract in poll ${poll.id}`)
  }
  if (before !== undefined && !poll.allowsRevoting) {
    throw problem(`option_ids: user ${userId} already voted in poll ${poll.id}, which does not allow revoting`)
  }
  if (before === undefined || before.join() !== positions.join()) {
    castVote(poll, userId, positions)
    announceVote(world, poll, userId, positions)
  }
  // A person who has answered a quiz is shown its answers and explanation, as their app shows them (TDLib reveals a
  // quiz's correct options to a user once they chose): the view of the bot that sent it.
  return pollJson(world, poll, poll.votes.has(userId) ? poll.creatorBotId : undefined, content)
}
