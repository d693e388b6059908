/**
 * close and logOut (Client.cpp on_cmd, get_closing_error, finish_closing; answered before the method table in the
 * real server). `close` ends the bot's client: a waiting getUpdates is answered at once, the queue and the webhook
 * stay; a client started more than 10 minutes after the server can be closed only once it has run for 10 minutes
 * (429 with the seconds left). `logOut` drops the bot's updates and webhook and answers every later request of the
 * bot `400 Logged out` until it may log in again.
 */
import { botSession, closeWait, markClosed, markLoggedOut } from "../../world/botSession.js"
import { removeWebhook } from "../../world/updates/webhook.js"
import type { World } from "../../world/World.js"
import { floodError } from "../envelope.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { abortPoll } from "./updates.js"

/** The bot's token (the world holds exactly one per bot). */
const tokenOf = (world: World, botId: number): string => world.bots.find((bot) => bot.user_id === botId)!.token

const session = (call: Call) => botSession(call.world, call.botId, tokenOf(call.world, call.botId))

/** close, logOut. */
export const sessionMethods = methods({
  close: method({
    family: "updates",
    summary: "closes the bot's client (a waiting getUpdates answers at once); 429 within its first 10 minutes",
    params: {},
    run: (_, call) => {
      const current = session(call)
      const wait = closeWait(call.world, current)
      if (wait > 0) return floodError(wait)
      return commit(undefined, () => {
        const state = call.world.botStates.get(call.botId)
        if (state !== undefined) abortPoll(call.world, state, "")
        markClosed(call.world, current)
        return "true"
      })
    }
  }),

  logOut: method({
    family: "updates",
    summary: "logs the bot out: its updates and webhook are dropped; its requests answer `400 Logged out` for a while",
    params: {},
    run: (_, call) =>
      commit(undefined, () => {
        const { world, botId } = call
        const state = world.botStates.get(botId)
        if (state !== undefined) {
          abortPoll(world, state, "")
          removeWebhook(world, state)
          state.queue.clear()
        }
        markLoggedOut(world, session(call))
        return "true"
      })
  })
})
