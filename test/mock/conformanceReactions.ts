/**
 * Conformance of reactions and pins (telegram-wire-messages.md §M8.1-M8.2, §M10.2) on every transport: the bot's
 * reaction (the readers' exact strings, Telegram's rules as the mock's), removing others' reactions, people reacting
 * (`message_reaction` and `message_reaction_count` for the bots that asked), and pins with their service message and
 * getChat's `pinned_message`.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BASIC_GROUP = -555555555
const KICKED = -1002000000004
const BOT = 123456
const ALICE = 42
const OWNER = 1000
const THUMBS = { type: "emoji", emoji: "👍" }
const REACTION_UPDATES = ["message", "channel_post", "message_reaction", "message_reaction_count"]

export const reactionConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, reactions and pins (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const react = (params: Record<string, unknown>) =>
      result("setMessageReaction", { chat_id: ALICE, message_id: 1, ...params })
    const reactRefusal = (params: Record<string, unknown>, description: string) =>
      refusal("setMessageReaction", { chat_id: ALICE, message_id: 1, ...params }, 400, description)
    const personReacts = (userId: number, body: Record<string, unknown>) =>
      control("POST", `users/${userId}/react`, body)
    /** The updates queued since the last call (confirmed as they are read). */
    const fresh = async () => {
      const list = (await result("getUpdates", { allowed_updates: REACTION_UPDATES })) as Array<any>
      if (list.length > 0) await result("getUpdates", { offset: list.at(-1).update_id + 1 })
      return list
    }

    describe("setMessageReaction", () => {
      it.each([
        ["junk", "can't parse reaction types JSON object"],
        [{ type: "emoji" }, "expected an Array of ReactionType"],
        [[5], "can't parse ReactionType: expected an Object"],
        [[{}], `can't parse ReactionType: Can't find field "type"`],
        [[{ type: "emoji" }], `can't parse ReactionType: Can't find field "emoji"`],
        [[{ type: "custom_emoji" }], `can't parse ReactionType: Can't find field "custom_emoji_id"`],
        [[{ type: "paid" }], "can't parse ReactionType: invalid reaction type specified"],
        [[{ type: "emoji", emoji: "" }], "invalid reaction type specified"],
        [[THUMBS, { type: "emoji", emoji: "🔥" }], "REACTIONS_TOO_MANY"],
        [[{ type: "emoji", emoji: "🦖" }], "REACTION_INVALID"],
        [[{ type: "custom_emoji", custom_emoji_id: "5368324170671202286" }], "REACTION_INVALID"]
      ])("refuses reaction %j: %s", async (reaction, description) => {
        await control("POST", `users/${ALICE}/send`, { text: "hi" })
        await reactRefusal({ reaction }, `Bad Request: ${description}`)
      })

      it("reads the reaction before the message; read access is enough", async () => {
        await reactRefusal({ reaction: "junk", chat_id: "" }, "Bad Request: can't parse reaction types JSON object")
        await reactRefusal({ reaction: [THUMBS], chat_id: "" }, "Bad Request: chat_id is empty")
        await reactRefusal({ reaction: [THUMBS] }, "Bad Request: message to react not found")
        await refusal(
          "setMessageReaction",
          { chat_id: KICKED, message_id: 1, reaction: [THUMBS] },
          403,
          "Forbidden: bot was kicked from the supergroup chat"
        )
      })

      it("sets, repeats (a success), replaces and removes its one reaction; nobody is told", async () => {
        await control("POST", `users/${ALICE}/send`, { text: "hi" })
        await fresh()
        expect(await react({ reaction: [THUMBS], is_big: true })).toBe(true)
        expect(await react({ reaction: [THUMBS] })).toBe(true)
        expect(await react({ reaction: [{ type: "emoji", emoji: "❤" }] })).toBe(true)
        expect(await react({})).toBe(true)
        expect(await fresh()).toEqual([])
      })

      it("a custom emoji only when someone already chose it on the message", async () => {
        await control("POST", `users/${ALICE}/send`, { text: "hi" })
        const custom = { type: "custom_emoji", custom_emoji_id: "5368324170671202286" }
        await personReacts(ALICE, { message_id: 1, reaction: [custom] })
        expect(await react({ reaction: [custom] })).toBe(true)
      })
    })

    describe("people react", () => {
      it("in a private chat: message_reaction with the old and new reactions, only when asked for", async () => {
        await result("sendMessage", { chat_id: ALICE, text: "rate me" })
        await personReacts(ALICE, { message_id: 1, reaction: [THUMBS] })
        expect(await result("getUpdates", {})).toEqual([])
        await fresh()
        await personReacts(ALICE, { message_id: 1, reaction: [{ type: "emoji", emoji: "🔥" }] })
        const [update] = await fresh()
        expect(JSON.stringify(update.message_reaction)).toMatch(
          /^\{"chat":\{"id":42,"first_name":"Alice","type":"private"\},"message_id":1,"user":\{"id":42,"is_bot":false,"first_name":"Alice"\},"date":\d+,"old_reaction":\[\{"type":"emoji","emoji":"👍"\}\],"new_reaction":\[\{"type":"emoji","emoji":"🔥"\}\]\}$/
        )
        await personReacts(ALICE, { message_id: 1, reaction: [{ type: "emoji", emoji: "🔥" }] })
        expect(await fresh()).toEqual([])
      })

      it("in a channel: message_reaction_count to the administering bots, counts of everyone", async () => {
        await result("sendMessage", { chat_id: CHANNEL, text: "post" })
        await fresh()
        await personReacts(ALICE, { chat_id: CHANNEL, message_id: 1, reaction: [THUMBS] })
        await personReacts(43, { chat_id: CHANNEL, message_id: 1, reaction: [THUMBS, { type: "emoji", emoji: "🔥" }] })
        const updates = await fresh()
        expect(updates.map((u) => Object.keys(u)[1])).toEqual(["message_reaction_count", "message_reaction_count"])
        expect(updates[1].message_reaction_count.reactions).toEqual([
          { type: THUMBS, total_count: 2 },
          { type: { type: "emoji", emoji: "🔥" }, total_count: 1 }
        ])
      })

      it("refuses, one line naming the field, what Telegram's app would not allow", async () => {
        await result("sendMessage", { chat_id: ALICE, text: "x" })
        const problem = async (body: Record<string, unknown>) => (await personReacts(ALICE, body)).body.description
        expect(await problem({ message_id: 1, reaction: [{ type: "emoji", emoji: "🦖" }] })).toBe(
          `reaction.0.emoji: "🦖" is not a reaction Telegram offers`
        )
        const four = ["👍", "🔥", "❤", "🎉"].map((emoji) => ({ type: "emoji", emoji }))
        expect(await problem({ message_id: 1, reaction: four })).toBe("reaction: at most 3 reactions per person")
        expect(await problem({ message_id: 1, reaction: [{ type: "paid" }] })).toBe(
          `reaction.0: Expected {"type":"emoji","emoji":…} or {"type":"custom_emoji","custom_emoji_id":…}, actual {"type":"paid"}`
        )
        expect(await problem({ chat_id: SUPERGROUP, message_id: 1, reaction: [] })).toBe(
          `chat_id: user 42 is not in chat ${SUPERGROUP}`
        )
      })
    })

    describe("deleteMessageReaction and deleteAllMessageReactions", () => {
      it("read the sender with the real wording, then the message, then the rights", async () => {
        await refusal(
          "deleteMessageReaction",
          { chat_id: SUPERGROUP, message_id: 1 },
          400,
          "Bad Request: sender_chat_id is empty"
        )
        await refusal(
          "deleteMessageReaction",
          { chat_id: SUPERGROUP, message_id: 1, actor_chat_id: "x" },
          400,
          "Bad Request: sender_chat_id is not a valid Integer"
        )
        await refusal(
          "deleteAllMessageReactions",
          { chat_id: SUPERGROUP, user_id: "-5" },
          400,
          "Bad Request: invalid user_id specified"
        )
        await refusal(
          "deleteMessageReaction",
          { chat_id: SUPERGROUP, message_id: 1, user_id: 43 },
          400,
          "Bad Request: message to delete reactions not found"
        )
        await result("sendMessage", { chat_id: SUPERGROUP, text: "x" })
        await refusal(
          "deleteMessageReaction",
          { chat_id: SUPERGROUP, message_id: 1, user_id: 777 },
          400,
          "Bad Request: reaction sender not found"
        )
        await refusal(
          "deleteMessageReaction",
          { chat_id: SUPERGROUP, message_id: 1, user_id: 43 },
          400,
          "Bad Request: CHAT_ADMIN_REQUIRED"
        )
      })

      it("remove a person's reactions from one message, or from all", async () => {
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, {
          status: "administrator",
          can_delete_messages: true
        })
        await control("PUT", `chats/${SUPERGROUP}/members/43`, { status: "member" })
        for (const text of ["a", "b"]) await result("sendMessage", { chat_id: SUPERGROUP, text })
        for (const id of [2, 3]) await personReacts(43, { chat_id: SUPERGROUP, message_id: id, reaction: [THUMBS] })
        await personReacts(OWNER, { chat_id: SUPERGROUP, message_id: 3, reaction: [THUMBS] })
        expect(await result("deleteMessageReaction", { chat_id: SUPERGROUP, message_id: 2, user_id: 43 })).toBe(true)
        // The reaction is gone: the bot's own custom emoji can no longer follow it, and 43 may set it again.
        expect(await result("deleteAllMessageReactions", { chat_id: SUPERGROUP, user_id: 43 })).toBe(true)
        await fresh()
        await personReacts(43, { chat_id: SUPERGROUP, message_id: 3, reaction: [THUMBS] })
        const [update] = await fresh()
        expect(update.message_reaction.old_reaction).toEqual([])
        await personReacts(OWNER, { chat_id: SUPERGROUP, message_id: 3, reaction: [] })
        expect((await fresh())[0].message_reaction.old_reaction).toEqual([THUMBS])
      })
    })

    describe("pins", () => {
      it("pins: write access, the message, the rights; a pinned_message service message the bot gets too", async () => {
        await refusal("pinChatMessage", { chat_id: ALICE, message_id: 1 }, 400, "Bad Request: message to pin not found")
        await refusal(
          "unpinChatMessage",
          { chat_id: ALICE, business_connection_id: "conn" },
          400,
          "Bad Request: business connection not found"
        )
        await result("sendMessage", { chat_id: ALICE, text: "note" })
        await fresh()
        expect(await result("pinChatMessage", { chat_id: ALICE, message_id: 1 })).toBe(true)
        const [update] = await fresh()
        expect(update.message).toMatchObject({
          message_id: 2,
          from: { id: BOT },
          pinned_message: { message_id: 1, text: "note" }
        })
        expect(update.message.pinned_message.pinned_message).toBeUndefined()
        await refusal(
          "pinChatMessage",
          { chat_id: ALICE, message_id: 2 },
          400,
          "Bad Request: service messages can't be pinned"
        )
        expect((await result("getChat", { chat_id: ALICE })).pinned_message).toMatchObject({ message_id: 1 })
      })

      it("needs can_pin_messages in groups, can_edit_messages in channels", async () => {
        for (const chatId of [SUPERGROUP, BASIC_GROUP]) {
          await result("sendMessage", { chat_id: chatId, text: "rules" })
          await refusal(
            "pinChatMessage",
            { chat_id: chatId, message_id: 1 },
            400,
            "Bad Request: not enough rights to manage pinned messages in the chat"
          )
          await control("PUT", `chats/${chatId}/members/${BOT}`, { status: "administrator", can_pin_messages: true })
          expect(await result("pinChatMessage", { chat_id: chatId, message_id: 1 })).toBe(true)
        }
        await result("sendMessage", { chat_id: CHANNEL, text: "post" })
        await refusal(
          "unpinAllChatMessages",
          { chat_id: CHANNEL },
          400,
          "Bad Request: not enough rights to manage pinned messages in the chat"
        )
        await control("PUT", `chats/${CHANNEL}/members/${BOT}`, {
          status: "administrator",
          can_post_messages: true,
          can_edit_messages: true
        })
        await fresh()
        await result("pinChatMessage", { chat_id: CHANNEL, message_id: 1 })
        expect((await fresh())[0].channel_post).toMatchObject({
          sender_chat: { id: CHANNEL },
          pinned_message: { text: "post" }
        })
      })

      it("unpins one, the latest, or all; getChat follows", async () => {
        for (const text of ["a", "b"]) await result("sendMessage", { chat_id: ALICE, text })
        await refusal("unpinChatMessage", { chat_id: ALICE }, 400, "Bad Request: message to unpin not found")
        await result("pinChatMessage", { chat_id: ALICE, message_id: 1 })
        await result("pinChatMessage", { chat_id: ALICE, message_id: 2 })
        expect((await result("getChat", { chat_id: ALICE })).pinned_message.text).toBe("b")
        expect(await result("unpinChatMessage", { chat_id: ALICE })).toBe(true)
        expect((await result("getChat", { chat_id: ALICE })).pinned_message.text).toBe("a")
        await refusal(
          "unpinChatMessage",
          { chat_id: ALICE, message_id: 9 },
          400,
          "Bad Request: message to unpin not found"
        )
        await result("pinChatMessage", { chat_id: ALICE, message_id: 2 })
        expect(await result("unpinAllChatMessages", { chat_id: ALICE })).toBe(true)
        expect((await result("getChat", { chat_id: ALICE })).pinned_message).toBeUndefined()
        await result("pinChatMessage", { chat_id: ALICE, message_id: 1 })
        await result("deleteMessage", { chat_id: ALICE, message_id: 1 })
        expect((await result("getChat", { chat_id: ALICE })).pinned_message).toBeUndefined()
      })
    })
  })
}
