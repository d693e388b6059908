/**
 * The mock's data as plain TypeScript: the world file (what `GET /__mock/world` returns, `PUT /__mock/world` and
 * `MockTelegram.make({ world })` accept), faults, flood limits, journal entries and caps. Field names follow the Bot
 * API's snake_case. `decodeWorld` validates a world and says what is wrong, one line per problem.
 */
import { checkReferences } from "./decode/references.js"

export type { ChatPermissions, ForumTopic, GeneralForumTopic } from "./ChatSettingTypes.js"
export type {
  Fault,
  FaultDelayReply,
  FaultDropReply,
  FaultErrorReply,
  FaultHtmlReply,
  FaultInput,
  FaultReply,
  FloodLimit
} from "./FaultTypes.js"
import type { ChatPermissions, ForumTopic, GeneralForumTopic } from "./ChatSettingTypes.js"
export { defaultCaps, type JournalEntry, type WorldCaps } from "./JournalAndCaps.js"
export type { StoredFile, StoredFileType } from "./StoredFileTypes.js"
import { decodeWorldShape } from "./decode/world.js"
import type { Fault, FaultInput, FloodLimit } from "./FaultTypes.js"
import type { StoredFile } from "./StoredFileTypes.js"
import type { WorldSnapshotTail } from "./WorldSnapshotTail.js"

/** A person or a bot the world knows. */
export interface User {
  /** The user's id, 1 to 2^40-1; their private chat with a bot has the same id. */
  readonly id: number
  /** True for bots; every entry of `bots` must name a user with `is_bot: true`. */
  readonly is_bot: boolean
  /** The first name, non-empty. */
  readonly first_name: string
  /** The last name, if any. */
  readonly last_name?: string | undefined
  /** The username without `@`: 1-32 characters, a letter first, `[A-Za-z0-9_]`, no trailing `_`, no `__`. */
  readonly username?: string | undefined
}

/** A user as written in a world file: `is_bot` may be left out. */
export interface UserInput extends Omit<User, "is_bot"> {
  /** True for bots; false when left out. */
  readonly is_bot?: boolean | undefined
}

/** A bot the mock answers for: requests carrying its token act as its user. */
export interface Bot {
  /** The full token, `<bot id>:<secret>` with a secret of 24-64 base64url characters; the bot id is `user_id`. */
  readonly token: string
  /** The bot's user id: a user of the world with `is_bot: true`. */
  readonly user_id: number
  /** Inline mode is on (BotFather's /setinline): people may query it inline; getMe shows it. Off when left out. */
  readonly supports_inline_queries?: boolean | undefined
  /** Inline feedback is on (/setinlinefeedback): each pick reaches the bot as `chosen_inline_result`. */
  readonly inline_feedback?: boolean | undefined
  /** Guest mode is on: people may mention it in chats it is not in (`guest_message`); getMe shows it. */
  readonly supports_guest_queries?: boolean | undefined
}

/** A member's standing in a chat, as in the Bot API's ChatMember. */
export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked"

/**
 * One user's standing in a chat, with the administrator rights of the Bot API (absent means false) and, for a
 * restricted member, the permissions of ChatPermissions it keeps (absent means false).
 */
export interface Member extends ChatPermissions {
  /** The member's user id: a user of the world. */
  readonly user_id: number
  /** Their standing; a user a chat does not list has `left` it. */
  readonly status: MemberStatus
  /** The administrator's actions appear as the chat's. */
  readonly is_anonymous?: boolean | undefined
  /** May see the chat's event log, statistics and members (implied by every other right). */
  readonly can_manage_chat?: boolean | undefined
  /** May delete other members' messages. */
  readonly can_delete_messages?: boolean | undefined
  /** May manage video chats. */
  readonly can_manage_video_chats?: boolean | undefined
  /** May restrict, ban or unban members. */
  readonly can_restrict_members?: boolean | undefined
  /** May add administrators with a subset of their own rights. */
  readonly can_promote_members?: boolean | undefined
  /** Channels: may post messages. */
  readonly can_post_messages?: boolean | undefined
  /** Channels: may edit other users' messages. */
  readonly can_edit_messages?: boolean | undefined
  /** May post stories to the chat's page. */
  readonly can_post_stories?: boolean | undefined
  /** May edit others' stories. */
  readonly can_edit_stories?: boolean | undefined
  /** May delete others' stories. */
  readonly can_delete_stories?: boolean | undefined
  /** Channels: may manage the channel's direct messages. */
  readonly can_manage_direct_messages?: boolean | undefined
  /** May set the tags of other members. */
  readonly can_manage_tags?: boolean | undefined
  /** Who promoted this administrator (their rights can be edited by them and by the creator). */
  readonly promoted_by?: number | undefined
  /**
   * The member's title: `custom_title` of the creator and administrators, `tag` of members and restricted members
   * (one value in Telegram, kept across promotions and demotions).
   */
  readonly custom_title?: string | undefined
  /** Restricted members: still in the chat (true when left out). */
  readonly is_member?: boolean | undefined
  /** Unix time in seconds: when a ban or restriction ends, or a subscriber's subscription (0 or absent: never). */
  readonly until_date?: number | undefined
}

