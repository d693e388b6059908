/**
 * Inline mode's operations as the facade and the control API expose them: the person checked, the action done, and
 * what it made as plain objects (a query with its answer, a Message, what a bot prepared, a guest query), copies of
 * the live records.
 */
import type { Message } from "@grammyjs/types"
import type {
  BotSettingsInput,
  ChooseInlineInput,
  GuestMessageInput,
  InlineQueryInput,
  SendPreparedInput,
  WebAppInput
} from "../decode/inline.js"
import { inlineMessage } from "../events/inlineMessages.js"
import type { InlinePost } from "../events/inlineMessages.js"
import { MockInputError } from "../MockInputError.js"
import { inlineQueryViewJson, preparedButtonJson, preparedMessageJson } from "../wire/inline.js"
import { messageJson } from "../wire/message.js"
import { asMessage } from "../wire/typed.js"
import type { World } from "../world/World.js"
import { mentionGuests } from "./guests.js"
import { chooseInlineResult, sendInlineQuery } from "./inline.js"
import { lines, person } from "./operations.js"
import { openWebApp, preparedMessagesOf, sendPrepared } from "./webApps.js"

/** A bot's BotFather settings as the world file writes them. */
export interface BotSettings {
  readonly supports_inline_queries: boolean
  readonly inline_feedback: boolean
  readonly supports_guest_queries: boolean
}

/** A person's inline query, where they typed it, and the bot's answer once there is one. */
export interface InlineQueryState {
  readonly inline_query_id: string
  readonly bot_id: number
  readonly user_id: number
  readonly query: string
  readonly offset: string
  readonly chat_type: string
  /** The world's chat it was typed in; null for a chat the world does not have. */
  readonly chat_id: number | null
  /** True when Telegram answered from the cache of an earlier answer (the bot got no update). */
  readonly cached: boolean
  readonly answered: boolean
  readonly answer?: {
    /** The results as the bot sent them (InlineQueryResult objects). */
    readonly results: ReadonlyArray<Record<string, unknown>>
    readonly cache_time: number
    readonly is_personal: boolean
    readonly next_offset: string
    readonly button?: { readonly text: string; readonly start_parameter?: string; readonly web_app?: { url: string } }
  }
  readonly chosen_result_id?: string
}

/** A message sent through a bot: the Message (null in a chat the world does not have) and its inline_message_id. */
export interface InlineSent {
  readonly message: Message | null
  readonly inline_message_id?: string
}

/** A message sent through inline mode, by its inline_message_id. */
export interface InlineMessageState {
  readonly inline_message_id: string
  readonly bot_id: number
  readonly chat_id: number
  readonly message: Message
}

/** A Mini App a person opened, and the bot's answer (answerWebAppQuery) once there is one. */
export interface WebAppQueryState {
  readonly web_app_query_id: string
  readonly bot_id: number
  readonly user_id: number
  readonly chat_id: number
  readonly answered: boolean
  readonly result_id?: string
  readonly message_id?: number
  readonly inline_message_id?: string
}

/** A message a bot prepared for a person, with the chat types it may go to; `result` as the bot sent it. */
export interface PreparedMessageState {
  readonly id: string
  readonly bot_id: number
  readonly user_id: number
  readonly expiration_date: number
  readonly allow_user_chats: boolean
  readonly allow_bot_chats: boolean
  readonly allow_group_chats: boolean
  readonly allow_channel_chats: boolean
  readonly result: Record<string, unknown>
}

/** A keyboard button a bot prepared for a person's Mini App; `button` as the bot sent it. */
export interface PreparedButtonState {
  readonly id: string
  readonly bot_id: number
  readonly user_id: number
  readonly button: Record<string, unknown>
}

/** A guest query: the mention, and the guest bot's answer once there is one. */
export interface GuestQueryState {
  readonly guest_query_id: string
  readonly bot_id: number
  readonly user_id: number
  readonly chat_id: number
  readonly message_id: number
  readonly answered: boolean
  readonly answer_message_id?: number
  readonly inline_message_id?: string
}

/** A bot of the world by id (its settings are what the route changes). */
const botOf = (world: World, botId: number) => {
  if (!world.inline.settings.has(botId)) throw new MockInputError([`bot_id: no bot ${botId} in this world`])
  return world.inline.settings.get(botId)!
}

/** A bot's settings. */
export const botSettings = (world: World, botId: number): BotSettings => {
  const settings = botOf(world, botId)
  return {
    supports_inline_queries: settings.inline,
    inline_feedback: settings.feedback,
    supports_guest_queries: settings.guest
  }
}

