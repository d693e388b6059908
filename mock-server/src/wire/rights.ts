/**
 * ChatPermissions and administrator rights JSON, keys in the real server's order (Client.cpp
 * json_store_permissions, json_store_administrator_rights): shared by ChatMember, getChat's `permissions` and
 * getMyDefaultAdministratorRights.
 */
import { PERMISSION_KEYS, type Permissions } from "../world/permissions.js"
import type { ChatType } from "../WorldSnapshot.js"

const b = (value: boolean | undefined): string => (value === true ? "true" : "false")

/** The keys of ChatPermissions (without braces): `can_send_media_messages` is true when any media one is. */
export const permissionsFields = (p: Permissions): string => {
  const media = p.can_send_audios || p.can_send_documents || p.can_send_photos || p.can_send_videos ||
    p.can_send_video_notes || p.can_send_voice_notes
  let out = `"can_send_messages":${b(p.can_send_messages)},"can_send_media_messages":${b(media)}`
  for (const key of PERMISSION_KEYS) if (key !== "can_send_messages") out += `,"${key}":${b(p[key])}`
  return out
}

/** A ChatPermissions object. */
export const permissionsJson = (p: Permissions): string => `{${permissionsFields(p)}}`

/** Administrator rights as a record (absent means false). */
export type Rights = Readonly<Partial<Record<string, boolean | number | string>>>

/** The rights' keys (without braces) as the real server writes them for a chat of this kind. */
export const adminRightsFields = (r: Rights, type: ChatType): string => {
  const channel = type === "channel"
  const group = type === "group" || type === "supergroup"
  const f = (key: string): string => `"${key}":${b(r[key] === true)}`
  const keys = [
    f("can_manage_chat"),
    f("can_change_info"),
    ...(channel ? [f("can_post_messages"), f("can_edit_messages")] : []),
    f("can_delete_messages"),
    f("can_invite_users"),
    f("can_restrict_members"),
    ...(group ? [f("can_pin_messages")] : []),
    ...(type === "supergroup" ? [f("can_manage_topics")] : []),
    f("can_promote_members"),
    f("can_manage_video_chats"),
    f("can_post_stories"),
    f("can_edit_stories"),
    f("can_delete_stories"),
    ...(channel ? [f("can_manage_direct_messages")] : []),
    ...(group ? [f("can_manage_tags")] : []),
    f("is_anonymous")
  ]
  return keys.join(",")
}

/** A ChatAdministratorRights object for groups (as supergroups) or channels. */
export const adminRightsJson = (r: Rights, forChannels: boolean): string =>
  `{${adminRightsFields(r, forChannels ? "channel" : "supergroup")}}`
