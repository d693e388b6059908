/**
 * What the bot that sent a poll learns of it (telegram-wire-messages.md §M10.3-4): `poll` with its new state (votes,
 * closing; without description and media), `poll_answer` for each vote in a non-anonymous poll (empty `option_ids`:
 * retracted); and the poll closing by itself on the mock's clock at its close date.
 */
import { pollAnswerJson, pollJson } from "../wire/poll.js"
import { closePoll, type PollRecord } from "../world/polls.js"
import { startTimer } from "../world/timers.js"
import { enqueueUpdate, wantsUpdate } from "../world/updates/enqueue.js"
import type { World } from "../world/World.js"

/** The poll's state reaches the bot that sent it. */
export const announcePoll = (world: World, poll: PollRecord): void => {
  const botId = poll.creatorBotId
  if (!wantsUpdate(world, botId, "poll")) return
  enqueueUpdate(world, botId, "poll", pollJson(world, poll, botId), `poll:${poll.id}`)
}

/** A person's vote (or its retraction) reaches the bot that sent a non-anonymous poll; then the new totals. */
export const announceVote = (world: World, poll: PollRecord, userId: number, positions: ReadonlyArray<number>) => {
  const botId = poll.creatorBotId
  if (!poll.isAnonymous && wantsUpdate(world, botId, "poll_answer")) {
    enqueueUpdate(world, botId, "poll_answer", pollAnswerJson(world, poll, userId, positions), `poll:${poll.id}`)
  }
  announcePoll(world, poll)
}

/** Closes the poll at its close date (a `poll` update follows), unless it is closed before. */
export const scheduleClose = (world: World, poll: PollRecord): void => {
  if (poll.closeDate === 0 || poll.isClosed) return
  poll.cancelClose = startTimer(world, poll.closeDate * 1000, () => {
    poll.cancelClose = undefined
    if (poll.isClosed) return
    closePoll(poll)
    announcePoll(world, poll)
  })
}
