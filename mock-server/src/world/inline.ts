/**
 * Inline mode's share of the world: each bot's settings (BotFather's inline mode and inline feedback, guest mode), the
 * inline queries people made with the bots' answers, the messages sent through inline mode (by their
 * inline_message_id), Mini App queries, prepared messages and keyboard buttons, and guest queries. Everything is
 * bounded: past MAX_KEPT the oldest of a kind is forgotten.
 */
import type { Bot } from "../WorldSnapshot.js"
import type { Content } from "./content.js"
import type { MessageLog, MessageRecord } from "./messages.js"
import type { PointRecord } from "./places.js"
import type { ChatRecord, World } from "./World.js"

/** What BotFather switches for a bot (all off unless the world file or the control API says so). */
export interface InlineSettings {
  /** `/setinline`: people may query the bot inline; getMe's `supports_inline_queries`. */
  inline: boolean
  /** `/setinlinefeedback`: a pick is told to the bot as `chosen_inline_result`. */
  feedback: boolean
  /** Guest mode: people may mention the bot in chats it is not in; getMe's `supports_guest_queries`. */
  guest: boolean
}

/** What sending a result (or a prepared message) puts in a chat: the content and its inline keyboard. */
export interface InlineMessageBody {
  readonly content: Content
  readonly keyboard: MessageRecord["keyboard"]
}

/** One result of an answer: its id and type, the bot's JSON (what the person's app lists), what a pick sends. */
export interface InlineResultRecord {
  readonly id: string
  readonly type: string
  readonly json: string
  readonly body: InlineMessageBody
}

/** The button an answer shows above its results: a start parameter, or a Web App. */
export interface InlineButtonRecord {
  readonly text: string
  readonly startParameter?: string
  readonly webAppUrl?: string
}

/** A bot's answer to an inline query. */
export interface InlineAnswerRecord {
  readonly results: ReadonlyArray<InlineResultRecord>
  readonly cacheTime: number
  readonly isPersonal: boolean
  readonly nextOffset: string
  readonly button: InlineButtonRecord | undefined
  /** When it was given (ms), for the cache. */
  readonly at: number
}

/** The chat a person types a query in; `chatId` undefined for a chat the world does not have. */
export interface InlinePlace {
  /** `sender`, `private`, `group`, `supergroup`, `channel`. */
  readonly chatType: string
  readonly chatId: number | undefined
}

/** An inline query a person made. */
export interface InlineQueryRecord extends InlinePlace {
  readonly id: string
  readonly botId: number
  readonly userId: number
  readonly query: string
  readonly offset: string
  readonly location: PointRecord | undefined
  /** When it was made (ms): the answer window counts from here. */
  readonly at: number
  /** Set when the answer came from Telegram's cache of an earlier answer: the bot never saw this query. */
  readonly cached: boolean
  answer: InlineAnswerRecord | undefined
  /** The result the person picked, once they did. */
  chosen: string | undefined
}

/** A message sent through inline mode (or a Mini App, a prepared message, a guest bot) that has an id. */
export interface InlineMessageRecord {
  readonly id: string
  /** The bot that may edit it. */
  readonly botId: number
  readonly chat: ChatRecord
  readonly log: MessageLog
  readonly messageId: number
}

/** Where a message sent through a bot goes: a chat and its log (a private chat's conversation with a bot). */
export interface InlineDestination {
  readonly chat: ChatRecord
  readonly log: MessageLog
  /** Private chats: the bot whose conversation it is. */
  readonly conversationBotId: number | undefined
}

/** A Mini App session a person opened: answerWebAppQuery answers it once. */
export interface WebAppQueryRecord {
  readonly id: string
  readonly botId: number
  readonly userId: number
  /** Where the Mini App was opened: its answer is sent there. */
  readonly destination: InlineDestination
  readonly at: number
  answer:
    | { readonly resultId: string; readonly messageId: number; readonly inlineMessageId: string | undefined }
    | undefined
}

/** Which chats a prepared message may be sent to (the four allow_* flags). */
export interface ChatTypesRecord {
  readonly users: boolean
  readonly bots: boolean
  readonly groups: boolean
  readonly channels: boolean
}

/** A message a bot prepared for a person to send from a Mini App (savePreparedInlineMessage). */
export interface PreparedMessageRecord {
  readonly id: string
  readonly botId: number
  readonly userId: number
  readonly result: InlineResultRecord
  readonly chatTypes: ChatTypesRecord
  /** Unix seconds. */
  readonly expiresAt: number
}

