/**
 * reply_markup's four kinds on every transport (telegram-wire-messages.md §M3): reply keyboards (every parse error
 * of their buttons), ReplyKeyboardRemove and ForceReply (boolean fields), TDLib's rules (request buttons in private
 * chats only, a Web App on HTTPS, only inline keyboards in channels), and what a Message echoes: inline keyboards only.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001

export const replyMarkupConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, reply markup (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, result } = wireClient(() => t)
    const send = async (chatId: number, markup: unknown) =>
      (await api("sendMessage", { chat_id: chatId, text: "pick", reply_markup: markup })).body

    it("reads reply keyboards as the Bot API does, with each refusal's exact text", async () => {
      const cases: ReadonlyArray<readonly [unknown, string]> = [
        [{ keyboard: 5 }, `field "keyboard" must be of type Array`],
        [{ keyboard: [5] }, `field "keyboard" must be an Array of Arrays`],
        [{ keyboard: [[5]] }, "can't parse keyboard button: KeyboardButton must be a String or an Object"],
        [{ keyboard: [[{}]] }, `can't parse keyboard button: Can't find field "text"`],
        [{ keyboard: [[{ text: "a", style: "loud" }]] }, "can't parse keyboard button: invalid button style specified"],
        [
          { keyboard: [[{ text: "a", icon_custom_emoji_id: "x" }]] },
          `can't parse keyboard button: Field "icon_custom_emoji_id" must be a valid Number`
        ],
        [
          { keyboard: [[{ text: "a", request_contact: "yes" }]] },
          `can't parse keyboard button: Field "request_contact" must be of type Boolean`
        ],
        [
          { keyboard: [[{ text: "a", request_poll: 5 }]] },
          `can't parse keyboard button: Field "request_poll" must be of type Object`
        ],
        [{ keyboard: [[{ text: "a", web_app: {} }]] }, `can't parse keyboard button: Can't find field "url"`],
        [
          { keyboard: [[{ text: "a", request_users: {} }]] },
          `can't parse keyboard button: Can't find field "request_id"`
        ],
        [
          { keyboard: [[{ text: "a", request_chat: { request_id: 1, user_administrator_rights: 5 } }]] },
          "can't parse keyboard button: ChatAdministratorRights must be an Object"
        ],
        [
          { keyboard: [[{ text: "a", request_managed_bot: { request_id: "x" } }]] },
          `can't parse keyboard button: Field "request_id" must be a valid Number`
        ],
        [{ keyboard: [["a"]], resize_keyboard: "yes" }, `field "resize_keyboard" must be of type Boolean`],
        [{ remove_keyboard: 1 }, `field "remove_keyboard" must be of type Boolean`],
        [{ force_reply: "true" }, `field "force_reply" must be of type Boolean`],
        [{ force_reply: true, input_field_placeholder: [] }, `field "input_field_placeholder" must be of type String`],
        [
          { inline_keyboard: [[{ text: "a", callback_data: "d", style: "loud" }]] },
          "can't parse inline keyboard button: invalid button style specified"
        ]
      ]
      for (const [markup, description] of cases) {
        expect((await send(ALICE, markup)).description, JSON.stringify(markup)).toBe(`Bad Request: ${description}`)
      }
      expect(t.mock.messages(ALICE)).toEqual([])
    })

    it("takes request buttons in private chats only, with TDLib's words for each", async () => {
      const buttons: ReadonlyArray<readonly [Record<string, unknown>, string]> = [
        [{ request_contact: true }, "phone number can be requested in private chats only"],
        [{ request_location: true }, "location can be requested in private chats only"],
        [{ request_poll: { type: "quiz" } }, "poll can be requested in private chats only"],
        [{ web_app: { url: "https://example.com/app" } }, "web App buttons can be used in private chats only"],
        [{ request_users: { request_id: 1 } }, "users can be requested in private chats only"],
        [{ request_chat: { request_id: 2, chat_is_channel: false } }, "chats can be requested in private chats only"],
        [{ request_managed_bot: { request_id: 3 } }, "managed bots can be requested in private chats only"]
      ]
      for (const [fields, description] of buttons) {
        const markup = { keyboard: [[{ text: "tap", ...fields }]] }
        expect((await send(SUPERGROUP, markup)).description).toBe(`Bad Request: ${description}`)
        const sent = await send(ALICE, markup)
        expect(sent.ok, sent.description).toBe(true)
        expect(sent.result.reply_markup).toBeUndefined()
      }
      expect(
        (await send(ALICE, { keyboard: [[{ text: "app", web_app: { url: "http://example.com/app" } }]] })).description
      )
        .toBe(
          "Bad Request: keyboard button Web App URL 'http://example.com/app' is invalid: Only HTTPS links are allowed"
        )
    })

    it("takes only inline keyboards in a channel; keeps the other kinds unechoed elsewhere", async () => {
      for (
        const markup of [{ keyboard: [["a"]] }, { remove_keyboard: true }, { force_reply: true }, {
          hide_keyboard: true
        }]
      ) {
        expect((await send(CHANNEL, markup)).description).toBe("Bad Request: inline keyboard expected")
        const sent = await send(SUPERGROUP, { ...markup, selective: true })
        expect(sent.ok, sent.description).toBe(true)
        expect(sent.result.reply_markup).toBeUndefined()
      }
      const inline = { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
      expect((await send(CHANNEL, inline)).result.reply_markup).toEqual(inline)
      // No markup at all, and no error: an empty object, an empty keyboard, a false flag.
      for (
        const markup of [{}, { keyboard: [] }, { inline_keyboard: [] }, { inline_keyboard: [[]] }, {
          remove_keyboard: false
        }]
      ) {
        const sent = await send(CHANNEL, markup)
        expect(sent.ok, JSON.stringify(markup)).toBe(true)
        expect(sent.result.reply_markup, JSON.stringify(markup)).toBeUndefined()
      }
      // A keyboard whose buttons TDLib drops (empty text, no icon) is no markup: the message stays editable.
      const dropped = await result("sendPhoto", {
        chat_id: ALICE,
        photo: "https://example.com/p.jpg",
        reply_markup: { keyboard: [[""]] }
      })
      const edited = await result("editMessageCaption", {
        chat_id: ALICE,
        message_id: dropped.message_id,
        caption: "y"
      })
      expect(edited.caption).toBe("y")
    })
  })
}
