/**
 * sendMediaGroup on every transport (telegram-wire-messages.md §M5.9): the order of its checks (reply_parameters,
 * then `media`, then the chat; reply_markup never read), every InputMedia refusal, TDLib's album rules, Telegram's
 * `failed to send message #n …` for a file it can't use, uploads by attach:// with a shared top-level thumbnail, and
 * the answer: an array of Messages sharing one media_group_id.
 */
import { defaultWorld } from "telegram-bot-api-mock"
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { BINARY, download, multipart, part, png } from "./mediaFixtures.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const OTHER_BOT = 777000
const OTHER_BOT_TOKEN = "777000:OtherBotSecretABCDEFGHIJKLMNOP"

const photo = (n: number) => ({ type: "photo", media: `https://example.com/${n}.jpg` })

export const albumConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, albums (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, result } = wireClient(() => t)
    const album = async (params: Record<string, unknown>) => (await api("sendMediaGroup", params)).body

    it("reads reply_parameters before `media`, `media` before the chat, and never reply_markup", async () => {
      expect((await album({ reply_parameters: "{", media: "{" })).description).toBe(
        "Bad Request: can't parse reply parameters JSON object"
      )
      expect((await album({})).description).toBe(`Bad Request: parameter "media" is required`)
      expect((await album({ media: [photo(1)] })).description).toBe("Bad Request: chat_id is empty")
      const sent = await result("sendMediaGroup", { chat_id: ALICE, media: [photo(1), photo(2)], reply_markup: "{" })
      expect(sent).toHaveLength(2)
    })

    it("refuses each InputMedia as the Bot API reads it", async () => {
      const cases: ReadonlyArray<readonly [unknown, string]> = [
        ["[", "can't parse media JSON object"],
        [{}, "expected an Array of InputMedia"],
        [[5], "can't parse InputMedia: expected an Object"],
        [[{ media: "x.jpg" }], `can't parse InputMedia: Can't find field "type"`],
        [[{ type: true, media: "x.jpg" }], `can't parse InputMedia: Field "type" must be of type String`],
        [[{ type: 5, media: "x.jpg" }], `can't parse InputMedia: type "5" is unsupported`],
        [[{ type: "photo" }], "can't parse InputMedia: media not found"],
        [[{ type: "photo", media: "attach://nothing" }], "can't parse InputMedia: media not found"],
        [[{ type: "live_photo", media: "https://e.com/v.mp4" }], "can't parse InputMedia: photo not found"],
        [
          [{ type: "animation", media: "https://e.com/a.gif" }],
          `can't parse InputMedia: type "animation" can't be used in sendMediaGroup`
        ],
        [[{ type: "sticker", media: "https://e.com/s.webp" }], `can't parse InputMedia: type "sticker" is unsupported`],
        [
          [{ type: "photo", media: "https://e.com/a.jpg", has_spoiler: "yes" }],
          `can't parse InputMedia: Field "has_spoiler" must be of type Boolean`
        ],
        [
          [{ type: "photo", media: "https://e.com/a.jpg", caption: "<b>", parse_mode: "HTML" }],
          "can't parse InputMedia: Can't parse entities: Can't find end tag corresponding to start tag \"b\""
        ],
        [
          [{ type: "video", media: "https://e.com/a.mp4", width: "wide" }],
          `can't parse InputMedia: Field "width" must be a valid Number`
        ]
      ]
      for (const [media, description] of cases) {
        expect((await album({ chat_id: ALICE, media })).description, JSON.stringify(media)).toBe(
          `Bad Request: ${description}`
        )
      }
    })

    it("applies TDLib's album rules after every item's content", async () => {
      const refuse = async (media: unknown, description: string) =>
        expect((await album({ chat_id: ALICE, media })).description).toBe(`Bad Request: ${description}`)
      await refuse([], "there are no messages to send")
      await refuse(Array.from({ length: 11 }, (_, i) => photo(i)), "too many messages to send as an album")
      await refuse(
        [photo(1), { ...photo(2), show_caption_above_media: true }],
        "parameter show_caption_above_media must be the same for all messages"
      )
      await refuse(
        [photo(1), { type: "audio", media: "https://e.com/a.mp3" }],
        "audio can't be mixed with other media types"
      )
      await refuse(
        [{ type: "document", media: "https://e.com/a.pdf" }, photo(1)],
        "document can't be mixed with other media types"
      )
      // A bad file of an 11-item album is refused before the count.
      await refuse(
        [...Array.from({ length: 10 }, (_, i) => photo(i)), { type: "photo", media: "abc$" }],
        "wrong remote file identifier specified: Wrong character in the string"
      )
      expect(t.mock.messages(ALICE)).toEqual([])
    })

    it("fails the call with the number of the item Telegram refuses (another bot's file_id), sending nothing", async () => {
      const world = structuredClone(t.mock.snapshot()) as any
      world.users.push({ id: OTHER_BOT, is_bot: true, first_name: "Other", username: "other_test_bot" })
      world.bots.push({ token: OTHER_BOT_TOKEN, user_id: OTHER_BOT })
      t.mock.replaceWorld(world)
      try {
        const mine = (await multipart(
          t,
          "sendPhoto",
          { chat_id: String(ALICE), photo: part(png(9, 9), "a.png") },
          OTHER_BOT_TOKEN
        ))
          .result.photo[0].file_id
        const body = await album({ chat_id: ALICE, media: [photo(1), { type: "photo", media: mine }, photo(3)] })
        expect(body).toMatchObject({
          error_code: 400,
          description:
            `Bad Request: failed to send message #2 with the error message "Wrong file identifier/HTTP URL specified"`
        })
        expect(t.mock.messages(ALICE)).toEqual([])
      } finally {
        t.mock.replaceWorld(defaultWorld)
      }
    })

    it("uploads by attach://, a top-level thumbnail for every item, and answers Messages sharing one media_group_id", async () => {
      const first = png(300, 200)
      const sent = await multipart(t, "sendMediaGroup", {
        chat_id: String(ALICE),
        media: JSON.stringify([
          { type: "document", media: "attach://one", caption: "first" },
          { type: "document", media: "attach://two" },
          { type: "document", media: "attach://two", thumbnail: "attach://own" }
        ]),
        one: part(first, "one.png"),
        two: part(BINARY, "two.bin"),
        own: part(png(50, 40), "own.jpg"),
        thumbnail: part(png(90, 60), "thumb.jpg")
      })
      expect(sent.ok, sent.description).toBe(true)
      const [a, b, c] = sent.result
      expect(a.media_group_id).toMatch(/^[0-9]+$/)
      expect(b.media_group_id).toBe(a.media_group_id)
      expect(Object.keys(a).indexOf("media_group_id")).toBeLessThan(Object.keys(a).indexOf("document"))
      expect([a.message_id, b.message_id, c.message_id]).toEqual([1, 2, 3])
      expect(a.caption).toBe("first")
      expect(a.document.thumbnail).toMatchObject({ width: 90, height: 60 })
      expect(b.document.thumbnail).toEqual(a.document.thumbnail)
      expect(c.document.thumbnail).toMatchObject({ width: 50, height: 40 })
      const file = await result("getFile", { file_id: b.document.file_id })
      expect((await download(t, file.file_path)).equals(BINARY)).toBe(true)
      expect(t.mock.messages(ALICE).map((message) => message.media_group_id)).toEqual(Array(3).fill(a.media_group_id))
    })

    it("sends a one-item album as an ordinary message (no media_group_id), and mixes photos, videos and live photos", async () => {
      const [single] = await result("sendMediaGroup", { chat_id: ALICE, media: [photo(1)] })
      expect(single.media_group_id).toBeUndefined()
      const mixed = await result("sendMediaGroup", {
        chat_id: ALICE,
        media: [photo(1), { type: "video", media: "https://e.com/v.mp4", duration: 99999 }, {
          type: "live_photo",
          media: "https://e.com/l.mp4",
          photo: "https://e.com/l.jpg"
        }]
      })
      expect(mixed.map((message: any) => Object.keys(message).includes("video"))).toEqual([false, true, false])
      expect(mixed[1].video.duration).toBe(86400)
      expect(mixed[2].live_photo).toBeDefined()
    })
  })
}
