/** The mock's core without a transport: bounds, the injectable clock, snapshots. */
import { assert, it as effectIt } from "@effect/vitest"
import { Duration, Effect, Either, TestClock } from "effect"
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
      expect(mock.world.floodCounterCount).toBeLessThanOrEqual(4)
    }
    clock.advance(1_000)
    // A new key past the cap sweeps the idle ones first.
    get(mock, "getChat", `?chat_id=-1002000000003`)
    expect(mock.world.floodCounterCount).toBe(1)
  })
})

describe("the injectable clock", () => {
  effectIt.effect(
    "runs on the client's TestClock: a 30 s flood window passes without real waiting",
    () =>
      Effect.gen(function*() {
        const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Effect.clock) })
        mock.setFloodLimits([{ method: "exportChatInviteLink", max_calls: 1, per_seconds: 30 }])
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
    expect(Either.isRight(decoded)).toBe(true)
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
