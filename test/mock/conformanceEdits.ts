/**
 * Conformance of edits (telegram-wire-messages.md §M7, §M10.1) on every transport: editMessageText's remaining rules
 * (the inline form, the business path, edit access, what may be edited, `there is no text`, inline keyboards only),
 * editMessageReplyMarkup on any content, and a person's edit reaching the bots that got the message as
 * `edited_message` (checklists: conformanceChecklists.ts).
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const UPGRADED_GROUP = -987654321
const KICKED = -1002000000004
const MEMBER_ONLY = -1002000000003
const BOT = 123456
const ALICE = 42
const OWNER = 1000
const CANT_EDIT = "Bad Request: message can't be edited"
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
const KEYBOARD = { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
const CHECKLIST = { title: "Trip", tasks: [{ id: 1, text: "tickets" }, { id: 2, text: "bags" }] }

export const editConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, edits (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const send = (params: Record<string, unknown>) => result("sendMessage", { chat_id: ALICE, text: "v1", ...params })
    const edit = (params: Record<string, unknown>, description: string) =>
      refusal("editMessageText", { text: "v2", ...params }, 400, description)

    describe("editMessageText", () => {
      it("the inline form: `inline_message_id` is read after the markup, and refused", async () => {
        await refusal(
          "editMessageText",
          { text: "x", reply_markup: "{bad" },
          400,
          "Bad Request: can't parse reply keyboard markup JSON object"
        )
        await edit({}, "Bad Request: message identifier is not specified")
        await edit({ inline_message_id: "AgAAAF8" }, "Bad Request: invalid inline message identifier specified")
        await edit({ message_id: 1 }, "Bad Request: chat_id is empty")
        await edit({ chat_id: ALICE }, "Bad Request: message to edit not found")
      })

      it("a business_connection_id takes the business path: an integer chat_id, then the connection", async () => {
        const business = { business_connection_id: "conn", message_id: 1 }
        await edit({ ...business, chat_id: "" }, "Bad Request: chat identifier is empty")
        await edit({ ...business, chat_id: "@name" }, "Bad Request: chat identifier must be a valid Integer")
        await edit({ ...business, chat_id: ALICE }, "Bad Request: business connection not found")
        await refusal(
          "editMessageChecklist",
          { ...business, chat_id: ALICE, checklist: CHECKLIST },
          400,
          "Bad Request: business connection not found"
        )
      })

      it("edit access: a kicked bot is refused; an upgraded group is not answered with migrate_to_chat_id", async () => {
        await refusal(
          "editMessageText",
          { chat_id: KICKED, message_id: 1, text: "x" },
          403,
          "Forbidden: bot was kicked from the supergroup chat"
        )
        const body = await refusal(
          "editMessageText",
          { chat_id: UPGRADED_GROUP, message_id: 1, text: "x" },
          400,
          "Bad Request: message to edit not found"
        )
        expect(body.parameters).toBeUndefined()
      })

      it("what the bot may not edit: others' messages, forwards, messages with a reply keyboard, no text", async () => {
        const theirs = (await control("POST", `users/${ALICE}/send`, { text: "mine" })).body.result
        await edit({ chat_id: ALICE, message_id: theirs.message_id }, CANT_EDIT)
        const forward = await result("forwardMessage", {
          chat_id: ALICE,
          from_chat_id: ALICE,
          message_id: theirs.message_id
        })
        expect(forward.forward_origin.type).toBe("user")
        await edit({ chat_id: ALICE, message_id: forward.message_id }, CANT_EDIT)
        const keyboard = await send({ reply_markup: { keyboard: [["yes", "no"]] } })
        await edit({ chat_id: ALICE, message_id: keyboard.message_id }, CANT_EDIT)
        const removal = await send({ reply_markup: { remove_keyboard: true } })
        await edit({ chat_id: ALICE, message_id: removal.message_id }, CANT_EDIT)
        const empty = await send({ reply_markup: { keyboard: [[""]] } })
        expect((await result("editMessageText", { chat_id: ALICE, message_id: empty.message_id, text: "ok" })).text)
          .toBe("ok")
        const poll = await result("sendPoll", { chat_id: ALICE, question: "Q", options: ["a"] })
        await edit(
          { chat_id: ALICE, message_id: poll.message_id },
          "Bad Request: there is no text in the message to edit"
        )
      })

      it("takes an inline keyboard only (after the text); the answer has edit_date and no reply_to_message", async () => {
        const first = await send({})
        const reply = await send({
          text: "re",
          reply_parameters: { message_id: first.message_id },
          reply_markup: KEYBOARD
        })
        await edit(
          { chat_id: ALICE, message_id: reply.message_id, text: " ", reply_markup: { force_reply: true } },
          "Bad Request: text must be non-empty"
        )
        await edit(
          { chat_id: ALICE, message_id: reply.message_id, reply_markup: { force_reply: true } },
          "Bad Request: inline keyboard expected"
        )
        t.clock.advance(5000)
        const edited = await result("editMessageText", { chat_id: ALICE, message_id: reply.message_id, text: "re2" })
        expect(edited.reply_to_message).toBeUndefined()
        expect(edited.edit_date).toBe(reply.date + 5)
        // Without reply_markup the keyboard is gone.
        expect(edited.reply_markup).toBeUndefined()
        await edit({ chat_id: ALICE, message_id: reply.message_id, text: "re2" }, NOT_MODIFIED)
      })

      it("in a channel: its own posts with can_post_messages, others' with can_edit_messages", async () => {
        const own = await result("sendMessage", { chat_id: CHANNEL, text: "post" })
        expect((await result("editMessageText", { chat_id: CHANNEL, message_id: own.message_id, text: "post 2" })).text)
          .toBe("post 2")
        const theirs = (await control("POST", `users/${OWNER}/send`, { chat_id: CHANNEL, text: "owner" })).body.result
        await edit({ chat_id: CHANNEL, message_id: theirs.message_id }, CANT_EDIT)
        await control("PUT", `chats/${CHANNEL}/members/${BOT}`, { status: "administrator", can_edit_messages: true })
        expect((await result("editMessageText", { chat_id: CHANNEL, message_id: theirs.message_id, text: "v2" })).text)
          .toBe("v2")
      })
    })

    describe("editMessageReplyMarkup", () => {
      it("replaces or removes the keyboard of any non-service content; the real refusals", async () => {
        const poll = await result("sendPoll", { chat_id: ALICE, question: "Q", options: ["a"] })
        const withKeyboard = await result("editMessageReplyMarkup", {
          chat_id: ALICE,
          message_id: poll.message_id,
          reply_markup: KEYBOARD
        })
        expect(withKeyboard.reply_markup).toEqual(KEYBOARD)
        expect(withKeyboard.poll.id).toBe(poll.poll.id)
        await refusal(
          "editMessageReplyMarkup",
          { chat_id: ALICE, message_id: poll.message_id, reply_markup: KEYBOARD },
          400,
          NOT_MODIFIED
        )
        const removed = await result("editMessageReplyMarkup", { chat_id: ALICE, message_id: poll.message_id })
        expect(removed.reply_markup).toBeUndefined()
        await refusal("editMessageReplyMarkup", {}, 400, "Bad Request: message identifier is not specified")
        await refusal(
          "editMessageReplyMarkup",
          { chat_id: ALICE, message_id: 1, reply_markup: { keyboard: [["a"]] } },
          400,
          "Bad Request: inline keyboard expected"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/43`, { status: "member" })
        await refusal("editMessageReplyMarkup", { chat_id: SUPERGROUP, message_id: 1 }, 400, CANT_EDIT)
      })
    })

    describe("a person edits", () => {
      it("their message: the bot that got it gets edited_message with edit_date; never its own edits", async () => {
        await control("POST", `users/${ALICE}/send`, { text: "helo" })
        await send({})
        await result("editMessageText", { chat_id: ALICE, message_id: 2, text: "bot's edit" })
        await result("getUpdates", { offset: -1 })
        const offset = (await result("getUpdates", {}))[0].update_id + 1
        t.clock.advance(3000)
        const edited = await control("POST", `users/${ALICE}/edit`, { message_id: 1, text: "hello" })
        expect(edited.body.result).toMatchObject({ text: "hello", edit_date: edited.body.result.date + 3 })
        const updates = await result("getUpdates", { offset })
        expect(updates.map((u: any) => Object.keys(u)[1])).toEqual(["edited_message"])
        expect(updates[0].edited_message).toMatchObject({ message_id: 1, text: "hello" })
      })

      it("in a group, a bot in privacy mode gets the edit only of a message it got; channel posts are edited_channel_post", async () => {
        await control("PUT", `chats/${MEMBER_ONLY}/members/43`, { status: "member" })
        await control("POST", "users/43/send", { chat_id: MEMBER_ONLY, text: "chat" })
        await control("POST", "users/43/send", { chat_id: MEMBER_ONLY, text: "/start" })
        await result("getUpdates", { offset: -1 })
        const offset = (await result("getUpdates", {}))[0].update_id + 1
        await control("POST", "users/43/edit", { chat_id: MEMBER_ONLY, message_id: 2, text: "chat, edited" })
        await control("POST", "users/43/edit", { chat_id: MEMBER_ONLY, message_id: 3, text: "/start now" })
        const updates = await result("getUpdates", { offset })
        expect(updates.map((u: any) => u.edited_message.text)).toEqual(["/start now"])
        await control("POST", `users/${OWNER}/send`, { chat_id: CHANNEL, text: "post" })
        await control("POST", `users/${OWNER}/edit`, { chat_id: CHANNEL, message_id: 1, text: "post!" })
        expect((await result("getUpdates", {})).at(-1).edited_channel_post).toMatchObject({
          sender_chat: { id: CHANNEL },
          text: "post!"
        })
      })

      it("refuses, one line naming the field, what is not theirs to edit", async () => {
        await send({})
        const problem = async (body: Record<string, unknown>) =>
          (await control("POST", `users/${ALICE}/edit`, body)).body.description
        expect(await problem({ message_id: 1, text: "x" })).toBe(
          `message_id: message 1 in chat ${ALICE} was not written by user 42`
        )
        expect(await problem({ message_id: 9, text: "x" })).toBe(`message_id: no message 9 in chat ${ALICE}`)
        await control("POST", `users/${ALICE}/send`, { text: "same" })
        expect(await problem({ message_id: 2, text: "same" })).toBe(
          `text: message 2 in chat ${ALICE} already says that`
        )
        expect(await problem({ message_id: 2 })).toBe("text: is missing")
        expect(await problem({ chat_id: SUPERGROUP, message_id: 1, text: "x" })).toBe(
          `chat_id: user 42 is not in chat ${SUPERGROUP}`
        )
      })
    })
  })
}
