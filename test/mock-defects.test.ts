/**
 * The mock cannot hide its own bug (issue 12): an unexpected exception is a defect, not a transient 500. In "throw"
 * mode it leaves `handle`; in "answer" mode it is answered 500, counted, journaled and logged in one line without the
 * token; a delayed reply goes through the same guard, so it cannot take the standalone server down.
 */
import { spawn } from "node:child_process"
import {
  DEFAULT_BOT_ID,
  DEFAULT_BOT_TOKEN,
  defaultDefectMode,
  MockTelegram,
  setDefaultDefectMode,
  startMockServer,
  type WireRequest,
  type WireResponse
} from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"

const T = DEFAULT_BOT_TOKEN
const SECRET = T.slice(T.indexOf(":") + 1)
const SUPERGROUP = -1001234567890

/** A clock that throws on its next `n` readings: exportChatInviteLink reads it inside the method, to stamp the link. */
const breakableClock = () => {
  let failures = 0
  return {
    now: (): number => {
      if (failures > 0) {
        failures--
        throw new Error(`clock broke while serving ${T}`)
      }
      return Date.UTC(2026, 0, 1)
    },
    breakNext: (n = 1): void => {
      failures = n
    }
  }
}

const exportRequest: WireRequest = {
  method: "GET",
  target: `/bot${T}/exportChatInviteLink?chat_id=${SUPERGROUP}`,
  body: new Uint8Array()
}

const json = (response: WireResponse): any => {
  if (response._tag !== "Json") throw new Error(`expected JSON, got ${response._tag}`)
  return JSON.parse(response.body)
}

describe("defect mode \"answer\"", () => {
  it("answers a throwing method 500, counts it, journals it and reports it in one line without the token", () => {
    const clock = breakableClock()
    const mock = MockTelegram.make({ clock, onDefect: "answer" })
    clock.breakNext()
    const response = mock.handle(exportRequest)
    expect(response).toMatchObject({ _tag: "Json", status: 500 })
    expect(json(response)).toEqual({
      ok: false,
      error_code: 500,
      description: "Internal Server Error: Error: clock broke while serving <token>"
    })
    expect(response._tag === "Json" && response.defect).toBe(
      "defect in exportChatInviteLink: Error: clock broke while serving <token>"
    )
    expect(mock.defectCount).toBe(1)
    expect(mock.journal().at(-1)).toEqual({
      seq: expect.any(Number),
      at: Date.UTC(2026, 0, 1),
      bot_id: DEFAULT_BOT_ID,
      method: "exportChatInviteLink",
      status: 500,
      fault: "defect"
    })
    expect(JSON.stringify(mock.journal())).not.toContain(SECRET)
    // The mock goes on serving.
    expect(json(mock.handle(exportRequest)).ok).toBe(true)
    expect(mock.defectCount).toBe(1)
  })

  it("is what a mock without onDefect follows while the process default says so", () => {
    // The suite may run with a setup file that sets "throw": this test sets what it needs and puts it back.
    const previous = defaultDefectMode()
    const clock = breakableClock()
    const following = MockTelegram.make({ clock })
    const answering = MockTelegram.make({ clock, onDefect: "answer" })
    try {
      setDefaultDefectMode("answer")
      clock.breakNext()
      expect(following.handle(exportRequest)).toMatchObject({ _tag: "Json", status: 500 })
      setDefaultDefectMode("throw")
      clock.breakNext()
      expect(() => following.handle(exportRequest)).toThrow(/clock broke/)
      clock.breakNext()
      expect(answering.handle(exportRequest)).toMatchObject({ _tag: "Json", status: 500 })
    } finally {
      setDefaultDefectMode(previous)
    }
  })
})

