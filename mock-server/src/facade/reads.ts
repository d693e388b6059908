/**
 * Reading the world from TypeScript, and waiting for it to change: a chat's messages, a member, a press and its
 * answer, a chat or a link in the world-file format, the journal and the events (each with its `seq`), and
 * `waitFor`, which waits on the mock's clock for a reader to find something. Everything returned is a copy.
 */
import type { BotCommand, ChatMember, Message } from "@grammyjs/types"
import { type CommandsQuery, decodeCommandsQuery } from "../decode/adminControl.js"
import type { MockEvent } from "../MockEvents.js"
import { type BotProfileData, botProfileData, commandsShown } from "../people/botView.js"
import * as People from "../people/operations.js"
import { chatByReference } from "../world/chats.js"
import { findLink, primaryLink } from "../world/inviteLinks.js"
import { chatData, linkData } from "../world/snapshot.js"
import { waitUntil, type Watchable } from "../world/waiting.js"
import type { Chat, InviteLink, JournalEntry } from "../WorldSnapshot.js"
import { type HasInternals, INTERNALS, orThrow } from "./internals.js"

/** A press and what the bot answered to it (`answerCallbackQuery`): the toast or alert text, or a URL to open. */
export interface CallbackQueryState {
  readonly id: string
  readonly bot_id: number
  readonly user_id: number
  /** True once the bot answered (a query is answered at most once). */
  readonly answered: boolean
  readonly answer?: { readonly text: string; readonly show_alert: boolean; readonly url: string }
}

/** What to read past: an id or a `seq`. */
export interface After {
  readonly after?: number | undefined
}

/** Reads of the world, as MockTelegram methods. */
export interface ReadMethods {
  /**
   * A chat's messages as Message objects, oldest first (a private chat: its conversation with `botId`, or the world's
   * first bot); `after`: only those with a greater message_id. A number as second argument is `botId`.
   */
  messages(chatId: number, options?: number | (After & { readonly botId?: number | undefined })): Array<Message>
  /** A user's standing in a chat as a ChatMember (`left` when the chat does not list them). */
  member(chatId: number, userId: number): ChatMember
  /** A callback query (a press) and the bot's answer to it, while it is kept (the last `caps.callbackQueries`). */
  callbackQuery(id: string): CallbackQueryState | undefined
  /** The requests answered so far, oldest first (bounded by `caps.journalSize`); `after`: those with a greater `seq`. */
  journal(options?: After): Array<JournalEntry>
  /**
   * What the mock did, oldest first: requests (from the journal), updates queued and actions, each with its `seq`;
   * `after`: those with a greater one. Updates and actions are kept across resets (the last 1000).
   */
  events(options?: After): Array<MockEvent>
  /**
   * Waits, on the mock's clock, until `read` gives a value: it is tried now and after each thing the mock does (a
   * request answered, an update queued, an action), so a test waits for events, never for time. Resolves with the
   * value, or undefined after `timeoutMs` (default 10000) of the mock's clock.
   */
  waitFor<A>(read: () => A | undefined, options?: { readonly timeoutMs?: number }): Promise<A | undefined>
  /**
   * The update_id a bot's next update gets. Ids never go back: a reset or a new world goes on from where the previous
   * world stopped, so a running bot's offset never skips an update.
   */
  nextUpdateId(botId: number): number
  /** The updates a bot has pending (its webhook's in-flight ones included). */
  pendingUpdateCount(botId: number): number
  /** A chat (by id, or `@username`) in the world-file format: a copy; undefined when the world has none. */
  chat(chatId: number | string): Chat | undefined
  /** An invite link in the world-file format (a copy), revoked ones included while they are kept. */
  link(url: string): InviteLink | undefined
  /** The URL of a user's current primary link in a chat (by id or `@username`), if they have one. */
  primaryLink(chatId: number | string, userId: number): string | undefined
  /** What a bot set about itself: commands per scope and language, names, descriptions, menu buttons, rights. */
  botProfile(botId: number): BotProfileData
  /** The commands a person's app shows in a chat (`{ user_id, chat_id?, language_code? }`; chat: their own with it). */
  botCommands(botId: number, query: CommandsQuery): Array<BotCommand>
}

const seqOf = (event: MockEvent): number => (event.kind === "request" ? event.entry.seq : event.seq)

/** ReadMethods, for MockTelegram's prototype. */
export const readMethods: ReadMethods & ThisType<HasInternals & Watchable> = {
  messages(chatId, options) {
    const { after, botId } = typeof options === "number" ? { botId: options, after: undefined } : options ?? {}
    return People.chatMessages(this[INTERNALS].world(), chatId, botId, after)
  },

  member(chatId, userId) {
    return People.chatMember(this[INTERNALS].world(), chatId, userId)
  },

  callbackQuery(id) {
    const query = this[INTERNALS].world().callbackQueries.get(id)
    if (query === undefined) return undefined
    const answer = query.answer
    return {
      id: query.id,
      bot_id: query.botId,
      user_id: query.userId,
      answered: answer !== undefined,
      ...(answer !== undefined ? { answer: { text: answer.text, show_alert: answer.showAlert, url: answer.url } } : {})
    }
  },

  journal(options = {}) {
    const journal = this[INTERNALS].world().journal
    return options.after === undefined ? journal.entries() : journal.since(options.after)
  },

  events(options = {}) {
    const after = options.after ?? 0
    const world = this[INTERNALS].world()
    const requests: Array<MockEvent> = world.journal.since(after).map((entry) => ({ kind: "request", entry }))
    return [...requests, ...world.env.observers.since(after)].sort((a, b) => seqOf(a) - seqOf(b))
  },

  waitFor(read, options = {}) {
    return new Promise((resolve) => {
      let value: ReturnType<typeof read>
      waitUntil(this, () => (value = read()) !== undefined, options.timeoutMs ?? 10_000, () => resolve(value))
    })
  },

  nextUpdateId(botId) {
    const world = this[INTERNALS].world()
    return world.botStates.get(botId)?.queue.nextId ?? world.options.firstUpdateId
  },

  pendingUpdateCount(botId) {
    return this[INTERNALS].world().botStates.get(botId)?.queue.size ?? 0
  },

  chat(chatId) {
    const world = this[INTERNALS].world()
    const chat = chatByReference(world, chatId)
    return chat === undefined ? undefined : chatData(chat, world)
  },

  link(url) {
    const link = findLink(this[INTERNALS].world(), url)
    return link === undefined ? undefined : linkData(link)
  },

  primaryLink(chatId, userId) {
    const chat = chatByReference(this[INTERNALS].world(), chatId)
    return chat === undefined ? undefined : primaryLink(chat, userId)?.url
  },

  botProfile(botId) {
    return botProfileData(this[INTERNALS].world(), botId)
  },

  botCommands(botId, query) {
    return commandsShown(this[INTERNALS].world(), botId, orThrow(decodeCommandsQuery(query)))
  }
}
