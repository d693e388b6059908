/**
 * Polls: one record per poll, shared by every message that shows it (a forward shows the same poll, with the same
 * votes; a copy is a new poll), each person's vote, and closing. Poll ids are the mock's own 64-bit numbers.
 */
import type { Formatted } from "./content.js"
import type { World } from "./World.js"

/** A poll's media, or an option's, that needs no file: a location or a venue (file media come with the file store). */
export type PollMedia =
  | { readonly kind: "location"; readonly latitude: number; readonly longitude: number; readonly accuracy: number }
  | {
    readonly kind: "venue"
    readonly latitude: number
    readonly longitude: number
    readonly accuracy: number
    readonly title: string
    readonly address: string
    /** "foursquare", "gplaces" or "". */
    readonly provider: string
    readonly venueId: string
    readonly venueType: string
  }

/** One answer option. */
export interface PollOptionRecord {
  /** The option's persistent id: its position as text (Telegram's are opaque strings). */
  readonly persistentId: string
  readonly text: Formatted
  readonly media: PollMedia | undefined
  voterCount: number
}

/** What a poll is, as sendPoll set it. */
export interface PollSettings {
  readonly question: Formatted
  readonly options: ReadonlyArray<{ readonly text: Formatted; readonly media: PollMedia | undefined }>
  readonly isAnonymous: boolean
  readonly allowsMultipleAnswers: boolean
  readonly allowsRevoting: boolean
  readonly allowAddingOptions: boolean
  readonly membersOnly: boolean
  readonly countryCodes: ReadonlyArray<string>
  readonly shuffleOptions: boolean
  readonly hideResultsUntilCloses: boolean
  readonly type: "regular" | "quiz"
  /** Quizzes: the positions of the right answers, increasing. */
  readonly correctOptionIds: ReadonlyArray<number>
  readonly explanation: Formatted
  readonly explanationMedia: PollMedia | undefined
  /** Seconds it stays open after it is sent (0: no limit). */
  readonly openPeriod: number
}

/** A poll and its state. */
export interface PollRecord extends Omit<PollSettings, "options"> {
  readonly id: string
  /** The bot that sent it: the one that gets its `poll` and `poll_answer` updates. */
  readonly creatorBotId: number
  readonly options: ReadonlyArray<PollOptionRecord>
  /** When it closes by itself (Unix seconds; 0: never). */
  readonly closeDate: number
  isClosed: boolean
  /** Each voter's chosen positions, in vote order. */
  readonly votes: Map<number, ReadonlyArray<number>>
  /** Cancels the timer that closes it, while one runs. */
  cancelClose: (() => void) | undefined
}

/** A poll message: the poll, and the description and media of this message. */
export interface PollContent {
  readonly kind: "poll"
  readonly poll: PollRecord
  readonly description: Formatted
  readonly media: PollMedia | undefined
}

const nextIds = new WeakMap<World, { next: bigint }>()

/** A new poll id of this world: a decimal 64-bit number. */
const mintPollId = (world: World): string => {
  let counter = nextIds.get(world)
  if (counter === undefined) nextIds.set(world, counter = { next: 5_800_000_000_000_000_001n })
  return String(counter.next++)
}

/** A new open poll with no votes; `closeDate` from the open period or the date asked for (0: none). */
export const newPoll = (world: World, creatorBotId: number, settings: PollSettings, closeDate: number): PollRecord => ({
  ...settings,
  id: mintPollId(world),
  creatorBotId,
  options: settings.options.map((option, i) => ({ ...option, persistentId: String(i), voterCount: 0 })),
  closeDate,
  isClosed: false,
  votes: new Map(),
  cancelClose: undefined
})

/** How many people voted (a retracted vote no longer counts). */
export const totalVoters = (poll: PollRecord): number => poll.votes.size

/** Replaces a person's vote (empty: retracted); the positions they had chosen before. */
export const castVote = (poll: PollRecord, userId: number, positions: ReadonlyArray<number>): ReadonlyArray<number> => {
  const before = poll.votes.get(userId) ?? []
  for (const position of before) poll.options[position]!.voterCount--
  if (positions.length === 0) poll.votes.delete(userId)
  else poll.votes.set(userId, positions)
  for (const position of positions) poll.options[position]!.voterCount++
  return before
}

/** Closes a poll for good (its timer, if any, is cancelled). */
export const closePoll = (poll: PollRecord): void => {
  poll.isClosed = true
  poll.cancelClose?.()
  poll.cancelClose = undefined
}

/** True when the bot may see the right answers of a quiz: it sent it, or the quiz is closed. */
export const knowsAnswers = (poll: PollRecord, botId: number | undefined): boolean =>
  poll.creatorBotId === botId || poll.isClosed

/** A copy of a poll sent by `botId`: the same settings, no votes, open, its open period counted from `now`. */
export const copyPoll = (world: World, poll: PollRecord, botId: number, now: number): PollRecord =>
  newPoll(world, botId, poll, poll.openPeriod === 0 ? 0 : now + poll.openPeriod)
