/**
 * The soak (`npm run soak`) can fail: its accounting of requests sees a request that never came back, a fault lane
 * that answered fewer faults than were served, and a defect of the mock; its ledger of messages sees a message that
 * never reached the bot, one that reached it twice or out of order, an update handed back once confirmed, a reply
 * missing from its chat, and joins that the updates or the members' list do not show. Short real runs against the
 * standalone server account for every request and message, and fail when a proxy breaks getUpdates as a faulty mock
 * would (drops every message update; hands back confirmed updates).
 */
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  account,
  type AccountingInput,
  type FaultKind,
  type LaneSpec,
  serverErrorsNotInjected
} from "../soak/accounting.js"
import { MessageLedger } from "../soak/messages.js"

const lanes: ReadonlyArray<LaneSpec> = [
  { name: "getMe", status: 200 },
  { name: "export (faults)", status: 200, role: "faults" },
  { name: "getChat (flood limit)", status: 200, role: "flood" }
]
const served = new Map<FaultKind, number>([["429", 20], ["500", 20], ["502 html", 20], ["drop", 20], ["delay", 20]])
/** A run where everything adds up: 100 getMe, 200 exports of which 80 faulted, 50 getChat of which 10 flooded. */
const clean = (): AccountingInput => ({
  lanes,
  counts: [
    { sent: 100, statuses: new Map([["200", 100]]), malformed: 0 },
    {
      sent: 200,
      statuses: new Map([["200", 120], ["429", 20], ["500", 20], ["502", 20], ["error", 20]]),
      malformed: 0
    },
    { sent: 50, statuses: new Map([["200", 40], ["429", 10]]), malformed: 0 }
  ],
  served,
  defects: 0,
  journal5xxNotInjected: 0
})

describe("soak accounting", () => {
  it("a run where every answer is explained is ok", () => {
    expect(account(clean())).toMatchObject({ lost: 0, unexplained: 0, faultMismatch: 0, ok: true, details: [] })
  })

  it("a request sent that never ended is lost (counted at send time, not where answers are counted)", () => {
    const input = clean()
    const result = account({
      ...input,
      counts: [{ ...input.counts[0]!, sent: 101 }, input.counts[1]!, input.counts[2]!]
    })
    expect(result.lost).toBe(1)
    expect(result.ok).toBe(false)
    expect(result.details).toContain("getMe: 101 sent, 100 ended")
  })

  it("a failed connection outside the faults' drops is lost; an unexpected status is unexplained", () => {
    const input = clean()
    const result = account({
      ...input,
      counts: [
        { sent: 100, statuses: new Map([["200", 98], ["error", 1], ["500", 1]]), malformed: 0 },
        input.counts[1]!,
        input.counts[2]!
      ]
    })
    expect(result).toMatchObject({ lost: 1, unexplained: 1, ok: false })
  })

  it("a fault lane that shows fewer faults than were served fails, even when the total adds up", () => {
    const input = clean()
    // Two of the 20 served 500s came back as 200: no status is in excess (200 may absorb them), but faults vanished.
    const result = account({
      ...input,
      counts: [
        input.counts[0]!,
        {
          sent: 200,
          statuses: new Map([["200", 122], ["429", 20], ["500", 18], ["502", 20], ["error", 20]]),
          malformed: 0
        },
        input.counts[2]!
      ]
    })
    expect(result.faultMismatch).toBe(4)
    expect(result.ok).toBe(false)
    expect(result.details).toContain("export (faults): 18 × 500, the faults served call for 20")
  })

  it("a defect of the mock, or a 5xx in the journal that no fault explains, fails the run", () => {
    expect(account({ ...clean(), defects: 1 }).ok).toBe(false)
    expect(account({ ...clean(), journal5xxNotInjected: 1 }).ok).toBe(false)
    expect(
      serverErrorsNotInjected([
        { status: 200 },
        { status: 500, fault: "error 500" },
        { status: 502, fault: "html 502" },
        { status: 429, fault: "error 429" },
        { status: 500, fault: "defect" },
        { status: 503, fault: "error 500" },
        { status: 500 }
      ])
    ).toBe(3)
  })
})

// ---- the ledger of messages -------------------------------------------------------------------------------------

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

// ---- real runs ---------------------------------------------------------------------------------------------------

