/**
 * The soak's ledger of messages (soak/messages.ts) can fail: it sees a message that never reached the bot, one that
 * reached it twice or out of order, one nobody sent, an update handed back once confirmed, a reply missing from its
 * chat, and joins that the chat_member updates, the join notices or the members' list do not show.
 */
import { describe, expect, it } from "vitest"
import { MessageLedger } from "../soak/messages.js"

const GROUP = -1009876543210
const message = (chatId: number, messageId: number, text: string) => ({
  message_id: messageId,
  chat: { id: chatId },
  from: { id: chatId, is_bot: false },
  text
})
const notice = (userId: number, joined: boolean) => ({
  message_id: 1,
  chat: { id: GROUP },
  ...(joined ? { new_chat_members: [{ id: userId }] } : { left_chat_member: { id: userId } })
})
const memberUpdate = (userId: number, status: string) => ({
  chat: { id: GROUP },
  new_chat_member: { user: { id: userId }, status }
})

/**
 * A run of two people: 7001 writes twice, 7002 once; the bot gets each message, replies to the first; 7002 joins the
 * group through the link. `deliver` gives the updates as the bot received them (all of them, in order, by default).
 */
const run = (deliver = (updates: Array<any>) => updates, members = new Set([7002])) => {
  const ledger = new MessageLedger([7001, 7002], GROUP)
  const sent = [message(7001, 1, "m1"), message(7001, 2, "m2"), message(7002, 1, "m3")]
  for (const m of sent) ledger.personSent({ chatId: m.chat.id, messageId: m.message_id, text: m.text, fromBot: false })
  ledger.acted(7002, "member")
  const updates = [
    { update_id: 10, message: sent[0] },
    { update_id: 11, message: sent[1] },
    { update_id: 12, message: notice(7002, true) },
    { update_id: 13, chat_member: memberUpdate(7002, "member") },
    { update_id: 14, message: sent[2] }
  ]
  for (const update of deliver(updates)) ledger.received(update)
  const reply = { chatId: 7001, messageId: 3, text: "re: m1", fromBot: true, replyTo: 1 }
  ledger.botSent(reply)
  const chats = new Map<number, Array<any>>([
    [7001, [sent[0], sent[1], { ...message(7001, 3, "re: m1"), from: { is_bot: true }, reply_to_message: sent[0] }]],
    [7002, [sent[2]]]
  ])
  const counts = ledger.finish({ chats, members })
  return { counts, details: ledger.details }
}
const PROBLEMS = [
  "undelivered",
  "duplicated",
  "unknown",
  "outOfOrder",
  "replayedUpdates",
  "notInChat",
  "memberUpdatesWrong",
  "membersWrong"
] as const
const problems = (counts: ReturnType<typeof run>["counts"]) =>
  Object.fromEntries(PROBLEMS.filter((p) => counts[p] > 0).map((p) => [p, counts[p]]))

describe("soak ledger of messages", () => {
  it("a run where each message arrived once, in order, and is in its chat has no problem", () => {
    const { counts, details } = run()
    expect(problems(counts)).toEqual({})
    expect(counts).toMatchObject({ sent: 3, delivered: 3, botMessages: 1, joins: 1, leaves: 0, memberUpdates: 1 })
    expect(details).toEqual([])
  })

  it("message updates dropped: the messages are undelivered", () => {
    const { counts, details } = run((updates) => updates.filter((u) => u.message === undefined))
    // The join notice is a message update too: the join no longer shows in the notices.
    expect(problems(counts)).toEqual({ undelivered: 3, memberUpdatesWrong: 1 })
    expect(details).toContain("message 1 (m1) in chat 7001 never reached the bot")
  })

  it("confirmed updates handed back: the update and its message are seen again", () => {
    const { counts } = run((updates) => [...updates.slice(0, 2), updates[0], ...updates.slice(2)])
    expect(problems(counts)).toEqual({ duplicated: 1, replayedUpdates: 1 })
  })

  it("a message the bot polled before the answer to its sending came back is delivered, not unknown", () => {
    const ledger = new MessageLedger([7001], GROUP)
    ledger.received({ update_id: 1, message: message(7001, 1, "m1") })
    ledger.personSent({ chatId: 7001, messageId: 1, text: "m1", fromBot: false })
    const counts = ledger.finish({ chats: new Map([[7001, [message(7001, 1, "m1")]]]), members: new Set() })
    expect(problems(counts)).toEqual({})
    expect(counts.delivered).toBe(1)
  })

  it("a chat's messages out of order, and a message nobody sent", () => {
    const swapped = run((u) => [{ ...u[1], update_id: 10 }, { ...u[0], update_id: 11 }, ...u.slice(2)])
    expect(problems(swapped.counts)).toEqual({ outOfOrder: 1 })
    const stranger = run((u) => [...u, { update_id: 15, message: message(7002, 2, "never sent") }])
    expect(problems(stranger.counts)).toEqual({ unknown: 1 })
  })

  it("a reply missing from its chat, and a join the members' list does not show", () => {
    const ledger = run().counts
    expect(ledger.notInChat).toBe(0)
    const { counts } = run(undefined, new Set())
    expect(problems(counts)).toEqual({ membersWrong: 1 })
    const lost = new MessageLedger([7001], GROUP)
    lost.botSent({ chatId: 7001, messageId: 3, text: "re: m1", fromBot: true, replyTo: 1 })
    expect(lost.finish({ chats: new Map([[7001, []]]), members: new Set() }).notInChat).toBe(1)
  })
})
