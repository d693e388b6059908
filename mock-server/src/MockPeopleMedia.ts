/**
 * What people send besides text, and the dice and chat actions of the media methods, as MockTelegram's methods (its
 * base class, so that the facade stays a list of operations of a readable length): each decodes its input (a
 * MockInputError names every wrong field), acts on the live world and tells the watchers.
 */
import type { Message } from "@grammyjs/types"
import * as MediaInput from "./decode/peopleMedia.js"
import type { MockActionEvent } from "./MockEvents.js"
import { orThrow } from "./MockOptions.js"
import * as PeopleMedia from "./people/media.js"
import type { ChatActionRecord } from "./world/mediaState.js"
import type { World } from "./world/World.js"

/** MockTelegram's media operations for people and tests. */
export abstract class MockPeopleMedia {
  /** The live world. */
  protected abstract get live(): World
  /** Runs an action, telling the watchers of it. */
  protected abstract acted<A>(run: () => A, describe: (result: A) => Omit<MockActionEvent, "kind" | "at">): A
  /** Tells the watchers of an action. */
  protected abstract told(action: string, fields?: Omit<MockActionEvent, "kind" | "at" | "action">): void

  /** A person sends a file (`{kind, file: base64 or bytes, file_name?, caption?, chat_id?, …}`); the Message. */
  sendFile(userId: number, input: MediaInput.SendFileInput): Message {
    const body = orThrow(MediaInput.decodeSendFile(input))
    return this.acted(
      () => PeopleMedia.sendFile(this.live, userId, body),
      (m) => PeopleMedia.sentEvent("send_file", m)
    )
  }

  /** A person shares a location (live with `live_period`; a venue with `title` and `address`); the Message. */
  sendLocation(userId: number, input: MediaInput.SendLocationInput): Message {
    const body = orThrow(MediaInput.decodeSendLocation(input))
    return this.acted(
      () => PeopleMedia.sendLocation(this.live, userId, body),
      (m) => PeopleMedia.sentEvent("send_location", m)
    )
  }

  /** A person shares a contact (`{phone_number, first_name, last_name?, vcard?, user_id?, …}`); the Message. */
  sendContact(userId: number, input: MediaInput.SendContactInput): Message {
    const body = orThrow(MediaInput.decodeSendContact(input))
    return this.acted(
      () => PeopleMedia.sendContact(this.live, userId, body),
      (m) => PeopleMedia.sentEvent("send_contact", m)
    )
  }

  /** A person throws a dice (`{emoji?, value?, …}`: the value named, else the world's); the Message. */
  sendDice(userId: number, input: MediaInput.SendDiceInput = {}): Message {
    const body = orThrow(MediaInput.decodeSendDice(input))
    return this.acted(
      () => PeopleMedia.sendDice(this.live, userId, body),
      (m) => PeopleMedia.sentEvent("send_dice", m)
    )
  }

  /** The values the next dice throws show (bots' and people's), in order; each is brought into its emoji's range. */
  queueDice(input: MediaInput.DiceQueueInput): true {
    this.live.media.diceQueue.push(...orThrow(MediaInput.decodeDiceQueue(input)).values)
    this.told("queue_dice", { result: input.values.join(",") })
    return true
  }

  /** The chat actions and drafts the bots sent, oldest first (copies; the last 1000). */
  chatActions(): Array<ChatActionRecord> {
    return this.live.media.chatActions.map((record) => ({ ...record }))
  }
}
