/**
 * What people do with messages, as MockTelegram's methods: edit their own, forward one to a bot or a chat, vote in a
 * poll, react. Each validates its input (one line per wrong field), acts on the mock's current world and tells the
 * watchers. A base of the facade, so that MockTelegram.ts stays one concern per file.
 */
import type { Message, Poll } from "@grammyjs/types"
import * as Decode from "./decode/control.js"
import type { MockActionEvent } from "./MockEvents.js"
import { orThrow } from "./MockOptions.js"
import * as People from "./people/operations.js"
import type { World } from "./world/World.js"

/** People's actions on messages; MockTelegram gives the world and the way actions are told. */
export abstract class MessageActions {
  /** The world the actions change. */
  protected abstract current: World
  /** Runs an action, telling the watchers of it before what it caused. */
  protected abstract acted<A>(run: () => A, describe: (result: A) => Omit<MockActionEvent, "kind" | "at">): A

  /** A person edits their text message (`{ message_id, text, chat_id?, bot_id? }`): `edited_message`; the Message. */
  editMessage(userId: number, input: Decode.EditInput): Message {
    const body = orThrow(Decode.decodeEdit(input))
    return this.acted(
      () => People.editMessage(this.current, userId, body),
      (message) => ({ action: "edit", user_id: userId, chat_id: message.chat.id, text: body.text.slice(0, 200) })
    )
  }

  /** A person forwards a message they can see (`{ from_chat_id, message_id, from_bot_id?, chat_id?, bot_id? }`). */
  forwardMessage(userId: number, input: Decode.ForwardInput): Message {
    const body = orThrow(Decode.decodeForward(input))
    return this.acted(
      () => People.forwardMessage(this.current, userId, body),
      (message) => ({ action: "forward", user_id: userId, chat_id: message.chat.id })
    )
  }

  /** A person votes in a poll (`{ message_id, option_ids, chat_id?, bot_id? }`; `[]` retracts); the Poll. */
  vote(userId: number, input: Decode.VoteInput): Poll {
    const body = orThrow(Decode.decodeVote(input))
    return this.acted(
      () => People.vote(this.current, userId, body),
      () => ({ action: "vote", user_id: userId, text: JSON.stringify(body.option_ids) })
    )
  }

  /** A person sets their reactions on a message (`{ message_id, reaction, chat_id?, bot_id? }`; `[]` removes). */
  react(userId: number, input: Decode.ReactInput): true {
    const body = orThrow(Decode.decodeReact(input))
    return this.acted(() => People.react(this.current, userId, body), () => ({ action: "react", user_id: userId }))
  }
}
