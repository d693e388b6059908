/** Methods that read a chat. */
import { chatFullInfoJson } from "../../wire/chat.js"
import { primaryLink, replacePrimaryLink } from "../../world/inviteLinks.js"
import { canManageInviteLinks } from "../../world/members.js"
import { resolveChat } from "../chatAccess.js"
import { isApiError } from "../envelope.js"
import { floodRefusal, type MethodFamily } from "./common.js"

/** getChat. */
export const chatMethods: MethodFamily = {
  getChat: (call) => {
    const chat = resolveChat(call.world, call.params.get("chat_id"))
    if (isApiError(chat)) return chat
    const refusal = floodRefusal(call, chat)
    if (refusal) return refusal
    let inviteLink: string | undefined
    const usable = chat.type !== "private" && chat.migratedTo === undefined && !chat.deleted
    if (usable && canManageInviteLinks(chat, call.botId)) {
      // A bot that may manage links and has no primary link gets one (as the Bot API docs suggest).
      inviteLink = (primaryLink(chat, call.botId) ?? replacePrimaryLink(call.world, chat, call.botId)).url
    }
    return chatFullInfoJson(call.world, chat, inviteLink)
  }
}
