/**
 * The people of the world, from TypeScript: add a person; a person writes, presses a button, joins through a link,
 * leaves, blocks a bot. The same operations as the control API's people routes: input validated (a refusal throws
 * MockInputError naming each wrong field and changes nothing), each told to the mock's watchers.
 */
import type { Message } from "@grammyjs/types"
import { decodeEmojiStatusAccess, type EmojiStatusAccessInput } from "../decode/adminControl.js"
import {
  type BlockInput,
  decodeBlock,
  decodeJoin,
  decodeLeave,
  decodeNewUser,
  decodePress,
  decodeSend,
  type JoinInput,
  type LeaveInput,
  type NewUser,
  type PressInput,
  type SendInput
} from "../decode/control.js"
import { allowEmojiStatus } from "../people/forums.js"
import type { JoinOutcome } from "../people/joins.js"
import * as People from "../people/operations.js"
import type { User } from "../WorldSnapshot.js"
import { type HasInternals, INTERNALS, orThrow } from "./internals.js"

/** What people do, as MockTelegram methods. */
export interface PeopleMethods {
  /** Adds a person: `{ id, first_name, last_name?, username? }`; returns the User. */
  addUser(input: NewUser): User
  /** A person sends a message (`{ text, chat_id?, bot_id?, reply_to_message_id? }`); returns the Message. */
  send(userId: number, input: SendInput): Message
  /** A person presses an inline button (`{ message_id, data, chat_id?, bot_id? }`): a callback_query to the bot. */
  press(userId: number, input: PressInput): { callback_query_id: string }
  /** A person opens an invite link: member, requested, or what Telegram tells them (never throws for that). */
  join(userId: number, input: JoinInput): JoinOutcome
  /** A person leaves a chat. */
  leave(userId: number, input: LeaveInput): true
  /** A person blocks a bot (the world's first unless `bot_id` names one). */
  block(userId: number, input?: BlockInput): true
  /** A person lets a bot (the world's first unless `bot_id`) set their emoji status, or not (`allowed: false`). */
  allowEmojiStatus(userId: number, input?: EmojiStatusAccessInput): true
}

/** PeopleMethods, for MockTelegram's prototype. */
export const peopleMethods: PeopleMethods & ThisType<HasInternals> = {
  addUser(input) {
    const user = orThrow(decodeNewUser(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.addUser(world(), user),
      (added) => ({ action: "add_user", user_id: added.id, text: added.first_name })
    )
  },

  send(userId, input) {
    const body = orThrow(decodeSend(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.send(world(), userId, body),
      (message) => ({ action: "send", user_id: userId, chat_id: message.chat.id, text: body.text.slice(0, 200) })
    )
  },

  press(userId, input) {
    const body = orThrow(decodePress(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.pressButton(world(), userId, body),
      () => ({ action: "press", user_id: userId, text: body.data.slice(0, 64) })
    )
  },

  join(userId, input) {
    const body = orThrow(decodeJoin(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => People.join(world(), userId, body), (outcome) => ({
      action: "join",
      user_id: userId,
      ...(outcome.ok ? { chat_id: outcome.chat_id, result: outcome.status } : { result: outcome.description })
    }))
  },

  leave(userId, input) {
    const body = orThrow(decodeLeave(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.leaveChat(world(), userId, body),
      () => ({ action: "leave", user_id: userId, chat_id: body.chat_id })
    )
  },

  block(userId, input = {}) {
    const body = orThrow(decodeBlock(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => People.blockBot(world(), userId, body), () => ({ action: "block", user_id: userId }))
  },

  allowEmojiStatus(userId, input = {}) {
    const body = orThrow(decodeEmojiStatusAccess(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => allowEmojiStatus(world(), userId, body),
      () => ({ action: "emoji_status_access", user_id: userId })
    )
  }
}
