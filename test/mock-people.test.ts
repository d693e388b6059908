/**
 * People from TypeScript (the MockTelegram methods behind the people routes), the world file's new parts (private
 * chats' bots, join requests, subscription links, restricted members) and the caps of everything a bot's traffic
 * makes grow: updates per bot, messages per chat, users, callback queries.
 */
import {
  decodeWorld,
  DEFAULT_BOT_TOKEN,
  defaultWorld,
  manualClock,
  MockInputError,
  MockTelegram,
  type WireResponse
} from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"

const SUPERGROUP = -1001234567890
const BOT = 123456

const call = (mock: MockTelegram, method: string, params: Record<string, unknown> = {}) => {
  const response: WireResponse = mock.handle({
    method: "POST",
    target: `/bot${DEFAULT_BOT_TOKEN}/${method}`,
    contentType: "application/json",
    body: new TextEncoder().encode(JSON.stringify(params))
  })
  if (response._tag !== "Json") throw new Error(response._tag)
  return JSON.parse(response.body)
}

const problems = (run: () => unknown): ReadonlyArray<string> => {
  try {
    run()
  } catch (error) {
    if (error instanceof MockInputError) return error.problems
    throw error
  }
  throw new Error("no MockInputError")
}

describe("people from TypeScript", () => {
  it("the default world has Bob, Carol and Dave, who have not started the bot, and keeps every old fact", () => {
    const mock = MockTelegram.make()
    const users = mock.snapshot().users
    expect(users.filter((user) => [43, 44, 45].includes(user.id))).toEqual([
      { id: 43, is_bot: false, first_name: "Bob", username: "bob" },
      { id: 44, is_bot: false, first_name: "Carol", username: "carol" },
      { id: 45, is_bot: false, first_name: "Dave" }
    ])
    expect(mock.chat(42)).toEqual({ id: 42, type: "private", members: [], deleted: false })
    expect(mock.chat(43)).toBeUndefined()
    expect(call(mock, "sendMessage", { chat_id: 42, text: "hi" }).ok).toBe(true)
    expect(call(mock, "exportChatInviteLink", { chat_id: 42 }).description).toBe(
      "Bad Request: can't invite members to a private chat"
    )
    expect(call(mock, "exportChatInviteLink", { chat_id: 43 }).description).toBe(
      "Bad Request: can't invite members to a private chat"
    )
  })

  it("a person's first message opens their private chat, which the snapshot then shows", () => {
    const mock = MockTelegram.make()
    expect(call(mock, "sendMessage", { chat_id: 43, text: "hi" }).error_code).toBe(403)
    const message = mock.send(43, { text: "/start promo" })
    expect(message).toMatchObject({ message_id: 1, chat: { id: 43, type: "private" }, text: "/start promo" })
    expect(mock.chat(43)).toEqual({ id: 43, type: "private", members: [], deleted: false })
    expect(call(mock, "sendMessage", { chat_id: 43, text: "hello Bob" }).result.message_id).toBe(2)
    mock.block(43)
    expect(mock.chat(43)).toMatchObject({ blocked_bot_ids: [BOT] })
    expect(decodeWorld(mock.snapshot()).ok).toBe(true)
    const again = MockTelegram.make({ world: mock.snapshot() })
    expect(call(again, "sendMessage", { chat_id: 43, text: "x" }).description).toBe(
      "Forbidden: bot was blocked by the user"
    )
  })

  it("joins: member, requested (kept in the snapshot with its link), and the person's errors", () => {
    const mock = MockTelegram.make()
    const link = call(mock, "createChatInviteLink", { chat_id: SUPERGROUP, creates_join_request: true }).result
    expect(mock.join(44, { invite_link: link.invite_link })).toEqual({
      ok: true,
      status: "requested",
      chat_id: SUPERGROUP
    })
    expect(mock.join(44, { invite_link: link.invite_link })).toEqual({
      ok: true,
      status: "requested",
      chat_id: SUPERGROUP
    })
    expect(mock.snapshot().join_requests).toEqual([
      { chat_id: SUPERGROUP, user_id: 44, date: expect.any(Number), invite_link: link.invite_link }
    ])
    const copy = MockTelegram.make({ world: mock.snapshot() })
    expect(call(copy, "approveChatJoinRequest", { chat_id: SUPERGROUP, user_id: 44 }).result).toBe(true)
    expect(copy.link(link.invite_link)).toMatchObject({ joined_count: 1 })
    expect(mock.join(45, { invite_link: "https://t.me/+unknownhash" })).toEqual({
      ok: false,
      error_code: 400,
      description: "INVITE_HASH_INVALID"
    })
    expect(problems(() => mock.join(BOT, { invite_link: link.invite_link }))).toEqual([`user_id: user ${BOT} is a bot`])
  })

  it("setMember: the bot's own standing (what exportChatInviteLink answers), restricted members, who acted", () => {
    const mock = MockTelegram.make()
    mock.setMember(SUPERGROUP, BOT, { status: "administrator", can_invite_users: false })
    expect(call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).description).toBe(
      "Bad Request: not enough rights to manage chat invite link"
    )
    expect(mock.setMember(SUPERGROUP, 43, { status: "restricted", can_send_messages: false, until_date: 0 }))
      .toMatchObject({
        status: "restricted",
        can_send_messages: false,
        is_member: true,
        until_date: 0
      })
    expect(problems(() => mock.send(43, { text: "x", chat_id: SUPERGROUP }))).toEqual([
      `chat_id: user 43 may not send messages in chat ${SUPERGROUP}`
    ])
    expect(problems(() => mock.setMember(-555555555, 43, { status: "restricted" }))).toEqual([
      "status: only supergroups restrict members"
    ])
    mock.setMember(SUPERGROUP, 44, { status: "member", by: 43 })
    expect(mock.messages(SUPERGROUP).at(-1)).toMatchObject({ from: { id: 43 }, new_chat_members: [{ id: 44 }] })
  })

  it("leave, and a bot removed from a group hears only of its own removal", () => {
    const mock = MockTelegram.make()
    const link = call(mock, "exportChatInviteLink", { chat_id: SUPERGROUP }).result
    mock.join(43, { invite_link: link })
    call(mock, "getUpdates", { offset: -1 })
    call(mock, "getUpdates", { offset: 2_000_002 })
    mock.setMember(SUPERGROUP, BOT, { status: "left" })
    mock.leave(43, { chat_id: SUPERGROUP })
    const kinds = call(mock, "getUpdates").result.map((u: any) => [Object.keys(u)[1], u.message?.left_chat_member?.id])
    expect(kinds).toEqual([["message", BOT], ["my_chat_member", undefined]])
    expect(problems(() => mock.leave(43, { chat_id: SUPERGROUP }))).toEqual([
      `chat_id: user 43 is not in chat ${SUPERGROUP}`
    ])
  })
})

