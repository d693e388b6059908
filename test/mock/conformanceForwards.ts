/**
 * Conformance of forwards and copies (telegram-wire-messages.md §M6.1-M6.3) on every transport: the source read
 * before the send parameters, `forward_origin` and the legacy forward_* keys, protected content, what is skipped among
 * several and refused alone, and a person forwarding a message to the bot.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const KICKED = -1002000000004
const NOT_MEMBER_CHANNEL = -1002000000005
const ALICE = 42
const ALICE_JSON = `{"id":42,"is_bot":false,"first_name":"Alice"}`

export const forwardConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, forwards and copies (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, control, refusal, result } = wireClient(() => t)
    const say = async (text: string, extra: Record<string, unknown> = {}) =>
      (await control("POST", `users/${ALICE}/send`, { text, ...extra })).body.result
    const messages = async (chatId: number) => (await control("GET", `chats/${chatId}/messages`)).body.result as any[]

    describe("forwardMessage", () => {
      it("checks the source before the send parameters, then the target", async () => {
        await refusal("forwardMessage", {}, 400, `Bad Request: parameter "from_chat_id" is required`)
        await refusal("forwardMessage", { from_chat_id: ALICE }, 400, "Bad Request: message to forward not found")
        await refusal("forwardMessage", { from_chat_id: -1 }, 400, "Bad Request: chat not found")
        await refusal(
          "forwardMessage",
          { from_chat_id: KICKED, message_id: 1 },
          403,
          "Forbidden: bot was kicked from the supergroup chat"
        )
        await say("hello")
        await refusal(
          "forwardMessage",
          { from_chat_id: ALICE, message_id: 1, reply_markup: "{bad" },
          400,
          "Bad Request: can't parse reply keyboard markup JSON object"
        )
        await refusal("forwardMessage", { from_chat_id: ALICE, message_id: 1 }, 400, "Bad Request: chat_id is empty")
        await refusal(
          "forwardMessage",
          { chat_id: 43, from_chat_id: ALICE, message_id: 1 },
          403,
          "Forbidden: bot can't initiate conversation with a user"
        )
      })

      it("answers the Message with forward_origin and the legacy keys, in the real order", async () => {
        const original = await say("hello")
        const { text } = await api("forwardMessage", { chat_id: SUPERGROUP, from_chat_id: ALICE, message_id: 1 })
        expect(text).toMatch(
          new RegExp(
            `"date":\\d+,"forward_origin":\\{"type":"user","sender_user":${
              escape(ALICE_JSON)
            },"date":${original.date}\\},` +
              `"forward_from":${escape(ALICE_JSON)},"forward_date":${original.date},"text":"hello"\\}\\}$`
          )
        )
      })

      it("a channel post's origin is the channel, with the post's id; a forward of a forward keeps the first origin", async () => {
        await result("sendMessage", { chat_id: CHANNEL, text: "news" })
        const forward = await result("forwardMessage", { chat_id: ALICE, from_chat_id: CHANNEL, message_id: 1 })
        expect(forward.forward_origin).toMatchObject({ type: "channel", chat: { id: CHANNEL }, message_id: 1 })
        expect([forward.forward_from_chat.id, forward.forward_from_message_id]).toEqual([CHANNEL, 1])
        const again = await result("forwardMessage", {
          chat_id: SUPERGROUP,
          from_chat_id: ALICE,
          message_id: forward.message_id
        })
        expect(again.forward_origin).toEqual(forward.forward_origin)
      })

      it("protected content and service messages can't be forwarded; a bot may copy protected content", async () => {
        await result("sendMessage", { chat_id: ALICE, text: "secret", protect_content: true })
        await refusal(
          "forwardMessage",
          { chat_id: SUPERGROUP, from_chat_id: ALICE, message_id: 1 },
          400,
          "Bad Request: the message can't be forwarded"
        )
        expect(await result("copyMessage", { chat_id: SUPERGROUP, from_chat_id: ALICE, message_id: 1 })).toEqual({
          message_id: 1
        })
        await control("PUT", `chats/${SUPERGROUP}/members/43`, { status: "member" })
        const join = (await messages(SUPERGROUP)).find((m) => m.new_chat_members !== undefined)
        await refusal(
          "forwardMessage",
          { chat_id: ALICE, from_chat_id: SUPERGROUP, message_id: join.message_id },
          400,
          "Bad Request: the message can't be forwarded"
        )
        await refusal(
          "copyMessage",
          { chat_id: ALICE, from_chat_id: SUPERGROUP, message_id: join.message_id },
          400,
          "Bad Request: the message can't be copied"
        )
      })

      it("a public channel the bot is not in is readable, its messages are not", async () => {
        t.mock.replaceWorld({
          ...t.mock.snapshot(),
          chats: t.mock.snapshot().chats.map((c) => c.id === NOT_MEMBER_CHANNEL ? { ...c, username: "open_news" } : c)
        })
        await refusal(
          "forwardMessage",
          { chat_id: ALICE, from_chat_id: "@open_news", message_id: 1 },
          400,
          "Bad Request: message to forward not found"
        )
      })
    })

    describe("copyMessage", () => {
      it("answers only the message_id; the copy has no origin; a URL keyboard is kept, a callback one is not", async () => {
        await result("sendMessage", {
          chat_id: ALICE,
          text: "links",
          reply_markup: { inline_keyboard: [[{ text: "Site", url: "https://example.com" }]] }
        })
        await result("sendMessage", {
          chat_id: ALICE,
          text: "press",
          reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
        })
        const { text } = await api("copyMessage", { chat_id: SUPERGROUP, from_chat_id: ALICE, message_id: 1 })
        expect(text).toBe(`{"ok":true,"result":{"message_id":1}}`)
        await result("copyMessage", { chat_id: SUPERGROUP, from_chat_id: ALICE, message_id: 2 })
        const [links, press] = await messages(SUPERGROUP)
        expect(links.forward_origin).toBeUndefined()
        expect(links.reply_markup.inline_keyboard[0][0].url).toBe("https://example.com/")
        expect(press.reply_markup).toBeUndefined()
      })

      it("takes a new keyboard and a reply; a caption does not change a text; the refusals name the copy", async () => {
        await say("original")
        await result("sendMessage", { chat_id: SUPERGROUP, text: "anchor" })
        await result("copyMessage", {
          chat_id: SUPERGROUP,
          from_chat_id: ALICE,
          message_id: 1,
          caption: "ignored for text",
          reply_parameters: { message_id: 1 },
          reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
        })
        const copy = (await messages(SUPERGROUP)).at(-1)
        expect(copy).toMatchObject({ text: "original", reply_to_message: { message_id: 1 } })
        expect(copy.reply_markup.inline_keyboard[0][0].callback_data).toBe("go")
        await refusal(
          "copyMessage",
          { chat_id: SUPERGROUP, from_chat_id: ALICE },
          400,
          "Bad Request: message to copy not found"
        )
        await refusal(
          "copyMessage",
          { chat_id: SUPERGROUP, from_chat_id: ALICE, message_id: 1, caption: "<b>", parse_mode: "HTML" },
          400,
          `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`
        )
      })

      it("a copy that carries a reply keyboard can't be edited afterwards", async () => {
        await say("x")
        const copy = await result("copyMessage", {
          chat_id: ALICE,
          from_chat_id: ALICE,
          message_id: 1,
          reply_markup: { keyboard: [["yes"]] }
        })
        await refusal(
          "editMessageReplyMarkup",
          { chat_id: ALICE, message_id: copy.message_id },
          400,
          "Bad Request: message can't be edited"
        )
      })
    })

    describe("forwardMessages and copyMessages", () => {
      it("read their parameters in the real order, the target before the source", async () => {
        await refusal("forwardMessages", {}, 400, `Bad Request: parameter "from_chat_id" is required`)
        await refusal(
          "copyMessages",
          { from_chat_id: ALICE },
          400,
          "Bad Request: message identifiers are not specified"
        )
        await refusal(
          "forwardMessages",
          { from_chat_id: ALICE, message_ids: "[1" },
          400,
          "Bad Request: can't parse message_ids JSON object"
        )
        await refusal(
          "forwardMessages",
          { from_chat_id: ALICE, message_ids: Array.from({ length: 101 }, (_, i) => i + 1) },
          400,
          "Bad Request: too many message identifiers specified"
        )
        await refusal("forwardMessages", { from_chat_id: -1, message_ids: [1] }, 400, "Bad Request: chat_id is empty")
        await refusal(
          "forwardMessages",
          { chat_id: SUPERGROUP, from_chat_id: -1, message_ids: [1] },
          400,
          "Bad Request: chat not found"
        )
      })

      it("skip missing ids and what can't be carried; refuse when nothing is left; ids strictly increasing", async () => {
        await say("a")
        await result("sendMessage", { chat_id: ALICE, text: "secret", protect_content: true })
        await say("b")
        const sent = await result("forwardMessages", {
          chat_id: SUPERGROUP,
          from_chat_id: ALICE,
          message_ids: [1, 2, 3, 9]
        })
        expect(sent).toEqual([{ message_id: 1 }, { message_id: 2 }])
        expect((await messages(SUPERGROUP)).map((m) => m.text)).toEqual(["a", "b"])
        await refusal(
          "forwardMessages",
          { chat_id: SUPERGROUP, from_chat_id: ALICE, message_ids: [9] },
          400,
          "Bad Request: there are no messages to forward"
        )
        await refusal(
          "forwardMessages",
          { chat_id: SUPERGROUP, from_chat_id: ALICE, message_ids: [2] },
          400,
          "Bad Request: messages can't be forwarded"
        )
        await refusal(
          "copyMessages",
          { chat_id: SUPERGROUP, from_chat_id: ALICE, message_ids: [3, 1] },
          400,
          "Bad Request: message identifiers must be in a strictly increasing order"
        )
        await refusal(
          "copyMessages",
          { chat_id: SUPERGROUP, from_chat_id: ALICE, message_ids: [1, 3], message_effect_id: "5104841245755180586" },
          400,
          "Bad Request: can't use message effects in the method"
        )
        expect(await result("copyMessages", { chat_id: SUPERGROUP, from_chat_id: ALICE, message_ids: [1, 2, 3] }))
          .toEqual([{ message_id: 3 }, { message_id: 4 }, { message_id: 5 }])
        expect((await messages(SUPERGROUP)).at(-2)).toMatchObject({ text: "secret" })
      })
    })

    describe("a person forwards", () => {
      it("a message they can see to the bot: the bot gets it with forward_origin", async () => {
        await result("sendMessage", { chat_id: CHANNEL, text: "news" })
        await result("getUpdates", { offset: -1 })
        const forwarded = await control("POST", `users/${ALICE}/forward`, { from_chat_id: CHANNEL, message_id: 1 })
        expect(forwarded.body.ok).toBe(true)
        const updates = await result("getUpdates", {})
        expect(updates.at(-1).message).toMatchObject({
          chat: { id: ALICE },
          from: { id: ALICE },
          forward_origin: { type: "channel", chat: { id: CHANNEL }, message_id: 1 },
          text: "news"
        })
      })

      it("refuses, one line naming the field, what they can't see or forward", async () => {
        const problem = async (body: Record<string, unknown>) =>
          (await control("POST", `users/${ALICE}/forward`, body)).body.description
        expect(await problem({ from_chat_id: SUPERGROUP, message_id: 1 })).toBe(
          `from_chat_id: user 42 is not in chat ${SUPERGROUP}`
        )
        expect(await problem({ from_chat_id: ALICE, message_id: 5 })).toBe(`message_id: no message 5 in chat ${ALICE}`)
        await result("sendMessage", { chat_id: ALICE, text: "secret", protect_content: true })
        expect(await problem({ from_chat_id: ALICE, message_id: 1 })).toBe(
          `message_id: message 1 in chat ${ALICE} has protected content and can't be forwarded`
        )
        expect(await problem({ from_chat_id: ALICE, message_id: 1, from_bot_id: 999 })).toBe(
          "from_bot_id: no bot 999 in this world"
        )
      })
    })
  })
}

/** A string as a regular expression matching it literally. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
