/**
 * The people operations as the facade and the control API expose them: typed input (the facade and the routes decode
 * it), the person and the chat checked, then the action. A refusal throws MockInputError and changes nothing.
 */
import type { ChatMember, Message, Poll } from "@grammyjs/types"
import type {
  BlockInput,
  EditInput,
  ForwardInput,
  JoinInput,
  LeaveInput,
  NewUser,
  PressInput,
  ReactInput,
  SendInput,
  StandingInput,
  VoteInput
} from "../decode/control.js"
import { changeStanding, defaultActor, dropJoinRequest, sameStanding } from "../events/standing.js"
import { normalizeUsername } from "../internal/text.js"
import { MockInputError } from "../MockInputError.js"
import { chatMemberJson } from "../wire/member.js"
import { messageJson } from "../wire/message.js"
import { asChatMember, asMessage } from "../wire/typed.js"
import { standing } from "../world/members.js"
import { findMessage, messagesOf } from "../world/messages.js"
import type { ChatRecord, MemberRecord, World } from "../world/World.js"
import type { User } from "../WorldSnapshot.js"
import { joinByLink, type JoinOutcome, leave } from "./joins.js"
import { editAsPerson, forwardAsPerson } from "./messageActions.js"
import { reactAsPerson } from "./reactions.js"
import { block, PersonProblem, press, sendAsPerson } from "./talk.js"
import { voteAsPerson } from "./votes.js"

export const lines = <A>(run: () => A): A => {
  try {
    return run()
  } catch (error) {
    if (error instanceof PersonProblem) throw new MockInputError([error.line])
    throw error
  }
}

/** A person of the world (not a bot) by id. */
export const person = (world: World, userId: number): User => {
  const user = world.users.get(userId)
  if (user === undefined) throw new MockInputError([`user_id: unknown user ${userId}`])
  if (user.is_bot) throw new MockInputError([`user_id: user ${userId} is a bot`])
  return user
}

/** A group, supergroup or channel that still exists. */
const groupChat = (world: World, chatId: number): ChatRecord => {
  const chat = world.chats.get(chatId)
  if (chat === undefined) throw new MockInputError([`chat_id: no chat ${chatId} in this world`])
  if (chat.type === "private") throw new MockInputError([`chat_id: chat ${chatId} is a private chat`])
  if (chat.migratedTo !== undefined) {
    throw new MockInputError([`chat_id: chat ${chatId} was upgraded to ${chat.migratedTo}`])
  }
  if (chat.deleted) throw new MockInputError([`chat_id: chat ${chatId} was deleted`])
  return chat
}

/** Adds a person (`POST /__mock/users`). */
export const addUser = (world: World, user: NewUser): User => {
  const problems: Array<string> = []
  if (world.users.has(user.id)) problems.push(`id: user ${user.id} already exists`)
  if (user.username !== undefined) {
    const name = normalizeUsername(user.username)
    const taken = [...world.users.values()].some((u) =>
      u.username !== undefined && normalizeUsername(u.username) === name
    )
    if (taken || world.chatsByUsername.has(name)) problems.push(`username: ${user.username} is taken`)
  }
  if (world.users.size >= world.caps.users) problems.push(`id: the world holds ${world.caps.users} users (caps.users)`)
  if (problems.length > 0) throw new MockInputError(problems)
  const added: User = { ...user, is_bot: false }
  world.users.set(user.id, added)
  return { ...added }
}

/** A person sends a message: the Message. */
export const send = (world: World, userId: number, body: SendInput): Message => {
  person(world, userId)
  const text = lines(() =>
    sendAsPerson(world, userId, {
      text: body.text,
      chatId: body.chat_id,
      botId: body.bot_id,
      replyToMessageId: body.reply_to_message_id,
      threadId: body.message_thread_id
    })
  )
  return asMessage(text)
}

/** A person presses an inline button: the callback query's id. */
export const pressButton = (world: World, userId: number, body: PressInput): { callback_query_id: string } => {
  person(world, userId)
  const id = lines(() =>
    press(world, userId, { chatId: body.chat_id, messageId: body.message_id, data: body.data, botId: body.bot_id })
  )
  return { callback_query_id: id }
}

/** A person uses an invite link. */
export const join = (world: World, userId: number, body: JoinInput): JoinOutcome => {
  person(world, userId)
  return joinByLink(world, userId, body.invite_link.trim(), body.pay_stars === true)
}

/** A person leaves a chat. */
export const leaveChat = (world: World, userId: number, input: LeaveInput): true => {
  person(world, userId)
  const problem = leave(world, userId, groupChat(world, input.chat_id))
  if (problem !== undefined) throw new MockInputError([problem])
  return true
}

/** A person blocks a bot. */
export const blockBot = (world: World, userId: number, body: BlockInput): true => {
  person(world, userId)
  lines(() => block(world, userId, body.bot_id))
  return true
}

