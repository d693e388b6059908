/**
 * What the sticker suites share: the world (a second bot and a mask set declared in the world file), the set name the
 * default bot may use, and the calls that upload files and make a set of two stickers.
 */
import { DEFAULT_BOT_TOKEN, defaultWorld, type MockTelegram } from "telegram-bot-api-mock"
import { expect } from "vitest"
import type { Transport } from "./conformance.js"
import { type Envelope, wireClient } from "./wireClient.js"

export const ALICE = 42
export const OTHER_BOT_TOKEN = "777000:OtherBotSecretABCDEFGHIJKLMNOP"
export const SET = "pets_by_seed_invite_bot"
export const WEBP = new Uint8Array(300).map((_, i) => (i * 13) % 256)
export const WEBP_2 = new Uint8Array(200).map((_, i) => (i * 7 + 1) % 256)

/** The default world with a second bot and a set declared in the world file. */
export const stickerWorld = (mock: MockTelegram) => {
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

/** Uploads through a transport, and a set of two stickers (one uploaded first, one attached to the call). */
export const stickerCalls = (transport: () => Transport) => {
  const wire = wireClient(transport)
  const upload = async (method: string, fields: Record<string, string | [Blob, string]>) => {
    const form = new FormData()
    for (const [key, value] of Object.entries(fields)) {
      if (Array.isArray(value)) form.append(key, value[0], value[1])
      else form.append(key, value)
    }
    const response = await transport().request(`/bot${DEFAULT_BOT_TOKEN}/${method}`, { method: "POST", body: form })
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
  return { upload, makeSet }
}