/** A keyboard button a bot prepared for a person's Mini App (savePreparedKeyboardButton). */
export interface PreparedButtonRecord {
  readonly id: string
  readonly botId: number
  readonly userId: number
  /** The KeyboardButton as the bot sent it (its JSON). */
  readonly json: string
}

/** A guest query: a person mentioned a guest bot in a chat it is not in. */
export interface GuestQueryRecord {
  readonly id: string
  readonly botId: number
  readonly userId: number
  /** The chat of the person's message, where the answer is posted. */
  readonly destination: InlineDestination
  /** The person's message that mentioned the bot. */
  readonly messageId: number
  readonly at: number
  answer: { readonly messageId: number; readonly inlineMessageId: string } | undefined
}

/** Inline mode's live state. */
export interface InlineState {
  readonly settings: Map<number, InlineSettings>
  readonly queries: Map<string, InlineQueryRecord>
  readonly messages: Map<string, InlineMessageRecord>
  readonly webAppQueries: Map<string, WebAppQueryRecord>
  readonly preparedMessages: Map<string, PreparedMessageRecord>
  readonly preparedButtons: Map<string, PreparedButtonRecord>
  readonly guestQueries: Map<string, GuestQueryRecord>
  /** The number behind the next id of any kind the mock makes here. */
  next: number
}

/** How many of each kind are kept. */
export const MAX_KEPT = 1000

const OFF: InlineSettings = Object.freeze({ inline: false, feedback: false, guest: false })

/** The state of a new world: the bots' settings from its world file. */
export const makeInlineState = (bots: ReadonlyArray<Bot>): InlineState => ({
  settings: new Map(bots.map((bot) => [bot.user_id, {
    inline: bot.supports_inline_queries === true,
    feedback: bot.inline_feedback === true,
    guest: bot.supports_guest_queries === true
  }])),
  queries: new Map(),
  messages: new Map(),
  webAppQueries: new Map(),
  preparedMessages: new Map(),
  preparedButtons: new Map(),
  guestQueries: new Map(),
  next: 1
})

/** A bot's settings (all off for an id the world does not have as a bot). */
export const inlineSettings = (world: World, botId: number): InlineSettings => world.inline.settings.get(botId) ?? OFF

/** A bot in the world-file form, with its current settings (a setting that is off is left out). */
export const botData = (world: World, bot: Bot): Bot => {
  const settings = inlineSettings(world, bot.user_id)
  return {
    token: bot.token,
    user_id: bot.user_id,
    ...(settings.inline ? { supports_inline_queries: true } : {}),
    ...(settings.feedback ? { inline_feedback: true } : {}),
    ...(settings.guest ? { supports_guest_queries: true } : {})
  }
}

/** Keeps a record, forgetting the oldest of its kind past MAX_KEPT. */
export const keep = <A>(map: Map<string, A>, id: string, record: A): A => {
  map.set(id, record)
  if (map.size > MAX_KEPT) map.delete(map.keys().next().value!)
  return record
}

/** The next 64-bit identifier, as decimal text (inline, Mini App and guest queries). */
export const nextQueryId = (world: World, base: bigint): string => String(base + BigInt(world.inline.next++))

/**
 * A new inline_message_id: base64url of TDLib's InputBotInlineMessageID64 (dc_id, owner_id, id, access_hash: 24
 * bytes, little-endian), so TDLib's own check of its shape passes; the access hash makes it unguessable enough.
 */
export const newInlineMessageId = (world: World, ownerId: number, messageId: number): string => {
  const bytes = Buffer.alloc(24)
  const n = world.inline.next++
  bytes.writeInt32LE(2, 0)
  bytes.writeBigInt64LE(BigInt(ownerId), 4)
  bytes.writeInt32LE(messageId, 12)
  bytes.writeBigInt64LE(BigInt.asIntN(64, 0x5deece66dn * BigInt(n) + 0xbn), 16)
  return bytes.toString("base64url")
}

/**
 * TDLib's reading of an inline_message_id (parse_input_bot_inline_message_id): base64url of 20 or 24 bytes whose
 * dc_id is 1-1000; anything else is `invalid inline message identifier specified`.
 */
export const isInlineMessageIdShape = (id: string): boolean => {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(id) || id.replace(/=+$/, "").length % 4 === 1) return false
  const bytes = Buffer.from(id, "base64url")
  if (bytes.length !== 20 && bytes.length !== 24) return false
  const dc = bytes.readInt32LE(0)
  return dc >= 1 && dc <= 1000
}
