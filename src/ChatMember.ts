/**
 * Members and joins: the `ChatMember` object (someone's standing in a chat), `ChatMemberUpdated` (what the
 * `my_chat_member` and `chat_member` updates carry) and `ChatJoinRequest` (a person asked to join through a link that
 * needs approval).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { Chat } from "./Chat.js"
import { ChatInviteLink } from "./ChatInviteLink.js"
import * as Objects from "./core/objects.js"
import { type Codec, literals, optional, withRest } from "./edition/schema.js"
import { User } from "./User.js"

/**
 * The standings a user can have in a chat.
 *
 * @since 0.2.0
 */
export type Status = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked"

/**
 * Someone's standing in a chat. The rights of administrators and restricted members are kept as sent (`can_…`).
 *
 * @since 0.2.0
 */
export interface ChatMember {
  readonly user: User
  readonly status: Status
  /** Restricted: whether they are in the chat. */
  readonly is_member?: boolean
  /** Kicked or restricted until (0: forever); a subscriber's subscription ends then. */
  readonly until_date?: number
  readonly custom_title?: string
  readonly [key: string]: unknown
}

/**
 * Schema of {@link ChatMember}: decodes the declared fields and keeps the others.
 *
 * @since 0.2.0
 */
export const ChatMember: Codec<ChatMember> = withRest({
  user: User,
  status: literals(["creator", "administrator", "member", "restricted", "left", "kicked"]),
  is_member: optional(Schema.Boolean),
  until_date: optional(Schema.Number),
  custom_title: optional(Schema.String)
})

/**
 * Whether the standing counts as being in the chat: creator, administrator, member, or restricted and still a member.
 *
 * @since 0.2.0
 */
export const isInChat = (member: ChatMember): boolean => Objects.isInChat(member)

/**
 * A change of someone's standing: the bot's own (`my_chat_member`) or anyone else's (`chat_member`). `invite_link`
 * is the link they joined by; `via_join_request` is set when an administrator approved their request.
 *
 * @since 0.2.0
 */
export interface ChatMemberUpdated {
  readonly chat: Chat
  /** Who made the change (the member themselves when they joined or left). */
  readonly from: User
  readonly date: number
  readonly old_chat_member: ChatMember
  readonly new_chat_member: ChatMember
  readonly invite_link?: ChatInviteLink
  readonly via_join_request?: boolean
  readonly via_chat_folder_invite_link?: boolean
  readonly [key: string]: unknown
}

/**
 * Schema of {@link ChatMemberUpdated}: decodes the declared fields and keeps the others.
 *
 * @since 0.2.0
 */
export const ChatMemberUpdated: Codec<ChatMemberUpdated> = withRest({
  chat: Chat,
  from: User,
  date: Schema.Number,
  old_chat_member: ChatMember,
  new_chat_member: ChatMember,
  invite_link: optional(ChatInviteLink),
  via_join_request: optional(Schema.Boolean),
  via_chat_folder_invite_link: optional(Schema.Boolean)
})

/**
 * Whether the change is a join: not in the chat before, in it now.
 *
 * @since 0.2.0
 */
export const isJoin = (update: ChatMemberUpdated): boolean =>
  !isInChat(update.old_chat_member) && isInChat(update.new_chat_member)

/**
 * A request to join a chat through a link with `creates_join_request`; the bot approves or declines it
 * (approveChatJoinRequest, declineChatJoinRequest) and may write to `user_chat_id` meanwhile.
 *
 * @since 0.2.0
 */
export interface ChatJoinRequest {
  readonly chat: Chat
  readonly from: User
  /** The private chat with the person, open to the bot while the request is pending. */
  readonly user_chat_id: number
  readonly date: number
  readonly bio?: string
  readonly invite_link?: ChatInviteLink
  readonly [key: string]: unknown
}

/**
 * Schema of {@link ChatJoinRequest}: decodes the declared fields and keeps the others.
 *
 * @since 0.2.0
 */
export const ChatJoinRequest: Codec<ChatJoinRequest> = withRest({
  chat: Chat,
  from: User,
  user_chat_id: Schema.Number,
  date: Schema.Number,
  bio: optional(Schema.String),
  invite_link: optional(ChatInviteLink)
})
