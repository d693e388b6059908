/**
 * The soak (`npm run soak`) can fail: its accounting of requests sees a request that never came back, a fault lane
 * that answered fewer faults than were served, and a defect of the mock (its ledger of messages: soak-messages.test.ts).
 * Short real runs against the standalone server account for every request and message, and fail when a proxy breaks
 * getUpdates as a faulty mock would (drops every message update; hands back confirmed updates).
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
