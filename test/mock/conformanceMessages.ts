/**
 * Conformance of the message methods (telegram-wire-bots.md §11) on every transport: sendMessage's checks in the real
 * order with the exact strings, the Message it answers, editMessageText, deleteMessage, answerCallbackQuery.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BASIC_GROUP = -555555555
const BOT = 123456
const ALICE = 42
const BOB = 43

export const messageConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, messages (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, call, control, refusal, result } = wireClient(() => t)
    const send = (params: Record<string, unknown>) => result("sendMessage", { chat_id: ALICE, ...params })
    const sendRefusal = (params: Record<string, unknown>, description: string, code = 400) =>
      refusal("sendMessage", { chat_id: ALICE, ...params }, code, description)

    describe("sendMessage: the order of the checks", () => {
      it("checks the text before the chat: no text and no chat_id is `message text is empty`", async () => {
        await refusal("sendMessage", {}, 400, "Bad Request: message text is empty")
        await refusal("sendMessage", { text: "" }, 400, "Bad Request: message text is empty")
        await refusal("sendMessage", { text: "hi" }, 400, "Bad Request: chat_id is empty")
      })

      it("checks link_preview_options before the text, reply_parameters and reply_markup before the chat", async () => {
        await refusal(
          "sendMessage",
          { link_preview_options: "{bad" },
          400,
          "Bad Request: can't parse link preview options JSON object"
        )
        await refusal(
          "sendMessage",
          { link_preview_options: "[]", text: "x" },
          400,
          "Bad Request: object expected as link preview options"
        )
        await refusal(
          "sendMessage",
          { text: "x", reply_parameters: "{bad" },
          400,
          "Bad Request: can't parse reply parameters JSON object"
        )
        await refusal(
          "sendMessage",
          { text: "x", reply_parameters: { chat_id: 1 } },
          400,
          `Bad Request: can't find field "message_id"`
        )
        await refusal(
          "sendMessage",
          { text: "x", reply_markup: "{bad" },
          400,
          "Bad Request: can't parse reply keyboard markup JSON object"
        )
        await refusal(
          "sendMessage",
          { text: "x", reply_markup: "[1]" },
          400,
          "Bad Request: object expected as reply markup"
        )
        await refusal("sendMessage", { text: "x", chat_id: -1 }, 400, "Bad Request: chat not found")
      })

      it("answers a text over 32768 bytes `text is too long`, and one over 4096 characters `message is too long`", async () => {
        await sendRefusal({ text: "a".repeat(32_769) }, "Bad Request: text is too long")
        await sendRefusal({ text: "a".repeat(4097) }, "Bad Request: message is too long")
        // Characters are code points: 4096 emoji are 8192 UTF-16 units and still fit.
        expect((await send({ text: "😀".repeat(4096) })).text).toHaveLength(8192)
        await sendRefusal({ text: "   \n " }, "Bad Request: text must be non-empty")
        await sendRefusal({ text: "<b> </b>", parse_mode: "HTML" }, "Bad Request: text must be non-empty")
      })

      it("refuses an unknown parse_mode; reads HTML, Markdown and MarkdownV2 in any case; `none` is plain", async () => {
        await sendRefusal({ text: "x", parse_mode: "rtf" }, "Bad Request: unsupported parse_mode")
        expect((await send({ text: "<b>x</b>", parse_mode: "none" })).text).toBe("<b>x</b>")
        expect((await send({ text: "<b>bold</b>", parse_mode: "html" })).entities).toEqual([
          { offset: 0, length: 4, type: "bold" }
        ])
        expect((await send({ text: "*b* _i_ `c`", parse_mode: "Markdown" })).entities).toEqual([
          { offset: 0, length: 1, type: "bold" },
          { offset: 2, length: 1, type: "italic" },
          { offset: 4, length: 1, type: "code" }
        ])
        const v2 = await send({ text: "*b* __u__ ~s~ ||sp|| [l](https://example.com) \\!", parse_mode: "MARKDOWNV2" })
        expect(v2.text).toBe("b u s sp l !")
        expect(v2.entities).toEqual([
          { offset: 0, length: 1, type: "bold" },
          { offset: 2, length: 1, type: "underline" },
          { offset: 4, length: 1, type: "strikethrough" },
          { offset: 6, length: 2, type: "spoiler" },
          { offset: 9, length: 1, type: "text_link", url: "https://example.com/" }
        ])
      })

      it.each([
        ["HTML", "<b>x", `Can't find end tag corresponding to start tag "b"`],
        ["HTML", "<foo>x</foo>", `Unsupported start tag "foo" at byte offset 0`],
        ["HTML", "x <b", "Unclosed start tag at byte offset 2"],
        ["HTML", "<b>x</i>", `Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`],
        ["HTML", "x</b>", "Unexpected end tag at byte offset 1"],
        ["HTML", `<span class="x">y</span>`, `Tag "span" must have class "tg-spoiler" at byte offset 0`],
        ["Markdown", "ab *cd", "Can't find end of the entity starting at byte offset 3"],
        ["MarkdownV2", "a.b", "Character '.' is reserved and must be escaped with the preceding '\\'"],
        ["MarkdownV2", "*bold", "Can't find end of Bold entity at byte offset 0"],
        ["MarkdownV2", "[l](https://x.com", "Can't find end of a URL at byte offset 4"]
      ])("answers %s parse errors with the real text: %s", async (mode, text, detail) => {
        await sendRefusal({ text, parse_mode: mode }, `Bad Request: can't parse entities: ${detail}`)
      })

      it("reads `entities` without a parse_mode: malformed JSON ignored, a bad item refused, detected types dropped", async () => {
        expect((await send({ text: "plain", entities: "[{bad" })).entities).toBeUndefined()
        await sendRefusal({ text: "x", entities: [1] }, "Bad Request: can't parse MessageEntity: expected an Object")
        await sendRefusal(
          { text: "x", entities: [{ offset: 0, length: 1, type: "sparkle" }] },
          "Bad Request: can't parse MessageEntity: Unsupported type specified"
        )
        await sendRefusal(
          { text: "x", entities: [{ length: 1, type: "bold" }] },
          `Bad Request: can't parse MessageEntity: Can't find field "offset"`
        )
        const message = await send({
          text: "hello world",
          entities: [{ offset: 0, length: 5, type: "bold" }, { offset: 6, length: 5, type: "mention" }]
        })
        expect(message.entities).toEqual([{ offset: 0, length: 5, type: "bold" }])
        // With a parse_mode, `entities` is ignored.
        expect(
          (await send({ text: "x", parse_mode: "HTML", entities: [{ offset: 0, length: 1, type: "bold" }] })).entities
        )
          .toBeUndefined()
      })
    })

    describe("sendMessage: reply_markup", () => {
      it.each([
        [{ inline_keyboard: 5 }, `field "inline_keyboard" must be of type Array`],
        [{ inline_keyboard: [5] }, `field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`],
        [{ inline_keyboard: [[5]] }, "can't parse inline keyboard button: InlineKeyboardButton must be an Object"],
        [
          { inline_keyboard: [[{ url: "https://a.b" }]] },
          `can't parse inline keyboard button: Can't find field "text"`
        ],
        [
          { inline_keyboard: [[{ text: "t" }]] },
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        ],
        [
          { inline_keyboard: [[{ text: "t", callback_data: "" }]] },
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        ],
        [{ inline_keyboard: [[{ text: "", callback_data: "d" }]] }, "inline keyboard button text must be non-empty"],
        [
          { inline_keyboard: [[{ text: "t", url: "http://localhost:8080" }]] },
          "inline keyboard button URL 'http://localhost:8080' is invalid: Wrong HTTP URL"
        ],
        [
          { inline_keyboard: [[{ text: "t", url: "ftp://a.b" }]] },
          "inline keyboard button URL 'ftp://a.b' is invalid: Unsupported URL protocol"
        ],
        [{ inline_keyboard: [[{ text: "t", callback_data: "x".repeat(65) }]] }, "BUTTON_DATA_INVALID"]
      ])("refuses %j: %s", async (markup, description) => {
        await sendRefusal({ text: "x", reply_markup: markup }, `Bad Request: ${description}`)
      })

      it("keeps URL and callback buttons, the URL normalised, in the real key order", async () => {
        const message = await send({
          text: "pick",
          reply_markup: {
            inline_keyboard: [[{ text: "Site", url: "Example.com" }], [{ text: "Go", callback_data: "go" }]]
          }
        })
        expect(JSON.stringify(message.reply_markup)).toBe(
          `{"inline_keyboard":[[{"text":"Site","url":"http://example.com/"}],[{"text":"Go","callback_data":"go"}]]}`
        )
        // A reply keyboard is accepted but not part of the Message.
        expect((await send({ text: "k", reply_markup: { keyboard: [["a"]] } })).reply_markup).toBeUndefined()
      })
    })

    describe("sendMessage: where it may go", () => {
      it("answers the real refusals for people, bots and chats", async () => {
        await sendRefusal({ chat_id: BOB, text: "x" }, "Forbidden: bot can't initiate conversation with a user", 403)
        await sendRefusal({ chat_id: 999_999, text: "x" }, "Bad Request: chat not found")
        await sendRefusal({ chat_id: BOT, text: "x" }, "Forbidden: the bot can't send messages to the bot", 403)
        await sendRefusal(
          { chat_id: -1002000000004, text: "x" },
          "Forbidden: bot was kicked from the supergroup chat",
          403
        )
        await sendRefusal(
          { chat_id: -1002000000005, text: "x" },
          "Forbidden: bot is not a member of the channel chat",
          403
        )
        await sendRefusal(
          { chat_id: -987654321, text: "x" },
          "Bad Request: group chat was upgraded to a supergroup chat"
        )
        expect((await control("POST", "users/42/block", {})).body.ok).toBe(true)
        await sendRefusal({ text: "x" }, "Forbidden: bot was blocked by the user", 403)
        await control("POST", "users/42/send", { text: "/start" })
        expect((await send({ text: "back" })).text).toBe("back")
      })

      it("needs post rights in a channel and send rights when restricted", async () => {
        expect((await result("sendMessage", { chat_id: CHANNEL, text: "post" })).sender_chat.id).toBe(CHANNEL)
        await control("PUT", `chats/${CHANNEL}/members/${BOT}`, { status: "administrator", can_invite_users: true })
        await refusal(
          "sendMessage",
          { chat_id: CHANNEL, text: "post" },
          400,
          "Bad Request: need administrator rights in the channel chat"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "restricted" })
        await refusal(
          "sendMessage",
          { chat_id: SUPERGROUP, text: "x" },
          400,
          "Bad Request: not enough rights to send text messages to the chat"
        )
      })

      it("answers a Message with the keys in the real order and per-chat message ids", async () => {
        const { text } = await api("sendMessage", {
          chat_id: ALICE,
          text: "hi https://example.com",
          protect_content: true
        })
        expect(text).toMatch(
          /^\{"ok":true,"result":\{"message_id":1,"from":\{"id":123456,"is_bot":true,"first_name":"Seed Invite Bot","username":"seed_invite_bot"\},"chat":\{"id":42,"first_name":"Alice","type":"private"\},"date":\d+,"text":"hi https:\/\/example.com","entities":\[\{"offset":3,"length":19,"type":"url"\}\],"has_protected_content":true\}\}$/
        )
        expect((await send({ text: "second" })).message_id).toBe(2)
        const group = await result("sendMessage", { chat_id: BASIC_GROUP, text: "g" })
        expect(group.message_id).toBe(1)
        expect(JSON.stringify(group.chat)).toBe(
          `{"id":-555555555,"title":"Basic Group","type":"group","all_members_are_administrators":false,"accepted_gift_types":{"unlimited_gifts":false,"limited_gifts":false,"unique_gifts":false,"premium_subscription":false,"gifts_from_channels":false}}`
        )
      })

      it("replies: reply_to_message, a missing one refused unless allowed, the legacy parameter", async () => {
        const first = await send({ text: "first" })
        const reply = await send({ text: "re", reply_parameters: { message_id: first.message_id } })
        expect(reply.reply_to_message).toMatchObject({ message_id: first.message_id, text: "first" })
        await sendRefusal(
          { text: "re", reply_parameters: { message_id: 99 } },
          "Bad Request: message to be replied not found"
        )
        await sendRefusal({ text: "re", reply_to_message_id: 99 }, "Bad Request: message to be replied not found")
        const lone = await send({ text: "re", reply_parameters: { message_id: 99, allow_sending_without_reply: true } })
        expect(lone.reply_to_message).toBeUndefined()
      })

      it("keeps link_preview_options only when they change something", async () => {
        const options = { is_disabled: true }
        expect((await send({ text: "no url", link_preview_options: options })).link_preview_options).toBeUndefined()
        expect((await send({ text: "https://example.com", link_preview_options: options })).link_preview_options)
          .toEqual({ is_disabled: true })
        expect((await send({ text: "https://example.com", disable_web_page_preview: true })).link_preview_options)
          .toEqual({ is_disabled: true })
      })
    })

    describe("editMessageText, deleteMessage, answerCallbackQuery", () => {
      it("edits the bot's own text message; refuses the rest with the real strings", async () => {
        const sent = await send({ text: "v1" })
        const edited = await result("editMessageText", { chat_id: ALICE, message_id: sent.message_id, text: "v2" })
        expect(edited).toMatchObject({ message_id: sent.message_id, text: "v2" })
        expect(edited.edit_date).toBeGreaterThan(0)
        await refusal(
          "editMessageText",
          { chat_id: ALICE, message_id: sent.message_id, text: "v2" },
          400,
          "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
        )
        await refusal("editMessageText", { text: "x" }, 400, "Bad Request: message identifier is not specified")
        await refusal(
          "editMessageText",
          { chat_id: ALICE, message_id: 99, text: "x" },
          400,
          "Bad Request: message to edit not found"
        )
        const theirs = (await control("POST", "users/42/send", { text: "mine" })).body.result
        await refusal(
          "editMessageText",
          { chat_id: ALICE, message_id: theirs.message_id, text: "x" },
          400,
          "Bad Request: message can't be edited"
        )
        await refusal("editMessageText", { chat_id: ALICE, message_id: 1 }, 400, "Bad Request: message text is empty")
      })

      it("deletes: its own messages and incoming private ones; the real refusals", async () => {
        const sent = await send({ text: "bye" })
        await refusal("deleteMessage", { message_id: 1 }, 400, "Bad Request: chat identifier is not specified")
        await refusal("deleteMessage", { chat_id: ALICE }, 400, "Bad Request: message identifier is not specified")
        expect(await result("deleteMessage", { chat_id: ALICE, message_id: sent.message_id })).toBe(true)
        await refusal(
          "deleteMessage",
          { chat_id: ALICE, message_id: sent.message_id },
          400,
          "Bad Request: message to delete not found"
        )
        await control("POST", `users/43/join`, {
          invite_link: await result("exportChatInviteLink", { chat_id: SUPERGROUP })
        })
        const joinMessage = (await control("GET", `chats/${SUPERGROUP}/messages`)).body.result.at(-1)
        await refusal(
          "deleteMessage",
          { chat_id: SUPERGROUP, message_id: joinMessage.message_id },
          400,
          "Bad Request: message can't be deleted"
        )
        t.clock.advance(48 * 3600 * 1000)
        const incoming = (await control("POST", "users/42/send", { text: "old" })).body.result
        expect(await result("deleteMessage", { chat_id: ALICE, message_id: incoming.message_id })).toBe(true)
      })

      it("answers a callback query once, within its window", async () => {
        const sent = await send({
          text: "press",
          reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
        })
        const invalid = "Bad Request: query is too old and response timeout expired or query ID is invalid"
        await refusal("answerCallbackQuery", { callback_query_id: "junk" }, 400, invalid)
        const first = (await control("POST", "users/42/press", { message_id: sent.message_id, data: "go" })).body.result
        expect(await result("answerCallbackQuery", { callback_query_id: first.callback_query_id, text: "ok" })).toBe(
          true
        )
        await refusal("answerCallbackQuery", { callback_query_id: first.callback_query_id }, 400, invalid)
        expect(t.mock.callbackQuery(first.callback_query_id)).toEqual({
          id: first.callback_query_id,
          bot_id: BOT,
          user_id: ALICE,
          answered: true,
          answer: { text: "ok", show_alert: false, url: "" }
        })
        const late = (await control("POST", "users/42/press", { message_id: sent.message_id, data: "go" })).body.result
        t.clock.advance(15_001)
        await refusal("answerCallbackQuery", { callback_query_id: late.callback_query_id }, 400, invalid)
      })
    })

    it("refused message calls change nothing", async () => {
      const before = JSON.stringify((await control("GET", "world")).body.result)
      await sendRefusal(
        { text: "<b>", parse_mode: "HTML" },
        `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`
      )
      await sendRefusal({ chat_id: BOB, text: "x" }, "Forbidden: bot can't initiate conversation with a user", 403)
      await call(`/bot${"123456:ZZZ-DEF1234ghIkl-zyx57W2v1u123ew11"}/sendMessage?chat_id=42&text=x`)
      expect(JSON.stringify((await control("GET", "world")).body.result)).toBe(before)
      expect((await control("GET", "chats/42/messages")).body.result).toEqual([])
    })
  })
}
