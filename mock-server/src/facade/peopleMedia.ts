/**
 * What people send besides text, and the dice and chat actions of the media methods, from TypeScript: each decodes
 * its input (a MockInputError names every wrong field), acts on the live world and tells the watchers.
 */
import type { Message } from "@grammyjs/types"
import * as MediaInput from "../decode/peopleMedia.js"
import * as PeopleMedia from "../people/media.js"
import type { ChatActionRecord } from "../world/mediaState.js"
import { type HasInternals, INTERNALS, orThrow } from "./internals.js"

/** People's media and the media methods' records, as MockTelegram methods. */
export interface PeopleMediaMethods {
  /** A person sends a file (`{kind, file: base64 or bytes, file_name?, caption?, chat_id?, …}`); the Message. */
  sendFile(userId: number, input: MediaInput.SendFileInput): Message
  /** A person shares a location (live with `live_period`; a venue with `title` and `address`); the Message. */
  sendLocation(userId: number, input: MediaInput.SendLocationInput): Message
  /** A person shares a contact (`{phone_number, first_name, last_name?, vcard?, user_id?, …}`); the Message. */
  sendContact(userId: number, input: MediaInput.SendContactInput): Message
  /** A person throws a dice (`{emoji?, value?, …}`: the value named, else the world's); the Message. */
  sendDice(userId: number, input?: MediaInput.SendDiceInput): Message
  /** The values the next dice throws show (bots' and people's), in order; each is brought into its emoji's range. */
  queueDice(input: MediaInput.DiceQueueInput): true
  /** The chat actions and drafts the bots sent, oldest first (copies; the last 1000). */
  chatActions(): Array<ChatActionRecord>
}

/** PeopleMediaMethods, for MockTelegram's prototype. */
export const peopleMediaMethods: PeopleMediaMethods & ThisType<HasInternals> = {
  sendFile(userId, input) {
    const body = orThrow(MediaInput.decodeSendFile(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => PeopleMedia.sendFile(world(), userId, body), (m) => PeopleMedia.sentEvent("send_file", m))
  },

  sendLocation(userId, input) {
    const body = orThrow(MediaInput.decodeSendLocation(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => PeopleMedia.sendLocation(world(), userId, body),
      (m) => PeopleMedia.sentEvent("send_location", m)
    )
  },

  sendContact(userId, input) {
    const body = orThrow(MediaInput.decodeSendContact(input))
    const { acted, world } = this[INTERNALS]
    return acted(
      () => PeopleMedia.sendContact(world(), userId, body),
      (m) => PeopleMedia.sentEvent("send_contact", m)
    )
  },

  sendDice(userId, input = {}) {
    const body = orThrow(MediaInput.decodeSendDice(input))
    const { acted, world } = this[INTERNALS]
    return acted(() => PeopleMedia.sendDice(world(), userId, body), (m) => PeopleMedia.sentEvent("send_dice", m))
  },

  queueDice(input) {
    const values = orThrow(MediaInput.decodeDiceQueue(input)).values
    const { told, world } = this[INTERNALS]
    world().media.diceQueue.push(...values)
    told("queue_dice", { result: values.join(",") })
    return true
  },

  chatActions() {
    return this[INTERNALS].world().media.chatActions.map((record) => ({ ...record }))
  }
}