/** Changes a bot's settings (what is left out stays); the settings. */
export const setBotSettings = (world: World, botId: number, input: BotSettingsInput): BotSettings => {
  const settings = botOf(world, botId)
  settings.inline = input.supports_inline_queries ?? settings.inline
  settings.feedback = input.inline_feedback ?? settings.feedback
  settings.guest = input.supports_guest_queries ?? settings.guest
  return botSettings(world, botId)
}

/** A query's state. */
export const inlineQueryState = (world: World, id: string): InlineQueryState | undefined => {
  const query = world.inline.queries.get(id)
  return query === undefined ? undefined : JSON.parse(inlineQueryViewJson(query)) as InlineQueryState
}

/** A person types an inline query. */
export const askInline = (world: World, userId: number, input: InlineQueryInput): InlineQueryState => {
  person(world, userId)
  return inlineQueryState(world, sendInlineQuery(world, userId, input).id)!
}

const sentState = (world: World, post: InlinePost | { message: undefined; inlineMessageId: undefined }) => {
  const message = post.message === undefined
    ? null
    : asMessage(messageJson(world, post.message, post.message.botId, undefined))
  return post.inlineMessageId === undefined ? { message } : { message, inline_message_id: post.inlineMessageId }
}

/** A person picks a result of an answer. */
export const chooseResult = (world: World, userId: number, input: ChooseInlineInput): InlineSent => {
  person(world, userId)
  return sentState(world, lines(() => chooseInlineResult(world, userId, input)))
}

/** A message sent through inline mode. */
export const inlineMessageState = (world: World, id: string): InlineMessageState | undefined => {
  const record = world.inline.messages.get(id)
  const found = record === undefined ? undefined : inlineMessage(world, record.botId, id)
  if (found === undefined) return undefined
  const message = asMessage(messageJson(world, found.message, found.message.botId, undefined))
  return { inline_message_id: id, bot_id: found.record.botId, chat_id: found.record.chat.id, message }
}

/** A person opens a bot's Mini App. */
export const openMiniApp = (world: World, userId: number, input: WebAppInput): WebAppQueryState => {
  person(world, userId)
  return webAppQueryState(world, lines(() => openWebApp(world, userId, input)).id)!
}

/** A Mini App query's state. */
export const webAppQueryState = (world: World, id: string): WebAppQueryState | undefined => {
  const query = world.inline.webAppQueries.get(id)
  if (query === undefined) return undefined
  const base = {
    web_app_query_id: query.id,
    bot_id: query.botId,
    user_id: query.userId,
    chat_id: query.destination.chat.id,
    answered: query.answer !== undefined
  }
  const answer = query.answer
  if (answer === undefined) return base
  const inline = answer.inlineMessageId === undefined ? {} : { inline_message_id: answer.inlineMessageId }
  return { ...base, result_id: answer.resultId, message_id: answer.messageId, ...inline }
}

/** A person's prepared messages they may still send. */
export const preparedMessages = (world: World, userId: number): Array<PreparedMessageState> =>
  preparedMessagesOf(world, userId).map((prepared) => JSON.parse(preparedMessageJson(prepared)) as PreparedMessageState)

/** A person sends a prepared message. */
export const sendPreparedMessage = (world: World, userId: number, input: SendPreparedInput): InlineSent => {
  person(world, userId)
  return sentState(world, lines(() => sendPrepared(world, userId, input)))
}

/** The keyboard buttons bots prepared for a person. */
export const preparedButtons = (world: World, userId: number): Array<PreparedButtonState> =>
  [...world.inline.preparedButtons.values()].filter((prepared) => prepared.userId === userId).map((prepared) =>
    JSON.parse(preparedButtonJson(prepared)) as PreparedButtonState
  )

/** A person mentions guest bots in a group: the Message and the guest queries. */
export const mentionGuestBots = (
  world: World,
  userId: number,
  input: GuestMessageInput
): { readonly message: Message; readonly guest_query_ids: ReadonlyArray<string> } => {
  person(world, userId)
  const mention = lines(() => mentionGuests(world, userId, input))
  return {
    message: asMessage(messageJson(world, mention.message, undefined, undefined)),
    guest_query_ids: mention.queries.map((query) => query.id)
  }
}

/** A guest query's state. */
export const guestQueryState = (world: World, id: string): GuestQueryState | undefined => {
  const query = world.inline.guestQueries.get(id)
  if (query === undefined) return undefined
  const base = {
    guest_query_id: query.id,
    bot_id: query.botId,
    user_id: query.userId,
    chat_id: query.destination.chat.id,
    message_id: query.messageId,
    answered: query.answer !== undefined
  }
  return query.answer === undefined
    ? base
    : { ...base, answer_message_id: query.answer.messageId, inline_message_id: query.answer.inlineMessageId }
}
