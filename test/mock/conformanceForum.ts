/**
 * Conformance of forum topics (telegram-wire-chats.md §17) on every transport: a supergroup made a forum (control
 * API), createForumTopic and the other topic methods with their checks in TDLib's order and Telegram's refusals, the
 * General topic's methods, message_thread_id of the send methods (§M3), and people writing in topics.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const FORUM = -1001234567890
const BASIC_GROUP = -555555555
const BOT = 123456
const ALICE = 42

export const forumConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, forum topics (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    /** The forum, with the bot an administrator that manages topics. */
    const forum = async (rights: Record<string, boolean> = { can_manage_topics: true }) => {
      expect((await control("PUT", `chats/${FORUM}/forum`, { is_forum: true })).body.result).toMatchObject({
        id: FORUM,
        is_forum: true
      })
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "administrator", ...rights })
    }
    const updates = async () => {
      const all = (await result("getUpdates", {})) as Array<any>
      if (all.length > 0) await result("getUpdates", { offset: all.at(-1).update_id + 1 })
      return all
    }

    it("creates a topic: ForumTopic, the service message in the topic, is_forum on the chat", async () => {
      await refusal("createForumTopic", { chat_id: FORUM, name: "x" }, 400, "Bad Request: the chat is not a forum")
      await forum()
      await updates()
      const topic = await result("createForumTopic", {
        chat_id: FORUM,
        name: "  Release   notes ",
        icon_color: 7322096,
        icon_custom_emoji_id: "5312536423851630001"
      })
      expect(topic).toEqual({
        message_thread_id: topic.message_thread_id,
        name: "Release notes",
        icon_color: 7322096,
        icon_custom_emoji_id: "5312536423851630001"
      })
      expect(topic.message_thread_id).toBeGreaterThan(1)
      const [update] = await updates()
      expect(Object.keys(update.message)).toEqual([
        "message_id",
        "from",
        "chat",
        "date",
        "message_thread_id",
        "forum_topic_created",
        "is_topic_message"
      ])
      expect(update.message).toMatchObject({
        message_id: topic.message_thread_id,
        message_thread_id: topic.message_thread_id,
        chat: { id: FORUM, is_forum: true, type: "supergroup" },
        forum_topic_created: {
          name: "Release notes",
          icon_color: 7322096,
          icon_custom_emoji_id: "5312536423851630001"
        },
        is_topic_message: true
      })
      expect((await result("getChat", { chat_id: FORUM })).is_forum).toBe(true)
    })

    it("createForumTopic: rights, name, color in TDLib's order; the default color is 0", async () => {
      await forum({ can_invite_users: true })
      await refusal(
        "createForumTopic",
        { chat_id: FORUM, name: "x" },
        400,
        "Bad Request: not enough rights to create a topic"
      )
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "administrator", can_manage_topics: true })
      await refusal("createForumTopic", { chat_id: FORUM }, 400, "Bad Request: name must be non-empty")
      await refusal("createForumTopic", { chat_id: FORUM, name: " \n " }, 400, "Bad Request: name must be non-empty")
      for (const color of [-1, 16777216]) {
        await refusal(
          "createForumTopic",
          { chat_id: FORUM, name: "x", icon_color: color },
          400,
          "Bad Request: invalid icon color specified"
        )
      }
      const long = await result("createForumTopic", {
        chat_id: FORUM,
        name: "n".repeat(200),
        icon_custom_emoji_id: "x"
      })
      expect(long).toEqual({ message_thread_id: long.message_thread_id, name: "n".repeat(128), icon_color: 0 })
      await refusal(
        "createForumTopic",
        { chat_id: BASIC_GROUP, name: "x" },
        400,
        "Bad Request: the chat is not a forum"
      )
      await refusal("createForumTopic", { chat_id: ALICE, name: "x" }, 400, "Bad Request: the chat is not a forum")
    })

    it("edits, closes, reopens and deletes topics; a bot's own topics need no right", async () => {
      await forum()
      const { message_thread_id: id } = await result("createForumTopic", { chat_id: FORUM, name: "Mine" })
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "administrator", can_invite_users: true })
      await updates()
      await refusal(
        "editForumTopic",
        { chat_id: FORUM, name: "x" },
        400,
        "Bad Request: invalid forum topic identifier specified"
      )
      expect(await result("editForumTopic", { chat_id: FORUM, message_thread_id: id })).toBe(true)
      expect(await result("editForumTopic", { chat_id: FORUM, message_thread_id: id, name: "Renamed" })).toBe(true)
      await refusal(
        "editForumTopic",
        { chat_id: FORUM, message_thread_id: id, name: "Renamed" },
        400,
        "Bad Request: TOPIC_NOT_MODIFIED"
      )
      await refusal(
        "editForumTopic",
        { chat_id: FORUM, message_thread_id: id, icon_custom_emoji_id: "" },
        400,
        "Bad Request: TOPIC_NOT_MODIFIED"
      )
      expect(await result("editForumTopic", { chat_id: FORUM, message_thread_id: id, icon_custom_emoji_id: "77" }))
        .toBe(true)
      expect(await result("editForumTopic", { chat_id: FORUM, message_thread_id: id, icon_custom_emoji_id: "" }))
        .toBe(true)
      expect(await result("closeForumTopic", { chat_id: FORUM, message_thread_id: id })).toBe(true)
      await refusal(
        "closeForumTopic",
        { chat_id: FORUM, message_thread_id: id },
        400,
        "Bad Request: TOPIC_NOT_MODIFIED"
      )
      expect(await result("reopenForumTopic", { chat_id: FORUM, message_thread_id: id })).toBe(true)
      const services = (await updates()).map((u) => u.message)
      expect(services.map((m) => [m.message_thread_id, m.is_topic_message])).toEqual(Array(5).fill([id, true]))
      expect(services.slice(0, 3).map((m) => m.forum_topic_edited)).toEqual([
        { name: "Renamed" },
        { icon_custom_emoji_id: "77" },
        { icon_custom_emoji_id: "" }
      ])
      expect(services[3]).toHaveProperty("forum_topic_closed", {})
      expect(services[4]).toHaveProperty("forum_topic_reopened", {})
      await refusal("closeForumTopic", { chat_id: FORUM, message_thread_id: 999 }, 400, "Bad Request: TOPIC_ID_INVALID")
      expect(await result("deleteForumTopic", { chat_id: FORUM, message_thread_id: id })).toBe(true)
      await refusal("deleteForumTopic", { chat_id: FORUM, message_thread_id: id }, 400, "Bad Request: TOPIC_ID_INVALID")
    })

    it("someone else's topic needs can_manage_topics, and can_delete_messages to delete it", async () => {
      await forum()
      const { result: topic } = (await control("POST", `chats/${FORUM}/topics`, { name: "Olga's" })).body
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "administrator", can_invite_users: true })
      const id = topic.message_thread_id
      await refusal(
        "editForumTopic",
        { chat_id: FORUM, message_thread_id: id, name: "x" },
        400,
        "Bad Request: not enough rights to edit the topic"
      )
      await refusal(
        "closeForumTopic",
        { chat_id: FORUM, message_thread_id: id },
        400,
        "Bad Request: not enough rights to close or open the topic"
      )
      await refusal(
        "deleteForumTopic",
        { chat_id: FORUM, message_thread_id: id },
        400,
        "Bad Request: not enough rights to delete the topic"
      )
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "administrator", can_delete_messages: true })
      expect(await result("deleteForumTopic", { chat_id: FORUM, message_thread_id: id })).toBe(true)
    })

    it("unpinAllForumTopicMessages: the id, the pin right, then topics", async () => {
      await refusal(
        "unpinAllForumTopicMessages",
        { chat_id: FORUM },
        400,
        "Bad Request: invalid forum topic identifier specified"
      )
      await refusal(
        "unpinAllForumTopicMessages",
        { chat_id: FORUM, message_thread_id: 5 },
        400,
        "Bad Request: not enough rights to manage pinned messages in the chat"
      )
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "administrator", can_pin_messages: true })
      await refusal(
        "unpinAllForumTopicMessages",
        { chat_id: FORUM, message_thread_id: 5 },
        400,
        "Bad Request: chat doesn't have topics"
      )
      await forum({ can_pin_messages: true, can_manage_topics: true })
      const { message_thread_id: id } = await result("createForumTopic", { chat_id: FORUM, name: "Pins" })
      const inGeneral = await result("sendMessage", { chat_id: FORUM, text: "in General" })
      const inTopic = await result("sendMessage", { chat_id: FORUM, message_thread_id: id, text: "in the topic" })
      for (const message of [inGeneral, inTopic]) {
        expect(await result("pinChatMessage", { chat_id: FORUM, message_id: message.message_id })).toBe(true)
      }
      const pinned = async () => (await result("getChat", { chat_id: FORUM })).pinned_message?.text
      expect(await pinned()).toBe("in the topic")
      expect(await result("unpinAllForumTopicMessages", { chat_id: FORUM, message_thread_id: id })).toBe(true)
      // Only the topic's pins are gone: the General topic's is the chat's pinned message again.
      expect(await pinned()).toBe("in General")
      expect(await result("unpinAllGeneralForumTopicMessages", { chat_id: FORUM })).toBe(true)
      expect(await pinned()).toBeUndefined()
    })

    it("the General topic: rename, close, reopen, hide (which closes it), unhide", async () => {
      await refusal("closeGeneralForumTopic", { chat_id: FORUM }, 400, "Bad Request: the chat is not a forum")
      await forum({ can_invite_users: true })
      await refusal(
        "closeGeneralForumTopic",
        { chat_id: FORUM },
        400,
        "Bad Request: not enough rights to close or open the topic"
      )
      await refusal(
        "editGeneralForumTopic",
        { chat_id: FORUM, name: "x" },
        400,
        "Bad Request: not enough rights to edit the topic"
      )
      await control("PUT", `chats/${FORUM}/members/${BOT}`, { status: "administrator", can_manage_topics: true })
      await updates()
      expect(await result("editGeneralForumTopic", { chat_id: FORUM, name: "" })).toBe(true)
      expect(await result("editGeneralForumTopic", { chat_id: FORUM, name: "Lobby" })).toBe(true)
      expect(await result("closeGeneralForumTopic", { chat_id: FORUM })).toBe(true)
      await refusal("closeGeneralForumTopic", { chat_id: FORUM }, 400, "Bad Request: TOPIC_NOT_MODIFIED")
      expect(await result("reopenGeneralForumTopic", { chat_id: FORUM })).toBe(true)
      expect(await result("hideGeneralForumTopic", { chat_id: FORUM })).toBe(true)
      expect(await result("unhideGeneralForumTopic", { chat_id: FORUM })).toBe(true)
      const services = (await updates()).map((u) => u.message)
      expect(services.map((m) => Object.keys(m).at(-1))).toEqual([
        "forum_topic_edited",
        "forum_topic_closed",
        "forum_topic_reopened",
        "general_forum_topic_hidden",
        "general_forum_topic_unhidden"
      ])
      expect(services.every((m) => m.message_thread_id === undefined)).toBe(true)
      expect((await control("GET", "world")).body.result.chats.find((c: any) => c.id === FORUM)).toMatchObject({
        is_forum: true,
        general_forum_topic: { name: "Lobby", is_closed: true }
      })
    })
  })
}
