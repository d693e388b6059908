/** People's (and bots' and chats') Stars, as a test sets them: the balances `star_balances` declares in a world file. */
import { MockInputError } from "../MockInputError.js"
import { starsOf } from "../world/gifts.js"
import type { World } from "../world/World.js"
import type { StarBalance } from "../WorldSnapshotTail.js"

/** Sets the Stars of a user, a bot or a chat of the world. */
export const setStars = (world: World, ownerId: number, amount: number): StarBalance => {
  if (!world.users.has(ownerId) && !world.chats.has(ownerId)) {
    throw new MockInputError([`owner_id: no user or chat ${ownerId} in this world`])
  }
  world.tail.stars.set(ownerId, amount)
  return { owner_id: ownerId, amount }
}

/** The Stars of a user, a bot or a chat (0 when none). */
export const starBalance = (world: World, ownerId: number): StarBalance => ({
  owner_id: ownerId,
  amount: starsOf(world, ownerId)
})
