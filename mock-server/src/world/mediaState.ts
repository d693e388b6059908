/**
 * What the media methods keep besides messages and files: how URLs given as files are treated, the dice values a
 * test queued, the albums' ids, and the chat actions and drafts bots sent (recorded for tests: they change nothing a
 * bot can see), bounded.
 */

/** URLs given as files: stood in for (a file holding the URL's text) or refused as Telegram refuses what it can't fetch. */
export type FileUrlRule = "stand_in" | "refuse"

/** A chat action (sendChatAction) or a streamed draft (sendMessageDraft) a bot sent. */
export interface ChatActionRecord {
  /** Unix time in milliseconds, from the mock's clock. */
  readonly at: number
  readonly bot_id: number
  readonly chat_id: number
  /** The action as the Bot API names it (`typing`, `upload_photo`, …; `cancel`), or `draft` for sendMessageDraft. */
  readonly action: string
  /** The forum topic, when one was named. */
  readonly message_thread_id?: number
  /** sendMessageDraft: the draft's id and text. */
  readonly draft_id?: string
  readonly text?: string
}

/** The most chat actions kept; the oldest are forgotten. */
export const MAX_CHAT_ACTIONS = 1000

/** The world's media state. */
export interface MediaState {
  fileUrls: FileUrlRule
  /** Dice values a test queued (1-64): each throw takes the first, brought into its emoji's range. */
  readonly diceQueue: Array<number>
  /** The state of the world's dice sequence (world/dice.ts). */
  diceState: number
  /** The number behind the next album's media_group_id. */
  nextAlbum: number
  readonly chatActions: Array<ChatActionRecord>
}

/** A fresh media state. */
export const makeMediaState = (fileUrls: FileUrlRule): MediaState => ({
  fileUrls,
  diceQueue: [],
  diceState: 0x5eed,
  nextAlbum: 1,
  chatActions: []
})

/** Records a chat action or a draft, forgetting the oldest past the bound. */
export const recordChatAction = (state: MediaState, record: ChatActionRecord): void => {
  state.chatActions.push(record)
  if (state.chatActions.length > MAX_CHAT_ACTIONS) state.chatActions.shift()
}

/** A new album's media_group_id: a decimal 64-bit number, as Telegram's look. */
export const nextMediaGroupId = (state: MediaState): string =>
  String(13_600_000_000_000_000n + BigInt(state.nextAlbum++))
