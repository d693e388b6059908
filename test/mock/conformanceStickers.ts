/**
 * Sticker sets on every transport (telegram-wire-chats.md §21 Stickers): a set made from an uploaded sticker file and
 * an attached one, what getStickerSet shows after each change (stickers added, moved, replaced, removed, their emoji,
 * the title, the thumbnail), custom emoji sets and getCustomEmojiStickers, world-file sets, another bot's view, and the
 * real server's refusals with their texts.
 */
import { DEFAULT_BOT_TOKEN, defaultWorld, type MockTelegram } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { type Envelope, wireClient } from "./wireClient.js"

const ALICE = 42
const OTHER_BOT_TOKEN = "777000:OtherBotSecretABCDEFGHIJKLMNOP"
const SET = "pets_by_seed_invite_bot"
const WEBP = new Uint8Array(300).map((_, i) => (i * 13) % 256)
const WEBP_2 = new Uint8Array(200).map((_, i) => (i * 7 + 1) % 256)

/** The default world with a second bot and a set declared in the world file. */
const stickerWorld = (mock: MockTelegram) => {
  const world = structuredClone(defaultWorld) as any
  world.users.push({ id: 777000, is_bot: true, first_name: "Other Bot", username: "other_test_bot" })
  world.bots.push({ token: OTHER_BOT_TOKEN, user_id: 777000 })
  world.sticker_sets = [{
    name: "Declared_by_other_test_bot",
    title: "Declared",
    sticker_type: "mask",
    owner_id: ALICE,
    bot_id: 777000,
    stickers: [{ emoji_list: ["😎"], mask_position: { point: "eyes", x_shift: 0, y_shift: 0.5, scale: 1 } }]
  }]
  mock.replaceWorld(world)
}