describe("defect mode \"throw\"", () => {
  it("lets the exception out of handle, still counted and journaled", () => {
    const clock = breakableClock()
    const mock = MockTelegram.make({ clock, onDefect: "throw" })
    clock.breakNext()
    expect(() => mock.handle(exportRequest)).toThrow(/clock broke/)
    expect(mock.defectCount).toBe(1)
    expect(mock.journal().at(-1)).toMatchObject({ method: "exportChatInviteLink", status: 500, fault: "defect" })
    expect(json(mock.handle(exportRequest)).ok).toBe(true)
  })

  it("keeps refusals and injected 500s apart from defects", () => {
    const mock = MockTelegram.make({ onDefect: "throw" })
    mock.injectFault({ method: "exportChatInviteLink", reply: { error_code: 500 } })
    expect(json(mock.handle(exportRequest))).toMatchObject({ ok: false, error_code: 500 })
    expect(json(mock.handle({ ...exportRequest, target: `/bot${T}/exportChatInviteLink?chat_id=42` })).error_code)
      .toBe(400)
    expect(mock.handle({ method: "GET", target: "/__mock/nowhere", body: new Uint8Array() })).toMatchObject({
      status: 404
    })
    expect(mock.defectCount).toBe(0)
    expect(mock.journal().some((entry) => entry.fault === "defect")).toBe(false)
  })
})

describe("a delayed reply", () => {
  const delayed = (onDefect: "throw" | "answer") => {
    const clock = breakableClock()
    const mock = MockTelegram.make({ clock, onDefect })
    mock.injectFault({ method: "exportChatInviteLink", reply: { delay_ms: 10 } })
    const response = mock.handle(exportRequest)
    if (response._tag !== "Delay") throw new Error(`expected a delay, got ${response._tag}`)
    clock.breakNext()
    return { mock, then: response.then }
  }

  it("goes through the same guard: answered 500 in \"answer\" mode", () => {
    const { mock, then } = delayed("answer")
    expect(then()).toMatchObject({ _tag: "Json", status: 500, defect: expect.stringContaining("exportChatInviteLink") })
    expect(mock.defectCount).toBe(1)
  })

  it("goes through the same guard: thrown in \"throw\" mode", () => {
    const { mock, then } = delayed("throw")
    expect(then).toThrow(/clock broke/)
    expect(mock.defectCount).toBe(1)
  })

  it("cannot take the standalone server down, which logs the defect in one line without the token", async () => {
    const clock = breakableClock()
    const lines: Array<string> = []
    const server = await startMockServer({
      mock: MockTelegram.make({ clock, onDefect: "answer" }),
      log: (line) => lines.push(line)
    })
    try {
      server.mock.injectFault({ method: "exportChatInviteLink", reply: { delay_ms: 30 } })
      const pending = fetch(`${server.url}/bot${T}/exportChatInviteLink?chat_id=${SUPERGROUP}`)
      clock.breakNext()
      const response = await pending
      expect(response.status).toBe(500)
      expect((await response.json()).description).toMatch(/^Internal Server Error: /)

      clock.breakNext()
      expect((await fetch(`${server.url}/bot${T}/exportChatInviteLink?chat_id=${SUPERGROUP}`)).status).toBe(500)

      expect((await fetch(`${server.url}/bot${T}/getMe`)).status).toBe(200)
      expect(lines).toHaveLength(2)
      for (const line of lines) {
        expect(line).toMatch(/^telegram-bot-api-mock: defect in exportChatInviteLink: .*\(answered 500\)$/)
        expect(line).not.toContain(SECRET)
        expect(line).not.toContain("\n")
      }
      expect(server.mock.defectCount).toBe(2)
    } finally {
      await server.close()
    }
  })
})

describe("tg-mock-server --defects", () => {
  it("refuses a mode other than answer or throw", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "mock-server/src/bin/tg-mock-server.ts", "--port", "0", "--defects", "maybe"],
      { stdio: ["ignore", "pipe", "pipe"] }
    )
    let stderr = ""
    child.stderr!.on("data", (chunk) => (stderr += chunk))
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve))
    expect(code).toBe(2)
    expect(stderr).toContain("--defects: expected answer or throw, got maybe")
  })
})
