/**
 * A person's emoji status and the bots they let set it (setUserEmojiStatus; the person allows a bot through a Mini
 * App's requestEmojiStatusAccess, which the control API stands in for).
 */
import type { World } from "./World.js"

/** What a person shows beside their name, and who may change it. */
export interface UserStatusRecord {
  /** "" when the person shows no custom emoji status. */
  customEmojiId: string
  /** Unix time in seconds when the status ends; 0 for never. */
  expirationDate: number
  /** Bots the person allowed to change it. */
  readonly allowedBots: Set<number>
}

/** The person's status record, made on first use. */
export const userStatus = (world: World, userId: number): UserStatusRecord => {
  let record = world.userStatuses.get(userId)
  if (record === undefined) {
    record = { customEmojiId: "", expirationDate: 0, allowedBots: new Set() }
    world.userStatuses.set(userId, record)
  }
  return record
}

/** The emoji status shown now, if any (an expired one is gone). */
export const shownEmojiStatus = (
  world: World,
  userId: number
): { readonly customEmojiId: string; readonly expirationDate: number } | undefined => {
  const record = world.userStatuses.get(userId)
  if (record === undefined || record.customEmojiId === "") return undefined
  const expired = record.expirationDate !== 0 && record.expirationDate * 1000 <= world.clock.now()
  return expired ? undefined : record
}
