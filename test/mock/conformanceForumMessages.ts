/**
 * Conformance of messages in forum topics (telegram-wire-chats.md §17.6, telegram-wire-messages.md §M3) on every
 * transport: message_thread_id of the send methods, TOPIC_CLOSED, people writing in topics, a topic deleted with its
 * messages and the world file's topics.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const FORUM = -1001234567890
const BASIC_GROUP = -555555555
const MEMBER_ONLY = -1002000000003
const BOT = 123456
const OWNER = 1000
const ALICE = 42
const BOB = 43

export const forumMessageConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, messages in forum topics (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const forum = async () => {
      await control("PUT", `chats/${FORUM}/forum`, { is_forum: true })
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "administrator", can_manage_topics: true })
    }
    const updates = async () => {
      const all = (await result("getUpdates", {})) as Array<any>
      if (all.length > 0) await result("getUpdates", { offset: all.at(-1).update_id + 1 })
      return all
    }

    it("message_thread_id: a topic in a forum, `message thread not found` otherwise there, ignored elsewhere", async () => {
      await forum()
      const { message_thread_id: id } = await result("createForumTopic", { chat_id: FORUM, name: "Talk" })
      const inTopic = await result("sendMessage", { chat_id: FORUM, text: "hi", message_thread_id: id })
      expect(inTopic).toMatchObject({ message_thread_id: id, is_topic_message: true, text: "hi" })
      const general = await result("sendMessage", { chat_id: FORUM, text: "lobby" })
      expect(general).not.toHaveProperty("message_thread_id")
      expect(general).not.toHaveProperty("is_topic_message")
      for (const thread of [1, 999]) {
        await refusal(
          "sendMessage",
          { chat_id: FORUM, text: "x", message_thread_id: thread },
          400,
          "Bad Request: message thread not found"
        )
      }
      await refusal(
        "sendMessage",
        { chat_id: ALICE, text: "x", message_thread_id: 7 },
        400,
        "Bad Request: message thread not found"
      )
      expect(await result("sendMessage", { chat_id: BASIC_GROUP, text: "x", message_thread_id: 7 })).not.toHaveProperty(
        "message_thread_id"
      )
      expect(await result("sendMessage", { chat_id: FORUM, text: "x", message_thread_id: "junk" })).not.toHaveProperty(
        "message_thread_id"
      )
      const reply = await result("sendMessage", {
        chat_id: FORUM,
        text: "re",
        reply_parameters: { message_id: inTopic.message_id }
      })
      expect(reply).toMatchObject({ message_thread_id: id, reply_to_message: { message_id: inTopic.message_id } })
    })

    it("a closed topic takes administrators that manage topics and its creator; Telegram refuses others TOPIC_CLOSED", async () => {
      await forum()
      const { result: topic } = (await control("POST", `chats/${FORUM}/topics`, { name: "Closed" })).body
      await result("closeForumTopic", { chat_id: FORUM, message_thread_id: topic.message_thread_id })
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "member" })
      await refusal(
        "sendMessage",
        { chat_id: FORUM, text: "x", message_thread_id: topic.message_thread_id },
        400,
        "Bad Request: TOPIC_CLOSED"
      )
      await control("PUT", `chats/${FORUM}/members/${BOB}`, { status: "member" })
      const closed = await control("POST", `users/${BOB}/send`, {
        text: "x",
        chat_id: FORUM,
        message_thread_id: topic.message_thread_id
      })
      expect(closed.body.description).toBe(
        `message_thread_id: topic ${topic.message_thread_id} of chat ${FORUM} is closed (TOPIC_CLOSED)`
      )
      const owner = await control("POST", `users/${OWNER}/send`, {
        text: "mine",
        chat_id: FORUM,
        message_thread_id: topic.message_thread_id
      })
      expect(owner.body.result).toMatchObject({ message_thread_id: topic.message_thread_id, is_topic_message: true })
    })

    it("people write in topics: the bot's update carries the topic; a reply stays in its topic", async () => {
      await forum()
      const { message_thread_id: id } = await result("createForumTopic", { chat_id: FORUM, name: "Help" })
      await control("PUT", `chats/${FORUM}/members/${BOB}`, { status: "member" })
      await updates()
      const sent =
        (await control("POST", `users/${BOB}/send`, { text: "help!", chat_id: FORUM, message_thread_id: id }))
          .body.result
      expect(sent).toMatchObject({ message_thread_id: id, is_topic_message: true })
      const [update] = await updates()
      expect(update.message).toMatchObject({ message_id: sent.message_id, message_thread_id: id, text: "help!" })
      const reply = (await control("POST", `users/${BOB}/send`, {
        text: "again",
        chat_id: FORUM,
        reply_to_message_id: sent.message_id
      }))
        .body.result
      expect(reply.message_thread_id).toBe(id)
      const problems = [
        [{ message_thread_id: 999 }, `message_thread_id: no topic 999 in chat ${FORUM}`],
        [{ chat_id: MEMBER_ONLY, message_thread_id: id }, `message_thread_id: chat ${MEMBER_ONLY} is not a forum`]
      ] as const
      await control("PUT", `chats/${MEMBER_ONLY}/members/${BOB}`, { status: "member" })
      for (const [body, line] of problems) {
        const { status, body: answer } = await control("POST", `users/${BOB}/send`, {
          text: "x",
          chat_id: FORUM,
          ...body
        })
        expect([status, answer.description]).toEqual([400, line])
      }
    })

    it("deleting a topic deletes its messages; the world file keeps the topics", async () => {
      await forum()
      const { message_thread_id: id } = await result("createForumTopic", { chat_id: FORUM, name: "Gone soon" })
      await result("sendMessage", { chat_id: FORUM, text: "in topic", message_thread_id: id })
      const world = (await control("GET", "world")).body.result
      expect(world.chats.find((c: any) => c.id === FORUM).forum_topics).toEqual([
        { message_thread_id: id, name: "Gone soon", creator_id: BOT }
      ])
      await result("deleteForumTopic", { chat_id: FORUM, message_thread_id: id })
      const messages = (await control("GET", `chats/${FORUM}/messages`)).body.result as Array<any>
      expect(messages.filter((m) => m.message_thread_id === id)).toEqual([])
    })

    it("a world file makes forums, topics, permissions and member rights; wrong ones are refused by field", async () => {
      const initial = (await control("GET", "world")).body.result
      const world = structuredClone(initial)
      const forumChat = world.chats.find((c: any) => c.id === FORUM)
      Object.assign(forumChat, {
        is_forum: true,
        forum_topics: [{ message_thread_id: 40, name: "Seeded", icon_color: 7322096, creator_id: OWNER }],
        general_forum_topic: { name: "Lobby" },
        description: "Seeded chat",
        permissions: { can_send_messages: true, can_send_polls: true }
      })
      forumChat.members.push({ user_id: BOB, status: "restricted", can_send_messages: true, custom_title: "Tagged" })
      try {
        expect((await control("PUT", "world", world)).status).toBe(200)
        expect(await result("getChat", { chat_id: FORUM })).toMatchObject({
          is_forum: true,
          description: "Seeded chat",
          permissions: {
            can_send_messages: true,
            can_send_polls: true,
            can_send_photos: false,
            can_invite_users: false
          }
        })
        expect(await result("getChatMember", { chat_id: FORUM, user_id: BOB })).toMatchObject({
          status: "restricted",
          tag: "Tagged",
          can_send_messages: true,
          can_send_polls: false
        })
        const sent = await result("sendMessage", { chat_id: FORUM, text: "seeded", message_thread_id: 40 })
        expect(sent.message_id).toBeGreaterThan(40)
        expect(sent.message_thread_id).toBe(40)
        const saved = (await control("GET", "world")).body.result.chats.find((c: any) => c.id === FORUM)
        expect(saved).toMatchObject({ is_forum: true, general_forum_topic: { name: "Lobby" } })
        const bad = structuredClone(initial)
        const basic = bad.chats.find((c: any) => c.id === BASIC_GROUP)
        Object.assign(basic, { is_forum: true, sticker_set_name: "Animals" })
        basic.members.push({ user_id: BOB, status: "member", custom_title: "t".repeat(17), promoted_by: 999 })
        const index = bad.chats.indexOf(basic)
        const refused = await control("PUT", "world", bad)
        expect(refused.status).toBe(400)
        expect(refused.body.description!.split("\n")).toEqual([
          `chats.${index}.members.2.custom_title: Expected a string of at most 16 characters, actual "${
            "t".repeat(17)
          }"`
        ])
        basic.members.pop()
        basic.members.push({ user_id: BOB, status: "member", promoted_by: 999 })
        expect((await control("PUT", "world", bad)).body.description!.split("\n")).toEqual([
          `chats.${index}.sticker_set_name: a group has no sticker_set_name`,
          `chats.${index}.is_forum: a group has no is_forum`,
          `chats.${index}.members.2.promoted_by: unknown user 999`
        ])
      } finally {
        await control("PUT", "world", initial)
      }
    })
  })
}
