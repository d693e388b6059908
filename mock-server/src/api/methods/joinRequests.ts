/**
 * approveChatJoinRequest and declineChatJoinRequest (telegram-wire-bots.md §12): user_id, write access, then TDLib's
 * checks (a private chat has no requests; the bot needs can_invite_users), then Telegram's (already in, no request).
 */
import { isInChat } from "../../events/recipients.js"
import { changeStanding, dropJoinRequest } from "../../events/standing.js"
import { standing } from "../../world/members.js"
import { apiError } from "../envelope.js"
import { type Call, commit, method, type MethodEntry, methods } from "../table/method.js"
import { chat, userId } from "../table/params.js"

const processRequest = (approve: boolean): MethodEntry =>
  method({
    family: "administration",
    summary: approve
      ? "lets a person in through their join request (chat_member and the service message follow)"
      : "turns a person's join request down",
    params: { user_id: userId, chat_id: chat("write") },
    run: (p, call: Call) => {
      const chat = p.chat_id
      const userId = p.user_id
      if (chat.type === "private") return apiError(400, "Bad Request: the chat can't have join requests")
      const bot = standing(chat, call.botId)
      if (bot.status !== "creator" && !(bot.status === "administrator" && bot.rights.can_invite_users === true)) {
        return apiError(400, "Bad Request: not enough rights to manage chat join requests")
      }
      if (isInChat(standing(chat, userId))) return apiError(400, "Bad Request: USER_ALREADY_PARTICIPANT")
      const request = chat.joinRequests.get(userId)
      if (request === undefined) return apiError(400, "Bad Request: HIDE_REQUESTER_MISSING")
      return commit(chat, () => {
        dropJoinRequest(chat, userId)
        if (approve) {
          if (request.link !== undefined) request.link.joinedCount++
          changeStanding(call.world, chat, userId, { status: "member", rights: {} }, userId, {
            link: request.link,
            viaJoinRequest: true
          })
        }
        return "true"
      })
    }
  })

/** approveChatJoinRequest, declineChatJoinRequest. */
export const joinRequestMethods = methods({
  approveChatJoinRequest: processRequest(true),
  declineChatJoinRequest: processRequest(false)
})
