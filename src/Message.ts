/**
 * The `Message` object (what sendMessage returns and `message` updates carry), with the parts of it a bot reads:
 * entities, inline keyboards, link preview options, and the service fields of joins, leaves and group upgrades; and
 * the parameters of sendMessage ({@link SendMessageOptions}), with builders of inline keyboards.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { Chat } from "./Chat.js"
import type * as ChatId from "./ChatId.js"
import { commandOf } from "./core/objects.js"
import { type Codec, optional, withRest } from "./edition/schema.js"
import { User } from "./User.js"

/**
 * A special part of a message's text (a command, a link, bold text, …); offsets and lengths in UTF-16 code units.
 *
 * @since 0.2.0
 */
export interface MessageEntity {
  readonly type: string
  readonly offset: number
  readonly length: number
  readonly url?: string
  readonly user?: User
  readonly language?: string
  readonly custom_emoji_id?: string
  readonly [key: string]: unknown
}

/**
 * Schema of {@link MessageEntity}.
 *
 * @since 0.2.0
 */
export const MessageEntity: Codec<MessageEntity> = withRest({
  type: Schema.String,
  offset: Schema.Number,
  length: Schema.Number,
  url: optional(Schema.String),
  user: optional(User),
  language: optional(Schema.String),
  custom_emoji_id: optional(Schema.String)
})

/**
 * A button of an inline keyboard: it opens `url`, or sends `callback_data` back to the bot as a callback query (other
 * kinds keep their fields).
 *
 * @since 0.2.0
 */
export interface InlineKeyboardButton {
  readonly text: string
  readonly url?: string
  readonly callback_data?: string
  readonly [key: string]: unknown
}

/**
 * Schema of {@link InlineKeyboardButton}.
 *
 * @since 0.2.0
 */
export const InlineKeyboardButton: Codec<InlineKeyboardButton> = withRest({
  text: Schema.String,
  url: optional(Schema.String),
  callback_data: optional(Schema.String)
})

/**
 * An inline keyboard: rows of buttons under a message.
 *
 * @since 0.2.0
 */
export interface InlineKeyboardMarkup {
  readonly inline_keyboard: ReadonlyArray<ReadonlyArray<InlineKeyboardButton>>
  readonly [key: string]: unknown
}

/**
 * Schema of {@link InlineKeyboardMarkup}.
 *
 * @since 0.2.0
 */
export const InlineKeyboardMarkup: Codec<InlineKeyboardMarkup> = withRest({
  inline_keyboard: Schema.Array(Schema.Array(InlineKeyboardButton))
})

/**
 * How the link preview of a message is shown.
 *
 * @since 0.2.0
 */
export interface LinkPreviewOptions {
  readonly is_disabled?: boolean
  readonly url?: string
  readonly prefer_small_media?: boolean
  readonly prefer_large_media?: boolean
  readonly show_above_text?: boolean
  readonly [key: string]: unknown
}

/**
 * Schema of {@link LinkPreviewOptions}.
 *
 * @since 0.2.0
 */
export const LinkPreviewOptions: Codec<LinkPreviewOptions> = withRest({
  is_disabled: optional(Schema.Boolean),
  url: optional(Schema.String),
  prefer_small_media: optional(Schema.Boolean),
  prefer_large_media: optional(Schema.Boolean),
  show_above_text: optional(Schema.Boolean)
})

/**
 * A message. The fields a bot reads are declared (text messages, and the service messages of joins, leaves and
 * upgrades); any other field (stickers, photos, …) is kept as it came.
 *
 * @since 0.2.0
 */
export interface Message {
  /** Unique in its chat (in a private chat, per bot). */
  readonly message_id: number
  readonly message_thread_id?: number
  /** The sender; absent in channels, where `sender_chat` is the channel. */
  readonly from?: User
  readonly sender_chat?: Chat
  readonly chat: Chat
  /** Unix time, in seconds. */
  readonly date: number
  readonly reply_to_message?: Message
  readonly text?: string
  readonly entities?: ReadonlyArray<MessageEntity>
  readonly link_preview_options?: LinkPreviewOptions
  readonly reply_markup?: InlineKeyboardMarkup
  readonly has_protected_content?: boolean
  /** People who joined the group (by link, approved request, or added by someone). */
  readonly new_chat_members?: ReadonlyArray<User>
  /** Someone who left or was removed. */
  readonly left_chat_member?: User
  /** In the old group: it was upgraded to the supergroup with this id. */
  readonly migrate_to_chat_id?: number
  /** In the new supergroup: it was upgraded from the group with this id. */
  readonly migrate_from_chat_id?: number
  readonly [key: string]: unknown
}

