/**
 * Pinned messages: each message log's pinned ids in the order they were pinned (the last is the chat's
 * `pinned_message`). Kept beside the logs: a private chat pins per conversation, a group for everyone.
 */
import type { MessageLog } from "./messages.js"

const pinsByLog = new WeakMap<MessageLog, Array<number>>()

const pinsOf = (log: MessageLog): Array<number> => {
  let pins = pinsByLog.get(log)
  if (pins === undefined) pinsByLog.set(log, pins = [])
  return pins
}

/** Pins a message (again: it becomes the latest). */
export const pin = (log: MessageLog, messageId: number): void => {
  const pins = pinsOf(log)
  const at = pins.indexOf(messageId)
  if (at !== -1) pins.splice(at, 1)
  pins.push(messageId)
}

/** Unpins a message; false when it was not pinned. */
export const unpin = (log: MessageLog, messageId: number): boolean => {
  const pins = pinsOf(log)
  const at = pins.indexOf(messageId)
  if (at === -1) return false
  pins.splice(at, 1)
  return true
}

/** Unpins every message of the log. */
export const unpinAll = (log: MessageLog): void => {
  pinsByLog.delete(log)
}

/** Unpins the messages of the log that `inTopic` picks (a forum topic's, by their thread id). */
export const unpinWhere = (log: MessageLog, inTopic: (threadId: number | undefined) => boolean): void => {
  const pins = pinsByLog.get(log)
  if (pins === undefined) return
  pinsByLog.set(log, pins.filter((id) => !inTopic(log.messages.get(id)?.threadId)))
}

/** The latest pinned message still in the log, if any. */
export const latestPin = (log: MessageLog): number | undefined => {
  const pins = pinsByLog.get(log) ?? []
  for (let i = pins.length - 1; i >= 0; i--) if (log.messages.has(pins[i]!)) return pins[i]
  return undefined
}
