/**
 * setChatTitle, setChatDescription, setChatStickerSet, deleteChatStickerSet and leaveChat
 * (telegram-wire-chats.md §16.7–16.9): the chat checked, then TDLib's rules (names cleaned and cut, rights to change
 * info) and Telegram's (`chat description is not modified`). A new title posts `new_chat_title`, which the bot gets
 * too; getChat shows the rest.
 */
import { postService } from "../../events/chatService.js"
import { isInChat } from "../../events/recipients.js"
import { changeStanding } from "../../events/standing.js"
import { cleanDescription, cleanName } from "../../internal/text.js"
import { canSetStickerSet } from "../../wire/chat.js"
import { standing } from "../../world/members.js"
import type { ChatRecord } from "../../world/World.js"
import { holds } from "../adminRights.js"
import { type ApiError, apiError } from "../envelope.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { chat, text } from "../table/params.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

/** The right to change a chat's info (a basic group's: only an appointed administrator's, as for every group). */
const mayChangeInfo = (chat: ChatRecord, call: Call): boolean => holds(chat, call.botId, "can_change_info")

/** A supergroup's sticker set: the type, the set's name, the right, whether the group may have one. */
const stickerSetRefusal = (chat: ChatRecord, call: Call, name: string | undefined): ApiError | undefined => {
  if (chat.type !== "supergroup") return bad("method is available only for supergroups")
  if (name !== undefined) {
    if (name === "") return bad("sticker_set_name is empty")
    // The mock has no sticker sets of its own: a name of a sticker set's form is taken as an existing set.
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name)) return bad("sticker set not found")
  }
  if (!mayChangeInfo(chat, call)) return bad("not enough rights to change supergroup sticker set")
  return canSetStickerSet(chat) ? undefined : bad("can't set supergroup sticker set")
}

/** The chat-settings methods. */
export const chatSettingMethods = methods({
  setChatTitle: method({
    family: "administration",
    summary: "renames a group, supergroup or channel (cut to 128 characters); a new_chat_title message follows",
    params: { chat_id: chat("write"), title: text },
    run: ({ chat_id: chat, title: raw }, call) => {
      const title = cleanName(raw, 128)
      if (title === "") return bad("title must be non-empty")
      if (chat.type === "private") return bad("can't change private chat title")
      if (!mayChangeInfo(chat, call)) return bad("not enough rights to change chat title")
      if (title === chat.title) return "true"
      return commit(chat, () => {
        chat.title = title
        postService(call.world, chat, call.botId, { kind: "new_chat_title", title })
        return "true"
      })
    }
  }),

  setChatDescription: method({
    family: "administration",
    summary: "sets the description (cut to 255 characters; `\"\"` clears it); getChat shows it",
    params: { chat_id: chat("write"), description: text },
    run: ({ chat_id: chat, description: raw }, call) => {
      if (chat.type === "private") return bad("can't change private chat description")
      if (!mayChangeInfo(chat, call)) return bad("not enough rights to set chat description")
      const description = cleanDescription(raw, 255)
      if (description === chat.profile.description) return bad("chat description is not modified")
      return commit(chat, () => {
        chat.profile.description = description
        return "true"
      })
    }
  }),

  setChatStickerSet: method({
    family: "administration",
    summary: "sets a supergroup's sticker set (large supergroups only: `can_set_sticker_set`); getChat shows it",
    params: { chat_id: chat("write"), sticker_set_name: text },
    run: ({ chat_id: chat, sticker_set_name: name }, call) =>
      stickerSetRefusal(chat, call, name) ?? commit(chat, () => {
        chat.profile.stickerSetName = name
        return "true"
      })
  }),

  deleteChatStickerSet: method({
    family: "administration",
    summary: "removes a supergroup's sticker set",
    params: { chat_id: chat("write") },
    run: ({ chat_id: chat }, call) =>
      stickerSetRefusal(chat, call, undefined) ?? commit(chat, () => {
        chat.profile.stickerSetName = ""
        return "true"
      })
  }),

  leaveChat: method({
    family: "administration",
    summary: "the bot leaves a group, supergroup or channel; my_chat_member and (groups) left_chat_member follow",
    params: { chat_id: chat("read") },
    run: ({ chat_id: chat }, call) => {
      if (chat.type === "private") return bad("chat member status can't be changed in private chats")
      if (chat.type === "group" && chat.migratedTo !== undefined) return bad("chat is deactivated")
      const bot = standing(chat, call.botId)
      if (!isInChat(bot) || bot.status === "creator") return "true"
      return commit(chat, () => {
        changeStanding(call.world, chat, call.botId, { status: "left", rights: {} }, call.botId)
        return "true"
      })
    }
  })
})
