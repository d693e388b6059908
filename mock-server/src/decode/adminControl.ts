/**
 * The decoders of the control API's administration bodies (and of the same MockTelegram methods): a forum switched on
 * or off, a topic an administrator creates, a person's permission for a bot to set their emoji status, and the query
 * of the commands a person's app shows.
 */
import {
  boolean,
  type Decoded,
  decoder,
  intBetween,
  optional,
  pattern,
  refine,
  string,
  struct,
  type StructOf
} from "./decoder.js"
import { userId } from "./world.js"

/** `PUT /__mock/chats/:chat_id/forum`. */
const forumDecoder = struct({ is_forum: boolean })

/** `POST /__mock/chats/:chat_id/topics`. */
const topicDecoder = struct({
  name: refine(string, "a name of 1 to 128 characters", (s) => s.trim().length >= 1 && s.length <= 128),
  icon_color: optional(intBetween(0, 0xffffff, "an RGB color from 0 to 16777215")),
  icon_custom_emoji_id: optional(pattern(/^[1-9][0-9]{0,18}$/, "a custom emoji id (decimal digits)")),
  by: optional(userId)
})

/** `POST /__mock/users/:user_id/emoji_status_access`. */
const emojiStatusAccessDecoder = struct({ bot_id: optional(userId), allowed: optional(boolean) })

/** The commands a person's app shows: whose app, in which chat, in which language. */
const commandsQueryDecoder = struct({
  user_id: userId,
  chat_id: optional(intBetween(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, "a chat id")),
  language_code: optional(pattern(/^[a-z]{2}$/, "a two-letter language code"))
})

export type ForumInput = StructOf<typeof forumDecoder.fields>
export type TopicInput = StructOf<typeof topicDecoder.fields>
export type EmojiStatusAccessInput = StructOf<typeof emojiStatusAccessDecoder.fields>
export type CommandsQuery = StructOf<typeof commandsQueryDecoder.fields>

export const decodeForum: (input: unknown) => Decoded<ForumInput> = decoder(forumDecoder, "forum")
export const decodeTopic: (input: unknown) => Decoded<TopicInput> = decoder(topicDecoder, "topic")
export const decodeEmojiStatusAccess: (input: unknown) => Decoded<EmojiStatusAccessInput> = decoder(
  emojiStatusAccessDecoder,
  "emoji status access"
)
export const decodeCommandsQuery: (input: unknown) => Decoded<CommandsQuery> = decoder(
  commandsQueryDecoder,
  "commands query"
)