/** The kind of a chat; it decides which ids it may have (telegram-wire.md §6). */
export type ChatType = "private" | "group" | "supergroup" | "channel"

/** A chat of the world. */
export interface Chat {
  /** Private: the user's id; basic group: -1 to -999999999999; supergroup or channel: -100 followed by its number. */
  readonly id: number
  /** The chat's kind. */
  readonly type: ChatType
  /** The title; required for groups, supergroups and channels. */
  readonly title?: string | undefined
  /** Supergroups and channels only: the public username, without `@`. */
  readonly username?: string | undefined
  /** Who is in the chat and with which rights; a private chat has none. */
  readonly members: ReadonlyArray<Member>
  /** Set on a basic group upgraded to a supergroup: the supergroup's id. */
  readonly migrated_to_chat_id?: number | undefined
  /** A basic group deleted without an upgrade. */
  readonly deleted: boolean
  /** Groups, supergroups and channels: the description (up to 255 characters). */
  readonly description?: string | undefined
  /** Groups and supergroups: what members may do (Telegram's defaults for a new group when left out). */
  readonly permissions?: ChatPermissions | undefined
  /** Supergroups: the sticker set members share. */
  readonly sticker_set_name?: string | undefined
  /** Supergroups and channels: chats banned from posting as themselves (banChatSenderChat). */
  readonly banned_sender_chat_ids?: ReadonlyArray<number> | undefined
  /** Supergroups: the chat is a forum (its messages live in topics). */
  readonly is_forum?: boolean | undefined
  /** A forum's topics besides General. */
  readonly forum_topics?: ReadonlyArray<ForumTopic> | undefined
  /** A forum's General topic, when it is not as a new forum has it. */
  readonly general_forum_topic?: GeneralForumTopic | undefined
  /**
   * Private chats: the bots the user has started (absent: every bot of the world). A user who started no bot has no
   * private chat.
   */
  readonly bot_ids?: ReadonlyArray<number> | undefined
  /** Private chats: the bots the user has blocked (absent: none). */
  readonly blocked_bot_ids?: ReadonlyArray<number> | undefined
}

/** A chat as written in a world file: `members` and `deleted` may be left out. */
export interface ChatInput extends Omit<Chat, "members" | "deleted"> {
  /** Who is in the chat; none when left out. */
  readonly members?: ReadonlyArray<Member> | undefined
  /** A basic group deleted without an upgrade; false when left out. */
  readonly deleted?: boolean | undefined
}

/** An invite link of a chat, as the Bot API's ChatInviteLink knows it, with its chat and creator. */
export interface InviteLink {
  /** The link, `https://t.me/+<hash>` (older `https://t.me/joinchat/<hash>` links are accepted too). */
  readonly invite_link: string
  /** The chat it leads to: a group, supergroup or channel of the world. */
  readonly chat_id: number
  /** The administrator who made it. */
  readonly creator_id: number
  /** True for an administrator's primary link (the one exportChatInviteLink replaces). */
  readonly is_primary: boolean
  /** True once revoked; a revoked link is kept (up to `WorldCaps.revokedLinksPerAdmin` per administrator). */
  readonly is_revoked: boolean
  /** The link's name, up to 32 characters. */
  readonly name?: string | undefined
  /** Unix time in seconds when the link expires. */
  readonly expire_date?: number | undefined
  /** How many users may join through the link, 1 to 100000. */
  readonly member_limit?: number | undefined
  /** People who use the link ask to join and an administrator approves them. */
  readonly creates_join_request: boolean
  /** Unix time in seconds when the link was made. */
  readonly created_at: number
  /** Subscription links: the period in seconds (always with `subscription_price`). */
  readonly subscription_period?: number | undefined
  /** Subscription links: the price in Telegram Stars per period. */
  readonly subscription_price?: number | undefined
  /** How many people joined through the link (counted against `member_limit`); 0 when left out. */
  readonly joined_count?: number | undefined
}

