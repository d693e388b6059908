/**
 * Files in the world file (WorldSnapshot `files`, `file_urls`): a snapshot keeps small files with the file_ids bots
 * know them by, so that GET then PUT of the world keeps a bot's file_ids working; a world file may give a bot a
 * file_id of its own (one written in a bot's code); wrong files are refused one line per field; the snapshot stays a
 * body PUT /__mock/world takes.
 */
import { decodeWorld, DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN, defaultWorld, MockTelegram } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { png } from "./mediaFixtures.js"

const ALICE = 42

/** Calls a Bot API method of the default bot in-process; the envelope. */
const call = (mock: MockTelegram, method: string, params: Record<string, unknown>) => {
  const response = mock.handle({
    method: "POST",
    target: `/bot${DEFAULT_BOT_TOKEN}/${method}`,
    contentType: "application/json",
    body: new TextEncoder().encode(JSON.stringify(params))
  })
  if (response._tag !== "Json") throw new Error(`answered ${response._tag}`)
  return JSON.parse(response.body)
}

/** The bytes the download route gives a path. */
const downloaded = (mock: MockTelegram, path: string): Buffer => {
  const response = mock.handle({
    method: "GET",
    target: `/file/bot${DEFAULT_BOT_TOKEN}/${path}`,
    body: new Uint8Array()
  })
  if (response._tag !== "File") throw new Error(`answered ${response._tag}`)
  return Buffer.from(response.body)
}

describe("files in the world file", () => {
  it("keeps a file's id working through a snapshot and a new world made from it", () => {
    const mock = MockTelegram.make()
    const picture = png(40, 30)
    const photo = mock.sendFile(ALICE, { kind: "photo", file: picture }).photo![0]!
    const snapshot = mock.snapshot()
    expect(snapshot.files).toHaveLength(1)
    expect(snapshot.files![0]).toMatchObject({ type: "photo", file_unique_id: photo.file_unique_id })
    expect(snapshot.files![0]!.file_ids).toEqual([{ bot_id: DEFAULT_BOT_ID, file_id: photo.file_id }])
    const again = MockTelegram.make({ world: JSON.parse(JSON.stringify(snapshot)) })
    const sent = call(again, "sendPhoto", { chat_id: ALICE, photo: photo.file_id })
    expect(sent.ok, sent.description).toBe(true)
    expect(sent.result.photo[0]).toMatchObject({ file_id: photo.file_id, file_unique_id: photo.file_unique_id })
    const file = call(again, "getFile", { file_id: photo.file_id }).result
    expect(downloaded(again, file.file_path).equals(picture)).toBe(true)
  })

  it("gives a bot a file_id written in its code (any TDLib-shaped id), refusing other bots", () => {
    const sticker = "CAACAgIAAxkBAAEBbXlnZWJzdGlja2VyX2lkX3dyaXR0ZW5faW5fY29kZQQ"
    expect(Buffer.from(sticker, "base64url").at(-1)).toBe(4)
    const world = {
      ...structuredClone(defaultWorld),
      files: [{
        type: "sticker" as const,
        content_base64: Buffer.from(png(512, 512)).toString("base64"),
        file_ids: [{ bot_id: DEFAULT_BOT_ID, file_id: sticker }]
      }]
    }
    const mock = MockTelegram.make({ world })
    const sent = call(mock, "sendSticker", { chat_id: ALICE, sticker })
    expect(sent.ok, sent.description).toBe(true)
    expect(sent.result.sticker).toMatchObject({ file_id: sticker, width: 512, height: 512 })
  })

  it("refuses wrong files one line per field", () => {
    const world = {
      ...structuredClone(defaultWorld),
      files: [
        { type: "hologram", content_base64: "AAAA" },
        { type: "photo", content_base64: "!!", file_ids: [{ bot_id: 42, file_id: "abc.def" }] },
        { type: "document", content_base64: "AAAA", file_ids: [{ bot_id: 42, file_id: "BQAC" }] }
      ],
      file_urls: "sometimes"
    }
    const decoded = decodeWorld(world)
    expect(decoded.ok).toBe(false)
    if (decoded.ok) return
    expect(decoded.problems).toEqual([
      expect.stringMatching(/^files\.0\.type: Expected "thumbnail" \| /),
      `files.1.content_base64: Expected base64 text, actual "!!"`,
      `files.1.file_ids.0.file_id: Expected a file_id (base64url ending in TDLib's byte 0x04), actual "abc.def"`,
      `files.2.file_ids.0.file_id: Expected a file_id (base64url ending in TDLib's byte 0x04), actual "BQAC"`,
      `file_urls: Expected "stand_in" | "refuse", actual "sometimes"`
    ])
    const stranger = {
      ...structuredClone(defaultWorld),
      files: [{ type: "document", content_base64: "AAAA", file_ids: [{ bot_id: 42, file_id: "BQACBA" }] }]
    }
    const refused = decodeWorld(stranger)
    expect(refused.ok ? [] : refused.problems).toEqual(["files.0.file_ids.0.bot_id: 42 is not a bot of this world"])
  })

  it("holds the newest files of at most 64 KiB, 512 KiB in all, so that PUT /__mock/world takes the snapshot", () => {
    const mock = MockTelegram.make()
    const large = new Uint8Array(64 * 1024 + 1).fill(7)
    mock.sendFile(ALICE, { kind: "document", file: large, file_name: "large.bin" })
    for (let i = 0; i < 12; i++) {
      mock.sendFile(ALICE, { kind: "document", file: new Uint8Array(60 * 1024).fill(i), file_name: `f${i}.bin` })
    }
    const files = mock.snapshot().files!
    expect(files.map((file) => file.file_name)).toEqual([
      "f4.bin",
      "f5.bin",
      "f6.bin",
      "f7.bin",
      "f8.bin",
      "f9.bin",
      "f10.bin",
      "f11.bin"
    ])
    const body = JSON.stringify(mock.snapshot())
    expect(body.length).toBeLessThan(1 << 20)
    const put = mock.handle({
      method: "PUT",
      target: "/__mock/world",
      contentType: "application/json",
      body: new TextEncoder().encode(body)
    })
    expect(put._tag === "Json" && put.status).toBe(200)
  })
})

describe("a refused send stores no file", () => {
  const PHOTO_URL = "https://example.com/cat.jpg"

  it("forgets the stand-in of a URL when Telegram refuses the chat (Bob never started the bot)", () => {
    const mock = MockTelegram.make()
    const before = JSON.stringify(mock.snapshot())
    expect(call(mock, "sendPhoto", { chat_id: 43, photo: PHOTO_URL })).toMatchObject({
      ok: false,
      error_code: 403,
      description: "Forbidden: bot can't initiate conversation with a user"
    })
    expect(
      call(mock, "sendMediaGroup", {
        chat_id: 43,
        media: [{ type: "photo", media: PHOTO_URL }, { type: "photo", media: `${PHOTO_URL}?2` }]
      })
    ).toMatchObject({ ok: false, error_code: 403 })
    expect(JSON.stringify(mock.snapshot())).toBe(before)
    // The same send to Alice stores the stand-in: what the refusals above did not keep.
    expect(call(mock, "sendPhoto", { chat_id: ALICE, photo: PHOTO_URL })).toMatchObject({ ok: true })
    expect(mock.snapshot().files?.length).toBe((JSON.parse(before).files?.length ?? 0) + 1)
  })
})
