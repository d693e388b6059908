/**
 * The users family (telegram-wire-chats.md §16.11–16.12, Client.cpp): getUserProfilePhotos, getUserProfileAudios,
 * getUserPersonalChatMessages, setUserEmojiStatus, getUserChatBoosts. The user is looked up first (check_user:
 * `user not found`); what Telegram would add is the mock's world: people have no profile photos, audios, personal
 * channels or boosts unless the world gives them; an emoji status is set only for a person who allowed the bot.
 */
import { isAdmin } from "../../events/recipients.js"
import { photoSizeJson } from "../../wire/file.js"
import { standing } from "../../world/members.js"
import { userStatus } from "../../world/userStatus.js"
import { type ApiError, apiError } from "../envelope.js"
import type { Param } from "../table/method.js"
import { commit, method, methods } from "../table/method.js"
import { chat, custom, int, int64Text, userId } from "../table/params.js"

const bad = (text: string): ApiError => apiError(400, `Bad Request: ${text}`)

/** user_id as check_user reads it: an id, then a user the world knows. */
const knownUser: Param<number> = custom("Integer", (input) => {
  const id = userId.read(input)
  if (typeof id !== "number") return id
  return input.call.world.users.has(id) ? id : bad("user not found")
}, { required: true })

const paging = {
  offset: int({ min: 0, max: 2 ** 31 - 1 }),
  limit: int({ min: 1, max: 100, default: 100 })
}

/** The users methods. */
export const userMethods = methods({
  getUserProfilePhotos: method({
    family: "users",
    summary: "a user's profile photos (`total_count`, `photos`; an offset past the end gives none)",
    params: { user_id: knownUser, ...paging },
    run: (p, call) =>
      commit(undefined, () => {
        // People have no profile photos in the mock; a bot has those it set (setMyProfilePhoto).
        const photos = call.world.botProfiles.get(p.user_id)?.photos ?? []
        const page = photos.slice(p.offset, p.offset + p.limit)
        const json = page.map((photo) => `[${photoSizeJson(call.world, photo, call.botId)}]`).join(",")
        return `{"total_count":${photos.length},"photos":[${json}]}`
      })
  }),

  getUserProfileAudios: method({
    family: "users",
    summary: "the audios a user shows on their profile (`total_count`, `audios`)",
    params: { user_id: knownUser, ...paging },
    run: () => commit(undefined, () => `{"total_count":0,"audios":[]}`)
  }),

  getUserPersonalChatMessages: method({
    family: "users",
    summary: "the last messages of the channel a user shows on their profile (`limit` 1-20)",
    params: { user_id: userId, limit: int({ min: 0, max: 20 }) },
    run: ({ user_id: id, limit }, call) => {
      if (!call.world.users.has(id)) return bad("user not found")
      if (limit <= 0) return bad("limit must be positive")
      return commit(undefined, () => "[]")
    }
  }),

  setUserEmojiStatus: method({
    family: "users",
    summary: "sets the emoji status of a person who allowed the bot to (getChat of their chat shows it)",
    params: {
      user_id: userId,
      emoji_status_custom_emoji_id: int64Text,
      emoji_status_expiration_date: int({ min: -(2 ** 31), max: 2 ** 31 - 1 })
    },
    run: (p, call) => {
      const { world, botId } = call
      if (!world.users.has(p.user_id)) return bad("user not found")
      const status = world.userStatuses.get(p.user_id)
      if (status?.allowedBots.has(botId) !== true) return bad("USER_PERMISSION_DENIED")
      return commit(undefined, () => {
        const record = userStatus(world, p.user_id)
        const id = p.emoji_status_custom_emoji_id
        record.customEmojiId = id === "0" ? "" : id
        record.expirationDate = id === "0" ? 0 : Math.max(0, p.emoji_status_expiration_date)
        return "true"
      })
    }
  }),

  getUserChatBoosts: method({
    family: "users",
    summary: "a user's boosts of a channel or supergroup (`boosts`; the bot must administer it)",
    params: { user_id: userId, chat_id: chat("write") },
    run: ({ chat_id: chat, user_id: id }, call) => {
      if (!call.world.users.has(id)) return bad("user not found")
      if (chat.type === "private" || chat.type === "group") return bad("PEER_ID_INVALID")
      if (!isAdmin(standing(chat, call.botId))) return bad("CHAT_ADMIN_REQUIRED")
      return commit(chat, () => `{"boosts":[]}`)
    }
  })
})
