/**
 * Conformance of a chat's settings and of the users family (telegram-wire-chats.md §16.6–16.13) on every transport:
 * setChatTitle (new_chat_title, which the bot gets too), setChatDescription, deleteChatPhoto, the sticker set,
 * leaveChat, banChatSenderChat / unbanChatSenderChat, getUserProfilePhotos, getUserProfileAudios,
 * getUserPersonalChatMessages, setUserEmojiStatus, getUserChatBoosts.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BASIC_GROUP = -555555555
const UPGRADED_GROUP = -987654321
const NO_RIGHTS = -1002000000002
const NOT_MEMBER_CHANNEL = -1002000000005
const BOT = 123456
const ALICE = 42

export const chatSettingsConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, chat settings and users (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const canChangeInfo = (chatId = SUPERGROUP) =>
      control("PUT", `chats/${chatId}/members/${BOT}`, { status: "administrator", can_change_info: true })
    const updates = async () => {
      const all = (await result("getUpdates")) as Array<any>
      if (all.length > 0) await result("getUpdates", { offset: all.at(-1).update_id + 1 })
      return all
    }

    it("setChatTitle: cleaned and cut, rights, the same title changes nothing; new_chat_title reaches the bot", async () => {
      await refusal("setChatTitle", { chat_id: SUPERGROUP }, 400, "Bad Request: title must be non-empty")
      await refusal("setChatTitle", { chat_id: ALICE, title: "x" }, 400, "Bad Request: can't change private chat title")
      await refusal(
        "setChatTitle",
        { chat_id: SUPERGROUP, title: "x" },
        400,
        "Bad Request: not enough rights to change chat title"
      )
      await canChangeInfo()
      await updates()
      expect(await result("setChatTitle", { chat_id: SUPERGROUP, title: `  New\n\n${"t".repeat(200)}` })).toBe(true)
      // Cut to 128 first, then the run of newlines becomes one space (TDLib's order).
      const title = `New ${"t".repeat(123)}`
      expect((await result("getChat", { chat_id: SUPERGROUP })).title).toBe(title)
      const [update] = await updates()
      expect(update.message).toMatchObject({
        from: { id: BOT },
        chat: { id: SUPERGROUP, title },
        new_chat_title: title
      })
      expect(await result("setChatTitle", { chat_id: SUPERGROUP, title })).toBe(true)
      expect(await updates()).toEqual([])
      await canChangeInfo(CHANNEL)
      await updates()
      await result("setChatTitle", { chat_id: CHANNEL, title: "Renamed Channel" })
      const [post] = await updates()
      expect(post.channel_post).toMatchObject({ sender_chat: { id: CHANNEL }, new_chat_title: "Renamed Channel" })
      expect(post.channel_post).not.toHaveProperty("from")
    })

    it("setChatDescription: rights, cut to 255, `chat description is not modified`; getChat shows it", async () => {
      await refusal("setChatDescription", { chat_id: ALICE }, 400, "Bad Request: can't change private chat description")
      await refusal(
        "setChatDescription",
        { chat_id: SUPERGROUP },
        400,
        "Bad Request: not enough rights to set chat description"
      )
      await canChangeInfo()
      await refusal(
        "setChatDescription",
        { chat_id: SUPERGROUP, description: "  " },
        400,
        "Bad Request: chat description is not modified"
      )
      expect(await result("setChatDescription", { chat_id: SUPERGROUP, description: ` ${"d".repeat(300)}` })).toBe(true)
      expect((await result("getChat", { chat_id: SUPERGROUP })).description).toBe("d".repeat(255))
      expect(await result("setChatDescription", { chat_id: SUPERGROUP })).toBe(true)
      expect(await result("getChat", { chat_id: SUPERGROUP })).not.toHaveProperty("description")
    })

    it("deleteChatPhoto: rights, then CHAT_NOT_MODIFIED for a chat without a photo", async () => {
      await refusal("deleteChatPhoto", { chat_id: ALICE }, 400, "Bad Request: can't change private chat photo")
      await refusal(
        "deleteChatPhoto",
        { chat_id: NO_RIGHTS },
        400,
        "Bad Request: not enough rights to change chat photo"
      )
      await canChangeInfo()
      await refusal("deleteChatPhoto", { chat_id: SUPERGROUP }, 400, "Bad Request: CHAT_NOT_MODIFIED")
    })

    it("the sticker set: supergroups only, a name, the right, a supergroup large enough", async () => {
      await refusal(
        "setChatStickerSet",
        { chat_id: BASIC_GROUP, sticker_set_name: "x" },
        400,
        "Bad Request: method is available only for supergroups"
      )
      await refusal("setChatStickerSet", { chat_id: SUPERGROUP }, 400, "Bad Request: sticker_set_name is empty")
      await refusal(
        "setChatStickerSet",
        { chat_id: SUPERGROUP, sticker_set_name: "no such set!" },
        400,
        "Bad Request: sticker set not found"
      )
      await refusal(
        "setChatStickerSet",
        { chat_id: SUPERGROUP, sticker_set_name: "Animals" },
        400,
        "Bad Request: not enough rights to change supergroup sticker set"
      )
      await canChangeInfo()
      await refusal(
        "setChatStickerSet",
        { chat_id: SUPERGROUP, sticker_set_name: "Animals" },
        400,
        "Bad Request: can't set supergroup sticker set"
      )
      await refusal(
        "deleteChatStickerSet",
        { chat_id: SUPERGROUP },
        400,
        "Bad Request: can't set supergroup sticker set"
      )
      const world = (await control("GET", "world")).body.result
      const crowd = Array.from({ length: 100 }, (_, i) => ({ id: 5000 + i, first_name: `P${i}` }))
      world.users.push(...crowd)
      world.chats.find((c: any) => c.id === SUPERGROUP).members.push(
        ...crowd.map((u) => ({ user_id: u.id, status: "member" }))
      )
      expect((await control("PUT", "world", world)).status).toBe(200)
      expect((await result("getChat", { chat_id: SUPERGROUP })).can_set_sticker_set).toBe(true)
      expect(await result("setChatStickerSet", { chat_id: SUPERGROUP, sticker_set_name: "Animals" })).toBe(true)
      expect((await result("getChat", { chat_id: SUPERGROUP })).sticker_set_name).toBe("Animals")
      expect(await result("deleteChatStickerSet", { chat_id: SUPERGROUP })).toBe(true)
      expect(await result("getChat", { chat_id: SUPERGROUP })).not.toHaveProperty("sticker_set_name")
    })

    it("leaveChat: my_chat_member and the group's left_chat_member; leaving again is true", async () => {
      await refusal(
        "leaveChat",
        { chat_id: ALICE },
        400,
        "Bad Request: chat member status can't be changed in private chats"
      )
      await refusal("leaveChat", { chat_id: UPGRADED_GROUP }, 400, "Bad Request: chat is deactivated")
      await refusal(
        "leaveChat",
        { chat_id: NOT_MEMBER_CHANNEL },
        403,
        "Forbidden: bot is not a member of the channel chat"
      )
      await updates()
      expect(await result("leaveChat", { chat_id: BASIC_GROUP })).toBe(true)
      const [message, member] = await updates()
      expect(message.message).toMatchObject({ chat: { id: BASIC_GROUP }, left_chat_member: { id: BOT } })
      expect(member.my_chat_member).toMatchObject({
        from: { id: BOT },
        old_chat_member: { status: "administrator" },
        new_chat_member: { status: "left" }
      })
      await refusal(
        "sendMessage",
        { chat_id: BASIC_GROUP, text: "x" },
        403,
        "Forbidden: bot is not a member of the group chat"
      )
      expect(await result("leaveChat", { chat_id: "@my_test_channel" })).toBe(true)
      expect(await result("leaveChat", { chat_id: "@my_test_channel" })).toBe(true)
    })

    it("banChatSenderChat / unbanChatSenderChat: sender_chat_id as check_chat_no_fail reads it, then TDLib", async () => {
      await refusal("banChatSenderChat", { chat_id: SUPERGROUP }, 400, "Bad Request: sender_chat_id is empty")
      await refusal(
        "banChatSenderChat",
        { chat_id: SUPERGROUP, sender_chat_id: "x" },
        400,
        "Bad Request: sender_chat_id is not a valid Integer"
      )
      await refusal(
        "banChatSenderChat",
        { chat_id: ALICE, sender_chat_id: CHANNEL },
        400,
        "Bad Request: can't ban members in private chats"
      )
      await refusal(
        "banChatSenderChat",
        { chat_id: BASIC_GROUP, sender_chat_id: CHANNEL },
        400,
        "Bad Request: can't ban chats in basic groups"
      )
      await refusal(
        "banChatSenderChat",
        { chat_id: SUPERGROUP, sender_chat_id: 0 },
        400,
        "Bad Request: invalid chat identifier specified"
      )
      await refusal(
        "banChatSenderChat",
        { chat_id: SUPERGROUP, sender_chat_id: -1009999999999 },
        400,
        "Bad Request: member not found"
      )
      await refusal(
        "banChatSenderChat",
        { chat_id: SUPERGROUP, sender_chat_id: BASIC_GROUP },
        400,
        "Bad Request: can't restrict the chat"
      )
      await refusal(
        "banChatSenderChat",
        { chat_id: SUPERGROUP, sender_chat_id: CHANNEL },
        400,
        "Bad Request: not enough rights to restrict/unrestrict chat member"
      )
      await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, {
        status: "administrator",
        can_restrict_members: true
      })
      expect(await result("banChatSenderChat", { chat_id: SUPERGROUP, sender_chat_id: CHANNEL })).toBe(true)
      const chat = async () => (await control("GET", "world")).body.result.chats.find((c: any) => c.id === SUPERGROUP)
      expect((await chat()).banned_sender_chat_ids).toEqual([CHANNEL])
      await refusal(
        "unbanChatSenderChat",
        { chat_id: ALICE, sender_chat_id: CHANNEL },
        400,
        "Bad Request: chat member status can't be changed in private chats"
      )
      expect(await result("unbanChatSenderChat", { chat_id: BASIC_GROUP, sender_chat_id: CHANNEL })).toBe(true)
      expect(await result("unbanChatSenderChat", { chat_id: SUPERGROUP, sender_chat_id: CHANNEL })).toBe(true)
      expect(await chat()).not.toHaveProperty("banned_sender_chat_ids")
    })

    describe("users", () => {
      it("profile photos and audios: user_id, paging limits, `user not found`", async () => {
        for (const method of ["getUserProfilePhotos", "getUserProfileAudios"]) {
          await refusal(method, { user_id: 0 }, 400, "Bad Request: invalid user_id specified")
          await refusal(method, { user_id: 777 }, 400, "Bad Request: user not found")
        }
        expect(await result("getUserProfilePhotos", { user_id: ALICE, offset: -5, limit: 1000 })).toEqual({
          total_count: 0,
          photos: []
        })
        expect(await result("getUserProfileAudios", { user_id: ALICE })).toEqual({ total_count: 0, audios: [] })
      })

      it("getUserPersonalChatMessages: `limit must be positive`; people have no personal channel", async () => {
        await refusal("getUserPersonalChatMessages", { user_id: 777, limit: 5 }, 400, "Bad Request: user not found")
        await refusal("getUserPersonalChatMessages", { user_id: ALICE }, 400, "Bad Request: limit must be positive")
        expect(await result("getUserPersonalChatMessages", { user_id: ALICE, limit: 50 })).toEqual([])
      })

      it("setUserEmojiStatus: only for a person who allowed the bot; getChat shows it until it expires", async () => {
        await refusal("setUserEmojiStatus", { user_id: 777 }, 400, "Bad Request: user not found")
        const params = { user_id: ALICE, emoji_status_custom_emoji_id: "5368324170671202286" }
        await refusal("setUserEmojiStatus", params, 400, "Bad Request: USER_PERMISSION_DENIED")
        expect((await control("POST", `users/${ALICE}/emoji_status_access`, {})).body.result).toBe(true)
        const until = Math.floor(t.clock.now() / 1000) + 60
        expect(await result("setUserEmojiStatus", { ...params, emoji_status_expiration_date: until })).toBe(true)
        expect(await result("getChat", { chat_id: ALICE })).toMatchObject({
          emoji_status_custom_emoji_id: "5368324170671202286",
          emoji_status_expiration_date: until
        })
        t.clock.advance(60_000)
        expect(await result("getChat", { chat_id: ALICE })).not.toHaveProperty("emoji_status_custom_emoji_id")
        await control("POST", `users/${ALICE}/emoji_status_access`, { allowed: false })
        await refusal("setUserEmojiStatus", params, 400, "Bad Request: USER_PERMISSION_DENIED")
      })

      it("getUserChatBoosts: user_id, the chat, the user; administrators of channels and supergroups only", async () => {
        await refusal("getUserChatBoosts", { chat_id: SUPERGROUP }, 400, "Bad Request: invalid user_id specified")
        await refusal("getUserChatBoosts", { user_id: ALICE }, 400, "Bad Request: chat_id is empty")
        await refusal("getUserChatBoosts", { chat_id: SUPERGROUP, user_id: 777 }, 400, "Bad Request: user not found")
        await refusal(
          "getUserChatBoosts",
          { chat_id: BASIC_GROUP, user_id: ALICE },
          400,
          "Bad Request: PEER_ID_INVALID"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "member" })
        await refusal(
          "getUserChatBoosts",
          { chat_id: SUPERGROUP, user_id: ALICE },
          400,
          "Bad Request: CHAT_ADMIN_REQUIRED"
        )
        expect(await result("getUserChatBoosts", { chat_id: CHANNEL, user_id: ALICE })).toEqual({ boosts: [] })
      })
    })
  })
}
