/** The mock's core without a transport: bounds, the injectable clock, snapshots. */
import { assert, it as effectIt } from "@effect/vitest"
import { Duration, Effect, TestClock } from "effect"
import {
  decodeWorld,
  DEFAULT_BOT_TOKEN,
  manualClock,
  MockInputError,
  MockTelegram,
  type WireResponse
} from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"
import { mockClockFromEffect } from "../src/MockHttpClient.js"

const T = DEFAULT_BOT_TOKEN
const SUPERGROUP = -1001234567890

const get = (mock: MockTelegram, method: string, query = ""): WireResponse =>
  mock.handle({ method: "GET", target: `/bot${T}/${method}${query}`, body: new Uint8Array() })

const body = (response: WireResponse): any => {
  if (response._tag !== "Json") throw new Error(`expected JSON, got ${response._tag}`)
  return JSON.parse(response.body)
}

describe("bounds", () => {
  it("keeps the journal as a ring buffer of the configured size", () => {
    const mock = MockTelegram.make({ caps: { journalSize: 3 } })
    for (let i = 0; i < 5; i++) get(mock, "getMe", `?n=${i}`)
    get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)
    const journal = mock.journal()
    expect(journal).toHaveLength(3)
    expect(journal.map((entry) => entry.method)).toEqual(["getMe", "getMe", "exportChatInviteLink"])
  })

  it("caps the revoked links kept per administrator", () => {
    const mock = MockTelegram.make({ caps: { revokedLinksPerAdmin: 2 } })
    const links = Array.from(
      { length: 6 },
      () => body(get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)).result
    )
    const kept = mock.snapshot().invite_links.filter((link) =>
      link.chat_id === SUPERGROUP && link.creator_id === 123456
    )
    expect(kept.map((link) => [link.invite_link, link.is_revoked])).toEqual([
      [links[3], true],
      [links[4], true],
      [links[5], false]
    ])
    // The owner's own link is not the bot's history: untouched.
    expect(mock.snapshot().invite_links.some((link) => link.creator_id === 1000 && link.chat_id === SUPERGROUP)).toBe(
      true
    )
  })

  it("drops idle flood counters and never keeps more than the cap", () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock, caps: { floodKeys: 4 } })
    mock.setFloodLimits([{ method: "getChat", max_calls: 1, per_seconds: 1 }])
    for (const chat of [SUPERGROUP, -1001000000001, -555555555, -1009876543210, 42, -1002000000002]) {
      expect(body(get(mock, "getChat", `?chat_id=${chat}`)).ok).toBe(true)
      expect(mock.floodCounterCount).toBeLessThanOrEqual(4)
    }
    clock.advance(1_000)
    // A new key past the cap sweeps the idle ones first.
    get(mock, "getChat", `?chat_id=-1002000000003`)
    expect(mock.floodCounterCount).toBe(1)
  })
})

describe("the injectable clock", () => {
  effectIt.effect(
    "runs on the client's TestClock: a 30 s flood window passes without real waiting",
    () =>
      Effect.gen(function*() {
        const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Effect.clock) })
        // absorb_seconds 0: every wait is a 429 (the default absorbs waits up to 8 s, as Telegram does).
        mock.setFloodLimits([{ method: "exportChatInviteLink", max_calls: 1, per_seconds: 30, absorb_seconds: 0 }])
        assert.isTrue(body(get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)).ok)
        const refused = get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)
        assert.deepStrictEqual(body(refused).parameters, { retry_after: 30 })
        yield* TestClock.adjust(Duration.millis(29_999))
        assert.deepStrictEqual(body(get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)).parameters, {
          retry_after: 1
        })
        yield* TestClock.adjust(Duration.millis(1))
        assert.isTrue(body(get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)).ok)
      })
  )

  it("stamps links with the clock's time", () => {
    const clock = manualClock(Date.UTC(2030, 0, 1))
    const mock = MockTelegram.make({ clock })
    const url = body(get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)).result
    expect(mock.snapshot().invite_links.find((link) => link.invite_link === url)?.created_at).toBe(
      Date.UTC(2030, 0, 1) / 1000
    )
  })
})

