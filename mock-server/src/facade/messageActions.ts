/**
 * What people do with messages, from TypeScript: edit their own, forward one to a bot or a chat, vote in a poll,
 * react. Each validates its input (one line per wrong field), acts on the mock's current world and tells the
 * watchers; the same operations as the control API's people routes.
 */
import type { Message, Poll } from "@grammyjs/types"
import * as Decode from "../decode/control.js"
import * as People from "../people/operations.js"
import { type HasInternals, INTERNALS, orThrow } from "./internals.js"

/** People's actions on messages, as MockTelegram methods. */
export interface MessageActionMethods {
  /** A person edits their text message (`{ message_id, text, chat_id?, bot_id? }`): `edited_message`; the Message. */
  editMessage(userId: number, input: Decode.EditInput): Message
  /** A person forwards a message they can see (`{ from_chat_id, message_id, from_bot_id?, chat_id?, bot_id? }`). */
  forwardMessage(userId: number, input: Decode.ForwardInput): Message
  /** A person votes in a poll (`{ message_id, option_ids, chat_id?, bot_id? }`; `[]` retracts); the Poll. */
  vote(userId: number, input: Decode.VoteInput): Poll
  /** A person sets their reactions on a message (`{ message_id, reaction, chat_id?, bot_id? }`; `[]` removes). */
  react(userId: number, input: Decode.ReactInput): true
}

/** MessageActionMethods, for MockTelegram's prototype. */
export const messageActionMethods: MessageActionMethods & ThisType<HasInternals> = {
  editMessage(userId, input) {
    const body = orThrow(Decode.decodeEdit(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.editMessage(world(), userId, body),
      (message) => ({ action: "edit", user_id: userId, chat_id: message.chat.id, text: body.text.slice(0, 200) })
    )
  },

  forwardMessage(userId, input) {
    const body = orThrow(Decode.decodeForward(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.forwardMessage(world(), userId, body),
      (message) => ({ action: "forward", user_id: userId, chat_id: message.chat.id })
    )
  },

  vote(userId, input) {
    const body = orThrow(Decode.decodeVote(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => People.vote(world(), userId, body),
      () => ({ action: "vote", user_id: userId, text: JSON.stringify(body.option_ids) })
    )
  },

  react(userId, input) {
    const body = orThrow(Decode.decodeReact(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => People.react(world(), userId, body), () => ({ action: "react", user_id: userId }))
  }
}
