/**
 * People's media on every transport, over the control API: a person sends a file (base64 in JSON, or a multipart
 * form with the file as a part, larger than any JSON body may be), a location or venue, a contact, a dice; the bot
 * gets the message update and downloads the file byte for byte with getFile. Refusals name the field and change
 * nothing.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { BINARY, download, png } from "./mediaFixtures.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const SUPERGROUP = -1001234567890

export const peopleMediaConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock control API conformance, people's media (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, result } = wireClient(() => t)
    const updates = async () => (await result("getUpdates", { timeout: 0 })) as Array<any>
    /** The message of the bot's last update, and the bytes getFile and the download route give for a file_id. */
    const lastMessage = async () => (await updates()).at(-1)!.message
    const bytesOf = async (fileId: string) => download(t, (await result("getFile", { file_id: fileId })).file_path)

    it("a file sent as base64 JSON reaches the bot, and comes back byte for byte", async () => {
      const sent = await control("POST", `users/${ALICE}/send_file`, {
        kind: "document",
        file: Buffer.from(BINARY).toString("base64"),
        file_name: "data.bin",
        caption: " /report "
      })
      expect(sent.status, JSON.stringify(sent.body)).toBe(200)
      const message = await lastMessage()
      expect(message).toMatchObject({
        from: { id: ALICE },
        caption: "/report",
        document: { file_name: "data.bin", file_size: 512 }
      })
      expect(message.caption_entities).toEqual([{ offset: 0, length: 7, type: "bot_command" }])
      expect((await bytesOf(message.document.file_id)).equals(BINARY)).toBe(true)
    })

    it("a file sent as a multipart form (over 1 MiB) comes back byte for byte; a JSON body that size is refused", async () => {
      const big = new Uint8Array(2 * 1024 * 1024 + 3).map((_, i) => (i * 13) % 251)
      const form = new FormData()
      form.append("kind", "voice")
      form.append("duration", "9")
      form.append("file", new Blob([big], { type: "audio/ogg" }), "note.ogg")
      const response = await t.request(`/__mock/users/${ALICE}/send_file`, { method: "POST", body: form })
      const body = await response.json() as any
      expect(response.status, JSON.stringify(body)).toBe(200)
      expect(body.result.voice).toMatchObject({ duration: 9, mime_type: "audio/ogg", file_size: big.length })
      const message = await lastMessage()
      // Buffer.equals: a deep toEqual over 2 MiB takes seconds.
      expect((await bytesOf(message.voice.file_id)).equals(Buffer.from(big))).toBe(true)
      const json = await t.request(`/__mock/users/${ALICE}/send_file`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "voice", file: Buffer.from(big).toString("base64") })
      })
      expect(json.status).toBe(413)
    })

    it("a photo's size comes from its header; in a group the bot that hears it gets its own file_id", async () => {
      t.mock.join(ALICE, { invite_link: "https://t.me/+OwnerSuperGrp01" })
      const picture = png(1024, 768)
      const sent = await control("POST", `users/${ALICE}/send_file`, {
        kind: "photo",
        file: Buffer.from(picture).toString("base64"),
        chat_id: SUPERGROUP
      })
      expect(sent.body.result.photo[0]).toMatchObject({ width: 1024, height: 768 })
      const message = await lastMessage()
      expect(message.chat.id).toBe(SUPERGROUP)
      expect((await bytesOf(message.photo[0].file_id)).equals(picture)).toBe(true)
    })

    it("refuses what a person can't send, one line per wrong field, changing nothing", async () => {
      const refused = async (body: unknown, lines: Array<string>, user = ALICE) => {
        const answer = await control("POST", `users/${user}/send_file`, body)
        expect(answer.status).toBe(400)
        expect(answer.body.description).toBe(lines.join("\n"))
      }
      await refused({ kind: "hologram", file: "AAAA" }, [
        `kind: Expected "photo" | "document" | "voice" | "audio" | "video" | "animation" | "video_note" | "sticker", actual "hologram"`
      ])
      await refused({ kind: "document", file: "not base64!" }, [
        `file: Expected base64 text (or bytes), actual "not base64!"`
      ])
      await refused({ kind: "document", file: "" }, ["file: must be non-empty"])
      await refused({ kind: "document", file: "AAAA", caption: "x".repeat(1025) }, [
        "caption: message caption is too long"
      ])
      await refused({ kind: "document", file: "AAAA", chat_id: SUPERGROUP }, [
        `chat_id: user ${ALICE} is not in chat ${SUPERGROUP}`
      ])
      await refused({ kind: "document", file: "AAAA" }, ["user_id: unknown user 999"], 999)
      t.mock.join(ALICE, { invite_link: "https://t.me/+OwnerSuperGrp01" })
      t.mock.setMember(SUPERGROUP, ALICE, { status: "restricted", can_send_messages: true })
      await refused({ kind: "photo", file: Buffer.from(png(2, 2)).toString("base64"), chat_id: SUPERGROUP }, [
        `chat_id: user ${ALICE} may not send photos in chat ${SUPERGROUP}`
      ])
      expect(t.mock.messages(ALICE)).toEqual([])
    })

    it("a location (live on the mock's clock), a venue, a contact and a dice reach the bot", async () => {
      const live = await control("POST", `users/${ALICE}/send_location`, {
        latitude: 52.52,
        longitude: 13.405,
        live_period: 60
      })
      expect(live.body.result.location).toEqual({ latitude: 52.52, longitude: 13.405, live_period: 60 })
      t.clock.advance(61_000)
      expect(t.mock.messages(ALICE)[0]!.location).toEqual({ latitude: 52.52, longitude: 13.405 })
      const venue = await control("POST", `users/${ALICE}/send_location`, {
        latitude: 1,
        longitude: 2,
        title: "Cafe",
        address: "Main St"
      })
      expect(venue.body.result.venue).toMatchObject({ title: "Cafe", address: "Main St" })
      const contact = await control("POST", `users/${ALICE}/send_contact`, {
        phone_number: "+15550100",
        first_name: "Bob",
        user_id: 43
      })
      expect(contact.body.result.contact).toEqual({ phone_number: "+15550100", first_name: "Bob", user_id: 43 })
      const dice = await control("POST", `users/${ALICE}/send_dice`, { emoji: "🎯", value: 6 })
      expect(dice.body.result.dice).toEqual({ emoji: "🎯", value: 6 })
      const kinds = (await updates()).map((update) => Object.keys(update.message).at(-1))
      expect(kinds).toEqual(["location", "venue", "contact", "dice"])
      expect((await control("POST", `users/${ALICE}/send_dice`, { emoji: "🏀", value: 6 })).body.description).toBe(
        "value: 🏀 shows 1 to 5, not 6"
      )
      expect((await control("POST", `users/${ALICE}/send_location`, { latitude: 91, longitude: 0 })).body.description)
        .toBe("latitude: Expected a latitude from -90 to 90, actual 91")
      expect(
        (await control("POST", `users/${ALICE}/send_location`, { latitude: 1, longitude: 0, title: "T" })).body
          .description
      )
        .toBe("address: a venue needs a title and an address")
    })
  })
}