describe("the world file's new parts are validated", () => {
  it("names each bad field", () => {
    const world = {
      ...defaultWorld,
      chats: [...defaultWorld.chats, { id: 43, type: "private", bot_ids: [7], blocked_bot_ids: [BOT] }],
      join_requests: [
        { chat_id: 42, user_id: 44, date: 0 },
        { chat_id: SUPERGROUP, user_id: BOT, date: 0, invite_link: "https://t.me/+nope" }
      ]
    }
    const result = decodeWorld(world)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems).toEqual([
      "chats.10.bot_ids.0: 7 is not a bot of this world",
      "join_requests.0.chat_id: 42 is not a group, supergroup or channel of this world",
      `join_requests.1.user_id: ${BOT} is not a person of this world`,
      `join_requests.1.invite_link: not a link of chat ${SUPERGROUP}`
    ])
  })
})

describe("bounds", () => {
  it("a bot's queue holds at most caps.updatesPerBot updates; newer ones are dropped, as the real server drops them", () => {
    const mock = MockTelegram.make({ caps: { updatesPerBot: 3 } })
    for (let i = 0; i < 5; i++) mock.send(42, { text: `m${i}` })
    expect(mock.pendingUpdateCount(BOT)).toBe(3)
    expect(call(mock, "getUpdates").result.map((u: any) => u.message.text)).toEqual(["m0", "m1", "m2"])
  })

  it("a chat keeps at most caps.messagesPerChat messages; message ids go on", () => {
    const mock = MockTelegram.make({ caps: { messagesPerChat: 2 } })
    for (let i = 0; i < 4; i++) call(mock, "sendMessage", { chat_id: 42, text: `m${i}` })
    expect(mock.messages(42).map((m) => [m["message_id"], m["text"]])).toEqual([[3, "m2"], [4, "m3"]])
    expect(call(mock, "editMessageText", { chat_id: 42, message_id: 1, text: "x" }).description).toBe(
      "Bad Request: message to edit not found"
    )
  })

  it("the world holds at most caps.users users", () => {
    const mock = MockTelegram.make({ caps: { users: 7 } })
    mock.addUser({ id: 46, first_name: "Erin" })
    expect(problems(() => mock.addUser({ id: 47, first_name: "Frank" }))).toEqual([
      "id: the world holds 7 users (caps.users)"
    ])
  })

  it("keeps at most caps.callbackQueries callback queries; the oldest can no longer be answered", () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock, caps: { callbackQueries: 2 } })
    const sent = call(mock, "sendMessage", {
      chat_id: 42,
      text: "press",
      reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
    }).result
    const ids = [0, 1, 2].map(() => mock.press(42, { message_id: sent.message_id, data: "go" }).callback_query_id)
    expect(mock.callbackQuery(ids[0]!)).toBeUndefined()
    expect(call(mock, "answerCallbackQuery", { callback_query_id: ids[0] }).ok).toBe(false)
    expect(call(mock, "answerCallbackQuery", { callback_query_id: ids[2] }).ok).toBe(true)
  })
})
