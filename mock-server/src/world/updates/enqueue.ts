/** How an event reaches a bot: its update queued (if its allowed_updates take it), its long poll woken, its webhook fed. */
import type { World } from "../World.js"
import { updateJson } from "./UpdateQueue.js"
import { isAllowed } from "./updateTypes.js"
import { pumpWebhook } from "./webhook.js"

/**
 * How long an unconfirmed update lives (s): callback queries 150, inline queries 30, chosen inline results 600, the
 * others a day (telegram-wire-bots.md §9, telegram-wire-chats.md §18.1); shipping and pre-checkout queries 150
 * (Client.cpp add_new_shipping_query, add_new_pre_checkout_query).
 */
const TTL_SECONDS: Readonly<Record<string, number>> = {
  callback_query: 150,
  inline_query: 30,
  chosen_inline_result: 600,
  shipping_query: 150,
  pre_checkout_query: 150
}
const DAY = 86_400

/**
 * Queues an update for a bot (`body` is `"<type>":<JSON>`; `key` orders webhook deliveries). Dropped silently when
 * the bot is not one the mock answers for, its allowed_updates leave the type out, or its queue is full.
 */
export const enqueueUpdate = (world: World, botId: number, type: string, json: string, key: string): void => {
  const state = world.botStates.get(botId)
  if (state === undefined || !isAllowed(state.allowedUpdates, type)) return
  const now = world.clock.now()
  const expiresAt = Math.floor(now / 1000) + (TTL_SECONDS[type] ?? DAY)
  const update = state.queue.push(type, `"${type}":${json}`, key, expiresAt, now)
  if (update === undefined) return
  const observers = world.env.observers
  observers.record({
    kind: "update",
    seq: observers.nextSeq(),
    at: now,
    bot_id: botId,
    update_id: update.id,
    type,
    json: updateJson(update)
  })
  state.poll?.wake()
  pumpWebhook(world, state)
}

/** True when the bot would take an update of this type now (used to skip rendering what nobody receives). */
export const wantsUpdate = (world: World, botId: number, type: string): boolean => {
  const state = world.botStates.get(botId)
  return state !== undefined && isAllowed(state.allowedUpdates, type)
}
