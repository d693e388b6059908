/**
 * The sticker methods' refusals on every transport (telegram-wire-chats.md §21 Stickers): the parameters read in the
 * real server's order with its texts, TDLib's file rules, Telegram's set rules, and another bot's sets and stickers.
 */
import { defaultWorld } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { ALICE, OTHER_BOT_TOKEN, SET, stickerCalls, stickerWorld } from "./stickerFixtures.js"
import { wireClient } from "./wireClient.js"

export const stickerRefusalConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, sticker refusals (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    const other = wireClient(() => t, OTHER_BOT_TOKEN)
    const { makeSet } = stickerCalls(() => t)
    beforeEach(() => {
      t = setup()
      stickerWorld(t.mock)
    })
    afterAll(() => t.mock.replaceWorld(defaultWorld))

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
  })
}
