/**
 * The decoders of the world file, faults and flood limits. The public types are the plain interfaces of
 * WorldSnapshot.ts and FaultTypes.ts; the checks at the bottom prove at compile time that each decoder produces
 * exactly its interface.
 */
import type { Fault, FaultReply, FloodLimit } from "../FaultTypes.js"
import type {
  Bot,
  Chat,
  ChatPermissions,
  ForumTopic,
  InviteLink,
  JoinRequest,
  Member,
  StoredFile,
  User,
  WorldSnapshot
} from "../WorldSnapshot.js"
import {
  array,
  boolean,
  type Decoded,
  type Decoder,
  decoder,
  intBetween,
  literal,
  nonEmptyString,
  number,
  optional,
  pattern,
  refine,
  safeInt,
  string,
  struct,
  union,
  withDefault
} from "./decoder.js"
import { fileUrlsDecoder, storedFileDecoder } from "./worldFiles.js"
import { tailWorldFields } from "./worldTail.js"

/** A user id, 1 to 2^40-1. */
export const userId: Decoder<number> = intBetween(1, 2 ** 40 - 1, "a user id from 1 to 2^40-1")
/** A username: 1-32 characters, a letter first. */
export const username: Decoder<string> = pattern(
  /^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,30}[A-Za-z0-9]$|^[A-Za-z]$/,
  "a username: 1-32 characters, a letter first, letters, digits and _ only, no trailing _, no __"
)
const optionalBoolean = optional(boolean)
const nonNegative = refine(safeInt, "a non-negative integer", (n) => n >= 0)

/** A user as the world file and `POST /__mock/users` take it. */
export const userDecoder = struct({
  id: userId,
  is_bot: withDefault(boolean, () => false),
  first_name: nonEmptyString,
  last_name: optional(string),
  username: optional(username)
})

const botDecoder = struct({
  token: pattern(
    /^[1-9][0-9]{0,15}:[A-Za-z0-9_-]{24,64}$/,
    "a token `<bot id>:<secret>` with a secret of 24-64 base64url characters"
  ),
  user_id: userId,
  supports_inline_queries: optionalBoolean,
  inline_feedback: optionalBoolean,
  supports_guest_queries: optionalBoolean
})

/** A member's rights and dates (everything of a Member but its user and status). */
export const memberRightsFields = {
  is_anonymous: optionalBoolean,
  can_manage_chat: optionalBoolean,
  can_delete_messages: optionalBoolean,
  can_manage_video_chats: optionalBoolean,
  can_restrict_members: optionalBoolean,
  can_promote_members: optionalBoolean,
  can_change_info: optionalBoolean,
  can_invite_users: optionalBoolean,
  can_post_messages: optionalBoolean,
  can_edit_messages: optionalBoolean,
  can_pin_messages: optionalBoolean,
  can_manage_topics: optionalBoolean,
  can_post_stories: optionalBoolean,
  can_edit_stories: optionalBoolean,
  can_delete_stories: optionalBoolean,
  can_manage_direct_messages: optionalBoolean,
  can_manage_tags: optionalBoolean,
  promoted_by: optional(userId),
  custom_title: optional(refine(string, "a string of at most 16 characters", (s) => s.length <= 16)),
  can_send_messages: optionalBoolean,
  can_send_audios: optionalBoolean,
  can_send_documents: optionalBoolean,
  can_send_photos: optionalBoolean,
  can_send_videos: optionalBoolean,
  can_send_video_notes: optionalBoolean,
  can_send_voice_notes: optionalBoolean,
  can_send_polls: optionalBoolean,
  can_send_other_messages: optionalBoolean,
  can_add_web_page_previews: optionalBoolean,
  can_react_to_messages: optionalBoolean,
  can_edit_tag: optionalBoolean,
  is_member: optionalBoolean,
  until_date: optional(nonNegative)
} as const

/** ChatPermissions as a world file writes a chat's defaults. */
export const chatPermissionsDecoder = struct({
  can_send_messages: optionalBoolean,
  can_send_audios: optionalBoolean,
  can_send_documents: optionalBoolean,
  can_send_photos: optionalBoolean,
  can_send_videos: optionalBoolean,
  can_send_video_notes: optionalBoolean,
  can_send_voice_notes: optionalBoolean,
  can_send_polls: optionalBoolean,
  can_send_other_messages: optionalBoolean,
  can_add_web_page_previews: optionalBoolean,
  can_react_to_messages: optionalBoolean,
  can_edit_tag: optionalBoolean,
  can_change_info: optionalBoolean,
  can_invite_users: optionalBoolean,
  can_pin_messages: optionalBoolean,
  can_manage_topics: optionalBoolean
})

const topicName = refine(string, "a name of 1 to 128 characters", (s) => s.trim().length >= 1 && s.length <= 128)

/** A forum topic as a world file writes it. */
export const forumTopicDecoder = struct({
  message_thread_id: intBetween(2, 2 ** 31 - 1, "a topic id from 2 to 2^31-1 (1 is the General topic)"),
  name: topicName,
  icon_color: optional(intBetween(0, 0xffffff, "an RGB color from 0 to 16777215")),
  icon_custom_emoji_id: optional(pattern(/^[1-9][0-9]{0,18}$/, "a custom emoji id (decimal digits)")),
  creator_id: optional(userId),
  is_closed: optionalBoolean
})

const generalForumTopicDecoder = struct({
  name: optional(topicName),
  is_closed: optionalBoolean,
  is_hidden: optionalBoolean
})

/** A member's standing. */
export const memberStatus = literal("creator", "administrator", "member", "restricted", "left", "kicked")

