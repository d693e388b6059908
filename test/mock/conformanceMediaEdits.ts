/**
 * editMessageCaption and editMessageMedia on every transport (telegram-wire-messages.md §M7): reply_markup and the
 * payload read first, the inline form, the message, what may be edited (own messages, no reply keyboard, a caption
 * slot, a media that can change, an album's type rules), `inline keyboard expected`, Telegram's refusals
 * (`MEDIA_CAPTION_TOO_LONG` raw, "message is not modified"), and the edited Message (edit_date, no reply).
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { BINARY, download, gif, multipart, part, png } from "./mediaFixtures.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"

export const mediaEditConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, media edits (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { refusal, result } = wireClient(() => t)
    const refuse = (method: string, params: Record<string, unknown>, description: string) =>
      refusal(method, { chat_id: ALICE, ...params }, 400, `Bad Request: ${description}`)
    const photo = (params: Record<string, unknown> = {}) =>
      result("sendPhoto", { chat_id: ALICE, photo: "https://example.com/p.jpg", caption: "old", ...params })

    it("reads reply_markup, then the caption, then the inline form, then the message", async () => {
      await refusal(
        "editMessageCaption",
        { reply_markup: "{", caption: "<b>", parse_mode: "HTML" },
        400,
        "Bad Request: can't parse reply keyboard markup JSON object"
      )
      await refusal(
        "editMessageCaption",
        { caption: "<b>", parse_mode: "HTML" },
        400,
        `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`
      )
      await refusal("editMessageCaption", {}, 400, "Bad Request: message identifier is not specified")
      await refusal(
        "editMessageCaption",
        { inline_message_id: "AgAAAA" },
        400,
        "Bad Request: invalid inline message identifier specified"
      )
      await refusal("editMessageCaption", { message_id: 1 }, 400, "Bad Request: chat_id is empty")
      await refuse("editMessageCaption", { message_id: 99 }, "message to edit not found")
    })

    it("edits a caption: the Message with edit_date and without its reply; the same again is not modified", async () => {
      const first = await result("sendMessage", { chat_id: ALICE, text: "see below" })
      const sent = await photo({ reply_parameters: { message_id: first.message_id } })
      expect(sent.reply_to_message.message_id).toBe(first.message_id)
      t.clock.advance(5000)
      const edited = await result("editMessageCaption", {
        chat_id: ALICE,
        message_id: sent.message_id,
        caption: " new *one* ",
        parse_mode: "Markdown"
      })
      expect(edited).toMatchObject({ caption: "new one", caption_entities: [{ type: "bold", offset: 4, length: 3 }] })
      expect(edited.edit_date).toBe(sent.date + 5)
      expect(edited.reply_to_message).toBeUndefined()
      expect(Object.keys(edited).indexOf("edit_date")).toBe(Object.keys(edited).indexOf("date") + 1)
      await refuse(
        "editMessageCaption",
        { message_id: sent.message_id, caption: "new *one*", parse_mode: "Markdown" },
        NOT_MODIFIED
      )
      // An edit without show_caption_above_media puts the caption back below; an empty caption removes it.
      const above = await photo({ show_caption_above_media: true })
      const below = await result("editMessageCaption", { chat_id: ALICE, message_id: above.message_id, caption: "old" })
      expect(below.show_caption_above_media).toBeUndefined()
      const removed = await result("editMessageCaption", { chat_id: ALICE, message_id: above.message_id })
      expect(removed.caption).toBeUndefined()
      expect(t.mock.messages(ALICE).find((message) => message.message_id === above.message_id)!.caption).toBeUndefined()
    })

    it("refuses what TDLib and Telegram refuse, in their order", async () => {
      const text = await result("sendMessage", { chat_id: ALICE, text: "plain" })
      await refuse(
        "editMessageCaption",
        { message_id: text.message_id, caption: "x" },
        "there is no caption in the message to edit"
      )
      const sticker = await result("sendSticker", { chat_id: ALICE, sticker: "https://example.com/s.webp" })
      await refuse("editMessageCaption", { message_id: sticker.message_id, caption: "x" }, "message can't be edited")
      const keyboarded = await photo({ reply_markup: { keyboard: [["yes", "no"]] } })
      expect(keyboarded.reply_markup).toBeUndefined()
      await refuse("editMessageCaption", { message_id: keyboarded.message_id, caption: "x" }, "message can't be edited")
      const sent = await photo()
      await refuse("editMessageCaption", {
        message_id: sent.message_id,
        caption: "x",
        reply_markup: { force_reply: true }
      }, "inline keyboard expected")
      await refuse(
        "editMessageCaption",
        { message_id: sent.message_id, caption: "y".repeat(1025) },
        "MEDIA_CAPTION_TOO_LONG"
      )
      const theirs = t.mock.sendFile(ALICE, { kind: "photo", file: png(2, 2), caption: "mine" })
      await refuse("editMessageCaption", { message_id: theirs.message_id, caption: "x" }, "message can't be edited")
      const withKeyboard = await result("editMessageCaption", {
        chat_id: ALICE,
        message_id: sent.message_id,
        caption: "x",
        reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }
      })
      expect(withKeyboard.reply_markup).toEqual({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] })
    })

    it("reads `media` as one InputMedia (an animation allowed) and refuses content that can't change", async () => {
      await refusal("editMessageMedia", {}, 400, `Bad Request: parameter "media" is required`)
      await refusal("editMessageMedia", { media: "{" }, 400, "Bad Request: can't parse input media JSON object")
      await refusal(
        "editMessageMedia",
        { media: { type: "photo" } },
        400,
        "Bad Request: can't parse InputMedia: media not found"
      )
      await refusal(
        "editMessageMedia",
        { media: { type: "photo", media: "https://e.com/a.jpg" } },
        400,
        "Bad Request: message identifier is not specified"
      )
      const location = await result("sendLocation", { chat_id: ALICE, latitude: 1, longitude: 2 })
      await refuse("editMessageMedia", {
        message_id: location.message_id,
        media: { type: "photo", media: "https://e.com/a.jpg" }
      }, "message media can't be edited")
      const text = await result("sendMessage", { chat_id: ALICE, text: "soon a picture" })
      const animated = await multipart(t, "editMessageMedia", {
        chat_id: String(ALICE),
        message_id: String(text.message_id),
        media: JSON.stringify({ type: "animation", media: "attach://clip", caption: "now animated" }),
        clip: part(gif(64, 48), "clip.gif")
      })
      expect(animated.result).toMatchObject({ caption: "now animated", animation: { width: 64, height: 48 } })
      expect(animated.result.text).toBeUndefined()
    })

    it("replaces a photo by an uploaded document whose bytes come back; the same media again is not modified", async () => {
      const sent = await photo()
      const replaced = await multipart(t, "editMessageMedia", {
        chat_id: String(ALICE),
        message_id: String(sent.message_id),
        media: JSON.stringify({ type: "document", media: "attach://file", caption: "the file" }),
        file: part(BINARY, "data.bin")
      })
      expect(replaced.ok, replaced.description).toBe(true)
      expect(replaced.result.photo).toBeUndefined()
      const file = await result("getFile", { file_id: replaced.result.document.file_id })
      expect((await download(t, file.file_path)).equals(BINARY)).toBe(true)
      await refuse("editMessageMedia", {
        message_id: sent.message_id,
        media: { type: "document", media: replaced.result.document.file_id, caption: "the file" }
      }, NOT_MODIFIED)
    })

    it("keeps an album's kinds: photos and videos among themselves, documents and audio alone", async () => {
      const [first] = await result("sendMediaGroup", {
        chat_id: ALICE,
        media: [{ type: "photo", media: "https://e.com/1.jpg" }, { type: "photo", media: "https://e.com/2.jpg" }]
      })
      const edit = (media: Record<string, unknown>) => ({ message_id: first.message_id, media })
      await refuse(
        "editMessageMedia",
        edit({ type: "document", media: "https://e.com/a.pdf" }),
        "can't change media type in the album"
      )
      await refuse(
        "editMessageMedia",
        edit({ type: "animation", media: "https://e.com/a.gif" }),
        "message content type can't be used in an album"
      )
      const video = await result("editMessageMedia", {
        chat_id: ALICE,
        ...edit({ type: "video", media: "https://e.com/v.mp4" })
      })
      expect(video.video).toBeDefined()
      expect(video.media_group_id).toBe(first.media_group_id)
    })
  })
}
