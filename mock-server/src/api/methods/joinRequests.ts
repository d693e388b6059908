/**
 * approveChatJoinRequest and declineChatJoinRequest (telegram-wire-bots.md §12): user_id, write access, then TDLib's
 * checks (a private chat has no requests; the bot needs can_invite_users), then Telegram's (already in, no request).
 */
import { isInChat } from "../../events/recipients.js"
import { changeStanding, dropJoinRequest } from "../../events/standing.js"
import { standing } from "../../world/members.js"
import { writableChat } from "../chatAccess.js"
import { apiError, isApiError } from "../envelope.js"
import { type Call, floodRefusal, type MethodFamily } from "./common.js"
import { userIdParam } from "./members.js"

const processRequest = (call: Call, approve: boolean) => {
  const userId = userIdParam(call)
  if (isApiError(userId)) return userId
  const chat = writableChat(call.world, call.params.get("chat_id"), call.botId)
  if (isApiError(chat)) return chat
  if (chat.type === "private") return apiError(400, "Bad Request: the chat can't have join requests")
  const bot = standing(chat, call.botId)
  if (bot.status !== "creator" && !(bot.status === "administrator" && bot.rights.can_invite_users === true)) {
    return apiError(400, "Bad Request: not enough rights to manage chat join requests")
  }
  if (isInChat(standing(chat, userId))) return apiError(400, "Bad Request: USER_ALREADY_PARTICIPANT")
  const request = chat.joinRequests.get(userId)
  if (request === undefined) return apiError(400, "Bad Request: HIDE_REQUESTER_MISSING")
  const refusal = floodRefusal(call, chat)
  if (refusal !== undefined) return refusal
  dropJoinRequest(chat, userId)
  if (approve) {
    if (request.link !== undefined) request.link.joinedCount++
    changeStanding(call.world, chat, userId, { status: "member", rights: {} }, userId, {
      link: request.link,
      viaJoinRequest: true
    })
  }
  return "true"
}

/** approveChatJoinRequest, declineChatJoinRequest. */
export const joinRequestMethods: MethodFamily = {
  approveChatJoinRequest: (call) => processRequest(call, true),
  declineChatJoinRequest: (call) => processRequest(call, false)
}