/** `npm run soak` with these arguments, its report written to a temporary file: exit code, output, report. */
const soak = async (args: ReadonlyArray<string>) => {
  const dir = mkdtempSync(join(tmpdir(), "soak-test-"))
  try {
    const out = join(dir, "soak.json")
    const child = spawn(process.execPath, ["--import", "tsx", "soak/soak.ts", ...args, "--out", out], {
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout!.on("data", (chunk) => (stdout += chunk))
    child.stderr!.on("data", (chunk) => (stderr += chunk))
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve))
    return { code, output: `${stdout}\n${stderr}`, stdout, report: JSON.parse(readFileSync(out, "utf8")), out }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe("npm run soak, short", () => {
  it(
    "3,000 requests with faults every 1,000: every request and message accounted for, the report written",
    async () => {
      const args = ["--requests", "3000", "--fault-every", "1000", "--concurrency", "8"]
      const { code, output, report, out, stdout } = await soak(args)
      expect(code, output).toBe(0)
      expect(stdout).toContain("requests lost: 0")
      expect(stdout).toContain("soak: every request and every message accounted for")
      expect(report).toMatchObject({
        section: "soak",
        command: `npm run soak -- ${args.join(" ")} --out ${out}`,
        quick: true,
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
        dirty: expect.any(Boolean),
        config: { requests: 3000, concurrency: 8, faultEvery: 1000 },
        run: { requests: 3000, sent: 3000, defects: 0, journal5xxNotInjected: 0 },
        messages: {
          people: 200,
          undelivered: 0,
          duplicated: 0,
          unknown: 0,
          outOfOrder: 0,
          replayedUpdates: 0,
          notInChat: 0,
          memberUpdatesWrong: 0,
          membersWrong: 0
        }
      })
      expect(report.run.journalSamples).toBeGreaterThanOrEqual(1)
      // Three injections of 20 of each fault; the fault lane (10 of every 65 requests) used some of them.
      expect(report.faults["500"].injected).toBe(60)
      expect(report.faults["500"].served).toBeGreaterThan(0)
      const faultLane = report.lanes.find((l: any) => l.role === "faults")
      expect(faultLane.statuses["500"]).toBe(report.faults["500"].served)
      // People wrote (4 of every 65 requests), the bot got each message and replied; people joined and left.
      expect(report.messages.sent).toBeGreaterThan(150)
      expect(report.messages.delivered).toBe(report.messages.sent)
      expect(report.messages.botMessages).toBeGreaterThan(150)
      expect(report.messages.joins).toBeGreaterThan(40)
      expect(report.messages.memberUpdates).toBe(report.messages.joins + report.messages.leaves)
      expect(report.nproc).toBeGreaterThan(0)
      expect(report.loadAverage).toEqual({ before: expect.any(Number), after: expect.any(Number) })
    },
    60_000
  )

  const SHORT = ["--requests", "1500", "--fault-every", "1000", "--concurrency", "8"]

  it("through the breaking proxy breaking nothing, the run passes (the proxy alone is not what fails it)", async () => {
    const { code, output, report } = await soak([...SHORT, "--break", "none"])
    expect(code, output).toBe(0)
    expect(report.messages.delivered).toBe(report.messages.sent)
  }, 60_000)

  it("a mock that drops every message update fails the run: the messages never reached the bot", async () => {
    const { code, output, report } = await soak([...SHORT, "--break", "drop-messages"])
    expect(code, output).toBe(1)
    expect(output).toContain("soak: FAILED: not everything is accounted for")
    expect(output).toMatch(/! message \d+ \(soak message \d+\) in chat \d+ never reached the bot/)
    expect(report.messages.delivered).toBe(0)
    expect(report.messages.undelivered).toBe(report.messages.sent)
    // The HTTP accounting alone would have passed this run: every request got the status its lane expects.
    expect(output).toContain("requests lost: 0")
    expect(output).toContain("statuses not explained by the faults injected: 0")
  }, 60_000)

  it("a mock that hands back confirmed updates fails the run: updates and messages seen twice", async () => {
    const { code, output, report } = await soak([...SHORT, "--break", "replay-confirmed"])
    expect(code, output).toBe(1)
    expect(output).toMatch(/! update \d+ came after update \d+: handed back once confirmed/)
    expect(report.messages.replayedUpdates).toBeGreaterThan(0)
    expect(report.messages.duplicated).toBeGreaterThan(0)
    expect(output).toContain("requests lost: 0")
  }, 60_000)
})
