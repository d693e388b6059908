/**
 * Conformance of people voting in polls (telegram-wire-messages.md §M10.3-4) on every transport: `poll_answer` and
 * `poll` to the bot that sent the poll, anonymous polls, retracting, quizzes, the refusals of the vote route, and a
 * forward showing the same poll while a copy is a new one.
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const ALICE = 42
const POLL_UPDATES = ["poll", "poll_answer", "message"]

export const voteConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, votes (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { control, refusal, result } = wireClient(() => t)
    const poll = (params: Record<string, unknown>) =>
      result("sendPoll", { chat_id: ALICE, question: "Tea?", options: ["yes", "no"], ...params })
    const vote = (body: Record<string, unknown>, userId = ALICE) => control("POST", `users/${userId}/vote`, body)
    const updates = async () => {
      const list = (await result("getUpdates", { allowed_updates: POLL_UPDATES })) as Array<any>
      if (list.length > 0) await result("getUpdates", { offset: list.at(-1).update_id + 1 })
      return list
    }

    describe("people vote", () => {
      it("a non-anonymous poll: `poll_answer` then `poll`, to the bot that sent it; retracting with []", async () => {
        const sent = await poll({ is_anonymous: false, allows_multiple_answers: true, options: ["a", "b", "c"] })
        const voted = await vote({ message_id: 1, option_ids: [2, 0] })
        expect(voted.body.result).toMatchObject({ total_voter_count: 1, options: [{ voter_count: 1 }, {}, {}] })
        const [answer, state] = await updates()
        expect(JSON.stringify(answer.poll_answer)).toBe(
          `{"poll_id":"${sent.poll.id}","user":{"id":42,"is_bot":false,"first_name":"Alice"},` +
            `"option_ids":[0,2],"option_persistent_ids":["0","2"]}`
        )
        expect(state.poll.options.map((o: any) => o.voter_count)).toEqual([1, 0, 1])
        await vote({ message_id: 1, option_ids: [] })
        const [retracted, after] = await updates()
        expect(retracted.poll_answer.option_ids).toEqual([])
        expect(after.poll.total_voter_count).toBe(0)
      })

      it("an anonymous poll: only `poll`; the voters in a group must be in it", async () => {
        await result("sendPoll", { chat_id: SUPERGROUP, question: "Q", options: ["a", "b"] })
        expect((await vote({ chat_id: SUPERGROUP, message_id: 1, option_ids: [1] }, 43)).body.description).toBe(
          `chat_id: user 43 is not in chat ${SUPERGROUP}`
        )
        await control("PUT", `chats/${SUPERGROUP}/members/43`, { status: "member" })
        await updates()
        await vote({ chat_id: SUPERGROUP, message_id: 1, option_ids: [1] }, 43)
        const list = await updates()
        expect(list.map((u) => Object.keys(u)[1])).toEqual(["poll"])
      })

      it("a quiz: the bot that sent it sees the right answer in its `poll` update; the voter's choice in `poll_answer`", async () => {
        const sent = await poll({ type: "quiz", correct_option_id: 1, is_anonymous: false, explanation: "green" })
        await vote({ message_id: 1, option_ids: [0] })
        const [answer, state] = await updates()
        expect(answer.poll_answer).toMatchObject({
          poll_id: sent.poll.id,
          option_ids: [0],
          option_persistent_ids: ["0"]
        })
        expect(state.poll).toMatchObject({ correct_option_id: 1, correct_option_ids: [1], explanation: "green" })
        expect(state.poll.options.map((o: any) => o.voter_count)).toEqual([1, 0])
      })

      it("refuses what the poll does not allow, one line naming the field", async () => {
        const sent = await poll({ type: "quiz", correct_option_id: 1 })
        const problem = async (body: Record<string, unknown>) => (await vote({ message_id: 1, ...body })).body
        expect(await problem({ option_ids: [5] })).toMatchObject({
          error_code: 400,
          description: `option_ids: poll ${sent.poll.id} has no option 5`
        })
        expect((await problem({ option_ids: [0, 1] })).description).toBe(
          `option_ids: poll ${sent.poll.id} takes one answer`
        )
        expect((await problem({ option_ids: [] })).description).toBe(
          `option_ids: user 42 has no vote to retract in poll ${sent.poll.id}`
        )
        expect((await problem({ option_ids: [0] })).ok).toBe(true)
        expect((await problem({ option_ids: [1] })).description).toBe(
          `option_ids: user 42 already voted in poll ${sent.poll.id}, which does not allow revoting`
        )
        expect((await result("sendMessage", { chat_id: ALICE, text: "x" })).message_id).toBe(2)
        expect((await problem({ message_id: 2, option_ids: [0] })).description).toBe(
          `message_id: message 2 in chat ${ALICE} is not a poll`
        )
        expect((await problem({ option_ids: "0" })).description).toBe(
          "option_ids: Expected an array, actual \"0\""
        )
      })

      it("a forward shows the same poll: votes there count for the bot that sent it", async () => {
        const sent = await poll({})
        const forwarded = await result("forwardMessage", { chat_id: SUPERGROUP, from_chat_id: ALICE, message_id: 1 })
        expect(forwarded.poll.id).toBe(sent.poll.id)
        await control("PUT", `chats/${SUPERGROUP}/members/43`, { status: "member" })
        await vote({ chat_id: SUPERGROUP, message_id: forwarded.message_id, option_ids: [0] }, 43)
        const state = (await updates()).find((u) => u.poll !== undefined)
        expect(state.poll.options[0].voter_count).toBe(1)
        await refusal(
          "stopPoll",
          { chat_id: SUPERGROUP, message_id: forwarded.message_id },
          400,
          "Bad Request: poll can't be stopped"
        )
        const copy = await result("copyMessage", { chat_id: SUPERGROUP, from_chat_id: ALICE, message_id: 1 })
        const copied = (await control("GET", `chats/${SUPERGROUP}/messages`)).body.result.find((m: any) =>
          m.message_id === copy.message_id
        )
        expect(copied.poll.id).not.toBe(sent.poll.id)
        expect(copied.poll.total_voter_count).toBe(0)
      })
    })
  })
}
