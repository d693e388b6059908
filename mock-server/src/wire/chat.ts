/**
 * Chat JSON, keys in the real server's order (Client.cpp JsonChat): the short Chat of messages and updates, and
 * ChatFullInfo as getChat answers it.
 */
import type { ChatRecord, World } from "../world/World.js"

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
  return out + `,"type":"${chat.type}"}`
}

const DEFAULT_PERMISSIONS =
  `{"can_send_messages":true,"can_send_audios":true,"can_send_documents":true,"can_send_photos":true,` +
  `"can_send_videos":true,"can_send_video_notes":true,"can_send_voice_notes":true,"can_send_polls":true,` +
  `"can_send_other_messages":true,"can_add_web_page_previews":true,"can_change_info":false,` +
  `"can_invite_users":true,"can_pin_messages":false,"can_manage_topics":false}`

/** ChatFullInfo as getChat answers it, with `invite_link` when the bot may see one. */
export const chatFullInfoJson = (world: World, chat: ChatRecord, inviteLink: string | undefined): string => {
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
      out += `,"title":${json(chat.title ?? "")},"type":"group"${link},"permissions":${DEFAULT_PERMISSIONS}`
      out += `,"all_members_are_administrators":false`
      break
    case "supergroup":
    case "channel":
      out += `,"title":${json(chat.title ?? "")}`
      if (chat.username !== undefined) out += `,"username":${json(chat.username)}`
      out += `,"type":"${chat.type}"`
      if (chat.username !== undefined) out += `,"active_usernames":[${json(chat.username)}]`
      out += link
      if (chat.type === "supergroup") out += `,"permissions":${DEFAULT_PERMISSIONS}`
      break
  }
  return out + `,"max_reaction_count":11,"accent_color_id":${Math.abs(chat.id) % 7}}`
}
