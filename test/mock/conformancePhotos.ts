/**
 * Conformance of the photo methods and the topic icons (telegram-wire-chats.md §16.7, §17.5; Client.cpp
 * get_input_chat_photo) on every transport: setChatPhoto (an upload only) with its new_chat_photo message and getChat's
 * `photo`, deleteChatPhoto, setMyProfilePhoto / removeMyProfilePhoto with getUserProfilePhotos, and
 * getForumTopicIconStickers, whose files the bot can download.
 */
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { type Envelope, wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const NO_RIGHTS = -1002000000002
const BOT = 123456
const ALICE = 42

/** The start of a PNG picture of this size: enough for the mock to read its dimensions. */
const png = (width: number, height: number): Blob => {
  const bytes = new Uint8Array(64)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(bytes.buffer).setUint32(16, width)
  new DataView(bytes.buffer).setUint32(20, height)
  return new Blob([bytes], { type: "image/png" })
}

export const photoConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, photos and topic icons (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const upload = async (method: string, fields: Record<string, string | [Blob, string]>) => {
      const form = new FormData()
      for (const [key, value] of Object.entries(fields)) {
        if (Array.isArray(value)) form.append(key, value[0], value[1])
        else form.append(key, value)
      }
      const response = await t.request(`/bot${DEFAULT_BOT_TOKEN}/${method}`, { method: "POST", body: form })
      return (await response.json()) as Envelope
    }
    const updates = async () => {
      const all = (await result("getUpdates")) as Array<any>
      if (all.length > 0) await result("getUpdates", { offset: all.at(-1).update_id + 1 })
      return all
    }

    it("setChatPhoto takes an upload only; the photo reaches getChat and a new_chat_photo message", async () => {
      expect(await upload("setChatPhoto", { chat_id: String(SUPERGROUP) })).toMatchObject({
        description: "Bad Request: there is no photo in the request"
      })
      expect(await upload("setChatPhoto", { chat_id: String(SUPERGROUP), photo: "AgACAgIAAxkBAAI" })).toMatchObject({
        description: "Bad Request: photo must be uploaded as an InputFile"
      })
      const photo: [Blob, string] = [png(640, 480), "logo.png"]
      expect(await upload("setChatPhoto", { chat_id: String(ALICE), photo })).toMatchObject({
        description: "Bad Request: can't change private chat photo"
      })
      expect(await upload("setChatPhoto", { chat_id: String(NO_RIGHTS), photo })).toMatchObject({
        description: "Bad Request: not enough rights to change chat photo"
      })
      await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "administrator", can_change_info: true })
      expect(await upload("setChatPhoto", { chat_id: String(SUPERGROUP), photo: [new Blob(["not a picture"]), "x"] }))
        .toMatchObject({ error_code: 400, description: "Bad Request: IMAGE_PROCESS_FAILED" })
      await updates()
      expect(await upload("setChatPhoto", { chat_id: String(SUPERGROUP), photo: "attach://pic", pic: photo }))
        .toEqual({ ok: true, result: true })
      const [update] = await updates()
      expect(update.message.new_chat_photo).toEqual([
        { file_id: expect.any(String), file_unique_id: expect.any(String), file_size: 64, width: 640, height: 480 }
      ])
      const chatPhoto = (await result("getChat", { chat_id: SUPERGROUP })).photo
      expect(Object.keys(chatPhoto)).toEqual([
        "small_file_id",
        "small_file_unique_id",
        "big_file_id",
        "big_file_unique_id"
      ])
      expect(chatPhoto.big_file_id).toBe(update.message.new_chat_photo[0].file_id)
      const file = await result("getFile", { file_id: chatPhoto.big_file_id })
      const bytes = new Uint8Array(
        await (await t.request(`/file/bot${DEFAULT_BOT_TOKEN}/${file.file_path}`)).arrayBuffer()
      )
      expect(bytes).toEqual(new Uint8Array(await photo[0].arrayBuffer()))
    })

    it("deleteChatPhoto: CHAT_NOT_MODIFIED without a photo; else delete_chat_photo and no photo in getChat", async () => {
      await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "administrator", can_change_info: true })
      await refusal("deleteChatPhoto", { chat_id: SUPERGROUP }, 400, "Bad Request: CHAT_NOT_MODIFIED")
      await upload("setChatPhoto", { chat_id: String(SUPERGROUP), photo: [png(100, 100), "p.png"] })
      await updates()
      expect(await result("deleteChatPhoto", { chat_id: SUPERGROUP })).toBe(true)
      expect((await updates())[0].message).toMatchObject({ delete_chat_photo: true, from: { id: BOT } })
      expect(await result("getChat", { chat_id: SUPERGROUP })).not.toHaveProperty("photo")
    })

    it("setMyProfilePhoto reads InputProfilePhoto; getUserProfilePhotos lists the bot's, newest first", async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{}, "photo isn't specified"],
        [{ photo: "{bad" }, "can't parse photo JSON object"],
        [{ photo: "[]" }, "object expected as profile photo"],
        [{ photo: "{}" }, `can't find field "type"`],
        [{ photo: `{"type":"gif"}` }, "invalid profile photo type specified"],
        [{ photo: `{"type":"static"}` }, `can't find field "photo"`],
        [{ photo: `{"type":"static","photo":"AgACAgIAAx"}` }, "photo must be uploaded as a file"],
        [{ photo: `{"type":"static","photo":"attach://none"}` }, "photo must be uploaded as a file"],
        [
          { photo: `{"type":"animated","animation":"attach://a","main_frame_timestamp":11}` },
          "wrong main frame timestamp specified"
        ]
      ]
      for (const [fields, description] of cases) {
        expect(await upload("setMyProfilePhoto", fields), description).toMatchObject({
          ok: false,
          error_code: 400,
          description: `Bad Request: ${description}`
        })
      }
      expect(await result("getUserProfilePhotos", { user_id: BOT })).toEqual({ total_count: 0, photos: [] })
      for (const [width, name] of [[200, "a.png"], [300, "b.png"]] as const) {
        expect(
          await upload("setMyProfilePhoto", {
            photo: `{"type":"static","photo":"attach://p"}`,
            p: [png(width, width), name]
          })
        )
          .toEqual({ ok: true, result: true })
      }
      const listed = await result("getUserProfilePhotos", { user_id: BOT })
      expect(listed.total_count).toBe(2)
      expect(listed.photos.map((sizes: Array<any>) => sizes[0].width)).toEqual([300, 200])
      expect((await result("getUserProfilePhotos", { user_id: BOT, offset: 1, limit: 1 })).photos).toHaveLength(1)
      expect((await result("getUserProfilePhotos", { user_id: BOT, offset: 5 })).photos).toEqual([])
      expect(await result("removeMyProfilePhoto")).toBe(true)
      expect((await result("getUserProfilePhotos", { user_id: BOT })).photos.map((s: Array<any>) => s[0].width))
        .toEqual([200])
    })

    it("getForumTopicIconStickers: custom emoji stickers in the real key order, files the bot can get", async () => {
      const icons = await result("getForumTopicIconStickers")
      expect(icons.length).toBeGreaterThan(5)
      expect(Object.keys(icons[0])).toEqual([
        "width",
        "height",
        "emoji",
        "set_name",
        "is_animated",
        "is_video",
        "type",
        "custom_emoji_id",
        "file_id",
        "file_unique_id",
        "file_size"
      ])
      expect(icons[0]).toMatchObject({ type: "custom_emoji", set_name: "Topics", is_animated: true })
      expect(new Set(icons.map((icon: any) => icon.custom_emoji_id)).size).toBe(icons.length)
      expect(await result("getForumTopicIconStickers")).toEqual(icons)
      expect((await result("getFile", { file_id: icons[0].file_id })).file_path).toMatch(/^stickers\//)
    })
  })
}