/**
 * Schema of {@link Message}: decodes the declared fields and keeps the others.
 *
 * @since 0.2.0
 */
export const Message: Codec<Message> = withRest({
  message_id: Schema.Number,
  message_thread_id: optional(Schema.Number),
  from: optional(User),
  sender_chat: optional(Chat),
  chat: Chat,
  date: Schema.Number,
  reply_to_message: optional(Schema.suspend((): Codec<Message> => Message)),
  text: optional(Schema.String),
  entities: optional(Schema.Array(MessageEntity)),
  link_preview_options: optional(LinkPreviewOptions),
  reply_markup: optional(InlineKeyboardMarkup),
  has_protected_content: optional(Schema.Boolean),
  new_chat_members: optional(Schema.Array(User)),
  left_chat_member: optional(User),
  migrate_to_chat_id: optional(Schema.Number),
  migrate_from_chat_id: optional(Schema.Number)
})

/**
 * The bot command a message starts with, without its `/` and `@botname` (`"/invite@my_bot now"` → `"invite"`), read
 * from its first `bot_command` entity at offset 0; `undefined` when the text does not start with a command.
 *
 * @since 0.2.0
 */
export const command = (message: Message): string | undefined => commandOf(message.text, message.entities)

/**
 * How sendMessage parses `text` for formatting (Telegram checks it: a text that does not parse is refused with
 * `Bad Request: can't parse entities: …`).
 *
 * @since 0.2.0
 */
export type ParseMode = "HTML" | "MarkdownV2" | "Markdown"

/**
 * What a message replies to: `message_id` in the same chat, or in `chat_id`.
 *
 * @since 0.2.0
 */
export interface ReplyParameters {
  readonly message_id: number
  readonly chat_id?: ChatId.Input
  /** Send even when the message to reply to is gone. */
  readonly allow_sending_without_reply?: boolean
  /** A part of the replied message to quote. */
  readonly quote?: string
  readonly [key: string]: unknown
}

/**
 * The `reply_markup` of sendMessage: an inline keyboard (typed), or a reply keyboard, its removal, or a forced reply
 * (sent as given).
 *
 * @since 0.2.0
 */
export type ReplyMarkup =
  | InlineKeyboardMarkup
  | { readonly keyboard: ReadonlyArray<ReadonlyArray<unknown>>; readonly [key: string]: unknown }
  | { readonly remove_keyboard: true; readonly [key: string]: unknown }
  | { readonly force_reply: true; readonly [key: string]: unknown }

/**
 * The optional parameters of sendMessage (wire names). Any other parameter of the method can be added; it is sent as
 * given.
 *
 * @since 0.2.0
 */
export interface SendMessageOptions {
  readonly parse_mode?: ParseMode
  /** Formatting given as entities instead of `parse_mode`. */
  readonly entities?: ReadonlyArray<MessageEntity>
  readonly reply_markup?: ReplyMarkup
  readonly reply_parameters?: ReplyParameters
  readonly link_preview_options?: LinkPreviewOptions
  /** A forum topic of a supergroup. */
  readonly message_thread_id?: number
  readonly disable_notification?: boolean
  readonly protect_content?: boolean
  readonly [key: string]: unknown
}

/**
 * A button that opens `url` (an invite link, say).
 *
 * @since 0.2.0
 */
export const urlButton = (text: string, url: string): InlineKeyboardButton => ({ text, url })

/**
 * A button that sends `data` (1–64 bytes) back to the bot as a `callback_query`.
 *
 * @since 0.2.0
 */
export const callbackButton = (text: string, data: string): InlineKeyboardButton => ({ text, callback_data: data })

/**
 * An inline keyboard from its rows of buttons, for `reply_markup`.
 *
 * @since 0.2.0
 */
export const inlineKeyboard = (
  ...rows: ReadonlyArray<ReadonlyArray<InlineKeyboardButton>>
): InlineKeyboardMarkup => ({ inline_keyboard: rows })
