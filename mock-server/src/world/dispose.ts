/**
 * A world being replaced (reset, a new world): its timers stop, its parked polls answer `[]`, its webhooks stop; each
 * bot's next update id is kept for the world that follows.
 */
import { cancelTimers } from "./timers.js"
import { removeWebhook } from "./updates/webhook.js"
import type { World } from "./World.js"

/** Stops everything a world still does. */
export const disposeWorld = (world: World): void => {
  cancelTimers(world)
  for (const state of world.botStates.values()) {
    world.env.nextUpdateIds.set(state.botId, state.queue.nextId)
    const poll = state.poll
    state.poll = undefined
    if (poll !== undefined) {
      poll.abortedWith = ""
      poll.wake()
    }
    removeWebhook(world, state)
  }
}
