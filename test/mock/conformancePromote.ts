/**
 * Conformance of promotions (telegram-wire-chats.md §16.4–16.5, §16.13) on every transport: promoteChatMember (rights
 * fitted to the chat, RIGHT_FORBIDDEN, demotion), setChatAdministratorCustomTitle and setChatMemberTag, and the
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

export const promoteConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, promotions, titles and tags (${name})`, () => {
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

    describe("promoteChatMember", () => {
      it("needs a supergroup or channel, can_promote_members, rights the bot holds", async () => {
        await refusal(
          "promoteChatMember",
          { chat_id: BASIC_GROUP, user_id: BOB },
          400,
          "Bad Request: method is available for supergroup and channel chats only"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
        await refusal(
          "promoteChatMember",
          { chat_id: SUPERGROUP, user_id: BOB, can_pin_messages: true },
          400,
          "Bad Request: not enough rights"
        )
        await botRights({ can_promote_members: true, can_pin_messages: true })
        await refusal(
          "promoteChatMember",
          { chat_id: SUPERGROUP, user_id: OWNER, can_pin_messages: true },
          400,
          "Bad Request: can't remove chat owner"
        )
        await refusal(
          "promoteChatMember",
          { chat_id: SUPERGROUP, user_id: BOT, can_pin_messages: true },
          400,
          "Bad Request: can't promote self"
        )
        await refusal(
          "promoteChatMember",
          { chat_id: SUPERGROUP, user_id: 777, can_pin_messages: true },
          400,
          "Bad Request: member not found"
        )
        await refusal(
          "promoteChatMember",
          { chat_id: SUPERGROUP, user_id: BOB, can_change_info: true },
          400,
          "Bad Request: RIGHT_FORBIDDEN"
        )
        await refusal(
          "promoteChatMember",
          { chat_id: SUPERGROUP, user_id: CAROL, can_pin_messages: true },
          400,
          "Bad Request: USER_NOT_MUTUAL_CONTACT"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${CAROL}`, {
          status: "administrator",
          can_pin_messages: true
        })
        await refusal("promoteChatMember", { chat_id: SUPERGROUP, user_id: CAROL }, 400, "Bad Request: RIGHT_FORBIDDEN")
      })

      it("promotes (can_be_edited for the bot that did), demotes with every right false, tells chat_member", async () => {
        await botRights({ can_promote_members: true, can_pin_messages: true, can_manage_video_chats: true })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
        await updates(["chat_member"])
        expect(
          await result("promoteChatMember", {
            chat_id: SUPERGROUP,
            user_id: BOB,
            can_pin_messages: true,
            can_post_messages: true,
            can_manage_voice_chats: true
          })
        ).toBe(true)
        const promoted = await member(BOB)
        expect(promoted).toMatchObject({
          status: "administrator",
          can_be_edited: true,
          can_manage_chat: true,
          can_pin_messages: true,
          can_manage_video_chats: true,
          can_manage_voice_chats: true,
          can_invite_users: false
        })
        expect(promoted).not.toHaveProperty("can_post_messages")
        expect(
          await result("promoteChatMember", {
            chat_id: SUPERGROUP,
            user_id: BOB,
            can_pin_messages: true,
            can_manage_video_chats: true
          })
        )
          .toBe(true)
        expect(await result("promoteChatMember", { chat_id: SUPERGROUP, user_id: BOB })).toBe(true)
        expect((await member(BOB)).status).toBe("member")
        const changes = (await updates(["chat_member"])).map((u: any) =>
          `${u.chat_member.old_chat_member.status}>${u.chat_member.new_chat_member.status}`
        )
        expect(changes).toEqual(["member>administrator", "administrator>member"])
      })

      it("in a channel, any right brings can_restrict_members unless it is named", async () => {
        await control("PUT", `chats/${CHANNEL}/members/${BOT}`, {
          status: "administrator",
          can_promote_members: true,
          can_post_messages: true,
          can_restrict_members: true
        })
        await control("PUT", `chats/${CHANNEL}/members/${BOB}`, { status: "member" })
        await result("promoteChatMember", { chat_id: CHANNEL, user_id: BOB, can_post_messages: true })
        expect(await member(BOB, CHANNEL)).toMatchObject({ can_post_messages: true, can_restrict_members: true })
        await result("promoteChatMember", {
          chat_id: CHANNEL,
          user_id: BOB,
          can_post_messages: true,
          can_restrict_members: false
        })
        expect((await member(BOB, CHANNEL)).can_restrict_members).toBe(false)
      })
    })

    describe("custom titles and member tags", () => {
      it("setChatAdministratorCustomTitle: only administrators the bot may edit; Telegram's title rules", async () => {
        await refusal(
          "setChatAdministratorCustomTitle",
          { chat_id: CHANNEL, user_id: BOB },
          400,
          "Bad Request: method is available only for groups and supergroups"
        )
        await refusal(
          "setChatAdministratorCustomTitle",
          { chat_id: SUPERGROUP, user_id: OWNER },
          400,
          "Bad Request: only the owner can edit their custom title"
        )
        await refusal(
          "setChatAdministratorCustomTitle",
          { chat_id: SUPERGROUP, user_id: BOB },
          400,
          "Bad Request: user is not an administrator"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${CAROL}`, {
          status: "administrator",
          can_pin_messages: true
        })
        await refusal(
          "setChatAdministratorCustomTitle",
          { chat_id: SUPERGROUP, user_id: CAROL, custom_title: "x" },
          400,
          "Bad Request: not enough rights to change custom title of the user"
        )
        await botRights({ can_promote_members: true, can_pin_messages: true })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
        await result("promoteChatMember", { chat_id: SUPERGROUP, user_id: BOB, can_pin_messages: true })
        await refusal(
          "setChatAdministratorCustomTitle",
          { chat_id: SUPERGROUP, user_id: BOB, custom_title: "t".repeat(17) },
          400,
          "Bad Request: CUSTOM_TITLE_INVALID"
        )
        await refusal(
          "setChatAdministratorCustomTitle",
          { chat_id: SUPERGROUP, user_id: BOB, custom_title: "boss 👑" },
          400,
          "Bad Request: CUSTOM_TITLE_EMOJI_NOT_ALLOWED"
        )
        expect(
          await result("setChatAdministratorCustomTitle", {
            chat_id: SUPERGROUP,
            user_id: BOB,
            custom_title: "Moderator"
          })
        ).toBe(true)
        expect(await member(BOB)).toMatchObject({ status: "administrator", custom_title: "Moderator" })
        await result("promoteChatMember", { chat_id: SUPERGROUP, user_id: BOB })
        expect(await member(BOB)).toMatchObject({ status: "member", tag: "Moderator" })
      })

      it("setChatMemberTag: needs can_manage_tags; a member's tag shows in getChatMember and on their messages", async () => {
        await control("PUT", `chats/${SUPERGROUP}/members/${BOB}`, { status: "member" })
        await refusal(
          "setChatMemberTag",
          { chat_id: SUPERGROUP, user_id: BOB, tag: "x" },
          400,
          "Bad Request: TAG_CHANGE_FORBIDDEN"
        )
        await botRights({ can_manage_tags: true })
        await refusal(
          "setChatMemberTag",
          { chat_id: SUPERGROUP, user_id: CAROL, tag: "x" },
          400,
          "Bad Request: USER_NOT_PARTICIPANT"
        )
        await refusal(
          "setChatMemberTag",
          { chat_id: SUPERGROUP, user_id: BOB, tag: "🦄" },
          400,
          "Bad Request: TAG_EMOJI_NOT_ALLOWED"
        )
        expect(await result("setChatMemberTag", { chat_id: SUPERGROUP, user_id: BOB, tag: "Helper" })).toBe(true)
        expect(await member(BOB)).toMatchObject({ status: "member", tag: "Helper" })
        expect((await say(BOB, "hi")).body.result.sender_tag).toBe("Helper")
        expect(await result("setChatMemberTag", { chat_id: SUPERGROUP, user_id: BOB, tag: "" })).toBe(true)
        expect(await member(BOB)).not.toHaveProperty("tag")
      })
    })
  })
}
