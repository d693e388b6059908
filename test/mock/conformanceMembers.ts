/**
 * Conformance of the member methods, join requests and subscription links (telegram-wire-bots.md §12, §13), the
 * people routes of the control API, and flood control's absorption of short waits (telegram-wire.md §7), on every
 * transport.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BASIC_GROUP = -555555555
const NO_RIGHTS = -1002000000002
const BOT = 123456
const OWNER = 1000

export const memberConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, members and joins (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const join = async (userId: number, chatId = SUPERGROUP) => {
      const link = await result("createChatInviteLink", { chat_id: chatId })
      return control("POST", `users/${userId}/join`, { invite_link: link.invite_link })
    }

    describe("getChatMember, getChatMemberCount, getChatAdministrators", () => {
      it("reads standings: left for a stranger, member after a join; the real refusals", async () => {
        expect(await result("getChatMember", { chat_id: SUPERGROUP, user_id: 43 })).toEqual({
          user: { id: 43, is_bot: false, first_name: "Bob", username: "bob" },
          status: "left"
        })
        await join(43)
        expect((await result("getChatMember", { chat_id: SUPERGROUP, user_id: 43 })).status).toBe("member")
        for (const userId of [0, -1, "junk"]) {
          await refusal(
            "getChatMember",
            { chat_id: SUPERGROUP, user_id: userId },
            400,
            "Bad Request: invalid user_id specified"
          )
        }
        await refusal("getChatMember", { chat_id: SUPERGROUP, user_id: 777 }, 400, "Bad Request: member not found")
        await refusal("getChatMember", { chat_id: 42, user_id: 43 }, 400, "Bad Request: member not found")
        expect((await result("getChatMember", { chat_id: 42, user_id: 42 })).status).toBe("member")
        const creator = await result("getChatMember", { chat_id: SUPERGROUP, user_id: OWNER })
        expect(creator).toEqual({
          user: expect.objectContaining({ id: OWNER }),
          status: "creator",
          is_anonymous: false
        })
      })

      it("a channel's members are inaccessible to a bot that does not administer it", async () => {
        await control("PUT", `chats/${CHANNEL}/members/${BOT}`, { status: "member" })
        await refusal(
          "getChatMember",
          { chat_id: CHANNEL, user_id: OWNER },
          400,
          "Bad Request: member list is inaccessible"
        )
        await refusal("getChatAdministrators", { chat_id: CHANNEL }, 400, "Bad Request: member list is inaccessible")
        expect((await result("getChatMember", { chat_id: CHANNEL, user_id: BOT })).status).toBe("member")
      })

      it("counts members; lists the creator and the administrators in the real key order", async () => {
        expect(await result("getChatMemberCount", { chat_id: SUPERGROUP })).toBe(2)
        await join(43)
        expect(await result("getChatMemberCount", { chat_id: SUPERGROUP })).toBe(3)
        expect(await result("getChatMemberCount", { chat_id: 42 })).toBe(2)
        await refusal(
          "getChatAdministrators",
          { chat_id: 42 },
          400,
          "Bad Request: there are no administrators in the private chat"
        )
        const admins = await result("getChatAdministrators", { chat_id: SUPERGROUP })
        expect(admins.map((a: any) => a.status)).toEqual(["creator", "administrator"])
        expect(Object.keys(admins[1])).toEqual([
          "user",
          "status",
          "can_be_edited",
          "can_manage_chat",
          "can_change_info",
          "can_delete_messages",
          "can_invite_users",
          "can_restrict_members",
          "can_pin_messages",
          "can_manage_topics",
          "can_promote_members",
          "can_manage_video_chats",
          "can_post_stories",
          "can_edit_stories",
          "can_delete_stories",
          "can_manage_tags",
          "is_anonymous",
          "can_manage_voice_chats"
        ])
        await refusal(
          "getChatMemberCount",
          { chat_id: -987654321 },
          400,
          "Bad Request: group chat was upgraded to a supergroup chat"
        )
      })
    })

    describe("banChatMember, unbanChatMember", () => {
      it("needs can_restrict_members; spares the owner, the bot itself and administrators", async () => {
        await refusal(
          "banChatMember",
          { chat_id: 42, user_id: 43 },
          400,
          "Bad Request: can't ban members in private chats"
        )
        await refusal(
          "banChatMember",
          { chat_id: SUPERGROUP, user_id: 43 },
          400,
          "Bad Request: not enough rights to restrict/unrestrict chat member"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, {
          status: "administrator",
          can_restrict_members: true,
          can_invite_users: true
        })
        await refusal(
          "banChatMember",
          { chat_id: SUPERGROUP, user_id: OWNER },
          400,
          "Bad Request: can't remove chat owner"
        )
        await refusal("banChatMember", { chat_id: SUPERGROUP, user_id: BOT }, 400, "Bad Request: can't restrict self")
        await control("PUT", `chats/${SUPERGROUP}/members/44`, { status: "administrator" })
        await refusal(
          "banChatMember",
          { chat_id: SUPERGROUP, user_id: 44 },
          400,
          "Bad Request: user is an administrator of the chat"
        )
        await refusal(
          "unbanChatMember",
          { chat_id: BASIC_GROUP, user_id: 43 },
          400,
          "Bad Request: method is available for supergroup and channel chats only"
        )
      })

      it("bans (a member is removed), unbans only_if_banned, and an unban removes a member", async () => {
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, {
          status: "administrator",
          can_restrict_members: true,
          can_invite_users: true
        })
        await join(43)
        expect(await result("banChatMember", { chat_id: SUPERGROUP, user_id: 43 })).toBe(true)
        expect(await result("getChatMember", { chat_id: SUPERGROUP, user_id: 43 })).toMatchObject({
          status: "kicked",
          until_date: 0
        })
        const link = (await result("createChatInviteLink", { chat_id: SUPERGROUP })).invite_link
        expect((await control("POST", "users/43/join", { invite_link: link })).body).toEqual({
          ok: false,
          error_code: 400,
          description: "CHANNEL_PRIVATE"
        })
        expect(await result("unbanChatMember", { chat_id: SUPERGROUP, user_id: 43, only_if_banned: true })).toBe(true)
        expect((await result("getChatMember", { chat_id: SUPERGROUP, user_id: 43 })).status).toBe("left")
        await join(44)
        expect(await result("unbanChatMember", { chat_id: SUPERGROUP, user_id: 44, only_if_banned: true })).toBe(true)
        expect((await result("getChatMember", { chat_id: SUPERGROUP, user_id: 44 })).status).toBe("member")
        expect(await result("unbanChatMember", { chat_id: SUPERGROUP, user_id: 44 })).toBe(true)
        expect((await result("getChatMember", { chat_id: SUPERGROUP, user_id: 44 })).status).toBe("left")
      })
    })

    describe("joins through links, and join requests", () => {
      it("refuses revoked, expired, used-up and unknown links with the person's errors", async () => {
        const expired = { ok: false, error_code: 406, description: "INVITE_HASH_EXPIRED" }
        const limited = await result("createChatInviteLink", { chat_id: SUPERGROUP, member_limit: 1 })
        expect((await control("POST", "users/43/join", { invite_link: limited.invite_link })).body.result.status).toBe(
          "member"
        )
        expect((await control("POST", "users/44/join", { invite_link: limited.invite_link })).body).toEqual(expired)
        const revoked = await result("createChatInviteLink", { chat_id: SUPERGROUP })
        await result("revokeChatInviteLink", { chat_id: SUPERGROUP, invite_link: revoked.invite_link })
        expect((await control("POST", "users/44/join", { invite_link: revoked.invite_link })).body).toEqual(expired)
        const soon = await result("createChatInviteLink", {
          chat_id: SUPERGROUP,
          expire_date: Math.floor(t.clock.now() / 1000) + 60
        })
        t.clock.advance(60_000)
        expect((await control("POST", "users/44/join", { invite_link: soon.invite_link })).body).toEqual(expired)
        expect((await control("POST", "users/44/join", { invite_link: "https://t.me/+nope" })).body)
          .toEqual({ ok: false, error_code: 400, description: "INVITE_HASH_INVALID" })
        const open = (await result("createChatInviteLink", { chat_id: SUPERGROUP })).invite_link
        expect((await control("POST", "users/43/join", { invite_link: open })).body)
          .toEqual({ ok: false, error_code: 400, description: "USER_ALREADY_PARTICIPANT" })
      })

      it("approve and decline: the real refusals, then the person is in (or not)", async () => {
        const link =
          (await result("createChatInviteLink", { chat_id: SUPERGROUP, creates_join_request: true, name: "ask" }))
            .invite_link
        await refusal(
          "approveChatJoinRequest",
          { chat_id: SUPERGROUP, user_id: 43 },
          400,
          "Bad Request: HIDE_REQUESTER_MISSING"
        )
        await control("POST", "users/43/join", { invite_link: link })
        await control("POST", "users/44/join", { invite_link: link })
        expect((await result("getChat", { chat_id: SUPERGROUP })).id).toBe(SUPERGROUP)
        await refusal(
          "approveChatJoinRequest",
          { chat_id: 42, user_id: 43 },
          400,
          "Bad Request: the chat can't have join requests"
        )
        await refusal(
          "approveChatJoinRequest",
          { chat_id: NO_RIGHTS, user_id: 43 },
          400,
          "Bad Request: not enough rights to manage chat join requests"
        )
        expect(await result("approveChatJoinRequest", { chat_id: SUPERGROUP, user_id: 43 })).toBe(true)
        await refusal(
          "approveChatJoinRequest",
          { chat_id: SUPERGROUP, user_id: 43 },
          400,
          "Bad Request: USER_ALREADY_PARTICIPANT"
        )
        expect(await result("declineChatJoinRequest", { chat_id: SUPERGROUP, user_id: 44 })).toBe(true)
        expect((await result("getChatMember", { chat_id: SUPERGROUP, user_id: 43 })).status).toBe("member")
        expect((await result("getChatMember", { chat_id: SUPERGROUP, user_id: 44 })).status).toBe("left")
      })

      it("a join request lets the bot write to the person for 5 minutes, until it is handled", async () => {
        const link =
          (await result("createChatInviteLink", { chat_id: SUPERGROUP, creates_join_request: true })).invite_link
        await control("POST", "users/45/join", { invite_link: link })
        expect((await result("sendMessage", { chat_id: 45, text: "Tell me more" })).chat.id).toBe(45)
        t.clock.advance(5 * 60 * 1000 + 1)
        await refusal(
          "sendMessage",
          { chat_id: 45, text: "still?" },
          403,
          "Forbidden: bot can't initiate conversation with a user"
        )
      })
    })

    describe("subscription links", () => {
      it("checks the pricing before the rights, then Telegram's period and price", async () => {
        await refusal(
          "createChatSubscriptionInviteLink",
          { chat_id: NO_RIGHTS },
          400,
          "Bad Request: invalid subscription pricing specified"
        )
        await refusal(
          "createChatSubscriptionInviteLink",
          { chat_id: NO_RIGHTS, subscription_period: 2592000, subscription_price: 5 },
          400,
          "Bad Request: not enough rights to manage chat invite link"
        )
        await refusal(
          "createChatSubscriptionInviteLink",
          { chat_id: CHANNEL, subscription_period: 60, subscription_price: 5 },
          400,
          "Bad Request: SUBSCRIPTION_PERIOD_INVALID"
        )
        await refusal(
          "createChatSubscriptionInviteLink",
          { chat_id: CHANNEL, subscription_period: 2592000, subscription_price: 10001 },
          400,
          "Bad Request: PRICING_CHAT_INVALID"
        )
        const link = await result("createChatSubscriptionInviteLink", {
          chat_id: CHANNEL,
          name: "x".repeat(40),
          subscription_period: 2592000,
          subscription_price: 25
        })
        expect(Object.keys(link)).toEqual([
          "invite_link",
          "name",
          "creator",
          "subscription_period",
          "subscription_price",
          "creates_join_request",
          "is_primary",
          "is_revoked"
        ])
        expect(link).toMatchObject({
          name: "x".repeat(32),
          subscription_period: 2592000,
          subscription_price: 25,
          creates_join_request: false
        })
        const edited = await result("editChatSubscriptionInviteLink", {
          chat_id: CHANNEL,
          invite_link: link.invite_link,
          name: "Fans"
        })
        expect(edited.name).toBe("Fans")
        await refusal(
          "editChatSubscriptionInviteLink",
          { chat_id: CHANNEL },
          400,
          "Bad Request: invite link must be non-empty"
        )
        expect((await control("POST", "users/43/join", { invite_link: link.invite_link })).body.description).toBe(
          "STARS_PAYMENT_REQUIRED"
        )
        // Paying needs the Stars: Bob has none yet, then exactly the price.
        expect(
          (await control("POST", "users/43/join", { invite_link: link.invite_link, pay_stars: true })).body.description
        ).toBe("BALANCE_TOO_LOW")
        await control("PUT", "stars/43", { amount: 25 })
        expect(
          (await control("POST", "users/43/join", { invite_link: link.invite_link, pay_stars: true })).body.result
            .status
        ).toBe("member")
        expect((await result("getChatMember", { chat_id: CHANNEL, user_id: 43 })).until_date).toBe(
          Math.floor(t.clock.now() / 1000) + 2592000
        )
      })

      it("the test environment allows 60 s and 300 s periods", async () => {
        const { body } = await wireClient(() => t).call(
          `/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/test/createChatSubscriptionInviteLink?chat_id=${CHANNEL}&subscription_period=60&subscription_price=1`
        )
        expect(body.result.subscription_period).toBe(60)
      })
    })

    describe("the people routes", () => {
      it("add a person; the default world's people; one line per wrong field", async () => {
        expect((await control("POST", "users", { id: 77, first_name: "Eve", username: "eve_77" })).body.result).toEqual(
          {
            id: 77,
            first_name: "Eve",
            username: "eve_77",
            is_bot: false
          }
        )
        const world = (await control("GET", "world")).body.result
        expect(world.users.filter((u: any) => [43, 44, 45].includes(u.id)).map((u: any) => u.first_name)).toEqual([
          "Bob",
          "Carol",
          "Dave"
        ])
        const refused = await control("POST", "users", { id: 77, first_name: "", username: "bob", extra: 1 })
        expect(refused.status).toBe(400)
        expect(refused.body.description!.split("\n")).toEqual([
          `extra: is unexpected, expected: "id" | "first_name" | "last_name" | "username"`,
          `first_name: Expected a non empty string, actual ""`
        ])
        expect((await control("POST", "users", { id: 77, first_name: "Eve2", username: "bob" })).body.description).toBe(
          "id: user 77 already exists\nusername: bob is taken"
        )
      })

      it("validates each route's fields and paths, and changes nothing when it refuses", async () => {
        const before = JSON.stringify((await control("GET", "world")).body.result)
        const lines = async (method: string, path: string, body?: unknown) => {
          const refused = await control(method, path, body)
          expect(refused.status, JSON.stringify(refused.body)).toBe(400)
          return refused.body.description!.split("\n")
        }
        expect(await lines("POST", "users/abc/send", { text: "x" })).toEqual([
          `user_id: expected an integer id, got "abc"`
        ])
        expect(await lines("POST", "users/999/send", { text: "x" })).toEqual(["user_id: unknown user 999"])
        expect(await lines("POST", `users/${BOT}/send`, { text: "x" })).toEqual([`user_id: user ${BOT} is a bot`])
        expect(await lines("POST", "users/43/send", { text: "", chat_id: "x" })).toEqual([
          expect.stringMatching(/^text: /),
          expect.stringMatching(/^chat_id: /)
        ])
        expect(await lines("POST", "users/43/send", { text: "hi", chat_id: SUPERGROUP })).toEqual([
          `chat_id: user 43 is not in chat ${SUPERGROUP}`
        ])
        expect(await lines("POST", "users/43/send", { text: "hi", bot_id: 5 })).toEqual([
          "bot_id: no bot 5 in this world"
        ])
        expect(await lines("POST", "users/42/press", { message_id: 1, data: "x" })).toEqual([
          "message_id: no message 1 in chat 42"
        ])
        expect(await lines("POST", "users/43/join", {})).toEqual(["invite_link: is missing"])
        expect(await lines("POST", "users/43/leave", { chat_id: SUPERGROUP })).toEqual([
          `chat_id: user 43 is not in chat ${SUPERGROUP}`
        ])
        expect(await lines("PUT", `chats/${SUPERGROUP}/members/43`, { status: "boss" })).toEqual([
          expect.stringMatching(/^status: /)
        ])
        expect(await lines("PUT", `chats/${SUPERGROUP}/members/${OWNER}`, { status: "member" })).toEqual([
          `user_id: user ${OWNER} created chat ${SUPERGROUP}`
        ])
        expect(await lines("PUT", `chats/${SUPERGROUP}/members/43`, { status: "creator" })).toEqual([
          `status: chat ${SUPERGROUP} already has a creator (user ${OWNER})`
        ])
        expect(await lines("PUT", `chats/42/members/43`, { status: "member" })).toEqual([
          "chat_id: chat 42 is a private chat"
        ])
        expect(await lines("GET", "chats/x/messages")).toEqual([`chat_id: expected an integer id, got "x"`])
        expect(JSON.stringify((await control("GET", "world")).body.result)).toBe(before)
      })

      it("GET messages: the chat's messages, people's and the bot's, oldest first", async () => {
        await control("POST", "users/42/send", { text: "hi bot" })
        await result("sendMessage", { chat_id: 42, text: "hi Alice" })
        const messages = (await control("GET", "chats/42/messages")).body.result
        expect(messages.map((m: any) => [m.message_id, m.from.id, m.text])).toEqual([[1, 42, "hi bot"], [
          2,
          BOT,
          "hi Alice"
        ]])
        expect((await control("GET", `chats/42/messages?bot_id=${BOT}`)).body.result).toHaveLength(2)
      })
    })

    describe("flood control absorbs short waits, as Telegram does", () => {
      it("a wait up to 8 s is answered late with success; a longer one is a 429", async () => {
        await control("PUT", "limits", [{ method: "exportChatInviteLink", max_calls: 1, per_seconds: 5 }])
        expect(await result("exportChatInviteLink", { chat_id: SUPERGROUP })).toMatch(/^https:/)
        const late = result("exportChatInviteLink", { chat_id: SUPERGROUP })
        while (t.clock.pendingTimers() === 0) await new Promise((resolve) => setImmediate(resolve))
        t.clock.advance(4_999)
        let done = false
        void late.then(() => (done = true))
        await new Promise((resolve) => setImmediate(resolve))
        expect(done).toBe(false)
        t.clock.advance(1)
        expect(await late).toMatch(/^https:/)
        expect(t.mock.journal().at(-1)).toMatchObject({ method: "exportChatInviteLink", status: 200, waited_ms: 5000 })
        await control("PUT", "limits", [{ method: "exportChatInviteLink", max_calls: 1, per_seconds: 30 }])
        await result("exportChatInviteLink", { chat_id: SUPERGROUP })
        await refusal("exportChatInviteLink", { chat_id: SUPERGROUP }, 429, "Too Many Requests: retry after 30")
      })
    })
  })
}
