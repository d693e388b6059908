/**
 * The `ChatFullInfo` object returned by getChat, reduced to what the library reads (`invite_link` above all).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { literals } from "./edition/schema.js"

/**
 * A chat as getChat describes it.
 *
 * @since 0.1.0
 */
export const ChatFullInfo = Schema.Struct({
  id: Schema.Number,
  type: literals(["private", "group", "supergroup", "channel"]),
  title: Schema.optional(Schema.String),
  username: Schema.optional(Schema.String),
  first_name: Schema.optional(Schema.String),
  invite_link: Schema.optional(Schema.String)
})

/** @since 0.1.0 */
export type ChatFullInfo = typeof ChatFullInfo.Type
