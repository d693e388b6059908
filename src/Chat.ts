/**
 * The `Chat` object in its short form, as messages, members and join requests carry it (getChat's fuller form is
 * `ChatFullInfo`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { type Codec, literals, optional, withRest } from "./edition/schema.js"

/**
 * The kinds of chat.
 *
 * @since 0.2.0
 */
export type ChatType = "private" | "group" | "supergroup" | "channel"

/**
 * A chat. The fields a bot reads are declared; any other field Telegram sends is kept as it came.
 *
 * @since 0.2.0
 */
export interface Chat {
  readonly id: number
  readonly type: ChatType
  /** Groups, supergroups and channels. */
  readonly title?: string
  readonly username?: string
  /** Private chats: the other person's name. */
  readonly first_name?: string
  readonly last_name?: string
  readonly is_forum?: boolean
  readonly [key: string]: unknown
}

/**
 * Schema of {@link Chat}: decodes the declared fields and keeps the others.
 *
 * @since 0.2.0
 */
export const Chat: Codec<Chat> = withRest({
  id: Schema.Number,
  type: literals(["private", "group", "supergroup", "channel"]),
  title: optional(Schema.String),
  username: optional(Schema.String),
  first_name: optional(Schema.String),
  last_name: optional(Schema.String),
  is_forum: optional(Schema.Boolean)
})
