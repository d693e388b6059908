/**
 * The `CallbackQuery` object: a person pressed a callback button of an inline keyboard. The bot answers it with
 * answerCallbackQuery (the person's app shows a spinner until then).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { type Codec, optional, withRest } from "./edition/schema.js"
import { Message } from "./Message.js"
import { User } from "./User.js"

/**
 * A pressed button. `message` is the message with the keyboard (only `message_id`, `chat` and `date: 0` when the bot
 * can no longer see it); buttons of inline-mode messages have `inline_message_id` instead.
 *
 * @since 0.2.0
 */
export interface CallbackQuery {
  readonly id: string
  readonly from: User
  readonly message?: Message
  readonly inline_message_id?: string
  readonly chat_instance: string
  /** The button's `callback_data`. */
  readonly data?: string
  readonly game_short_name?: string
  readonly [key: string]: unknown
}

/**
 * Schema of {@link CallbackQuery}: decodes the declared fields and keeps the others.
 *
 * @since 0.2.0
 */
export const CallbackQuery: Codec<CallbackQuery> = withRest({
  id: Schema.String,
  from: User,
  message: optional(Message),
  inline_message_id: optional(Schema.String),
  chat_instance: Schema.String,
  data: optional(Schema.String),
  game_short_name: optional(Schema.String)
})

/**
 * The optional parameters of answerCallbackQuery (wire names): a notification (or an alert) for the person, a URL to
 * open, and how long their app may cache the answer (seconds).
 *
 * @since 0.2.0
 */
export interface AnswerOptions {
  readonly text?: string
  readonly show_alert?: boolean
  readonly url?: string
  readonly cache_time?: number
  readonly [key: string]: unknown
}