/** A member as the world file takes it. */
export const memberDecoder = struct({ user_id: userId, status: memberStatus, ...memberRightsFields })

const chatDecoder = struct({
  id: safeInt,
  type: literal("private", "group", "supergroup", "channel"),
  title: optional(string),
  username: optional(username),
  members: withDefault(array(memberDecoder), () => []),
  migrated_to_chat_id: optional(safeInt),
  deleted: withDefault(boolean, () => false),
  description: optional(refine(string, "a string of at most 255 characters", (s) => s.length <= 255)),
  permissions: optional(chatPermissionsDecoder),
  sticker_set_name: optional(pattern(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "a sticker set name")),
  banned_sender_chat_ids: optional(array(safeInt)),
  is_forum: optionalBoolean,
  forum_topics: optional(array(forumTopicDecoder)),
  general_forum_topic: optional(generalForumTopicDecoder),
  bot_ids: optional(array(userId)),
  blocked_bot_ids: optional(array(userId))
})

const inviteLinkDecoder = struct({
  invite_link: pattern(
    /^https:\/\/t\.me\/(\+|joinchat\/)[A-Za-z0-9_-]{8,64}$/,
    "a link of the form https://t.me/+<hash>"
  ),
  chat_id: safeInt,
  creator_id: userId,
  is_primary: boolean,
  is_revoked: withDefault(boolean, () => false),
  name: optional(refine(string, "a string of at most 32 characters", (s) => s.length <= 32)),
  expire_date: optional(safeInt),
  // The real server clamps a requested limit to 100000 (telegram-wire.md §4b), so a snapshot can hold it.
  member_limit: optional(intBetween(1, 100_000)),
  creates_join_request: withDefault(boolean, () => false),
  created_at: safeInt,
  subscription_period: optional(intBetween(1, 1_000_000_000)),
  subscription_price: optional(intBetween(1, 1_000_000)),
  joined_count: optional(intBetween(0, 1_000_000_000))
})

const joinRequestDecoder = struct({
  chat_id: safeInt,
  user_id: userId,
  date: safeInt,
  invite_link: optional(string),
  bio: optional(refine(string, "a string of at most 70 characters", (s) => s.length <= 70))
})

const finite = refine(number, "a finite number", Number.isFinite)
const floodLimitDecoder = struct({
  method: optional(string),
  chat_id: optional(safeInt),
  max_calls: intBetween(1, 1_000_000),
  per_seconds: refine(finite, "a number of seconds above 0 and at most 86400", (n) => n > 0 && n <= 86_400),
  absorb_seconds: optional(refine(finite, "a number of seconds from 0 to 3600", (n) => n >= 0 && n <= 3600))
})

const httpStatus = intBetween(400, 599)
const errorReplyDecoder = struct({
  error_code: httpStatus,
  description: optional(string),
  retry_after: optional(intBetween(0, 10_000_000)),
  migrate_to_chat_id: optional(safeInt)
})
const faultReplyDecoder = union([
  errorReplyDecoder,
  struct({ html: httpStatus }),
  struct({ drop: literal(true) }),
  struct({ delay_ms: intBetween(0, 600_000) })
], {
  message:
    "expected one of {error_code, description?, retry_after?, migrate_to_chat_id?}, {html}, {drop: true}, {delay_ms}"
})

const faultDecoder = struct({
  method: nonEmptyString,
  chat_id: optional(union([safeInt, string], { expected: "number or string" })),
  times: withDefault(intBetween(1, 1_000_000), () => 1),
  reply: faultReplyDecoder
})

const worldDecoder = struct({
  bots: array(botDecoder),
  users: array(userDecoder),
  chats: array(chatDecoder),
  invite_links: withDefault(array(inviteLinkDecoder), () => []),
  flood_limits: withDefault(array(floodLimitDecoder), () => []),
  faults: withDefault(array(faultDecoder), () => []),
  join_requests: withDefault(array(joinRequestDecoder), () => []),
  files: optional(array(storedFileDecoder)),
  file_urls: optional(fileUrlsDecoder),
  ...tailWorldFields
})

// ---- compile-time proof that each decoder produces exactly its public interface --------------------------------

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const sameType = <A, D extends Decoder<unknown>>(_proof: Same<D extends Decoder<infer T> ? T : never, A>): void => {}
sameType<User, typeof userDecoder>(true)
sameType<Bot, typeof botDecoder>(true)
sameType<Member, typeof memberDecoder>(true)
sameType<Chat, typeof chatDecoder>(true)
sameType<ChatPermissions, typeof chatPermissionsDecoder>(true)
sameType<ForumTopic, typeof forumTopicDecoder>(true)
sameType<InviteLink, typeof inviteLinkDecoder>(true)
sameType<JoinRequest, typeof joinRequestDecoder>(true)
sameType<FloodLimit, typeof floodLimitDecoder>(true)
sameType<FaultReply, typeof faultReplyDecoder>(true)
sameType<Fault, typeof faultDecoder>(true)
sameType<StoredFile, typeof storedFileDecoder>(true)
sameType<WorldSnapshot, typeof worldDecoder>(true)

/** A world's shape (`checkReferences` does the rest). */
export const decodeWorldShape: (input: unknown) => Decoded<WorldSnapshot> = decoder(worldDecoder, "world")
/** A fault as `injectFault` and `POST /__mock/faults` take it. */
export const decodeFault: (input: unknown) => Decoded<Fault> = decoder(faultDecoder, "fault")
/** Flood limits as `setFloodLimits` and `PUT /__mock/limits` take them. */
export const decodeFloodLimits: (input: unknown) => Decoded<ReadonlyArray<FloodLimit>> = decoder(
  array(floodLimitDecoder),
  "flood limits"
)
