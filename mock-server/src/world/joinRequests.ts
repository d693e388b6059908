/** What a pending join request opens: a bot that got it may write to the person first, for a while. */
import { standing } from "./members.js"
import type { World } from "./World.js"

/** How long (ms) a join request lets the bots that got it write to the person first (the Bot API's 5 minutes). */
const REQUEST_WINDOW_MS = 5 * 60 * 1000

/**
 * True while a pending join request lets the bot write to the person first: made at most 5 minutes ago, in a chat
 * the bot administers with can_invite_users (so it got the request).
 */
export const joinRequestOpensChat = (world: World, userId: number, botId: number): boolean => {
  const now = world.clock.now()
  for (const chat of world.chats.values()) {
    const request = chat.joinRequests.get(userId)
    if (request === undefined || now - request.date * 1000 > REQUEST_WINDOW_MS) continue
    const bot = standing(chat, botId)
    if (bot.status === "creator" || (bot.status === "administrator" && bot.rights.can_invite_users === true)) {
      return true
    }
  }
  return false
}
