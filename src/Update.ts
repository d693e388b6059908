/**
 * The `Update` object as a small tagged union: the kinds an invite-link bot handles are decoded (`message`,
 * `edited_message`, `callback_query`, `my_chat_member`, `chat_member`, `chat_join_request`), every other kind is kept
 * raw with its `update_id`. `_tag` is the wire name of the kind, so `switch (update._tag)` narrows to its field.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { CallbackQuery } from "./CallbackQuery.js"
import { ChatJoinRequest, ChatMemberUpdated } from "./ChatMember.js"
import { updateType } from "./core/updates.js"
import { type Codec, decoderOf, withRest } from "./edition/schema.js"
import { Message } from "./Message.js"

/**
 * The name of every kind of update, as `allowed_updates` takes them.
 *
 * @since 0.2.0
 */
export const updateTypes = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "inline_query",
  "chosen_inline_result",
  "callback_query",
  "shipping_query",
  "pre_checkout_query",
  "poll",
  "poll_answer",
  "my_chat_member",
  "chat_member",
  "chat_join_request",
  "chat_boost",
  "removed_chat_boost",
  "message_reaction",
  "message_reaction_count",
  "business_connection",
  "business_message",
  "edited_business_message",
  "deleted_business_messages",
  "purchased_paid_media"
] as const

/**
 * A kind of update. Telegram sends every kind but `chat_member`, `message_reaction` and `message_reaction_count`
 * unless `allowed_updates` names them.
 *
 * @since 0.2.0
 */
export type UpdateType = typeof updateTypes[number]

/**
 * An update as it came: its `update_id` and one field named after its kind.
 *
 * @since 0.2.0
 */
export interface RawUpdate {
  readonly update_id: number
  readonly [key: string]: unknown
}

/**
 * Schema of {@link RawUpdate}: only `update_id` is checked.
 *
 * @since 0.2.0
 */
export const RawUpdate: Codec<RawUpdate> = withRest({ update_id: Schema.Number })

/**
 * A new message (a text, a command, or a service message such as `new_chat_members`).
 *
 * @since 0.2.0
 */
export interface MessageUpdate {
  readonly _tag: "message"
  readonly update_id: number
  readonly message: Message
}

/**
 * A message was edited.
 *
 * @since 0.2.0
 */
export interface EditedMessageUpdate {
  readonly _tag: "edited_message"
  readonly update_id: number
  readonly edited_message: Message
}

/**
 * A callback button was pressed.
 *
 * @since 0.2.0
 */
export interface CallbackQueryUpdate {
  readonly _tag: "callback_query"
  readonly update_id: number
  readonly callback_query: CallbackQuery
}

/**
 * The bot's own standing changed (made an admin, removed, blocked by a person, …).
 *
 * @since 0.2.0
 */
export interface MyChatMemberUpdate {
  readonly _tag: "my_chat_member"
  readonly update_id: number
  readonly my_chat_member: ChatMemberUpdated
}

/**
 * Someone else's standing changed (joined, left, promoted, …). Sent only when `allowed_updates` names it and the bot
 * is an administrator of the chat.
 *
 * @since 0.2.0
 */
export interface ChatMemberUpdate {
  readonly _tag: "chat_member"
  readonly update_id: number
  readonly chat_member: ChatMemberUpdated
}

/**
 * A person asked to join through a link that needs approval (the bot needs `can_invite_users`).
 *
 * @since 0.2.0
 */
export interface ChatJoinRequestUpdate {
  readonly _tag: "chat_join_request"
  readonly update_id: number
  readonly chat_join_request: ChatJoinRequest
}

/**
 * Any other update, kept as it came. `type` is the name of its field (`undefined` when it has none); `problem` says
 * why an update of a decoded kind was kept raw (its object did not match the schema).
 *
 * @since 0.2.0
 */
export interface OtherUpdate {
  readonly _tag: "other"
  readonly update_id: number
  readonly type: string | undefined
  readonly raw: RawUpdate
  readonly problem?: string
}

/**
 * An update: one of the decoded kinds, or any other kept raw.
 *
 * @since 0.2.0
 */
export type Update =
  | MessageUpdate
  | EditedMessageUpdate
  | CallbackQueryUpdate
  | MyChatMemberUpdate
  | ChatMemberUpdate
  | ChatJoinRequestUpdate
  | OtherUpdate

/** The decoded kinds and the schema of their object. */
const payloads = {
  message: Message,
  edited_message: Message,
  callback_query: CallbackQuery,
  my_chat_member: ChatMemberUpdated,
  chat_member: ChatMemberUpdated,
  chat_join_request: ChatJoinRequest
} as const satisfies Record<string, Codec<any>>

const isDecoded = (type: string): type is keyof typeof payloads => Object.hasOwn(payloads, type)

/**
 * Decodes a raw update into the union. Never fails: an update of a decoded kind whose object does not match its
 * schema is kept raw, with the `problem`, so one odd update cannot stop a bot.
 *
 * @since 0.2.0
 */
export const decode = (raw: RawUpdate): Update => {
  const type = updateType(raw)
  if (type === undefined || !isDecoded(type)) return { _tag: "other", update_id: raw.update_id, type, raw }
  const payload = payloadDecoder(type)(raw[type])
  if (!payload.ok) return { _tag: "other", update_id: raw.update_id, type, raw, problem: payload.problem }
  return { _tag: type, update_id: raw.update_id, [type]: payload.value } as unknown as Update
}

const payloadDecoders = new Map<string, ReturnType<typeof decoderOf<unknown, unknown>>>()

/** The decoder of a kind's object, built once. */
const payloadDecoder = (type: keyof typeof payloads): ReturnType<typeof decoderOf<unknown, unknown>> => {
  let decoder = payloadDecoders.get(type)
  if (decoder === undefined) payloadDecoders.set(type, decoder = decoderOf(payloads[type] as Codec<unknown>))
  return decoder
}
