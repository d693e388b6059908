/**
 * ChatMember, ChatMemberUpdated and ChatJoinRequest JSON, keys in the real server's order
 * (Client.cpp JsonChatMember, json_store_administrator_rights, json_store_permissions, JsonChatMemberUpdated,
 * JsonChatJoinRequest).
 */
import type { ChatRecord, JoinRequestRecord, LinkRecord, MemberRecord, World } from "../world/World.js"
import { chatShortJson } from "./chat.js"
import { linkJson } from "./inviteLink.js"
import { userJson } from "./user.js"

const b = (value: boolean | undefined): string => (value === true ? "true" : "false")

/** An administrator's rights, as json_store_administrator_rights writes them for the chat's kind. */
const adminRightsJson = (chat: ChatRecord, member: MemberRecord): string => {
  const r = member.rights
  const channel = chat.type === "channel"
  const group = chat.type === "group" || chat.type === "supergroup"
  let out = `,"can_manage_chat":${b(r.can_manage_chat)},"can_change_info":${b(r.can_change_info)}`
  if (channel) out += `,"can_post_messages":${b(r.can_post_messages)},"can_edit_messages":${b(r.can_edit_messages)}`
  out += `,"can_delete_messages":${b(r.can_delete_messages)},"can_invite_users":${b(r.can_invite_users)}`
  out += `,"can_restrict_members":${b(r.can_restrict_members)}`
  if (group) out += `,"can_pin_messages":${b(r.can_pin_messages)}`
  if (chat.type === "supergroup") out += `,"can_manage_topics":false`
  out += `,"can_promote_members":${b(r.can_promote_members)},"can_manage_video_chats":${b(r.can_manage_video_chats)}`
  out += `,"can_post_stories":false,"can_edit_stories":false,"can_delete_stories":false`
  if (channel) out += `,"can_manage_direct_messages":false`
  if (group) out += `,"can_manage_tags":false`
  return out + `,"is_anonymous":${b(r.is_anonymous)}`
}

/** A restricted member's permissions: sending text decides the sending ones; the others are an admin's. */
const permissionsJson = (send: boolean): string => {
  const s = b(send)
  return `,"can_send_messages":${s},"can_send_media_messages":${s},"can_send_audios":${s},"can_send_documents":${s}` +
    `,"can_send_photos":${s},"can_send_videos":${s},"can_send_video_notes":${s},"can_send_voice_notes":${s}` +
    `,"can_send_polls":${s},"can_send_other_messages":${s},"can_add_web_page_previews":${s}` +
    `,"can_react_to_messages":true,"can_edit_tag":false,"can_change_info":false,"can_invite_users":false` +
    `,"can_pin_messages":false,"can_manage_topics":false`
}

/** A ChatMember of a user in a chat. */
export const chatMemberJson = (world: World, chat: ChatRecord, userId: number, member: MemberRecord): string => {
  let out = `{"user":${userJson(world, userId)},"status":"${member.status}"`
  const r = member.rights
  switch (member.status) {
    case "creator":
      return out + `,"is_anonymous":${b(r.is_anonymous)}}`
    case "administrator":
      return out +
        `,"can_be_edited":false${adminRightsJson(chat, member)},"can_manage_voice_chats":${
          b(r.can_manage_video_chats)
        }}`
    case "member":
      return out + ((r.until_date ?? 0) > 0 ? `,"until_date":${r.until_date}}` : "}")
    case "restricted":
      if (chat.type === "supergroup") {
        out += `,"until_date":${r.until_date ?? 0}${permissionsJson(r.can_send_messages === true)}`
        out += `,"is_member":${b(r.is_member !== false)}`
      }
      return out + "}"
    case "left":
      return out + "}"
    case "kicked":
      return out + `,"until_date":${r.until_date ?? 0}}`
  }
}

/** What a ChatMemberUpdated says besides the chat and the two standings. */
export interface MemberChange {
  readonly actorId: number
  /** Unix time in seconds. */
  readonly date: number
  readonly userId: number
  readonly before: MemberRecord
  readonly after: MemberRecord
  readonly link?: LinkRecord | undefined
  readonly viaJoinRequest?: boolean | undefined
}

/** A ChatMemberUpdated, as the bot `viewerBotId` gets it (a link of another administrator is cut). */
export const chatMemberUpdatedJson = (world: World, chat: ChatRecord, change: MemberChange, viewer: number) => {
  let out = `{"chat":${chatShortJson(world, chat)},"from":${userJson(world, change.actorId)},"date":${change.date}`
  out += `,"old_chat_member":${chatMemberJson(world, chat, change.userId, change.before)}`
  out += `,"new_chat_member":${chatMemberJson(world, chat, change.userId, change.after)}`
  if (change.link !== undefined) out += `,"invite_link":${linkJson(world, change.link, viewer)}`
  if (change.viaJoinRequest === true) out += `,"via_join_request":true`
  return out + "}"
}

/** A ChatJoinRequest. */
export const joinRequestJson = (world: World, chat: ChatRecord, request: JoinRequestRecord, viewer: number) => {
  let out = `{"chat":${chatShortJson(world, chat)},"from":${userJson(world, request.userId)}`
  out += `,"user_chat_id":${request.userId},"date":${request.date}`
  if (request.bio !== "") out += `,"bio":${JSON.stringify(request.bio)}`
  if (request.link !== undefined) out += `,"invite_link":${linkJson(world, request.link, viewer)}`
  return out + "}"
}
