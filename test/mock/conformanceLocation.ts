/**
 * Locations, venues, contacts, dice and chat actions on every transport (telegram-wire-messages.md §M5.10–§M5.13,
 * §M5.18, §M7, §M8.3): the Bot API's and TDLib's refusals with their exact texts, coordinates as the real server
 * writes doubles, live locations on the mock's clock (editable while they run, stoppable once), dice values a test
 * can assert (queued, or the world's repeatable sequence), and chat actions and drafts recorded for tests.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const ALICE = 42
const BOT = 123456
const CHANNEL = -1001000000001
const SUPERGROUP = -1001234567890

export const locationConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, locations, contacts, dice and chat actions (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, call, control, refusal, result } = wireClient(() => t)
    const refuse = (method: string, params: Record<string, unknown>, description: string, code = 400) =>
      refusal(
        method,
        { chat_id: ALICE, ...params },
        code,
        `${code === 400 ? "Bad Request" : "Forbidden"}: ${description}`
      )

    it("reads latitude then longitude (trimmed), then TDLib checks the point and the live fields", async () => {
      await refusal("sendLocation", {}, 400, "Bad Request: latitude is empty")
      await refusal("sendLocation", { latitude: " " }, 400, "Bad Request: latitude is empty")
      await refusal("sendLocation", { latitude: 1 }, 400, "Bad Request: longitude is empty")
      await refusal("sendLocation", { latitude: 1, longitude: 2 }, 400, "Bad Request: chat_id is empty")
      await refuse("sendLocation", { latitude: 91, longitude: 0 }, "wrong location specified")
      await refuse("sendLocation", { latitude: 0, longitude: "-180.5" }, "wrong location specified")
      await refuse(
        "sendLocation",
        { latitude: 0, longitude: 0, live_period: 59 },
        "wrong live location period specified"
      )
      await refuse(
        "sendLocation",
        { latitude: 0, longitude: 0, live_period: 60, heading: 361 },
        "wrong live location heading specified"
      )
      await refuse(
        "sendLocation",
        { latitude: 0, longitude: 0, proximity_alert_radius: 100001 },
        "wrong live location proximity alert radius specified"
      )
      await refuse(
        "sendVenue",
        { latitude: 0, longitude: 200, title: "T", address: "A" },
        "wrong venue location specified"
      )
    })

    it("writes coordinates as the real server writes doubles, junk as 0, the accuracy clamped to 1500", async () => {
      const { text } = await call(`/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/sendLocation`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: ALICE, latitude: "51.5abc", longitude: "x", horizontal_accuracy: 9999 })
      })
      expect(text).toContain(`"location":{"latitude":51.500000,"longitude":0.000000,"horizontal_accuracy":1500.000000}`)
    })

    it("shows a live location's keys while it runs, and edits it until its period ends on the mock's clock", async () => {
      const sent = await result("sendLocation", {
        chat_id: ALICE,
        latitude: 10,
        longitude: 20,
        live_period: 120,
        heading: 90,
        proximity_alert_radius: 50
      })
      expect(Object.keys(sent.location)).toEqual([
        "latitude",
        "longitude",
        "live_period",
        "heading",
        "proximity_alert_radius"
      ])
      const id = sent.message_id
      const moved = await result("editMessageLiveLocation", {
        chat_id: ALICE,
        message_id: id,
        latitude: 11,
        longitude: 21
      })
      expect(moved.location).toMatchObject({ latitude: 11, longitude: 21, heading: 90, live_period: 120 })
      expect(moved.edit_date).toBeGreaterThanOrEqual(sent.date)
      expect(moved.location.proximity_alert_radius).toBeUndefined()
      await refuse(
        "editMessageLiveLocation",
        { message_id: id, latitude: 11, longitude: 21 },
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
      )
      await refuse(
        "editMessageLiveLocation",
        { message_id: id, latitude: 95, longitude: 21 },
        "invalid location specified"
      )
      t.clock.advance(121_000)
      expect(t.mock.messages(ALICE)[0]!.location).toEqual({ latitude: 11, longitude: 21 })
      await refuse(
        "editMessageLiveLocation",
        { message_id: id, latitude: 12, longitude: 22 },
        "message can't be edited"
      )
      await refuse("stopMessageLiveLocation", { message_id: id }, "message can't be edited")
    })

    it("stops a live location once; a static location or another message has none to edit", async () => {
      const live = await result("sendLocation", { chat_id: ALICE, latitude: 1, longitude: 2, live_period: 2147483647 })
      t.clock.advance(10 * 86_400_000)
      const stopped = await result("stopMessageLiveLocation", { chat_id: ALICE, message_id: live.message_id })
      expect(stopped.location).toEqual({ latitude: 1, longitude: 2 })
      await refuse("stopMessageLiveLocation", { message_id: live.message_id }, "message can't be edited")
      const still = await result("sendLocation", { chat_id: ALICE, latitude: 1, longitude: 2 })
      await refuse(
        "editMessageLiveLocation",
        { message_id: still.message_id, latitude: 1, longitude: 3 },
        "message can't be edited"
      )
      const textMessage = await result("sendMessage", { chat_id: ALICE, text: "hi" })
      await refuse(
        "editMessageLiveLocation",
        { message_id: textMessage.message_id, latitude: 1, longitude: 3 },
        "there is no live location in the message to edit"
      )
      await refuse(
        "editMessageLiveLocation",
        { message_id: 999, latitude: 1, longitude: 3 },
        "message to edit not found"
      )
      await refusal("stopMessageLiveLocation", {}, 400, "Bad Request: message identifier is not specified")
    })

    it("sends a venue (a top-level location first) and a contact", async () => {
      const venue = await result("sendVenue", {
        chat_id: ALICE,
        latitude: 48.8584,
        longitude: 2.2945,
        title: "Tour Eiffel",
        address: "Champ de Mars",
        foursquare_id: "4adcda",
        google_place_id: "ignored"
      })
      expect(Object.keys(venue).slice(-2)).toEqual(["location", "venue"])
      expect(Object.keys(venue.venue)).toEqual(["location", "title", "address", "foursquare_id"])
      const google = await result("sendVenue", {
        chat_id: ALICE,
        latitude: 1,
        longitude: 1,
        title: "T",
        address: "A",
        google_place_type: "cafe"
      })
      expect(google.venue.google_place_type).toBe("cafe")
      await refuse("sendContact", {}, `parameter "phone_number" is required`)
      await refuse("sendContact", { phone_number: "+1" }, `parameter "first_name" is required`)
      const contact = await result("sendContact", {
        chat_id: ALICE,
        phone_number: "+15550100",
        first_name: "Zoe",
        vcard: "BEGIN:VCARD"
      })
      expect(contact.contact).toEqual({ phone_number: "+15550100", first_name: "Zoe", vcard: "BEGIN:VCARD" })
    })

    it("throws dice a test can assert: queued values first, then the world's repeatable sequence", async () => {
      expect((await control("POST", "dice", { values: [6, 7, 3] })).status).toBe(200)
      expect((await result("sendDice", { chat_id: ALICE })).dice).toEqual({ emoji: "🎲", value: 6 })
      expect((await result("sendDice", { chat_id: ALICE, emoji: "🏀" })).dice).toEqual({ emoji: "🏀", value: 2 })
      expect((await result("sendDice", { chat_id: ALICE, emoji: "⚽️" })).dice).toEqual({ emoji: "⚽", value: 3 })
      await refuse("sendDice", { emoji: "🍕" }, "EMOTICON_INVALID")
      const sequence = async () => {
        t.mock.reset()
        const values: Array<number> = []
        for (let i = 0; i < 6; i++) values.push((await result("sendDice", { chat_id: ALICE, emoji: "🎰" })).dice.value)
        return values
      }
      const first = await sequence()
      expect(first.every((value) => value >= 1 && value <= 64)).toBe(true)
      expect(new Set(first).size).toBeGreaterThan(1)
      expect(await sequence()).toEqual(first)
      expect((await control("POST", "dice", { values: [65] })).status).toBe(400)
    })

    it("records chat actions and drafts (the action checked before the chat), answering true", async () => {
      await refusal("sendChatAction", { action: "dance" }, 400, "Bad Request: wrong parameter action in request")
      await refusal("sendChatAction", { chat_id: ALICE }, 400, "Bad Request: wrong parameter action in request")
      await refusal("sendChatAction", { action: "typing" }, 400, "Bad Request: chat_id is empty")
      expect(await result("sendChatAction", { chat_id: ALICE, action: "Upload_Photo" })).toBe(true)
      expect(await result("sendChatAction", { chat_id: SUPERGROUP, action: "record_audio", message_thread_id: 5 }))
        .toBe(true)
      expect(
        await result("sendMessageDraft", { chat_id: ALICE, draft_id: 7, text: " <b>Thinking</b> ", parse_mode: "HTML" })
      )
        .toBe(true)
      await refusal(
        "sendMessageDraft",
        { chat_id: ALICE, text: "<b>", parse_mode: "HTML" },
        400,
        `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`
      )
      const recorded = (await control("GET", "chat_actions")).body.result
      expect(recorded.map(({ at: _at, ...rest }: { at: number }) => rest)).toEqual([
        { bot_id: BOT, chat_id: ALICE, action: "upload_photo" },
        { bot_id: BOT, chat_id: SUPERGROUP, action: "record_voice", message_thread_id: 5 },
        { bot_id: BOT, chat_id: ALICE, action: "draft", draft_id: "7", text: "Thinking" }
      ])
      expect(t.mock.chatActions()).toEqual(recorded)
      t.mock.setMember(CHANNEL, BOT, { status: "member" })
      expect((await api("sendChatAction", { chat_id: CHANNEL, action: "typing" })).body.description).toBe(
        "Bad Request: have no write access to the chat"
      )
      t.mock.block(ALICE)
      await refuse("sendChatAction", { action: "typing" }, "bot was blocked by the user", 403)
    })
  })
}
