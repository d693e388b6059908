/**
 * The `User` object: a person or a bot, as messages, callback queries, members and invite links name them.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import * as Objects from "./core/objects.js"
import { type Codec, optional, withRest } from "./edition/schema.js"

/**
 * A Telegram user or bot. The fields a bot reads are declared; any other field Telegram sends is kept as it came.
 *
 * @since 0.2.0
 */
export interface User {
  readonly id: number
  readonly is_bot: boolean
  readonly first_name: string
  readonly last_name?: string
  readonly username?: string
  readonly language_code?: string
  readonly is_premium?: boolean
  readonly [key: string]: unknown
}

/**
 * Schema of {@link User}: decodes the declared fields and keeps the others.
 *
 * @since 0.2.0
 */
export const User: Codec<User> = withRest({
  id: Schema.Number,
  is_bot: Schema.Boolean,
  first_name: Schema.String,
  last_name: optional(Schema.String),
  username: optional(Schema.String),
  language_code: optional(Schema.String),
  is_premium: optional(Schema.Boolean)
})

/**
 * A user's name for people: first and last name, then `@username` when there is one (`Bob (@bob)`).
 *
 * @since 0.2.0
 */
export const displayName = (user: User): string => Objects.displayName(user)