export const stickerConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, stickers (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    const other = wireClient(() => t, OTHER_BOT_TOKEN)
    beforeEach(() => {
      t = setup()
      stickerWorld(t.mock)
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    const upload = async (method: string, fields: Record<string, string | [Blob, string]>) => {
      const form = new FormData()
      for (const [key, value] of Object.entries(fields)) {
        if (Array.isArray(value)) form.append(key, value[0], value[1])
        else form.append(key, value)
      }
      const response = await t.request(`/bot${DEFAULT_BOT_TOKEN}/${method}`, { method: "POST", body: form })
      const body = (await response.json()) as Envelope
      expect(response.status).toBe(body.ok ? 200 : body.error_code)
      return body
    }

    /** A set of two stickers: one uploaded first with uploadStickerFile, one attached to the call. */
    const makeSet = async () => {
      const file = await upload("uploadStickerFile", {
        user_id: String(ALICE),
        sticker: [new Blob([WEBP]), "a.webp"],
        sticker_format: "static"
      })
      expect(file.ok, JSON.stringify(file)).toBe(true)
      expect(Object.keys(file.result)).toEqual(["file_id", "file_unique_id", "file_size"])
      const made = await upload("createNewStickerSet", {
        user_id: String(ALICE),
        name: SET,
        title: "  Pets  ",
        stickers: JSON.stringify([
          { sticker: file.result.file_id, format: "static", emoji_list: ["🐶"] },
          { sticker: "attach://second", format: "static", emoji_list: ["🐱", "😺"], keywords: ["cat"] }
        ]),
        second: [new Blob([WEBP_2]), "b.webp"]
      })
      expect(made, JSON.stringify(made)).toMatchObject({ ok: true, result: true })
      return await wire.result("getStickerSet", { name: SET })
    }

    it("makes a set from uploaded files; getStickerSet shows it in the real server's keys", async () => {
      const set = await makeSet()
      expect(Object.keys(set)).toEqual(["name", "title", "sticker_type", "contains_masks", "stickers"])
      expect(set).toMatchObject({ name: SET, title: "Pets", sticker_type: "regular", contains_masks: false })
      expect(set.stickers).toHaveLength(2)
      expect(Object.keys(set.stickers[0])).toEqual([
        "width",
        "height",
        "emoji",
        "set_name",
        "is_animated",
        "is_video",
        "type",
        "file_id",
        "file_unique_id",
        "file_size"
      ])
      expect(set.stickers[0]).toMatchObject({ width: 512, height: 512, emoji: "🐶", set_name: SET, type: "regular" })
      expect(set.stickers[1]).toMatchObject({ emoji: "🐱", file_size: WEBP_2.length })
      expect(set.stickers[0].file_id).toMatch(/^CAAC/)
      // Any case finds it; the other bot reads it too.
      expect((await other.result("getStickerSet", { name: SET.toUpperCase() })).stickers).toHaveLength(2)
    })

    it("changes a set: add, move, emoji, title, thumbnail, remove, delete; each seen by getStickerSet", async () => {
      const set = await makeSet()
      const [first, second] = set.stickers
      const added = await upload("addStickerToSet", {
        user_id: String(ALICE),
        name: SET,
        sticker: JSON.stringify({ sticker: "attach://x", emoji_list: ["🦊"] }),
        x: [new Blob([new Uint8Array([1, 2, 3])]), "c.webp"]
      })
      expect(added).toMatchObject({ ok: true, result: true })
      expect(await wire.result("setStickerPositionInSet", { sticker: second.file_id, position: 0 })).toBe(true)
      expect(await wire.result("setStickerEmojiList", { sticker: first.file_id, emoji_list: ["🐕", "🦮"] })).toBe(true)
      expect(await wire.result("setStickerSetTitle", { name: SET, title: "Animals" })).toBe(true)
      let now = await wire.result("getStickerSet", { name: SET })
      expect(now.title).toBe("Animals")
      expect(now.stickers.map((s: any) => s.emoji)).toEqual(["🐱", "🐕", "🦊"])
      const thumb = await upload("setStickerSetThumb", {
        user_id: String(ALICE),
        name: SET,
        thumbnail: [new Blob([new Uint8Array([9, 9, 9])]), "t.webp"]
      })
      expect(thumb).toMatchObject({ ok: true, result: true })
      now = await wire.result("getStickerSet", { name: SET })
      expect(Object.keys(now)).toContain("thumbnail")
      expect(now.thumbnail).toEqual(now.thumb)
      expect(await wire.result("deleteStickerFromSet", { sticker: first.file_id })).toBe(true)
      now = await wire.result("getStickerSet", { name: SET })
      expect(now.stickers.map((s: any) => s.emoji)).toEqual(["🐱", "🦊"])
      await wire.refusal("deleteStickerFromSet", { sticker: first.file_id }, 400, "Bad Request: STICKER_INVALID")
      expect(await wire.result("deleteStickerSet", { name: SET })).toBe(true)
      await wire.refusal("getStickerSet", { name: SET }, 400, "Bad Request: STICKERSET_INVALID")
    })

    it("refuses what the real server refuses, in its order", async () => {
      await wire.refusal("createNewStickerSet", { name: SET }, 400, "Bad Request: invalid user_id specified")
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: SET, title: "T", stickers: "[" },
        400,
        "Bad Request: can't parse stickers JSON object"
      )
      const one = [{ sticker: "https://example.com/s.webp", emoji_list: ["🙂"], format: "static" }]
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: SET, title: "T", stickers: [{ sticker: "x", emoji_list: ["🙂"] }] },
        400,
        `Bad Request: can't parse InputSticker: Can't find field "format"`
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: SET, title: "T", stickers: [{ ...one[0], emoji_list: ["a"] }] },
        400,
        "Bad Request: can't parse InputSticker: expected a Unicode emoji"
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: SET, title: "T", stickers: Array(51).fill(one[0]) },
        400,
        "Bad Request: too many stickers specified"
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: SET, title: "T", stickers: one, sticker_type: "big" },
        400,
        "Bad Request: unsupported sticker type specified"
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: 999, name: SET, title: "T", stickers: one },
        400,
        "Bad Request: user not found"
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: SET, title: "  ", stickers: one },
        400,
        "Bad Request: sticker set title must be non-empty"
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: SET, title: "T", stickers: one, needs_repainting: true },
        400,
        "Bad Request: only custom emoji stickers support repainting"
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: "pets", title: "T", stickers: one },
        400,
        "Bad Request: invalid sticker set name is specified"
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: "declared_by_other_test_bot", title: "T", stickers: one },
        400,
        "Bad Request: invalid sticker set name is specified"
      )
      expect(await wire.result("createNewStickerSet", { user_id: ALICE, name: SET, title: "T", stickers: one })).toBe(
        true
      )
      await wire.refusal(
        "createNewStickerSet",
        { user_id: ALICE, name: SET.toUpperCase(), title: "T", stickers: one },
        400,
        "Bad Request: sticker set name is already occupied"
      )
      const animated = [{ sticker: "https://example.com/s.tgs", emoji_list: ["🙂"], format: "animated" }]
      await wire.refusal(
        "addStickerToSet",
        { user_id: ALICE, name: SET, sticker: animated[0] },
        400,
        "Bad Request: animated stickers can't be uploaded by URL"
      )
      await wire.refusal(
        "uploadStickerFile",
        { user_id: ALICE, sticker: "x", sticker_format: "gif" },
        400,
        "Bad Request: invalid sticker format specified"
      )
      await wire.refusal(
        "uploadStickerFile",
        { user_id: ALICE, sticker: "x", sticker_format: "static" },
        400,
        "Bad Request: inputFile is not specified"
      )
    })

    it("refuses changes to stickers and sets it cannot name, with their texts", async () => {
      const set = await makeSet()
      const id = set.stickers[0].file_id
      await wire.refusal("setStickerEmojiList", { emoji_list: ["🙂"] }, 400, "Bad Request: sticker is not specified")
      await wire.refusal(
        "setStickerEmojiList",
        { sticker: id, emoji_list: "no" },
        400,
        "Bad Request: can't parse emoji list JSON array"
      )
      await wire.refusal(
        "setStickerEmojiList",
        { sticker: id, emoji_list: [] },
        400,
        "Bad Request: can't parse emoji list: emoji list must be non-empty"
      )
      await wire.refusal(
        "setStickerPositionInSet",
        { sticker: id },
        400,
        "Bad Request: wrong sticker position specified"
      )
      await wire.refusal(
        "setStickerMaskPosition",
        { sticker: id, mask_position: { point: "eyes", x_shift: 0, y_shift: 0, scale: 1 } },
        400,
        "Bad Request: STICKER_MASK_COORDS_NOT_SUPPORTED"
      )
      await wire.refusal(
        "setStickerMaskPosition",
        { sticker: id, mask_position: { point: "nose", x_shift: 0, y_shift: 0, scale: 1 } },
        400,
        "Bad Request: can't parse mask position: Wrong point specified in MaskPosition"
      )
      await wire.refusal(
        "setStickerSetTitle",
        { name: " ", title: "T" },
        400,
        "Bad Request: sticker set name must be non-empty"
      )
      await wire.refusal("setStickerSetTitle", { name: "nope", title: "T" }, 400, "Bad Request: STICKERSET_INVALID")
      await wire.refusal(
        "setCustomEmojiStickerSetThumbnail",
        { name: SET },
        400,
        "Bad Request: the method can be used to set thumbnail only for custom emoji sticker sets"
      )
      // Another bot may read the set but not change it, nor its stickers.
      await other.refusal("deleteStickerSet", { name: SET }, 400, "Bad Request: STICKERSET_INVALID")
      const theirs = await wire.result("getStickerSet", { name: "declared_by_other_test_bot" })
      expect(theirs.stickers[0]).toMatchObject({
        type: "mask",
        mask_position: { point: "eyes", x_shift: 0, y_shift: 0.5, scale: 1 }
      })
      await wire.refusal(
        "setStickerMaskPosition",
        { sticker: theirs.stickers[0].file_id },
        400,
        "Bad Request: STICKER_INVALID"
      )
      expect(
        await other.result("setStickerMaskPosition", {
          sticker: (await other.result("getStickerSet", {
            name: "declared_by_other_test_bot"
          })).stickers[0].file_id
        })
      ).toBe(true)
      expect((await wire.result("getStickerSet", { name: "declared_by_other_test_bot" })).stickers[0]).not
        .toHaveProperty("mask_position")
    })

    it("serves custom emoji sets: ids, getCustomEmojiStickers, repainting, the set's thumbnail emoji", async () => {
      const emoji = [{ sticker: "https://example.com/e.webp", emoji_list: ["✨"], format: "static" }]
      expect(
        await wire.result("createNewStickerSet", {
          user_id: ALICE,
          name: "glow_by_seed_invite_bot",
          title: "Glow",
          sticker_type: "custom_emoji",
          needs_repainting: true,
          stickers: [...emoji, ...emoji]
        })
      ).toBe(true)
      const set = await wire.result("getStickerSet", { name: "glow_by_seed_invite_bot" })
      expect(set.sticker_type).toBe("custom_emoji")
      const ids = set.stickers.map((sticker: any) => sticker.custom_emoji_id)
      expect(ids[0]).toMatch(/^[0-9]{19}$/)
      expect(set.stickers[0]).toMatchObject({ width: 100, height: 100, needs_repainting: true })
      const found = await wire.result("getCustomEmojiStickers", { custom_emoji_ids: [ids[1], "1", ids[1], ids[0]] })
      expect(found.map((sticker: any) => sticker.custom_emoji_id)).toEqual([ids[1], ids[0]])
      await wire.refusal(
        "getCustomEmojiStickers",
        {},
        400,
        `Bad Request: parameter "custom_emoji_ids" is required`
      )
      await wire.refusal(
        "getCustomEmojiStickers",
        { custom_emoji_ids: [5] },
        400,
        "Bad Request: custom emoji identifier must be of type String"
      )
      expect(
        await wire.result("setCustomEmojiStickerSetThumbnail", {
          name: "glow_by_seed_invite_bot",
          custom_emoji_id: ids[1]
        })
      ).toBe(true)
      expect(t.mock.snapshot().sticker_sets!.find((s) => s.name === "glow_by_seed_invite_bot")).toMatchObject({
        thumbnail_custom_emoji_id: ids[1]
      })
      await wire.refusal(
        "setStickerSetThumbnail",
        { user_id: ALICE, name: "glow_by_seed_invite_bot" },
        400,
        "Bad Request: the method can't be used to set thumbnail of custom emoji sticker sets"
      )
    })

    it("keeps sets in the world file: a snapshot made into a new world shows the same sets", async () => {
      await makeSet()
      const snapshot = t.mock.snapshot()
      expect(snapshot.sticker_sets!.map((set) => set.name)).toEqual(["Declared_by_other_test_bot", SET])
      t.mock.replaceWorld(snapshot)
      const set = await wire.result("getStickerSet", { name: SET })
      expect(set.stickers.map((s: any) => s.emoji)).toEqual(["🐶", "🐱"])
    })
  })
}