/** An administrator changes a standing (`PUT /__mock/chats/:chat_id/members/:user_id`): the new ChatMember. */
export const setMember = (world: World, chatId: number, userId: number, input: StandingInput): ChatMember => {
  const chat = groupChat(world, chatId)
  if (!world.users.has(userId)) throw new MockInputError([`user_id: unknown user ${userId}`])
  const { by, status, ...rights } = input
  const problems: Array<string> = []
  const current = standing(chat, userId)
  if (current.status === "creator" && status !== "creator") {
    problems.push(`user_id: user ${userId} created chat ${chatId}`)
  }
  const creator = [...chat.members].find(([, m]) => m.status === "creator")?.[0]
  if (status === "creator" && creator !== undefined && creator !== userId) {
    problems.push(`status: chat ${chatId} already has a creator (user ${creator})`)
  }
  if (status === "restricted" && chat.type !== "supergroup") problems.push(`status: only supergroups restrict members`)
  if (by !== undefined && !world.users.has(by)) problems.push(`by: unknown user ${by}`)
  if (problems.length > 0) throw new MockInputError(problems)
  const after: MemberRecord = { status, rights }
  if (!sameStanding(current, after)) changeStanding(world, chat, userId, after, by ?? defaultActor(chat, userId))
  return asChatMember(chatMemberJson(world, chat, userId, standing(chat, userId)))
}

/** A person's pending join request in a group chat, or a MockInputError naming why there is none. */
const pendingRequest = (world: World, chatId: number, userId: number) => {
  const chat = groupChat(world, chatId)
  if (!world.users.has(userId)) throw new MockInputError([`user_id: unknown user ${userId}`])
  const request = chat.joinRequests.get(userId)
  if (request === undefined) {
    throw new MockInputError([`user_id: user ${userId} has no pending join request in chat ${chatId}`])
  }
  return { chat, request }
}

/**
 * An administrator approves a person's pending join request (what a bot with the right would do with
 * approveChatJoinRequest): the person becomes a member through the request's link, and the bots hear of it as they do
 * of a bot's approval (the person as `from`, `via_join_request`). The new ChatMember.
 */
export const approveJoinRequest = (world: World, chatId: number, userId: number): ChatMember => {
  const { chat, request } = pendingRequest(world, chatId, userId)
  dropJoinRequest(chat, userId)
  if (request.link !== undefined) request.link.joinedCount++
  changeStanding(world, chat, userId, { status: "member", rights: {} }, userId, {
    link: request.link,
    viaJoinRequest: true
  })
  return asChatMember(chatMemberJson(world, chat, userId, standing(chat, userId)))
}

/** An administrator declines a person's pending join request: it is gone. */
export const declineJoinRequest = (world: World, chatId: number, userId: number): true => {
  const { chat } = pendingRequest(world, chatId, userId)
  dropJoinRequest(chat, userId)
  return true
}

/**
 * A chat's messages, oldest first (a private chat: its conversation with `botId`, or the first bot); with `after`,
 * only those with a greater message_id.
 */
export const chatMessages = (world: World, chatId: number, botId: number | undefined, after = 0): Array<Message> => {
  const chat = world.chats.get(chatId)
  if (chat === undefined) throw new MockInputError([`chat_id: no chat ${chatId} in this world`])
  const bot = botId ?? world.bots[0]?.user_id
  const log = chat.type === "private" ? chat.conversations.get(bot ?? -1)?.log : chat.log
  if (log === undefined) return []
  return messagesOf(log).filter((message) => message.id > after).map((message) => {
    const reply = message.replyToId === undefined ? undefined : findMessage(log, message.replyToId)
    return asMessage(messageJson(world, message, chat.type === "private" ? bot : undefined, reply))
  })
}

/** A user's standing in a chat as a ChatMember (`left` for a known user the chat does not list). */
export const chatMember = (world: World, chatId: number, userId: number): ChatMember => {
  const chat = world.chats.get(chatId)
  if (chat === undefined) throw new MockInputError([`chat_id: no chat ${chatId} in this world`])
  if (!world.users.has(userId)) throw new MockInputError([`user_id: unknown user ${userId}`])
  return asChatMember(chatMemberJson(world, chat, userId, standing(chat, userId)))
}

/** A person edits their text message: the Message (the bots that got it get `edited_message`). */
export const editMessage = (world: World, userId: number, body: EditInput): Message => {
  person(world, userId)
  const place = { chatId: body.chat_id, botId: body.bot_id, messageId: body.message_id }
  return asMessage(lines(() => editAsPerson(world, userId, { ...place, text: body.text })))
}

/** A person forwards a message they can see to a bot (or a chat): the new Message. */
export const forwardMessage = (world: World, userId: number, body: ForwardInput): Message => {
  person(world, userId)
  return asMessage(lines(() =>
    forwardAsPerson(world, userId, {
      fromChatId: body.from_chat_id,
      fromBotId: body.from_bot_id,
      messageId: body.message_id,
      chatId: body.chat_id,
      botId: body.bot_id
    })
  ))
}

/** A person votes in a poll (`[]` retracts): the Poll as they see it. */
export const vote = (world: World, userId: number, body: VoteInput): Poll => {
  person(world, userId)
  const place = { chatId: body.chat_id, botId: body.bot_id, messageId: body.message_id }
  return JSON.parse(lines(() => voteAsPerson(world, userId, { ...place, optionIds: body.option_ids }))) as Poll
}

/** A person sets their reactions on a message (`[]` removes them). */
export const react = (world: World, userId: number, body: ReactInput): true => {
  person(world, userId)
  const reactions = body.reaction.map((r) =>
    r.type === "emoji" ? { kind: "emoji" as const, emoji: r.emoji } : {
      kind: "custom_emoji" as const,
      customEmojiId: r.custom_emoji_id
    }
  )
  lines(() =>
    reactAsPerson(world, userId, { chatId: body.chat_id, botId: body.bot_id, messageId: body.message_id, reactions })
  )
  return true
}
