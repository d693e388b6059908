/**
 * Inline mode from TypeScript: a bot's BotFather settings (inline mode, inline feedback, guest mode); a person's
 * inline query, their pick, a Mini App they open, a prepared message they send, a guest bot they mention; and the
 * reads of each (a query with the bot's answer, an inline message, a Mini App query, what bots prepared, a guest
 * query). The same operations as the control API's inline routes; input validated (MockInputError), actions told to
 * the watchers.
 */
import type { Message } from "@grammyjs/types"
import {
  type BotSettingsInput,
  type ChooseInlineInput,
  decodeBotSettings,
  decodeChooseInline,
  decodeGuestMessage,
  decodeInlineQuery,
  decodeSendPrepared,
  decodeWebApp,
  type GuestMessageInput,
  type InlineQueryInput,
  type SendPreparedInput,
  type WebAppInput
} from "../decode/inline.js"
import * as Inline from "../people/inlineOperations.js"
import type {
  BotSettings,
  GuestQueryState,
  InlineMessageState,
  InlineQueryState,
  InlineSent,
  PreparedButtonState,
  PreparedMessageState,
  WebAppQueryState
} from "../people/inlineOperations.js"
import { type HasInternals, INTERNALS, orThrow } from "./internals.js"

/** Inline mode, as MockTelegram methods. */
export interface InlineMethods {
  /** A bot's BotFather settings: inline mode, inline feedback, guest mode. */
  botSettings(botId: number): BotSettings
  /** Switches a bot's settings (`{ supports_inline_queries?, inline_feedback?, supports_guest_queries? }`). */
  setBotSettings(botId: number, input: BotSettingsInput): BotSettings
  /**
   * A person types an inline query (`{ query, offset?, bot_id?, chat_id?, chat_type?, location? }`): the bot gets
   * `inline_query`, unless Telegram answers from the cache of an earlier answer. The query's state.
   */
  sendInlineQuery(userId: number, input: InlineQueryInput): InlineQueryState
  /** An inline query and the bot's answer (answerInlineQuery), while it is kept. */
  inlineQuery(id: string): InlineQueryState | undefined
  /**
   * A person picks a result of the bot's answer (`{ inline_query_id, result_id }`): it is sent from them via the bot
   * to the chat of the query (`chosen_inline_result` to the bot when its inline feedback is on).
   */
  chooseInlineResult(userId: number, input: ChooseInlineInput): InlineSent
  /** A message sent through inline mode, by its inline_message_id. */
  inlineMessage(id: string): InlineMessageState | undefined
  /** A person opens a bot's Mini App (`{ bot_id?, chat_id? }`): the query its answerWebAppQuery answers. */
  openWebApp(userId: number, input: WebAppInput): WebAppQueryState
  /** A Mini App query and the bot's answer. */
  webAppQuery(id: string): WebAppQueryState | undefined
  /** The messages bots prepared for a person (savePreparedInlineMessage) that have not expired. */
  preparedMessages(userId: number): Array<PreparedMessageState>
  /** A person sends a prepared message (`{ id, chat_id?, bot_id? }`), from them via the bot. */
  sendPreparedMessage(userId: number, input: SendPreparedInput): InlineSent
  /** The keyboard buttons bots prepared for a person (savePreparedKeyboardButton). */
  preparedButtons(userId: number): Array<PreparedButtonState>
  /**
   * A person mentions guest bots in a group (`{ text, chat_id }`): the message is sent, and each mentioned bot with
   * guest mode on that is not in the chat gets `guest_message`. The Message and the guest queries' ids.
   */
  sendGuestMessage(
    userId: number,
    input: GuestMessageInput
  ): { readonly message: Message; readonly guest_query_ids: ReadonlyArray<string> }
  /** A guest query and the bot's answer (answerGuestQuery). */
  guestQuery(id: string): GuestQueryState | undefined
}

/** InlineMethods, for MockTelegram's prototype. */
export const inlineMethods: InlineMethods & ThisType<HasInternals> = {
  botSettings(botId) {
    return Inline.botSettings(this[INTERNALS].world(), botId)
  },

  setBotSettings(botId, input) {
    const body = orThrow(decodeBotSettings(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => Inline.setBotSettings(world(), botId, body), () => ({ action: "bot_settings", user_id: botId }))
  },

  sendInlineQuery(userId, input) {
    const body = orThrow(decodeInlineQuery(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => Inline.askInline(world(), userId, body), (query) => ({
      action: "inline_query",
      user_id: userId,
      text: body.query.slice(0, 200),
      result: query.inline_query_id
    }))
  },

  inlineQuery(id) {
    return Inline.inlineQueryState(this[INTERNALS].world(), id)
  },

  chooseInlineResult(userId, input) {
    const body = orThrow(decodeChooseInline(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => Inline.chooseResult(world(), userId, body), (sent) => ({
      action: "choose_inline_result",
      user_id: userId,
      text: body.result_id,
      ...(sent.message === null ? {} : { chat_id: sent.message.chat.id })
    }))
  },

  inlineMessage(id) {
    return Inline.inlineMessageState(this[INTERNALS].world(), id)
  },

  openWebApp(userId, input) {
    const body = orThrow(decodeWebApp(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => Inline.openMiniApp(world(), userId, body), (query) => ({
      action: "open_web_app",
      user_id: userId,
      chat_id: query.chat_id,
      result: query.web_app_query_id
    }))
  },

  webAppQuery(id) {
    return Inline.webAppQueryState(this[INTERNALS].world(), id)
  },

  preparedMessages(userId) {
    return Inline.preparedMessages(this[INTERNALS].world(), userId)
  },

  sendPreparedMessage(userId, input) {
    const body = orThrow(decodeSendPrepared(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => Inline.sendPreparedMessage(world(), userId, body), (sent) => ({
      action: "send_prepared",
      user_id: userId,
      ...(sent.message === null ? {} : { chat_id: sent.message.chat.id })
    }))
  },

  preparedButtons(userId) {
    return Inline.preparedButtons(this[INTERNALS].world(), userId)
  },

  sendGuestMessage(userId, input) {
    const body = orThrow(decodeGuestMessage(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => Inline.mentionGuestBots(world(), userId, body), () => ({
      action: "guest_message",
      user_id: userId,
      chat_id: body.chat_id,
      text: body.text.slice(0, 200)
    }))
  },

  guestQuery(id) {
    return Inline.guestQueryState(this[INTERNALS].world(), id)
  }
}
