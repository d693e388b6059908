/**
 * The ChatPermissions input of restrictChatMember and setChatPermissions (Client.cpp get_chat_permissions,
 * telegram-wire-chats.md §16.1): a `permissions` JSON object with TDLib's defaults and implications, or (restrict only)
 * the legacy top-level flags; without either, every permission is false.
 */
import { boolField, field, FieldError, type JsonValue, parseJson } from "../internal/JsonValue.js"
import { type Params, toBool } from "../internal/Params.js"
import type { PermissionKey, Permissions } from "../world/permissions.js"

/** What was read: the permissions, and (legacy flags) whether the member's admin-like permissions are to be kept. */
export interface PermissionsInput {
  readonly permissions: Permissions
  /** Legacy flags that did not lift every restriction: keep the member's polls, info, invite, pin, topics. */
  readonly keepCurrent: boolean
}

type Obj = Extract<JsonValue, { kind: "object" }>
type Mutable = { -readonly [K in PermissionKey]: boolean }

const MEDIA: ReadonlyArray<PermissionKey> = [
  "can_send_audios",
  "can_send_documents",
  "can_send_photos",
  "can_send_videos",
  "can_send_video_notes",
  "can_send_voice_notes"
]

const none = (): Mutable => ({
  can_send_messages: false,
  can_send_audios: false,
  can_send_documents: false,
  can_send_photos: false,
  can_send_videos: false,
  can_send_video_notes: false,
  can_send_voice_notes: false,
  can_send_polls: false,
  can_send_other_messages: false,
  can_add_web_page_previews: false,
  can_react_to_messages: false,
  can_edit_tag: false,
  can_change_info: false,
  can_invite_users: false,
  can_pin_messages: false,
  can_manage_topics: false
})

/** The object's fields in TDLib's reading order; the first wrong one is the error. */
const readObject = (object: Obj, independent: boolean): Mutable | FieldError => {
  const p = none()
  const read = (key: PermissionKey): FieldError | undefined => {
    const value = boolField(object, key)
    if (value instanceof FieldError) return value
    p[key] = value
    return undefined
  }
  const first = [
    "can_send_messages",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages"
  ] as const
  for (const key of first) {
    const error = read(key)
    if (error !== undefined) return error
  }
  if (field(object, "can_manage_topics") !== undefined) {
    const error = read("can_manage_topics")
    if (error !== undefined) return error
  } else p.can_manage_topics = p.can_pin_messages
  if (MEDIA.some((key) => field(object, key) !== undefined)) {
    for (const key of MEDIA) {
      const error = read(key)
      if (error !== undefined) return error
    }
  } else {
    const media = boolField(object, "can_send_media_messages")
    if (media instanceof FieldError) return media
    for (const key of MEDIA) p[key] = media
    if (media && !independent) p.can_send_messages = true
  }
  if (field(object, "can_edit_tag") !== undefined) {
    const error = read("can_edit_tag")
    if (error !== undefined) return error
  } else p.can_edit_tag = p.can_pin_messages
  if (field(object, "can_react_to_messages") !== undefined) {
    const error = read("can_react_to_messages")
    if (error !== undefined) return error
  } else p.can_react_to_messages = p.can_send_messages
  if ((p.can_send_other_messages || p.can_add_web_page_previews) && !independent) {
    for (const key of MEDIA) p[key] = true
    p.can_send_messages = true
  }
  if (p.can_send_polls && !independent) p.can_send_messages = true
  return p
}

/** The legacy top-level flags of restrictChatMember. */
const readLegacy = (params: Params, independent: boolean): PermissionsInput => {
  const p = none()
  p.can_send_messages = toBool(params.get("can_send_messages"))
  let media = toBool(params.get("can_send_media_messages"))
  p.can_send_other_messages = toBool(params.get("can_send_other_messages"))
  p.can_add_web_page_previews = toBool(params.get("can_add_web_page_previews"))
  if ((p.can_send_other_messages || p.can_add_web_page_previews) && !independent) media = true
  if (media && !independent) p.can_send_messages = true
  let keepCurrent = false
  if (p.can_send_messages && media && p.can_send_other_messages && p.can_add_web_page_previews) {
    p.can_send_polls =
      p.can_change_info =
      p.can_invite_users =
      p.can_pin_messages =
      p.can_manage_topics =
        true
  } else {
    keepCurrent = [
      "can_send_messages",
      "can_send_media_messages",
      "can_send_other_messages",
      "can_add_web_page_previews"
    ]
      .some((name) => params.get(name) !== undefined)
  }
  for (const key of MEDIA) p[key] = media
  p.can_edit_tag = p.can_pin_messages
  p.can_react_to_messages = p.can_send_messages
  return { permissions: p, keepCurrent }
}

/** The permissions a call gives, or the real server's refusal text (without `Bad Request: `). */
export const readPermissions = (
  params: Params,
  allowLegacy: boolean,
  independent: boolean
): PermissionsInput | { readonly refusal: string } => {
  const text = params.get("permissions")
  if (text !== undefined) {
    const json = parseJson(text)
    if (json === undefined) return { refusal: "can't parse permissions JSON object" }
    if (json.kind !== "object") return { refusal: "object expected as permissions" }
    const read = readObject(json, independent)
    if (read instanceof FieldError) return { refusal: `can't parse chat permissions: ${read.message}` }
    return { permissions: read, keepCurrent: false }
  }
  return allowLegacy ? readLegacy(params, independent) : { permissions: none(), keepCurrent: false }
}
