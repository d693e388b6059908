/**
 * What an administrator or a person does outside the Bot API around forums and emoji statuses: switch a supergroup's
 * topics on or off, create a topic (the bots get `forum_topic_created`), let a bot set one's emoji status (what a Mini
 * App's requestEmojiStatusAccess asks). A refusal throws MockInputError and changes nothing.
 */
import type { ForumTopic } from "@grammyjs/types"
import type { EmojiStatusAccessInput, ForumInput, TopicInput } from "../decode/adminControl.js"
import { defaultActor } from "../events/standing.js"
import { createTopic } from "../events/topics.js"
import { MockInputError } from "../MockInputError.js"
import { setForum as switchForum } from "../world/forum.js"
import { standing } from "../world/members.js"
import { chatData } from "../world/snapshot.js"
import { userStatus } from "../world/userStatus.js"
import type { ChatRecord, World } from "../world/World.js"
import type { Chat } from "../WorldSnapshot.js"
import { botFor } from "./talk.js"

/** A supergroup of the world that was not deleted. */
const supergroup = (world: World, chatId: number): ChatRecord => {
  const chat = world.chats.get(chatId)
  if (chat === undefined) throw new MockInputError([`chat_id: no chat ${chatId} in this world`])
  if (chat.type !== "supergroup") {
    throw new MockInputError([`chat_id: chat ${chatId} is a ${chat.type}, not a supergroup`])
  }
  return chat
}

/** Switches a supergroup's topics on or off: the chat in the world-file format. */
export const setForum = (world: World, chatId: number, input: ForumInput): Chat => {
  const chat = supergroup(world, chatId)
  switchForum(chat, input.is_forum)
  return chatData(chat, world)
}

/** An administrator (`by`, default the creator) creates a topic in a forum: the ForumTopic. */
export const createTopicAs = (world: World, chatId: number, input: TopicInput): ForumTopic => {
  const chat = supergroup(world, chatId)
  const problems: Array<string> = []
  if (!chat.profile.isForum) problems.push(`chat_id: chat ${chatId} is not a forum`)
  const by = input.by ?? defaultActor(chat, 0)
  const actor = standing(chat, by)
  if (
    by === 0 || (actor.status !== "creator" && !(actor.status === "administrator" && actor.rights.can_manage_topics))
  ) {
    problems.push(`by: user ${by} may not create topics in chat ${chatId} (creator, or can_manage_topics)`)
  }
  if (problems.length > 0) throw new MockInputError(problems)
  const topic = createTopic(world, chat, by, {
    name: input.name.trim(),
    iconColor: input.icon_color ?? 0,
    iconCustomEmojiId: input.icon_custom_emoji_id ?? ""
  })
  return {
    message_thread_id: topic.id,
    name: topic.name,
    icon_color: topic.iconColor,
    ...(topic.iconCustomEmojiId !== "" ? { icon_custom_emoji_id: topic.iconCustomEmojiId } : {})
  }
}

/** A person lets a bot (the world's first unless named) set their emoji status, or takes that back. */
export const allowEmojiStatus = (world: World, userId: number, input: EmojiStatusAccessInput): true => {
  const botId = botFor(world, input.bot_id)
  if (typeof botId === "string") throw new MockInputError([botId])
  const record = userStatus(world, userId)
  if (input.allowed === false) record.allowedBots.delete(botId)
  else record.allowedBots.add(botId)
  return true
}
