/**
 * Chat JSON, keys in the real server's order (Client.cpp JsonChat): the short Chat of messages and updates, and
 * ChatFullInfo as getChat answers it.
 */
import { allGranted } from "../world/permissions.js"
import { shownEmojiStatus } from "../world/userStatus.js"
import type { ChatRecord, World } from "../world/World.js"
import { permissionsJson } from "./rights.js"

const json = JSON.stringify

const NO_GIFTS = `{"unlimited_gifts":false,"limited_gifts":false,"unique_gifts":false,"premium_subscription":false,` +
  `"gifts_from_channels":false}`

/** A Chat as messages and updates carry it (not getChat's full form). */
export const chatShortJson = (world: World, chat: ChatRecord): string => {
  let out = `{"id":${chat.id}`
  if (chat.type === "private") {
    const user = world.users.get(chat.id)
    out += `,"first_name":${json(user?.first_name ?? "")}`
    if (user?.last_name !== undefined && user.last_name !== "") out += `,"last_name":${json(user.last_name)}`
    if (user?.username !== undefined) out += `,"username":${json(user.username)}`
    return out + `,"type":"private"}`
  }
  out += `,"title":${json(chat.title ?? "")}`
  if (chat.type === "group") {
    return out + `,"type":"group","all_members_are_administrators":false,"accepted_gift_types":${NO_GIFTS}}`
  }
  if (chat.username !== undefined) out += `,"username":${json(chat.username)}`
  if (chat.profile.isForum && chat.type === "supergroup") out += `,"is_forum":true`
  return out + `,"type":"${chat.type}"}`
}

/** A supergroup may have a sticker set once it is large (Telegram's rule; the mock's threshold: 100 members). */
export const canSetStickerSet = (chat: ChatRecord): boolean => {
  if (chat.type !== "supergroup") return false
  let count = 0
  for (const member of chat.members.values()) if (member.status !== "left" && member.status !== "kicked") count++
  return count >= 100
}

const description = (chat: ChatRecord): string =>
  chat.profile.description === "" ? "" : `,"description":${json(chat.profile.description)}`

/**
 * ChatFullInfo as getChat answers it, with `invite_link` when the bot may see one and `pinned` (its `,"pinned_message"`
 * key) when a message is pinned.
 */
export const chatFullInfoJson = (
  world: World,
  chat: ChatRecord,
  inviteLink: string | undefined,
  viewerBotId?: number,
  pinned = ""
): string => {
  let out = `{"id":${chat.id}`
  const link = inviteLink !== undefined ? `,"invite_link":${json(inviteLink)}` : ""
  switch (chat.type) {
    case "private": {
      const user = world.users.get(chat.id)!
      out += `,"first_name":${json(user.first_name)}`
      if (user.last_name !== undefined && user.last_name !== "") out += `,"last_name":${json(user.last_name)}`
      if (user.username !== undefined) out += `,"username":${json(user.username)}`
      out += `,"type":"private"`
      if (user.username !== undefined) out += `,"active_usernames":[${json(user.username)}]`
      break
    }
    case "group":
      out += `,"title":${json(chat.title ?? "")},"type":"group"${description(chat)}${link}`
      out += `,"permissions":${permissionsJson(chat.profile.permissions)}`
      // Every permission but topics, as the real server computes it.
      out += `,"all_members_are_administrators":${allGranted({ ...chat.profile.permissions, can_manage_topics: true })}`
      out += `,"accepted_gift_types":${NO_GIFTS}`
      break
    case "supergroup":
    case "channel":
      out += `,"title":${json(chat.title ?? "")}`
      if (chat.username !== undefined) out += `,"username":${json(chat.username)}`
      if (chat.profile.isForum && chat.type === "supergroup") out += `,"is_forum":true`
      out += `,"type":"${chat.type}"`
      if (chat.username !== undefined) out += `,"active_usernames":[${json(chat.username)}]`
      out += description(chat) + link
      if (chat.profile.stickerSetName !== "") out += `,"sticker_set_name":${json(chat.profile.stickerSetName)}`
      if (canSetStickerSet(chat)) out += `,"can_set_sticker_set":true`
      if (chat.type === "supergroup") out += `,"permissions":${permissionsJson(chat.profile.permissions)}`
      out += `,"accepted_gift_types":${NO_GIFTS}`
      break
  }
  const photo = chat.profile.photo
  if (photo !== undefined && viewerBotId !== undefined) {
    // The mock does not resize: both sizes are the upload.
    const id = json(world.files.idFor(photo.file, viewerBotId))
    const unique = json(photo.file.uniqueId)
    out += `,"photo":{"small_file_id":${id},"small_file_unique_id":${unique},"big_file_id":${id},` +
      `"big_file_unique_id":${unique}}`
  }
  out += pinned
  const status = chat.type === "private" ? shownEmojiStatus(world, chat.id) : undefined
  if (status !== undefined) {
    out += `,"emoji_status_custom_emoji_id":${json(status.customEmojiId)}`
    if (status.expirationDate !== 0) out += `,"emoji_status_expiration_date":${status.expirationDate}`
  }
  return out + `,"max_reaction_count":11,"accent_color_id":${Math.abs(chat.id) % 7}}`
}
