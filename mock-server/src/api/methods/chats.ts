/** Reading a chat: getChat. */
import { chatFullInfoJson } from "../../wire/chat.js"
import { chatPinnedJson } from "../../wire/pins.js"
import { primaryLink, replacePrimaryLink } from "../../world/inviteLinks.js"
import { canManageInviteLinks } from "../../world/members.js"
import { resolveChat } from "../chatAccess.js"
import { commit, method, methods } from "../table/method.js"
import { custom, raw } from "../table/params.js"

/** getChat. */
export const chatMethods = methods({
  getChat: method({
    family: "administration",
    summary: "ChatFullInfo, with `invite_link` (made on first use when the bot may manage links)",
    // Any chat the world has, even one the bot is not in (the real server reads it from TDLib's cache).
    params: {
      chat_id: custom("Integer or String", (input) => resolveChat(input.call.world, raw(input)), { required: true })
    },
    run: ({ chat_id: chat }, call) =>
      commit(chat, () => {
        let inviteLink: string | undefined
        const usable = chat.type !== "private" && chat.migratedTo === undefined && !chat.deleted
        if (usable && canManageInviteLinks(chat, call.botId)) {
          // A bot that may manage links and has no primary link gets one (as the Bot API docs suggest).
          inviteLink = (primaryLink(chat, call.botId) ?? replacePrimaryLink(call.world, chat, call.botId)).url
        }
        return chatFullInfoJson(call.world, chat, inviteLink, call.botId, chatPinnedJson(call.world, chat, call.botId))
      })
  })
})