/** A person's pending request to join a chat, waiting for an administrator (approveChatJoinRequest). */
export interface JoinRequest {
  /** The chat asked to join: a group, supergroup or channel of the world. */
  readonly chat_id: number
  /** Who asks: a user of the world (not a bot). */
  readonly user_id: number
  /** Unix time in seconds when they asked. */
  readonly date: number
  /** The link they used, if any (a link of that chat). */
  readonly invite_link?: string | undefined
  /** The bio they show the administrators, if any. */
  readonly bio?: string | undefined
}

/** An invite link as written in a world file: `is_revoked` and `creates_join_request` may be left out. */
export interface InviteLinkInput extends Omit<InviteLink, "is_revoked" | "creates_join_request"> {
  /** True once revoked; false when left out. */
  readonly is_revoked?: boolean | undefined
  /** People who use the link ask to join; false when left out. */
  readonly creates_join_request?: boolean | undefined
}

/** The whole world as data: what `snapshot()` returns (a deep copy) and a world file holds once decoded. */
export interface WorldSnapshot extends WorldSnapshotTail {
  /** The bots the mock answers for. */
  readonly bots: ReadonlyArray<Bot>
  /** Everyone the world knows, bots included. */
  readonly users: ReadonlyArray<User>
  /** The chats, with their members. */
  readonly chats: ReadonlyArray<Chat>
  /** Every invite link kept, revoked ones included. */
  readonly invite_links: ReadonlyArray<InviteLink>
  /** The flood limits in force. */
  readonly flood_limits: ReadonlyArray<FloodLimit>
  /** The faults still pending, with the uses they have left. */
  readonly faults: ReadonlyArray<Fault>
  /** Join requests waiting for an administrator. */
  readonly join_requests: ReadonlyArray<JoinRequest>
  /** Files and their ids (only when the world keeps some). */
  readonly files?: ReadonlyArray<StoredFile> | undefined
  /** URLs given as files: `stand_in` (default: a file holding the URL's text) or `refuse` (`wrong file identifier/HTTP URL specified`). */
  readonly file_urls?: "stand_in" | "refuse" | undefined
}

/** A world as written in a file or passed to `MockTelegram.make`: defaults may be left out. */
export interface WorldSnapshotInput extends WorldSnapshotTail {
  /** The bots the mock answers for. */
  readonly bots: ReadonlyArray<Bot>
  /** Everyone the world knows, bots included. */
  readonly users: ReadonlyArray<UserInput>
  /** The chats, with their members. */
  readonly chats: ReadonlyArray<ChatInput>
  /** Invite links that exist from the start; none when left out. */
  readonly invite_links?: ReadonlyArray<InviteLinkInput> | undefined
  /** Flood limits; none when left out. */
  readonly flood_limits?: ReadonlyArray<FloodLimit> | undefined
  /** Faults pending from the start; none when left out. */
  readonly faults?: ReadonlyArray<FaultInput> | undefined
  /** Join requests pending from the start; none when left out. */
  readonly join_requests?: ReadonlyArray<JoinRequest> | undefined
  /** Files bots may use by file_id from the start; none when left out. */
  readonly files?: ReadonlyArray<StoredFile> | undefined
  /** How URLs given as files are treated: `stand_in` when left out, or `refuse`. */
  readonly file_urls?: "stand_in" | "refuse" | undefined
}

/** What `decodeWorld` finds: the world with its defaults filled in, or one line per problem. */
export type DecodeWorldResult =
  | { readonly ok: true; readonly world: WorldSnapshot }
  | { readonly ok: false; readonly problems: ReadonlyArray<string> }

/**
 * Validates a world: its shape, then its references (every member, bot and link creator is a known user, chat ids fit
 * their kind, ids are unique). Each problem is one line naming the field, e.g. `chats.0.members.0.user_id: unknown
 * user 999`.
 */
export const decodeWorld = (input: unknown): DecodeWorldResult => {
  const shape = decodeWorldShape(input)
  if (!shape.ok) return shape
  const problems = checkReferences(shape.value)
  return problems.length === 0 ? { ok: true, world: shape.value } : { ok: false, problems }
}