describe("worlds", () => {
  it("gives back a snapshot that is itself a valid world, and survives a round trip", () => {
    const mock = MockTelegram.make()
    get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)
    mock.upgradeGroup(-555555555)
    const snapshot = mock.snapshot()
    const decoded = decodeWorld(JSON.parse(JSON.stringify(snapshot)))
    expect(decoded.ok).toBe(true)
    const copy = MockTelegram.make({ world: snapshot })
    expect(copy.snapshot()).toEqual(snapshot)
  })

  it("refuses a bad world, fault or limit from TypeScript with a typed error naming the field", () => {
    expect(() =>
      MockTelegram.make({ world: { bots: [], users: [], chats: [{ id: 1, type: "group" as const, title: "x" }] } })
    )
      .toThrow(/chats\.0\.id/)
    const mock = MockTelegram.make()
    expect(() => mock.injectFault({ method: "getMe", reply: { delay_ms: -1 } })).toThrow(MockInputError)
    expect(() => mock.setFloodLimits([{ max_calls: 1, per_seconds: 0 }])).toThrow(/per_seconds/)
    expect(() => mock.upgradeGroup(42)).toThrow(/not a basic group/)
  })

  it("names each wrong field on a line of its own, from TypeScript: world, fault, limits", () => {
    const problems = (attempt: () => void): ReadonlyArray<string> => {
      try {
        attempt()
      } catch (error) {
        if (!(error instanceof MockInputError)) throw error
        expect(error.message).toBe(error.problems.join("\n"))
        return error.problems
      }
      throw new Error("accepted")
    }
    const mock = MockTelegram.make()
    const world = structuredClone(mock.snapshot()) as any
    world.chats[0].members[0].user_id = 999
    expect(problems(() => mock.replaceWorld(world))).toEqual(["chats.0.members.0.user_id: unknown user 999"])
    world.chats[1].members[1].user_id = 998
    expect(problems(() => MockTelegram.make({ world }))).toEqual([
      "chats.0.members.0.user_id: unknown user 999",
      "chats.1.members.1.user_id: unknown user 998"
    ])
    expect(problems(() => mock.replaceWorld({ bots: [], users: [{ id: 0, first_name: "" }], chats: [] }))).toEqual([
      expect.stringMatching(/^users\.0\.id: /),
      expect.stringMatching(/^users\.0\.first_name: /)
    ])
    expect(problems(() => mock.replaceWorld(5))).toEqual(["world: Expected an object, actual 5"])

    expect(problems(() => mock.injectFault({ method: "getMe", reply: { delay_ms: -1 } }))).toEqual([
      expect.stringMatching(/^reply\.delay_ms: .*-1$/)
    ])
    expect(problems(() => mock.injectFault({ method: "getMe", chat_id: true as never, reply: {} as never }))).toEqual([
      "chat_id: Expected number or string, actual true",
      expect.stringMatching(/^reply: expected one of /)
    ])

    expect(problems(() => mock.setFloodLimits([{ max_calls: 1, per_seconds: 0 }]))).toEqual([
      expect.stringMatching(/^0\.per_seconds: /)
    ])
    expect(problems(() => mock.setFloodLimits([{ max_calls: 0, per_seconds: 1, method: 5 as never }]))).toEqual([
      "0.method: Expected string, actual 5",
      expect.stringMatching(/^0\.max_calls: /)
    ])
  })

  it("hands out copies only: changing what it returns does not change the world", () => {
    const mock = MockTelegram.make()
    const url = body(get(mock, "exportChatInviteLink", `?chat_id=${SUPERGROUP}`)).result
    const before = JSON.stringify(mock.snapshot())
    const snapshot = mock.snapshot() as any
    snapshot.users[0].first_name = "Changed"
    snapshot.chats[0].members[0].status = "kicked"
    snapshot.invite_links[0].is_revoked = true
    ;(mock.chat(SUPERGROUP) as any).members.length = 0
    ;(mock.link(url) as any).is_revoked = true
    ;(mock.journal()[0] as any).status = 999
    ;(mock.floodLimits() as Array<unknown>).push({ max_calls: 1, per_seconds: 1 })
    expect(JSON.stringify(mock.snapshot())).toBe(before)
    expect(mock.journal()[0]!.status).toBe(200)
    expect(mock.primaryLink(SUPERGROUP, 123456)).toBe(url)
    expect(mock.primaryLink("@my_test_channel", 123456)).toBeUndefined()
    expect(mock.chat("@MY_TEST_CHANNEL")?.id).toBe(-1001000000001)
  })

  it("never throws from handle, whatever it is given", () => {
    const mock = MockTelegram.make()
    const odd = [
      "",
      "?",
      "/bot",
      "/bot/",
      `/bot${T}/%`,
      `/bot${T}/%E0%A4%A`,
      `/bot${T}/?method=`,
      "/__mock",
      "/__mock/../x"
    ]
    for (const target of odd) {
      for (const method of ["GET", "POST", "BREW"]) {
        const response = mock.handle({
          method,
          target,
          body: new TextEncoder().encode("{\"__proto__\":{\"x\":1}}"),
          contentType: "application/json"
        })
        expect(["Json", "Bare"]).toContain(response._tag)
      }
    }
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined()
  })
})
