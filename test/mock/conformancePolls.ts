/**
 * Conformance of polls (telegram-wire-messages.md §M5.14, §M7, §M10.3-4) on every transport: sendPoll's readers in the
 * real order with the exact strings, TDLib's checks and rights, the Poll's key order, stopPoll, and a poll closing on
 * the mock's clock (people's votes: conformanceVotes.ts).
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BOT = 123456
const ALICE = 42
const POLL_UPDATES = ["poll", "poll_answer", "message"]

export const pollConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, polls (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, control, refusal, result } = wireClient(() => t)
    const poll = (params: Record<string, unknown>) =>
      result("sendPoll", { chat_id: ALICE, question: "Tea?", options: ["yes", "no"], ...params })
    const pollRefusal = (params: Record<string, unknown>, description: string) =>
      refusal("sendPoll", { chat_id: ALICE, question: "Tea?", options: ["yes", "no"], ...params }, 400, description)
    const vote = (body: Record<string, unknown>, userId = ALICE) => control("POST", `users/${userId}/vote`, body)
    const updates = async () => {
      const list = (await result("getUpdates", { allowed_updates: POLL_UPDATES })) as Array<any>
      if (list.length > 0) await result("getUpdates", { offset: list.at(-1).update_id + 1 })
      return list
    }

    describe("sendPoll: the Bot API's readers, in order", () => {
      it("reads the options before the chat, and the question before the options", async () => {
        await refusal("sendPoll", {}, 400, "Bad Request: can't parse options JSON object")
        await refusal("sendPoll", { options: ["a"] }, 400, "Bad Request: chat_id is empty")
        await refusal(
          "sendPoll",
          { question: "<b>", question_parse_mode: "HTML", options: "junk" },
          400,
          `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`
        )
      })

      it.each([
        [{ options: "junk" }, "can't parse options JSON object"],
        [{ options: { a: 1 } }, "expected an Array of String as options"],
        [{ options: [1] }, "expected an option to be of type String"],
        [{ options: [{}] }, `can't find field "text"`],
        [{ options: [{ text: "a", text_parse_mode: "rtf" }] }, "unsupported parse_mode"],
        [{ options: [{ text: "a", media: 5 }] }, "failed to parse poll option media: expected an Object"],
        [
          { options: [{ text: "a", media: { type: "gif" } }] },
          "failed to parse poll option media: invalid type specified"
        ],
        [
          { options: [{ text: "a", media: { type: "audio" } }] },
          "failed to parse poll option media: invalid type specified"
        ],
        [{ description: "x", description_parse_mode: "rtf" }, "unsupported parse_mode"],
        [{ type: "Quiz" }, "unsupported poll type specified"],
        [{ type: "quiz", correct_option_ids: "junk" }, "can't parse correct option identifiers JSON object"],
        [{ type: "quiz", correct_option_ids: { a: 1 } }, "expected an Array of correct option identifiers"],
        [{ type: "quiz", correct_option_ids: ["1"] }, "correct option identifier must be of type Number"],
        [{ type: "quiz", correct_option_ids: [1.5] }, "invalid correct option identifier specified"],
        [{ type: "quiz", explanation_media: "{" }, "can't parse InputPollMedia JSON object"],
        [{ country_codes: "junk" }, "can't parse country_codes JSON object"],
        [{ country_codes: Array(13).fill("DE") }, "too many items specified"],
        [{ media: { type: "location", longitude: 1 } }, `failed to parse InputPollMedia: Can't find field "latitude"`],
        [
          { media: { type: "location", latitude: "1", longitude: 1 } },
          `failed to parse InputPollMedia: Field "latitude" must be of type Number`
        ],
        [
          { media: { type: "venue", latitude: 1, longitude: 1 } },
          `failed to parse InputPollMedia: Can't find field "title"`
        ]
      ])("refuses %j: %s", async (params, description) => {
        await pollRefusal(params, `Bad Request: ${description}`)
      })

      it("then TDLib's checks of the poll, in its order", async () => {
        await pollRefusal({ description: "d".repeat(1025), question: "" }, "Bad Request: message caption is too long")
        await pollRefusal({ question: " ", options: [] }, "Bad Request: text must be non-empty")
        await pollRefusal({ question: "q".repeat(301) }, "Bad Request: poll question length must not exceed 300")
        await pollRefusal(
          { media: { type: "location", latitude: 91, longitude: 0 }, options: [] },
          "Bad Request: wrong location specified"
        )
        await pollRefusal(
          { media: { type: "venue", latitude: 0, longitude: 181, title: "t", address: "a" } },
          "Bad Request: wrong venue location specified"
        )
        await pollRefusal({ options: [] }, "Bad Request: poll must have at least one answer option")
        await pollRefusal({ options: Array(13).fill("o") }, "Bad Request: poll can't have more than 12 options")
        await pollRefusal({ options: ["a", " "] }, "Bad Request: text must be non-empty")
        await pollRefusal({ options: ["o".repeat(101)] }, "Bad Request: poll options length must not exceed 100")
        await pollRefusal({ type: "quiz" }, "Bad Request: correct quiz option list must be non-empty")
        await pollRefusal(
          { type: "quiz", correct_option_ids: [1, 0] },
          "Bad Request: correct quiz option list must be increasing"
        )
        await pollRefusal({ type: "quiz", correct_option_ids: [2] }, "Bad Request: wrong quiz correct_option_id")
        await pollRefusal({ type: "quiz", correct_option_id: "" }, "Bad Request: wrong quiz correct_option_id")
        await pollRefusal({ country_codes: ["de"] }, "Bad Request: invalid country code specified")
        await pollRefusal({ members_only: true }, "Bad Request: poll voters can be restricted only in channel chats")
      })

      it("needs the right to send polls; a channel takes anonymous polls only", async () => {
        await refusal(
          "sendPoll",
          { chat_id: CHANNEL, question: "Q", options: ["a"], is_anonymous: false },
          400,
          "Bad Request: non-anonymous polls can't be sent to channel chats"
        )
        expect((await result("sendPoll", { chat_id: CHANNEL, question: "Q", options: ["a"], members_only: true })).poll)
          .toMatchObject({ members_only: true, is_anonymous: true })
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "restricted", can_send_messages: true })
        await refusal(
          "sendPoll",
          { chat_id: SUPERGROUP, question: "Q", options: ["a"] },
          400,
          "Bad Request: not enough rights to send polls to the chat"
        )
      })
    })

    describe("the Poll", () => {
      it("has the real keys in the real order: a regular poll", async () => {
        const { text } = await api("sendPoll", {
          chat_id: ALICE,
          question: "<b>Tea</b>?",
          question_parse_mode: "HTML",
          options: ["yes", { text: "no", media: { type: "location", latitude: 52.5, longitude: 13.4 } }],
          description: "about tea",
          media: { type: "venue", latitude: 1, longitude: 2, title: "Cafe", address: "Main St", google_place_id: "g1" }
        })
        expect(text).toContain(
          `"poll":{"id":"5800000000000000001","question":"Tea?","question_entities":[{"offset":0,"length":3,"type":"bold"}],` +
            `"options":[{"persistent_id":"0","text":"yes","voter_count":0},{"persistent_id":"1","text":"no",` +
            `"media":{"location":{"latitude":52.500000,"longitude":13.400000}},"voter_count":0}],"total_voter_count":0,` +
            `"is_closed":false,"is_anonymous":true,"allows_multiple_answers":false,"allows_revoting":true,` +
            `"members_only":false,"type":"regular","description":"about tea","media":{"venue":{"location":` +
            `{"latitude":1.000000,"longitude":2.000000},"title":"Cafe","address":"Main St","google_place_id":"g1"}}}}}`
        )
      })

      it("a quiz: correct_option_id beside correct_option_ids, the explanation with its entities, the open period", async () => {
        const message = await poll({
          type: "quiz",
          correct_option_id: 1,
          explanation: "because",
          is_anonymous: false,
          open_period: 60
        })
        const { poll: quiz } = message
        expect(Object.keys(quiz)).toEqual([
          "id",
          "question",
          "options",
          "total_voter_count",
          "open_period",
          "close_date",
          "is_closed",
          "is_anonymous",
          "allows_multiple_answers",
          "allows_revoting",
          "members_only",
          "type",
          "correct_option_id",
          "correct_option_ids",
          "explanation",
          "explanation_entities"
        ])
        expect(quiz).toMatchObject({
          close_date: message.date + 60,
          allows_revoting: false,
          correct_option_ids: [1],
          explanation_entities: []
        })
        const two = (await poll({ type: "quiz", correct_option_ids: [0, 1], options: ["a", "b", "c"] })).poll
        expect(two.correct_option_id).toBeUndefined()
        expect(two.correct_option_ids).toEqual([0, 1])
      })

      it("is_closed sends a closed poll; a close_date in the past too", async () => {
        expect((await poll({ is_closed: true })).poll.is_closed).toBe(true)
        const now = Math.floor(t.clock.now() / 1000)
        expect((await poll({ close_date: now - 1 })).poll.is_closed).toBe(true)
        const later = (await poll({ close_date: now + 30 })).poll
        expect([later.is_closed, later.open_period, later.close_date]).toEqual([false, 30, now + 30])
      })
    })

    describe("stopPoll and closing", () => {
      it("stops the bot's open poll: the Poll, then a `poll` update; the real refusals", async () => {
        const sent = await poll({ description: "d" })
        await result("sendMessage", { chat_id: ALICE, text: "not a poll" })
        await refusal("stopPoll", { message_id: 1 }, 400, "Bad Request: chat_id is empty")
        await refusal(
          "stopPoll",
          { chat_id: ALICE, message_id: 9 },
          400,
          "Bad Request: message with poll to stop not found"
        )
        await refusal("stopPoll", { chat_id: ALICE, message_id: 2 }, 400, "Bad Request: message is not a poll")
        await refusal(
          "stopPoll",
          { chat_id: ALICE, message_id: 1, reply_markup: { keyboard: [["a"]] } },
          400,
          "Bad Request: inline keyboard expected"
        )
        const stopped = await result("stopPoll", { chat_id: ALICE, message_id: sent.message_id })
        expect(stopped).toMatchObject({ id: sent.poll.id, is_closed: true, description: "d" })
        const [update] = await updates()
        expect(update.poll).toMatchObject({ id: sent.poll.id, is_closed: true })
        expect(update.poll.description).toBeUndefined()
        await refusal("stopPoll", { chat_id: ALICE, message_id: 1 }, 400, "Bad Request: poll can't be stopped")
      })

      it("closes at open_period on the mock's clock, with a `poll` update", async () => {
        const sent = await poll({ open_period: 30 })
        t.clock.advance(29_000)
        expect(await updates()).toEqual([])
        t.clock.advance(1_000)
        const [update] = await updates()
        expect(update.poll).toMatchObject({ id: sent.poll.id, is_closed: true, open_period: 30 })
        await refusal("stopPoll", { chat_id: ALICE, message_id: 1 }, 400, "Bad Request: poll can't be stopped")
        expect((await vote({ message_id: 1, option_ids: [0] })).body.description).toBe(
          `message_id: poll ${sent.poll.id} is closed`
        )
      })
    })
  })
}
