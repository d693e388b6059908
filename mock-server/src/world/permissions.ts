/**
 * ChatPermissions: a chat's default permissions, a restricted member's own, and what a member may effectively do
 * (telegram-wire-chats.md §16.1, §16.14; TDLib DialogParticipantStatus::apply_restrictions): the owner anything;
 * administrators every sending permission and the admin-like ones their rights give; members, restricted members and
 * those who left their own AND the chat's defaults (bots never the four admin-like ones); a banned user nothing.
 */
import type { ChatPermissions } from "../WorldSnapshot.js"
import { standing } from "./members.js"
import type { ChatRecord, MemberRecord, MemberRights } from "./World.js"

/** The permissions, in the order the real server prints them (after can_send_media_messages, which is derived). */
export const PERMISSION_KEYS = [
  "can_send_messages",
  "can_send_audios",
  "can_send_documents",
  "can_send_photos",
  "can_send_videos",
  "can_send_video_notes",
  "can_send_voice_notes",
  "can_send_polls",
  "can_send_other_messages",
  "can_add_web_page_previews",
  "can_react_to_messages",
  "can_edit_tag",
  "can_change_info",
  "can_invite_users",
  "can_pin_messages",
  "can_manage_topics"
] as const

export type PermissionKey = typeof PERMISSION_KEYS[number]

/** Every permission, decided. */
export type Permissions = { readonly [K in PermissionKey]: boolean }

/** The four permissions an administrator holds as rights; a bot needs them as rights, never as permissions. */
const ADMIN_LIKE: ReadonlyArray<PermissionKey> = [
  "can_change_info",
  "can_invite_users",
  "can_pin_messages",
  "can_manage_topics"
]

const every = (value: boolean): Permissions =>
  Object.fromEntries(PERMISSION_KEYS.map((key) => [key, value])) as unknown as Permissions

export const ALL_PERMISSIONS: Permissions = Object.freeze(every(true))
export const NO_PERMISSIONS: Permissions = Object.freeze(every(false))

/** What a new group lets its members do (Telegram's defaults): send and react, invite; not change, pin or topics. */
export const DEFAULT_CHAT_PERMISSIONS: Permissions = Object.freeze({
  ...every(true),
  can_edit_tag: false,
  can_change_info: false,
  can_pin_messages: false,
  can_manage_topics: false
})

/** Permissions from their world-file (Bot API) form: a key left out is false. */
export const permissionsFrom = (input: ChatPermissions | MemberRights): Permissions =>
  Object.fromEntries(PERMISSION_KEYS.map((key) => [key, input[key] === true])) as unknown as Permissions

/** True when every permission is granted (a restriction that lifts itself). */
export const allGranted = (permissions: Permissions): boolean => PERMISSION_KEYS.every((key) => permissions[key])

/** True when two sets of permissions are the same. */
export const samePermissions = (a: Permissions, b: Permissions): boolean =>
  PERMISSION_KEYS.every((key) => a[key] === b[key])

/**
 * A standing as it is now: a restriction or a ban whose `until_date` has passed is over (TDLib
 * DialogParticipantStatus::update_restrictions): a restricted member is a member again (or gone, if they had left),
 * a ban or a paid membership that ran out leaves them `left`.
 */
export const currentStanding = (chat: ChatRecord, userId: number, nowSeconds: number): Readonly<MemberRecord> => {
  const member = standing(chat, userId)
  const until = member.rights.until_date ?? 0
  if (until === 0 || until > nowSeconds) return member
  if (member.status === "restricted") {
    const { until_date: _, ...rest } = member.rights
    return member.rights.is_member === false
      ? { status: "left", rights: {} }
      : { status: "member", rights: keepTag(rest) }
  }
  if (member.status === "kicked" || member.status === "member") return { status: "left", rights: {} }
  return member
}

const keepTag = (rights: MemberRights): MemberRights =>
  rights.custom_title === undefined ? {} : { custom_title: rights.custom_title }

/** What a user may do in a group or supergroup now (channels have no permissions: posting is an admin's right). */
export const effectivePermissions = (
  chat: ChatRecord,
  userId: number,
  isBot: boolean,
  nowSeconds: number
): Permissions => {
  const member = currentStanding(chat, userId, nowSeconds)
  const defaults = chat.profile.permissions
  switch (member.status) {
    case "creator":
      return ALL_PERMISSIONS
    case "administrator": {
      const r = member.rights
      const out: Record<string, boolean> = { ...ALL_PERMISSIONS }
      for (const key of ADMIN_LIKE) out[key] = r[key] === true || (!isBot && defaults[key])
      return out as unknown as Permissions
    }
    case "kicked":
      return NO_PERMISSIONS
    case "member":
    case "restricted":
    case "left": {
      const own = member.status === "restricted" ? permissionsFrom(member.rights) : ALL_PERMISSIONS
      const out: Record<string, boolean> = {}
      for (const key of PERMISSION_KEYS) out[key] = own[key] && defaults[key]
      if (isBot) { for (const key of ADMIN_LIKE) out[key] = false }
      return out as unknown as Permissions
    }
  }
}
