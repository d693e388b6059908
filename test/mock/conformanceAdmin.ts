/**
 * Conformance of restrictions (telegram-wire-chats.md §16.1–16.3, §16.13–16.14) on every transport: restrictChatMember
 * and setChatPermissions (the permissions input, TDLib's rules, expiry), what people and bots may then send, and the
 * chat_member updates they produce.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BASIC_GROUP = -555555555
const BOT = 123456
const OWNER = 1000
const BOB = 43
const CAROL = 44

const RESTRICTED_KEYS = [
  "user",
  "status",
  "until_date",
  "can_send_messages",
  "can_send_media_messages",
  "can_send_audios",
  "can_send_documents",
  "can_send_photos",
  "can_send_videos",
  "can_send_video_notes",
  "can_send_voice_notes",
  "can_send_polls",
  "can_send_other_messages",
  "can_add_web_page_previews",
  "can_react_to_messages",
  "can_edit_tag",
  "can_change_info",
  "can_invite_users",
  "can_pin_messages",
  "can_manage_topics",
  "is_member"
]

export const adminConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, member administration (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const botRights = (rights: Record<string, boolean>) =>
      control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "administrator", ...rights })
    const member = (userId: number, chatId = SUPERGROUP) =>
      result("getChatMember", { chat_id: chatId, user_id: userId })
    const say = (userId: number, text: string) => control("POST", `users/${userId}/send`, { text, chat_id: SUPERGROUP })
    /** The updates pending of these types, confirmed. */
    const updates = async (allowed: Array<string>) => {
      const all = (await result("getUpdates", { allowed_updates: allowed })) as Array<any>
      if (all.length > 0) await result("getUpdates", { offset: all.at(-1).update_id + 1, allowed_updates: allowed })
      return all
    }

    describe("restrictChatMember", () => {
      it("reads user_id, then the permissions, then the chat; the real parsing errors", async () => {
        await refusal("restrictChatMember", { chat_id: SUPERGROUP }, 400, "Bad Request: invalid user_id specified")
        const cases: Array<[unknown, string]> = [
          ["{bad", "can't parse permissions JSON object"],
          ["[]", "object expected as permissions"],
          [
            { can_send_messages: "true" },
            `can't parse chat permissions: Field "can_send_messages" must be of type Boolean`
          ],
          [{ can_send_photos: 1 }, `can't parse chat permissions: Field "can_send_photos" must be of type Boolean`]
        ]
        for (const [permissions, description] of cases) {
          await refusal(
            "restrictChatMember",
            { user_id: BOB, permissions, chat_id: -1 },
            400,
            `Bad Request: ${description}`
          )
        }
        await refusal(
          "restrictChatMember",
          { user_id: BOB, permissions: {}, chat_id: -1 },
          400,
          "Bad Request: chat not found"
        )
        for (const chatId of [BASIC_GROUP, CHANNEL, 42]) {
          await refusal(
            "restrictChatMember",
            { user_id: BOB, chat_id: chatId },
            400,
            "Bad Request: method is available only for supergroups"
          )
        }
        await refusal("restrictChatMember", { user_id: 777, chat_id: SUPERGROUP }, 400, "Bad Request: member not found")
      })

      it("refuses the owner, the bot itself, a bot without the right, an administrator", async () => {
        await refusal(
          "restrictChatMember",
          { user_id: BOB, chat_id: SUPERGROUP },
          400,
          "Bad Request: not enough rights to restrict/unrestrict chat member"
        )
        await botRights({ can_restrict_members: true })
        await refusal(
          "restrictChatMember",
          { user_id: OWNER, chat_id: SUPERGROUP },
          400,
          "Bad Request: can't remove chat owner"
        )
        await refusal(
          "restrictChatMember",
          { user_id: BOT, chat_id: SUPERGROUP },
          400,
          "Bad Request: can't restrict self"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${CAROL}`, { status: "administrator" })
        await refusal(
          "restrictChatMember",
          { user_id: CAROL, chat_id: SUPERGROUP },
          400,
          "Bad Request: user is an administrator of the chat"
        )
      })

      it("restricts with TDLib's implications; chat_member tells the administering bot; all permissions lift it", async () => {
        await botRights({ can_restrict_members: true })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
        await updates(["chat_member"])
        const until = Math.floor(t.clock.now() / 1000) + 3600
        expect(
          await result("restrictChatMember", {
            user_id: BOB,
            chat_id: SUPERGROUP,
            permissions: { can_send_polls: true, can_pin_messages: true },
            until_date: until
          })
        ).toBe(true)
        const restricted = await member(BOB)
        expect(Object.keys(restricted)).toEqual(RESTRICTED_KEYS)
        expect(restricted).toMatchObject({
          status: "restricted",
          until_date: until,
          can_send_messages: true,
          can_send_media_messages: false,
          can_send_polls: true,
          can_react_to_messages: false,
          can_edit_tag: true,
          can_pin_messages: true,
          can_manage_topics: true,
          is_member: true
        })
        const [update] = await updates(["chat_member"])
        expect(update.chat_member).toMatchObject({
          from: { id: BOT },
          old_chat_member: { status: "member" },
          new_chat_member: { status: "restricted", until_date: until }
        })
        // The same restriction again changes nothing; every permission lifts it.
        expect(
          await result("restrictChatMember", {
            user_id: BOB,
            chat_id: SUPERGROUP,
            permissions: { can_send_polls: true, can_pin_messages: true },
            until_date: until
          })
        ).toBe(true)
        const all = Object.fromEntries(
          RESTRICTED_KEYS.slice(3, -1).filter((k) => k !== "can_send_media_messages").map((k) => [k, true])
        )
        expect(await result("restrictChatMember", { user_id: BOB, chat_id: SUPERGROUP, permissions: all })).toBe(true)
        expect((await member(BOB)).status).toBe("member")
      })

      it("until_date under 30 s or over 366 days is forever; a restriction ends at its until_date", async () => {
        await botRights({ can_restrict_members: true })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
        const now = Math.floor(t.clock.now() / 1000)
        for (const until of [now + 10, now + 367 * 86_400, -5]) {
          await result("restrictChatMember", {
            user_id: BOB,
            chat_id: SUPERGROUP,
            until_date: until,
            permissions: { can_send_polls: until < 0 }
          })
          expect((await member(BOB)).until_date).toBe(0)
        }
        await result("restrictChatMember", { user_id: BOB, chat_id: SUPERGROUP, until_date: now + 60 })
        expect((await say(BOB, "muted")).body.description).toBe(
          `chat_id: user ${BOB} may not send messages in chat ${SUPERGROUP}`
        )
        t.clock.advance(61_000)
        expect((await say(BOB, "free again")).body.ok).toBe(true)
        expect(await member(BOB)).toEqual({ user: expect.objectContaining({ id: BOB }), status: "member" })
      })

      it("the legacy top-level flags: all four lift a restriction; some keep the member's other permissions", async () => {
        await botRights({ can_restrict_members: true })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
        await result("restrictChatMember", {
          user_id: BOB,
          chat_id: SUPERGROUP,
          permissions: { can_send_polls: true, can_invite_users: true }
        })
        await result("restrictChatMember", { user_id: BOB, chat_id: SUPERGROUP, can_send_messages: true })
        expect(await member(BOB)).toMatchObject({
          can_send_messages: true,
          can_send_polls: true,
          can_invite_users: true
        })
        await result("restrictChatMember", {
          user_id: BOB,
          chat_id: SUPERGROUP,
          can_send_messages: true,
          can_send_media_messages: true,
          can_send_other_messages: true,
          can_add_web_page_previews: true
        })
        expect((await member(BOB)).status).toBe("member")
        await result("restrictChatMember", {
          user_id: BOB,
          chat_id: SUPERGROUP,
          permissions: { can_send_other_messages: true }
        })
        expect(await member(BOB)).toMatchObject({
          can_send_messages: true,
          can_send_videos: true,
          can_react_to_messages: false
        })
        await result("restrictChatMember", {
          user_id: BOB,
          chat_id: SUPERGROUP,
          use_independent_chat_permissions: true,
          permissions: { can_send_other_messages: true }
        })
        expect(await member(BOB)).toMatchObject({
          can_send_messages: false,
          can_send_videos: false,
          can_send_other_messages: true
        })
      })
    })

    describe("setChatPermissions", () => {
      it("needs a group and can_restrict_members; no permissions locks the chat; people follow them", async () => {
        await refusal("setChatPermissions", { chat_id: 42 }, 400, "Bad Request: can't change private chat permissions")
        await refusal(
          "setChatPermissions",
          { chat_id: CHANNEL },
          400,
          "Bad Request: can't change channel chat permissions"
        )
        await refusal(
          "setChatPermissions",
          { chat_id: SUPERGROUP },
          400,
          "Bad Request: not enough rights to change chat permissions"
        )
        await refusal(
          "setChatPermissions",
          { chat_id: SUPERGROUP, permissions: "[" },
          400,
          "Bad Request: can't parse permissions JSON object"
        )
        await botRights({ can_restrict_members: true })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
        expect((await result("getChat", { chat_id: SUPERGROUP })).permissions).toMatchObject({
          can_send_messages: true,
          can_change_info: false
        })
        expect(await result("setChatPermissions", { chat_id: SUPERGROUP })).toBe(true)
        const locked = (await result("getChat", { chat_id: SUPERGROUP })).permissions
        expect(Object.values(locked).every((value) => value === false)).toBe(true)
        expect((await say(BOB, "x")).body.description).toBe(
          `chat_id: user ${BOB} may not send messages in chat ${SUPERGROUP}`
        )
        expect((await say(OWNER, "owner")).body.ok).toBe(true)
        expect(await result("sendMessage", { chat_id: SUPERGROUP, text: "the bot administers" })).toMatchObject({
          text: "the bot administers"
        })
        expect(await result("setChatPermissions", { chat_id: SUPERGROUP, permissions: { can_send_messages: true } }))
          .toBe(true)
        expect((await say(BOB, "back")).body.ok).toBe(true)
        expect(await result("setChatPermissions", { chat_id: SUPERGROUP, permissions: { can_send_messages: true } }))
          .toBe(true)
        expect((await result("getChat", { chat_id: BASIC_GROUP })).all_members_are_administrators).toBe(false)
      })

      it("a member bot is held to the chat's permissions too", async () => {
        await botRights({ can_restrict_members: true })
        await result("setChatPermissions", { chat_id: SUPERGROUP, permissions: { can_send_polls: false } })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "member" })
        await refusal(
          "sendMessage",
          { chat_id: SUPERGROUP, text: "x" },
          400,
          "Bad Request: not enough rights to send text messages to the chat"
        )
      })
    })
  })
}
