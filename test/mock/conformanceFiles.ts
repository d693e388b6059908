/**
 * Files on every transport (telegram-wire-messages.md §M4, §M5.3): uploads by multipart (a part of the parameter's
 * name, or `attach://`), file_ids that work for their bot only and keep their file_unique_id, URLs (accepted, never
 * fetched), TDLib's refusals with their exact texts, getFile's path, and the download route giving the bytes back.
 */
import { DEFAULT_BOT_TOKEN, defaultWorld, type MockTelegram } from "telegram-bot-api-mock"
import { afterAll, beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { type Envelope, wireClient } from "./wireClient.js"

const ALICE = 42
const OTHER_BOT_TOKEN = "777000:OtherBotSecretABCDEFGHIJKLMNOP"

/** Every byte value, twice: a binary file that text decoding would damage. */
const BINARY = new Uint8Array(512).map((_, i) => i % 256)

/** The default world with a second bot, so that one bot's file_id can be tried by another. */
const withSecondBot = (mock: MockTelegram) => {
  const world = structuredClone(defaultWorld) as any
  world.users.push({ id: 777000, is_bot: true, first_name: "Other Bot", username: "other_test_bot" })
  world.bots.push({ token: OTHER_BOT_TOKEN, user_id: 777000 })
  mock.replaceWorld(world)
}

export const fileConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, files (${name})`, () => {
    let t: Transport
    const wire = wireClient(() => t)
    const other = wireClient(() => t, OTHER_BOT_TOKEN)
    beforeEach(() => {
      t = setup()
      withSecondBot(t.mock)
    })
    // The suites after this one expect the default world back.
    afterAll(() => t.mock.replaceWorld(defaultWorld))

    /** A multipart request to a method, as a bot. */
    const upload = async (
      method: string,
      fields: Record<string, string | Blob | [Blob, string]>,
      token = DEFAULT_BOT_TOKEN
    ) => {
      const form = new FormData()
      for (const [key, value] of Object.entries(fields)) {
        if (Array.isArray(value)) form.append(key, value[0], value[1])
        else form.append(key, value)
      }
      const response = await t.request(`/bot${token}/${method}`, { method: "POST", body: form })
      const body = (await response.json()) as Envelope
      expect(response.status).toBe(body.ok ? 200 : body.error_code)
      return body
    }
    const download = (path: string, token = DEFAULT_BOT_TOKEN) => t.request(`/file/bot${token}/${path}`)

    it("an uploaded document comes back byte for byte through getFile and the download route", async () => {
      const sent = await upload("sendDocument", {
        chat_id: String(ALICE),
        document: [new Blob([BINARY], { type: "application/x-thing" }), "report.bin"],
        caption: "  the report  "
      })
      expect(sent.ok).toBe(true)
      const document = sent.result.document
      expect(Object.keys(document)).toEqual(["file_name", "mime_type", "file_id", "file_unique_id", "file_size"])
      expect(document).toMatchObject({ file_name: "report.bin", mime_type: "application/x-thing", file_size: 512 })
      expect(document.file_id).toMatch(/^BQAC[A-Za-z0-9_-]+$/)
      expect(sent.result.caption).toBe("the report")
      const file = await wire.result("getFile", { file_id: document.file_id })
      expect(file).toEqual({
        ...file,
        file_id: document.file_id,
        file_unique_id: document.file_unique_id,
        file_size: 512
      })
      expect(file.file_path).toBe("documents/file_0.bin")
      const bytes = await download(file.file_path)
      expect(bytes.status).toBe(200)
      expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(BINARY)
      // A percent-encoded path is decoded whole, the token's `:` included (python-telegram-bot 13 quotes it).
      const quoted = await download(encodeURIComponent("documents/file_0.bin"), encodeURIComponent(DEFAULT_BOT_TOKEN))
      expect(new Uint8Array(await quoted.arrayBuffer())).toEqual(BINARY)
      // The same path again; another file gets the next number.
      expect((await wire.result("getFile", { file_id: document.file_id })).file_path).toBe("documents/file_0.bin")
    })

    it("an upload may be a part named by attach://, and a file over 1 MiB is fine", async () => {
      const big = new Uint8Array(2 * 1024 * 1024 + 3).map((_, i) => (i * 7) % 251)
      const sent = await upload("sendDocument", {
        chat_id: String(ALICE),
        document: "attach://payload",
        payload: [new Blob([big]), "big.dat"]
      })
      expect(sent.result.document.file_size).toBe(big.length)
      const file = await wire.result("getFile", { file_id: sent.result.document.file_id })
      // Buffer.equals: a deep toEqual over 2 MiB takes seconds (and idles the keep-alive socket past its timeout).
      expect(Buffer.from(await (await download(file.file_path)).arrayBuffer()).equals(big)).toBe(true)
    })

    it("a file_id works again for its bot (same file_unique_id), and not for another bot", async () => {
      const sent = await upload("sendDocument", { chat_id: String(ALICE), document: [new Blob([BINARY]), "a.bin"] })
      const { file_id, file_unique_id } = sent.result.document
      const again = await wire.result("sendDocument", { chat_id: ALICE, document: file_id })
      expect(again.document).toMatchObject({ file_id, file_unique_id })
      await other.refusal(
        "sendDocument",
        { chat_id: ALICE, document: file_id },
        400,
        "Bad Request: wrong file identifier/HTTP URL specified"
      )
      await other.refusal(
        "getFile",
        { file_id },
        400,
        "Bad Request: wrong file_id or the file is temporarily unavailable"
      )
      expect((await download("documents/file_0.bin", OTHER_BOT_TOKEN)).status).toBe(404)
    })

    it("refuses what TDLib refuses, with its texts", async () => {
      await wire.refusal("sendDocument", { chat_id: ALICE }, 400, "Bad Request: there is no document in the request")
      await wire.refusal(
        "sendDocument",
        { chat_id: ALICE, document: "attach://nothing" },
        400,
        "Bad Request: there is no document in the request"
      )
      await wire.refusal(
        "sendDocument",
        { chat_id: ALICE, document: "abc$" },
        400,
        "Bad Request: wrong remote file identifier specified: Wrong character in the string"
      )
      await wire.refusal(
        "sendDocument",
        { chat_id: ALICE, document: "abcde" },
        400,
        "Bad Request: wrong remote file identifier specified: Wrong string length"
      )
      await wire.refusal(
        "sendDocument",
        { chat_id: ALICE, document: "AAAA" },
        400,
        "Bad Request: wrong remote file identifier specified: can't unserialize it. Wrong last symbol"
      )
      await wire.refusal(
        "sendDocument",
        { chat_id: ALICE, document: "http://exa mple.com/a.pdf" },
        400,
        expect.stringMatching(/^Bad Request: invalid file HTTP URL specified: /) as unknown as string
      )
      expect(
        (await upload("sendDocument", { chat_id: String(ALICE), document: [new Blob([]), "empty.txt"] }))
          .description
      ).toBe("Bad Request: file must be non-empty")
      expect(
        (await upload("sendDocument", {
          chat_id: String(ALICE),
          document: [new Blob([BINARY]), "a.bin"],
          caption: "x".repeat(1025)
        })).description
      ).toBe("Bad Request: message caption is too long")
      // Nothing of that was sent.
      expect(t.mock.messages(ALICE)).toEqual([])
    })

    it("takes a URL without fetching it (its stand-in holds the URL's text)", async () => {
      const sent = await wire.result("sendDocument", {
        chat_id: ALICE,
        document: "https://example.com/files/terms.pdf"
      })
      expect(sent.document.file_name).toBe("terms.pdf")
      const file = await wire.result("getFile", { file_id: sent.document.file_id })
      expect(await (await download(file.file_path)).text()).toBe("https://example.com/files/terms.pdf")
    })

    it("getFile refuses a missing or malformed file_id; the download route answers 404 for anything else", async () => {
      await wire.refusal("getFile", {}, 400, "Bad Request: file_id not specified")
      for (const id of ["not a file id", "example.com/x", "AAAA", "abcde"]) {
        await wire.refusal("getFile", { file_id: id }, 400, "Bad Request: invalid file_id")
      }
      for (const path of ["documents/file_9.bin", "../world", ""]) expect((await download(path)).status).toBe(404)
      expect((await t.request(`/file/bot123:nope/documents/file_0.bin`)).status).toBe(404)
    })

    it("counts only parameters against 1 MiB: a text parameter over it is a bare 413", async () => {
      const form = new FormData()
      form.append("chat_id", String(ALICE))
      form.append("caption", "x".repeat(1024 * 1024 + 1))
      form.append("document", new Blob([BINARY]), "a.bin")
      const response = await t.request(`/bot${DEFAULT_BOT_TOKEN}/sendDocument`, { method: "POST", body: form })
      expect(response.status).toBe(413)
    })
  })
}
