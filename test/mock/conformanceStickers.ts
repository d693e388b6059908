/**
 * Sticker sets on every transport (telegram-wire-chats.md §21 Stickers): a set made from an uploaded sticker file and
 * an attached one, what getStickerSet shows after each change (stickers added, moved, replaced, removed, their emoji,
 * the title, the thumbnail), custom emoji sets and getCustomEmojiStickers, world-file sets and snapshots.
 */
import { defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { ALICE, OTHER_BOT_TOKEN, SET, stickerCalls, stickerWorld, WEBP_2 } from "./stickerFixtures.js"
import { wireClient } from "./wireClient.js"

export const stickerConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, stickers (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    const other = wireClient(() => t, OTHER_BOT_TOKEN)
    const { upload, makeSet } = stickerCalls(() => t)
    beforeEach(() => {
      t = setup()
      stickerWorld(t.mock)
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

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
