/**
 * Conformance of the updates (telegram-wire-bots.md §9, §10, §12) on every transport: getUpdates' parameters and
 * conflicts, a long poll parked and woken (by an update, by the mock's clock), setWebhook, deleteWebhook and
 * getWebhookInfo with the exact answers, and the shape of every update kind the mock makes.
 */
import { DEFAULT_BOT_ID, defaultWorld } from "telegram-bot-api-mock"
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const BASIC_GROUP = -555555555
const BOT = 123456
const EVERYTHING = ["message", "callback_query", "my_chat_member", "chat_member", "chat_join_request"]

export const updateConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, updates (${name})`, () => {
    let t: Transport
    /** The update_id the first update of a test gets (ids go on across resets: they never go back). */
    let FIRST: number
    beforeEach(() => {
      t = setup()
      t.mock.reset()
      FIRST = t.mock.nextUpdateId(DEFAULT_BOT_ID)
    })
    const { api, control, refusal, result } = wireClient(() => t)
    const say = (userId: number, text: string, extra: Record<string, unknown> = {}) =>
      control("POST", `users/${userId}/send`, { text, ...extra })
    const updates = (params: Record<string, unknown> = {}) => result("getUpdates", params) as Promise<Array<any>>
    /** Waits (without sleeping) until the poll just sent is parked: its timeout is a timer of the mock's clock. */
    const parkedPolls = async (count = 1) => {
      while (t.clock.pendingTimers() < count) await new Promise((resolve) => setImmediate(resolve))
    }

    describe("getUpdates", () => {
      it("answers [] and then each update once, `update_id` +1 each, with the literal `,\\n` after it", async () => {
        expect(await updates()).toEqual([])
        await say(42, "hello")
        const { text } = await api("getUpdates")
        expect(text.startsWith(`{"ok":true,"result":[{"update_id":${FIRST},\n"message":{"message_id":1,`)).toBe(true)
        await say(42, "again")
        expect((await updates()).map((u) => u.update_id)).toEqual([FIRST, FIRST + 1])
        expect((await updates({ offset: FIRST + 1 })).map((u) => u.update_id)).toEqual([FIRST + 1])
        // Confirmed updates are gone for good.
        expect((await updates()).map((u) => u.update_id)).toEqual([FIRST + 1])
        expect(await updates({ offset: FIRST + 2 })).toEqual([])
      })

      it("update ids never go back: a running bot loses nothing across a reset or a world load", async () => {
        for (const text of ["one", "two", "three"]) await say(42, text)
        const seen = await updates()
        const offset = seen.at(-1).update_id + 1
        // The bot confirms what it read; the world starts over (reset, then a world file) while it keeps its offset.
        expect(await updates({ offset })).toEqual([])
        await control("POST", "reset")
        await say(42, "after the reset")
        const afterReset = await updates({ offset })
        expect(afterReset.map((u) => u.message.text)).toEqual(["after the reset"])
        expect(afterReset[0].update_id).toBe(offset)
        await control("PUT", "world", defaultWorld)
        await say(43, "after a new world")
        const afterLoad = await updates({ offset: offset + 1 })
        expect(afterLoad.map((u) => u.message.text)).toEqual(["after a new world"])
        expect(afterLoad[0].update_id).toBe(offset + 1)
      })

      it("a negative offset keeps only the newest; a future offset (more than 10 ahead) reads from the head", async () => {
        for (const text of ["a", "b", "c", "d"]) await say(42, text)
        expect((await updates({ offset: FIRST + 15 })).map((u) => u.update_id)).toHaveLength(4)
        expect((await updates({ offset: -2 })).map((u) => u.message.text)).toEqual(["c", "d"])
        expect((await updates()).map((u) => u.message.text)).toEqual(["c", "d"])
        expect((await updates({ offset: -1 })).map((u) => u.message.text)).toEqual(["d"])
      })

      it("clamps limit to 1-100: 0, negative and junk read as 1", async () => {
        for (const text of ["a", "b", "c"]) await say(42, text)
        for (const limit of [0, -5, "junk"]) expect(await updates({ limit })).toHaveLength(1)
        expect(await updates({ limit: 1000 })).toHaveLength(3)
        expect(await updates({ limit: 2 })).toHaveLength(2)
      })

      it("allowed_updates: the default set leaves chat_member out; junk keeps the previous setting; [] resets", async () => {
        const link = await result("exportChatInviteLink", { chat_id: SUPERGROUP })
        await control("POST", "users/43/join", { invite_link: link })
        expect((await updates()).map((u) => Object.keys(u)[1])).toEqual(["message"])
        await updates({ offset: -1, allowed_updates: ["chat_member", "MESSAGE", "no_such_type"] })
        await updates({ offset: FIRST + 1, allowed_updates: "not json" })
        await updates({ allowed_updates: [1] })
        await control("POST", "users/43/leave", { chat_id: SUPERGROUP })
        expect((await updates()).map((u) => Object.keys(u)[1])).toEqual(["message", "chat_member"])
        expect((await result("getWebhookInfo")).allowed_updates).toEqual(["message", "chat_member"])
        await updates({ allowed_updates: [] })
        expect((await result("getWebhookInfo")).allowed_updates).toBeUndefined()
      })

      it("parks a long poll until an update comes", async () => {
        const parked = api("getUpdates", { timeout: 30 })
        await say(42, "wake up")
        const { body } = await parked
        expect(body.result.map((u: any) => u.message.text)).toEqual(["wake up"])
      })

      it("answers [] at the timeout on the mock's clock, clamped to 50 s", async () => {
        const parked = api("getUpdates", { timeout: 500 })
        await parkedPolls()
        t.clock.advance(49_999)
        let done = false
        void parked.then(() => (done = true))
        await new Promise((resolve) => setImmediate(resolve))
        expect(done).toBe(false)
        t.clock.advance(1)
        expect((await parked).body).toEqual({ ok: true, result: [] })
      })

      it("a second poll that would park ends the first with the real 409", async () => {
        const first = api("getUpdates", { timeout: 30 })
        await parkedPolls()
        expect(await updates({ timeout: 0 })).toEqual([])
        const second = api("getUpdates", { timeout: 30 })
        expect((await first).body).toEqual({
          ok: false,
          error_code: 409,
          description:
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
        })
        await say(42, "for the second")
        expect((await second).body.result).toHaveLength(1)
      })
    })

    describe("setWebhook, deleteWebhook, getWebhookInfo", () => {
      const HOOK = "http://127.0.0.1:9/hook"

      it("answers set, already set, deleted, already deleted, with the description", async () => {
        const described = async (method: string, params: Record<string, unknown>, description: string) =>
          expect((await api(method, params)).text).toBe(`{"ok":true,"result":true,"description":"${description}"}`)
        await described("deleteWebhook", {}, "Webhook is already deleted")
        await described("setWebhook", { url: HOOK }, "Webhook was set")
        t.clock.advance(1000)
        await described("setWebhook", { url: HOOK }, "Webhook is already set")
        await described("deleteWebhook", {}, "Webhook was deleted")
        await described("setWebhook", { url: "" }, "Webhook is already deleted")
      })

      it("answers a second non-empty setWebhook within a second 429 retry after 1", async () => {
        await result("setWebhook", { url: HOOK })
        const body = await refusal("setWebhook", { url: HOOK }, 429, "Too Many Requests: retry after 1")
        expect(body.parameters).toEqual({ retry_after: 1 })
        t.clock.advance(1000)
        await result("setWebhook", { url: `${HOOK}2` })
      })

      it("checks the URL and the secret token, after removing the old webhook", async () => {
        await result("setWebhook", { url: HOOK })
        t.clock.advance(1000)
        await refusal("setWebhook", { url: "ftp://127.0.0.1/x" }, 400, "Bad Request: invalid webhook URL specified")
        expect((await result("getWebhookInfo")).url).toBe("")
        for (
          const [secret, description] of [
            ["x".repeat(257), "Bad Request: secret token is too long"],
            ["not ok!", "Bad Request: secret token contains unallowed characters"]
          ]
        ) {
          t.clock.advance(1000)
          await refusal("setWebhook", { url: HOOK, secret_token: secret }, 400, description!)
        }
        t.clock.advance(1000)
        await refusal(
          "setWebhook",
          { url: "https://example.com/hook" },
          400,
          "Bad Request: bad webhook: the mock delivers webhooks to loopback hosts only; allow example.com with the server option --webhook-host example.com (webhooks.allowHosts in MockTelegram.make)"
        )
        t.clock.advance(1000)
        await result("setWebhook", { url: "localhost:8443/path", secret_token: "Secret_1-ok" })
      })

      it("getWebhookInfo: keys in the real order; a set webhook ends a parked poll; getUpdates then answers 409", async () => {
        expect((await api("getWebhookInfo")).text).toBe(
          `{"ok":true,"result":{"url":"","has_custom_certificate":false,"pending_update_count":0}}`
        )
        const parked = api("getUpdates", { timeout: 30 })
        await parkedPolls()
        await result("setWebhook", { url: HOOK, max_connections: 1000, allowed_updates: ["message"] })
        expect((await parked).body.description).toBe("Conflict: terminated by setWebhook request")
        expect((await api("getWebhookInfo")).text).toBe(
          `{"ok":true,"result":{"url":"${HOOK}","has_custom_certificate":false,"pending_update_count":0,"max_connections":100,"ip_address":"127.0.0.1","allowed_updates":["message"]}}`
        )
        await refusal(
          "getUpdates",
          {},
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
        )
      })

      it("drop_pending_updates clears the queue, on delete too", async () => {
        await say(42, "a")
        expect((await result("getWebhookInfo")).pending_update_count).toBe(1)
        await result("deleteWebhook", { drop_pending_updates: true })
        expect(await updates()).toEqual([])
      })
    })

    describe("the updates' shapes", () => {
      it("message from a person: its chat, sender and detected entities", async () => {
        await say(42, "/start deep_link @someone #tag")
        const [update] = await updates()
        expect(JSON.stringify(update.message.from)).toBe(`{"id":42,"is_bot":false,"first_name":"Alice"}`)
        expect(update.message.entities).toEqual([
          { offset: 0, length: 6, type: "bot_command" },
          { offset: 17, length: 8, type: "mention" },
          { offset: 26, length: 4, type: "hashtag" }
        ])
      })

      it("new_chat_members with its undocumented copies; left_chat_member; chat_member with invite_link", async () => {
        await updates({ allowed_updates: EVERYTHING })
        const link = await result("exportChatInviteLink", { chat_id: SUPERGROUP })
        await control("POST", "users/43/join", { invite_link: link })
        await control("POST", "users/43/leave", { chat_id: SUPERGROUP })
        const [joined, joinedMember, left, leftMember] = await updates()
        const bob = { id: 43, is_bot: false, first_name: "Bob", username: "bob" }
        expect(joined.message).toMatchObject({
          from: bob,
          new_chat_participant: bob,
          new_chat_member: bob,
          new_chat_members: [bob]
        })
        expect(Object.keys(joinedMember.chat_member)).toEqual([
          "chat",
          "from",
          "date",
          "old_chat_member",
          "new_chat_member",
          "invite_link"
        ])
        expect(joinedMember.chat_member.invite_link).toMatchObject({ invite_link: link, is_primary: true })
        expect(left.message).toMatchObject({ left_chat_participant: bob, left_chat_member: bob })
        expect(leftMember.chat_member).toMatchObject({
          old_chat_member: { status: "member" },
          new_chat_member: { status: "left" }
        })
      })

      it("chat_member only to a bot that administers the chat", async () => {
        await updates({ allowed_updates: EVERYTHING })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "member" })
        const mine = await updates()
        expect(mine.map((u) => Object.keys(u)[1])).toEqual(["my_chat_member"])
        await updates({ offset: mine[0].update_id + 1 })
        await control("PUT", `chats/${SUPERGROUP}/members/44`, { status: "member" })
        expect((await updates()).map((u) => Object.keys(u)[1])).toEqual(["message"])
      })

      it("my_chat_member when the bot's standing changes, and it changes what exportChatInviteLink answers", async () => {
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "member" })
        const [mine, ...rest] = await updates()
        expect(rest).toEqual([])
        expect(mine.my_chat_member).toMatchObject({
          chat: { id: SUPERGROUP },
          from: { id: 1000 },
          old_chat_member: { status: "administrator", can_invite_users: true, user: { id: BOT } },
          new_chat_member: { status: "member", user: { id: BOT } }
        })
        await refusal(
          "exportChatInviteLink",
          { chat_id: SUPERGROUP },
          400,
          "Bad Request: not enough rights to manage chat invite link"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "kicked" })
        await refusal(
          "exportChatInviteLink",
          { chat_id: SUPERGROUP },
          403,
          "Forbidden: bot was kicked from the supergroup chat"
        )
      })

      it("my_chat_member in the private chat when a person blocks the bot, and again when they restart it", async () => {
        await control("POST", "users/42/block", {})
        await say(42, "/start")
        const kinds = (await updates()).map((u) => [Object.keys(u)[1], u.my_chat_member?.new_chat_member.status])
        expect(kinds).toEqual([["my_chat_member", "kicked"], ["my_chat_member", "member"], ["message", undefined]])
      })

      it("chat_join_request with user_chat_id and the link; callback_query with its message", async () => {
        await updates({ allowed_updates: EVERYTHING })
        const link =
          (await result("createChatInviteLink", { chat_id: SUPERGROUP, creates_join_request: true })).invite_link
        expect((await control("POST", "users/44/join", { invite_link: link })).body.result.status).toBe("requested")
        const sent = await result("sendMessage", {
          chat_id: 44,
          text: "Welcome soon",
          reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] }
        })
        await control("POST", "users/44/press", { message_id: sent.message_id, data: "ok" })
        const [request, press] = await updates()
        expect(Object.keys(request.chat_join_request)).toEqual(["chat", "from", "user_chat_id", "date", "invite_link"])
        expect(request.chat_join_request).toMatchObject({
          user_chat_id: 44,
          invite_link: { pending_join_request_count: 1 }
        })
        expect(Object.keys(press.callback_query)).toEqual(["id", "from", "message", "chat_instance", "data"])
        expect(press.callback_query).toMatchObject({
          from: { id: 44 },
          message: { message_id: sent.message_id },
          data: "ok"
        })
      })

      it("an upgrade: migrate_to_chat_id in the old group, migrate_from_chat_id in the supergroup", async () => {
        const { body } = await control("POST", "upgrade", { chat_id: BASIC_GROUP })
        const newId = body.result.migrate_to_chat_id
        const [to, from] = await updates()
        expect(to.message).toMatchObject({ chat: { id: BASIC_GROUP, type: "group" }, migrate_to_chat_id: newId })
        expect(from.message).toMatchObject({
          chat: { id: newId, type: "supergroup" },
          migrate_from_chat_id: BASIC_GROUP
        })
      })
    })
  })
}
