/**
 * JSON of Bot API objects, built by hand with the fields in the real server's order (Client.cpp): User, the bot's own
 * User (getMe), ChatInviteLink and ChatFullInfo. Hand-built because it is the hot path (exportChatInviteLink, getMe).
 */
import type { ChatRecord, LinkRecord, World } from "../world/World.js"

const json = JSON.stringify

/** A User; a user the world does not know reads as a deleted account. */
export const userJson = (world: World, id: number): string => {
  const user = world.users.get(id)
  if (user === undefined) return `{"id":${id},"is_bot":false,"first_name":"Deleted Account"}`
  let out = `{"id":${id},"is_bot":${user.is_bot},"first_name":${json(user.first_name)}`
  if (user.last_name !== undefined && user.last_name !== "") out += `,"last_name":${json(user.last_name)}`
  if (user.username !== undefined) out += `,"username":${json(user.username)}`
  return out + "}"
}

/** The bot as getMe answers it: its User plus the bot-only fields. */
export const botUserJson = (world: World, botId: number): string =>
  userJson(world, botId).slice(0, -1) +
  `,"can_join_groups":true,"can_read_all_group_messages":false,"supports_inline_queries":false,` +
  `"can_connect_to_business":false,"has_main_web_app":false}`

/**
 * A link as a bot that did not make it sees it: the second half of its hash replaced with "…" (the Bot API
 * documentation's rule; how much is kept is the mock's inference).
 */
const cutLink = (url: string): string => {
  const start = url.lastIndexOf("/") + (url.includes("/+") ? 2 : 1)
  const hash = url.slice(start)
  return `${url.slice(0, start)}${hash.slice(0, Math.ceil(hash.length / 2))}…`
}

/**
 * A ChatInviteLink; `creator` is a plain User, without the bot-only fields (telegram-wire.md §4b). `viewer`: the bot
 * it is shown to, when that may not be its creator (updates); its own links are whole.
 */
export const linkJson = (world: World, link: LinkRecord, viewer?: number): string => {
  let out = `{"invite_link":${json(viewer === undefined || viewer === link.creatorId ? link.url : cutLink(link.url))}`
  if (link.name !== "") out += `,"name":${json(link.name)}`
  out += `,"creator":${userJson(world, link.creatorId)}`
  if (link.expireDate !== 0) out += `,"expire_date":${link.expireDate}`
  if (link.memberLimit !== 0) out += `,"member_limit":${link.memberLimit}`
  if (link.pendingRequests !== 0) out += `,"pending_join_request_count":${link.pendingRequests}`
  if (link.subscriptionPeriod !== 0) {
    out += `,"subscription_period":${link.subscriptionPeriod},"subscription_price":${link.subscriptionPrice}`
  }
  return out +
    `,"creates_join_request":${link.createsJoinRequest},"is_primary":${link.isPrimary},"is_revoked":${link.isRevoked}}`
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
