/**
 * The media sends on every transport (telegram-wire-messages.md §M5.1–§M5.8, §M5.16, §M5.17): each method's
 * required file (`there is no <kind> in the request`, before the chat), the objects it answers with their keys in the
 * real server's order, what the mock reads from headers, TDLib's and Telegram's refusals, per-content rights, the
 * offline URL rule, and the bytes coming back from the download route.
 */
import { defaultWorld } from "telegram-bot-api-mock"
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { BINARY, download, gif, multipart, part, png, TGS, WEBM } from "./mediaFixtures.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const BOT = 123456
const SUPERGROUP = -1001234567890
const FILE_KEYS = ["file_id", "file_unique_id", "file_size"]

export const mediaConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, media (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, refusal, result } = wireClient(() => t)
    const send = (method: string, fields: Record<string, string | [Blob, string]>) =>
      multipart(t, method, { chat_id: String(ALICE), ...fields })

    it("asks for each method's file before the chat, with the kind's own words", async () => {
      const kinds: ReadonlyArray<readonly [string, string]> = [
        ["sendPhoto", "photo"],
        ["sendAudio", "audio"],
        ["sendVideo", "video"],
        ["sendAnimation", "animation"],
        ["sendVoice", "voice"],
        ["sendVideoNote", "video note"],
        ["sendSticker", "sticker"],
        ["sendLivePhoto", "live photo"]
      ]
      for (const [method, what] of kinds) {
        await refusal(method, {}, 400, `Bad Request: there is no ${what} in the request`)
      }
      await refusal(
        "sendLivePhoto",
        { live_photo: "https://example.com/v.mp4" },
        400,
        "Bad Request: there is no photo in the request"
      )
      await refusal("sendPhoto", { photo: "https://example.com/a.jpg" }, 400, "Bad Request: chat_id is empty")
    })

    it("sends a photo: one PhotoSize with the header's size, the caption's flags, the bytes back", async () => {
      const picture = png(800, 600)
      const sent = await send("sendPhoto", {
        photo: part(picture, "cat.png", "image/png"),
        caption: " a cat ",
        show_caption_above_media: "true",
        has_spoiler: "1"
      })
      expect(sent.ok, sent.description).toBe(true)
      const message = sent.result
      expect(Object.keys(message).slice(-4)).toEqual([
        "photo",
        "caption",
        "show_caption_above_media",
        "has_media_spoiler"
      ])
      expect(message.photo).toHaveLength(1)
      expect(Object.keys(message.photo[0])).toEqual([...FILE_KEYS, "width", "height"])
      expect(message.photo[0]).toMatchObject({ file_size: picture.length, width: 800, height: 600 })
      expect(message.photo[0].file_id).toMatch(/^AgAC/)
      expect(message.caption).toBe("a cat")
      const file = await result("getFile", { file_id: message.photo[0].file_id })
      expect(file.file_path).toMatch(/^photos\/file_\d+\.jpg$/)
      expect((await download(t, file.file_path)).equals(picture)).toBe(true)
      // The same photo again by file_id: the same file.
      const again = await result("sendPhoto", { chat_id: ALICE, photo: message.photo[0].file_id })
      expect(again.photo[0].file_unique_id).toBe(message.photo[0].file_unique_id)
    })

    it("refuses an upload that is no picture, or whose sides Telegram does not take", async () => {
      expect((await send("sendPhoto", { photo: part(BINARY, "x.bin") })).description).toBe(
        "Bad Request: IMAGE_PROCESS_FAILED"
      )
      for (const [width, height] of [[9000, 2000], [2100, 100]]) {
        expect((await send("sendPhoto", { photo: part(png(width, height), "wide.png") })).description).toBe(
          "Bad Request: PHOTO_INVALID_DIMENSIONS"
        )
      }
      expect(t.mock.messages(ALICE)).toEqual([])
    })

    it("keeps photos and documents apart by file_id, as TDLib does", async () => {
      const photo = (await send("sendPhoto", { photo: part(png(10, 10), "a.png") })).result.photo[0].file_id
      const document = (await send("sendDocument", { document: part(BINARY, "b.bin") })).result.document.file_id
      await refusal(
        "sendDocument",
        { chat_id: ALICE, document: photo },
        400,
        "Bad Request: can't use file of type Photo as Document"
      )
      await refusal(
        "sendPhoto",
        { chat_id: ALICE, photo: document },
        400,
        "Bad Request: can't use file of type Document as Photo"
      )
      // Document-like kinds stand for one another.
      expect((await result("sendVideo", { chat_id: ALICE, video: document })).video.file_unique_id).toBeDefined()
    })

    it("sends a live photo: `live_photo` (the video) before the ordinary `photo`", async () => {
      const sent = await send("sendLivePhoto", {
        live_photo: part(BINARY, "live.mp4", "video/mp4"),
        photo: part(png(640, 480), "still.png")
      })
      expect(Object.keys(sent.result).slice(-2)).toEqual(["live_photo", "photo"])
      expect(Object.keys(sent.result.live_photo)).toEqual([
        "photo",
        "duration",
        "width",
        "height",
        "mime_type",
        ...FILE_KEYS
      ])
      expect(sent.result.live_photo).toMatchObject({ width: 640, height: 480, mime_type: "video/mp4" })
      expect(sent.result.live_photo.photo).toEqual(sent.result.photo)
    })

    it("sends audio and voice with their keys in the real order", async () => {
      const audio = await send("sendAudio", {
        audio: part(BINARY, "song.mp3", "audio/mpeg"),
        thumbnail: part(png(90, 90), "cover.jpg"),
        duration: "100000",
        title: "Song",
        performer: "Band",
        caption: "listen"
      })
      expect(Object.keys(audio.result.audio)).toEqual([
        "duration",
        "file_name",
        "mime_type",
        "title",
        "performer",
        "thumbnail",
        "thumb",
        ...FILE_KEYS
      ])
      expect(audio.result.audio).toMatchObject({ duration: 86400, title: "Song", performer: "Band" })
      expect(audio.result.audio.thumbnail).toEqual(audio.result.audio.thumb)
      expect(audio.result.audio.thumbnail).toMatchObject({ width: 90, height: 90 })
      const voice = await send("sendVoice", { voice: part(BINARY, "v.ogg", "audio/ogg"), duration: "7", caption: "hi" })
      expect(Object.keys(voice.result.voice)).toEqual(["duration", "mime_type", ...FILE_KEYS])
      expect(voice.result.voice.file_id).toMatch(/^AwAC/)
      expect(voice.result.caption).toBe("hi")
    })

    it("sends a video with its cover and start timestamp, and an animation as animation and document", async () => {
      const video = await send("sendVideo", {
        video: part(BINARY, "clip.mp4", "video/mp4"),
        cover: "attach://poster",
        poster: part(png(1280, 720), "poster.png"),
        width: "1280",
        height: "720",
        duration: "12",
        start_timestamp: "3",
        caption: "clip",
        has_spoiler: "true"
      })
      expect(Object.keys(video.result.video)).toEqual([
        "duration",
        "width",
        "height",
        "file_name",
        "mime_type",
        "cover",
        "start_timestamp",
        ...FILE_KEYS
      ])
      expect(video.result.video.cover[0]).toMatchObject({ width: 1280, height: 720 })
      expect(video.result.has_media_spoiler).toBe(true)
      const animation = await send("sendAnimation", { animation: part(gif(320, 240), "fun.gif", "image/gif") })
      expect(Object.keys(animation.result.animation)).toEqual([
        "file_name",
        "mime_type",
        "duration",
        "width",
        "height",
        ...FILE_KEYS
      ])
      expect(animation.result.animation).toMatchObject({ width: 320, height: 240 })
      expect(Object.keys(animation.result.document)).toEqual(["file_name", "mime_type", ...FILE_KEYS])
      expect(animation.result.document.file_id).toBe(animation.result.animation.file_id)
      expect(animation.result.animation.file_id).toMatch(/^CgAC/)
    })

    it("sends a video note of at most 640 (TDLib's `wrong video note length`)", async () => {
      expect((await send("sendVideoNote", { video_note: part(BINARY, "n.mp4"), length: "641" })).description).toBe(
        "Bad Request: wrong video note length"
      )
      const note = await send("sendVideoNote", { video_note: part(BINARY, "n.mp4"), length: "240", duration: "5" })
      expect(Object.keys(note.result.video_note)).toEqual(["duration", "length", ...FILE_KEYS])
      expect(note.result.video_note).toMatchObject({ duration: 5, length: 240 })
    })

    it("sends stickers: static, animated (TGS) and video (WebM) read from the file", async () => {
      const still = await send("sendSticker", { sticker: part(png(512, 384), "s.webp"), emoji: "😀" })
      expect(Object.keys(still.result.sticker)).toEqual([
        "width",
        "height",
        "emoji",
        "is_animated",
        "is_video",
        "type",
        ...FILE_KEYS
      ])
      expect(still.result.sticker).toMatchObject({
        width: 512,
        height: 384,
        emoji: "😀",
        is_animated: false,
        type: "regular"
      })
      expect((await send("sendSticker", { sticker: part(TGS, "a.tgs") })).result.sticker.is_animated).toBe(true)
      expect((await send("sendSticker", { sticker: part(WEBM, "v.webm") })).result.sticker.is_video).toBe(true)
    })

    it("refuses a restricted bot the content's own right", async () => {
      t.mock.setMember(SUPERGROUP, BOT, { status: "restricted", can_send_messages: true })
      const fields = { chat_id: String(SUPERGROUP) }
      const cases: ReadonlyArray<readonly [string, Record<string, string | [Blob, string]>, string]> = [
        ["sendPhoto", { photo: part(png(10, 10), "a.png") }, "photos"],
        ["sendAudio", { audio: part(BINARY, "a.mp3") }, "music"],
        ["sendVideo", { video: part(BINARY, "a.mp4") }, "videos"],
        ["sendVoice", { voice: part(BINARY, "a.ogg") }, "voice notes"],
        ["sendVideoNote", { video_note: part(BINARY, "a.mp4") }, "video notes"],
        ["sendSticker", { sticker: part(TGS, "a.tgs") }, "stickers"],
        ["sendAnimation", { animation: part(gif(1, 1), "a.gif") }, "animations"]
      ]
      for (const [method, file, what] of cases) {
        expect((await multipart(t, method, { ...fields, ...file })).description).toBe(
          `Bad Request: not enough rights to send ${what} to the chat`
        )
      }
    })

    it("refuses every URL with the offline switch (file_urls: refuse), after checking its syntax", async () => {
      t.mock.replaceWorld({ ...structuredClone(defaultWorld), file_urls: "refuse" })
      try {
        expect(t.mock.snapshot().file_urls).toBe("refuse")
        await refusal(
          "sendPhoto",
          { chat_id: ALICE, photo: "https://example.com/a.jpg" },
          400,
          "Bad Request: wrong file identifier/HTTP URL specified"
        )
        await refusal(
          "sendDocument",
          { chat_id: ALICE, document: "ftp://example.com/a.pdf" },
          400,
          "Bad Request: invalid file HTTP URL specified: Unsupported URL protocol"
        )
        expect((await send("sendPhoto", { photo: part(png(4, 4), "ok.png") })).ok).toBe(true)
      } finally {
        t.mock.replaceWorld(defaultWorld)
      }
      expect((await result("sendPhoto", { chat_id: ALICE, photo: "https://example.com/a.jpg" })).photo).toHaveLength(1)
    })

    describe("sendPaidMedia", () => {
      const paid = async (params: Record<string, unknown>) =>
        (await api("sendPaidMedia", { chat_id: ALICE, ...params })).body

      it("reads `media` as the Bot API does, with its exact refusals", async () => {
        const cases: ReadonlyArray<readonly [unknown, string]> = [
          [undefined, `parameter "media" is required`],
          ["{", "can't parse paid media JSON object"],
          [{}, "expected an Array of InputPaidMedia"],
          [[5], "can't parse InputPaidMedia: expected an Object"],
          [[{ type: "photo" }], "can't parse InputPaidMedia: media not found"],
          [[{ media: "https://e.com/a.jpg" }], `can't parse InputPaidMedia: Can't find field "type"`],
          [[{ type: "live_photo", media: "https://e.com/v.mp4" }], "can't parse InputPaidMedia: photo not found"],
          [[{ type: "audio", media: "https://e.com/a.mp3" }], `can't parse InputPaidMedia: type "audio" is unsupported`]
        ]
        for (const [media, description] of cases) {
          const body = await paid(media === undefined ? { star_count: 5 } : { star_count: 5, media })
          expect(body.description).toBe(`Bad Request: ${description}`)
        }
      })

      it("checks the price and the number of items (TDLib), then sends the media the bot sees", async () => {
        const photo = { type: "photo", media: "https://e.com/a.jpg" }
        expect((await paid({ star_count: 0, media: [photo] })).description).toBe(
          "Bad Request: invalid media price specified"
        )
        expect((await paid({ star_count: 5, media: [] })).description).toBe(
          "Bad Request: invalid number of paid media specified"
        )
        expect((await paid({ star_count: 5, media: Array(11).fill(photo) })).description).toBe(
          "Bad Request: invalid number of paid media specified"
        )
        const sent = await result("sendPaidMedia", {
          chat_id: ALICE,
          star_count: 25,
          media: [photo, { type: "video", media: "https://e.com/b.mp4", duration: 9 }],
          caption: "pay to see",
          payload: "p1"
        })
        expect(Object.keys(sent.paid_media)).toEqual(["star_count", "paid_media"])
        expect(sent.paid_media.star_count).toBe(25)
        expect(sent.paid_media.paid_media.map((item: { type: string }) => item.type)).toEqual(["photo", "video"])
        expect(sent.paid_media.paid_media[1].video.duration).toBe(9)
        expect(sent.caption).toBe("pay to see")
      })
    })
  })
}
