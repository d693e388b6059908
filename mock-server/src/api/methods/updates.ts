/**
 * getUpdates (telegram-wire-bots.md §9): offset (negative, future, confirming), limit and timeout clamps,
 * allowed_updates, the long poll parked on the mock's clock (one per bot: a second one ends the first with 409), the
 * 409 while a webhook is set, and the real server's optional 3 s conflict delay and busy-loop guard.
 */
import { startTimer } from "../../world/timers.js"
import type { BotState, ParkedPoll } from "../../world/updates/botState.js"
import { updateJson } from "../../world/updates/UpdateQueue.js"
import { parseAllowedUpdates } from "../../world/updates/updateTypes.js"
import type { World } from "../../world/World.js"
import { apiError, type Outcome } from "../envelope.js"
import { laterBy, makeLater } from "../later.js"
import { commit, method, methods } from "../table/method.js"
import { custom, int, raw } from "../table/params.js"

const WEBHOOK_ACTIVE =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
const OTHER_GET_UPDATES =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
/** The most the real server writes in one answer (1 << 22 bytes, counting 50 more per update). */
const MAX_BODY = 1 << 22

/** Whether a 409 is answered now (and the next one waits), with the conflict delay switched on. */
const conflictNow = (world: World, state: BotState): boolean => {
  const now = world.clock.now()
  if (world.options.conflictDelay && now < state.nextConflictAt) return false
  state.nextConflictAt = now + 3000
  return true
}

/** A 409 answered now, or 3 s later (the conflict delay, when on). */
const conflict = (world: World, state: BotState, description: string): Outcome =>
  conflictNow(world, state) ? apiError(409, description) : laterBy(world, 3000, () => apiError(409, description))

/** Ends the bot's parked poll with a 409 (another poll, setWebhook), or with `[]` (description ""). */
export const abortPoll = (world: World, state: BotState, description: string): void => {
  const poll = state.poll
  if (poll === undefined) return
  state.poll = undefined
  poll.abortedWith = description
  if (description === "" || conflictNow(world, state)) poll.wake()
  else startTimer(world, world.clock.now() + 3000, poll.wake)
}

/** The updates from `offset` (confirming the older ones), as the answer's JSON. */
const readUpdates = (world: World, state: BotState, offset: number, limit: number): string => {
  const updates = state.queue.read(offset, true, limit, Math.floor(world.clock.now() / 1000))
  let left = MAX_BODY
  const parts: Array<string> = []
  for (const update of updates) {
    left -= 50 + update.body.length
    if (left <= 0) break
    parts.push(updateJson(update))
  }
  return `[${parts.join(",")}]`
}

/** Parks a poll until an update, its timeout, or an abort. */
const park = (world: World, state: BotState, offset: number, limit: number, timeout: number): Outcome => {
  abortPoll(world, state, OTHER_GET_UPDATES)
  const timer: { cancel?: () => void } = {}
  const poll: ParkedPoll = {
    offset,
    limit,
    abortedWith: undefined,
    wake: () => {
      if (state.poll === poll) state.poll = undefined
      timer.cancel?.()
      fire()
    }
  }
  const { fire, later } = makeLater(() => {
    if (poll.abortedWith === undefined) return readUpdates(world, state, offset, limit)
    return poll.abortedWith === "" ? "[]" : apiError(409, poll.abortedWith)
  }, () => {
    if (state.poll === poll) state.poll = undefined
    timer.cancel?.()
  })
  state.poll = poll
  timer.cancel = startTimer(world, world.clock.now() + timeout * 1000, poll.wake)
  return later
}

/** allowed_updates, shared with setWebhook: 0 keeps the bot's setting (telegram-wire-bots.md §9). */
export const allowedUpdates = custom("Array of String", (input) => parseAllowedUpdates(raw(input)), {
  note: "a JSON array of update types; anything else keeps the setting"
})

/** getUpdates. */
export const updateMethods = methods({
  getUpdates: method({
    family: "updates",
    summary: "long polling on the mock's clock: offset confirms, limit and timeout clamped, one poll per bot",
    params: {
      offset: int({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      limit: int({ min: 1, max: 100, default: 100 }),
      timeout: int({ min: 0, max: 50 }),
      allowed_updates: allowedUpdates
    },
    run: (p, call) => {
      const { world } = call
      const state = world.botStates.get(call.botId)!
      if (state.webhook !== undefined) return conflict(world, state, WEBHOOK_ACTIVE)
      let offset = p.offset
      let limit = p.limit
      let timeout = p.timeout
      if (p.allowed_updates !== 0) state.allowedUpdates = p.allowed_updates
      const now = world.clock.now()
      if (world.options.busyLoopGuard && offset === state.previousOffset) {
        if (timeout < 3 && now < state.previousPollAt + 3000) timeout = 3
        if (now < state.previousPollAt + 500) limit = 1
      }
      state.previousOffset = offset
      state.previousPollAt = now
      return commit(undefined, () => {
        if (offset < 0) state.queue.keepNewest(-offset)
        if (offset <= 0) offset = state.queue.head
        const answer = readUpdates(world, state, offset, limit)
        if (timeout === 0 || answer !== "[]") return answer
        return park(world, state, offset, limit, timeout)
      })
    }
  })
})
