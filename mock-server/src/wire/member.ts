/**
 * ChatMember, ChatMemberUpdated and ChatJoinRequest JSON, keys in the real server's order
 * (Client.cpp JsonChatMember, json_store_administrator_rights, json_store_permissions, JsonChatMemberUpdated,
 * JsonChatJoinRequest).
 */
import { standing } from "../world/members.js"
import { permissionsFrom } from "../world/permissions.js"
import type { ChatRecord, JoinRequestRecord, LinkRecord, MemberRecord, World } from "../world/World.js"
import { chatShortJson } from "./chat.js"
import { linkJson } from "./inviteLink.js"
import { adminRightsFields, permissionsFields } from "./rights.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** Whether `viewer` may edit this administrator: the creator may edit anyone, an administrator whom they promoted. */
const canBeEdited = (chat: ChatRecord, userId: number, member: MemberRecord, viewer: number | undefined): boolean =>
  viewer !== undefined && viewer !== userId &&
  (standing(chat, viewer).status === "creator" || member.rights.promoted_by === viewer)

/** `,"tag":…` (members) or `,"custom_title":…` (administrators), when the member has one. */
const title = (key: "tag" | "custom_title", member: MemberRecord): string => {
  const value = member.rights.custom_title
  return value !== undefined && value !== "" ? `,"${key}":${json(value)}` : ""
}

/** A ChatMember of a user in a chat, as the bot `viewer` sees it (`can_be_edited` is the viewer's). */
export const chatMemberJson = (
  world: World,
  chat: ChatRecord,
  userId: number,
  member: MemberRecord,
  viewer?: number
): string => {
  let out = `{"user":${userJson(world, userId)},"status":"${member.status}"`
  const r = member.rights
  switch (member.status) {
    case "creator":
      return out + `${title("custom_title", member)},"is_anonymous":${r.is_anonymous === true}}`
    case "administrator":
      return out +
        `,"can_be_edited":${canBeEdited(chat, userId, member, viewer)},${adminRightsFields(r, chat.type)}` +
        `,"can_manage_voice_chats":${r.can_manage_video_chats === true}${title("custom_title", member)}}`
    case "member":
      return out + title("tag", member) + ((r.until_date ?? 0) > 0 ? `,"until_date":${r.until_date}}` : "}")
    case "restricted":
      out += title("tag", member)
      if (chat.type === "supergroup") {
        out += `,"until_date":${r.until_date ?? 0},${permissionsFields(permissionsFrom(r))}`
        out += `,"is_member":${r.is_member !== false}`
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
  out += `,"old_chat_member":${chatMemberJson(world, chat, change.userId, change.before, viewer)}`
  out += `,"new_chat_member":${chatMemberJson(world, chat, change.userId, change.after, viewer)}`
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
