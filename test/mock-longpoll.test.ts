/**
 * Long polls and absorbed flood waits on a driven clock, never real time: the Effect TestClock through the library's
 * in-process HttpClient (the mock's timers sleep on the same TestClock), a manual clock through `handle`, the real
 * server's optional 3 s conflict delay and busy-loop guard, and a client that leaves (its poll is cancelled).
 */
import { HttpClientRequest } from "@effect/platform"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Fiber, TestClock } from "effect"
import { DEFAULT_BOT_TOKEN, manualClock, MockTelegram, type WireResponse } from "telegram-bot-api-mock"
import { expect, it as vitestIt } from "vitest"
import { makeMockHttpClient, mockClockFromEffect } from "../src/MockHttpClient.js"

const url = (method: string, query = "") => `https://api.telegram.org/bot${DEFAULT_BOT_TOKEN}/${method}${query}`

const setup = Effect.gen(function*() {
  const mock = MockTelegram.make({ clock: mockClockFromEffect(yield* Effect.clock) })
  return { mock, client: makeMockHttpClient(mock) }
})

const bodyOf = (response: { json: Effect.Effect<unknown, unknown> }) =>
  response.json.pipe(Effect.map((body) => body as { ok: boolean; result?: any; description?: string }))

describe("long polls on Effect's TestClock (makeMockHttpClient)", () => {
  it.effect("a poll answers [] exactly at its timeout, and at once when an update comes", () =>
    Effect.gen(function*() {
      const { client, mock } = yield* setup
      const poll = yield* Effect.fork(
        client.execute(HttpClientRequest.get(url("getUpdates", "?timeout=30"))).pipe(Effect.flatMap(bodyOf))
      )
      yield* TestClock.adjust(Duration.millis(29_999))
      assert.isNull(poll.unsafePoll())
      yield* TestClock.adjust(Duration.millis(1))
      assert.deepStrictEqual(yield* Fiber.join(poll), { ok: true, result: [] })

      const woken = yield* Effect.fork(
        client.execute(HttpClientRequest.get(url("getUpdates", "?timeout=50"))).pipe(Effect.flatMap(bodyOf))
      )
      yield* TestClock.adjust(Duration.seconds(10))
      mock.send(42, { text: "hi" })
      const answer = yield* Fiber.join(woken)
      assert.strictEqual(answer.result[0].message.text, "hi")
    }))

  it.effect("interrupting the request cancels the parked poll: the next one parks without a conflict", () =>
    Effect.gen(function*() {
      const { client, mock } = yield* setup
      const poll = yield* Effect.fork(client.execute(HttpClientRequest.get(url("getUpdates", "?timeout=50"))))
      yield* TestClock.adjust(Duration.seconds(1))
      yield* Fiber.interrupt(poll)
      const next = yield* Effect.fork(
        client.execute(HttpClientRequest.get(url("getUpdates", "?timeout=50"))).pipe(Effect.flatMap(bodyOf))
      )
      yield* TestClock.adjust(Duration.seconds(1))
      mock.send(42, { text: "for the second" })
      assert.strictEqual((yield* Fiber.join(next)).ok, true)
    }))

  it.effect("a flood wait of up to 8 s is absorbed on the TestClock: answered late, with success", () =>
    Effect.gen(function*() {
      const { client, mock } = yield* setup
      mock.setFloodLimits([{ method: "getMe", max_calls: 1, per_seconds: 8 }])
      yield* client.execute(HttpClientRequest.get(url("getMe")))
      const late = yield* Effect.fork(client.execute(HttpClientRequest.get(url("getMe"))).pipe(Effect.flatMap(bodyOf)))
      yield* TestClock.adjust(Duration.millis(7_999))
      assert.isNull(late.unsafePoll())
      yield* TestClock.adjust(Duration.millis(1))
      assert.strictEqual((yield* Fiber.join(late)).ok, true)
      assert.strictEqual(mock.journal().at(-1)?.waited_ms, 8_000)
    }))
})

/** Sends a request to the mock in-process; a later answer is returned as is. */
const send = (mock: MockTelegram, method: string, query = ""): WireResponse =>
  mock.handle({ method: "GET", target: `/bot${DEFAULT_BOT_TOKEN}/${method}${query}`, body: new Uint8Array() })

/** The envelope of a JSON answer, or of a later answer once it is ready (it must be). */
const settled = (response: WireResponse): any => {
  if (response._tag === "Wait") {
    let ready = false
    response.onReady(() => (ready = true))
    if (!ready) throw new Error("not ready")
    return settled(response.then())
  }
  if (response._tag !== "Json") throw new Error(`expected JSON, got ${response._tag}`)
  return JSON.parse(response.body)
}

const isReady = (response: WireResponse): boolean => {
  if (response._tag !== "Wait") return true
  let ready = false
  response.onReady(() => (ready = true))
  return ready
}

describe("the real server's conflict rules, switchable", () => {
  vitestIt("by default, every 409 is answered at once", () => {
    const mock = MockTelegram.make({ clock: manualClock() })
    const first = send(mock, "getUpdates", "?timeout=10")
    const second = send(mock, "getUpdates", "?timeout=10")
    expect(settled(first).error_code).toBe(409)
    const third = send(mock, "getUpdates", "?timeout=10")
    expect(settled(second).error_code).toBe(409)
    if (third._tag === "Wait") third.cancel()
  })

  vitestIt("with conflictDelay, a 409 within 3 s of the previous one waits 3 s", () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock, updates: { conflictDelay: true } })
    const first = send(mock, "getUpdates", "?timeout=10")
    const second = send(mock, "getUpdates", "?timeout=10")
    expect(isReady(first)).toBe(true)
    const third = send(mock, "getUpdates", "?timeout=10")
    expect(isReady(second)).toBe(false)
    clock.advance(2_999)
    expect(isReady(second)).toBe(false)
    clock.advance(1)
    expect(settled(second).description).toBe(
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
    )
    if (third._tag === "Wait") third.cancel()
  })

  vitestIt("with busyLoopGuard, the same offset within 3 s parks for 3 s, and within 0.5 s reads one update", () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock, updates: { busyLoopGuard: true } })
    mock.send(42, { text: "a" })
    mock.send(42, { text: "b" })
    expect(settled(send(mock, "getUpdates", "?offset=0")).result).toHaveLength(2)
    expect(settled(send(mock, "getUpdates", "?offset=0")).result).toHaveLength(1)
    clock.advance(600)
    expect(settled(send(mock, "getUpdates", "?offset=2000003")).result).toHaveLength(0)
    clock.advance(100)
    const parked = send(mock, "getUpdates", "?offset=2000003")
    expect(isReady(parked)).toBe(false)
    clock.advance(3_000)
    expect(settled(parked).result).toEqual([])
  })
})

describe("bounds of what waits", () => {
  vitestIt(
    "absorbed waits past caps.waits answer 429 at once; a parked poll holds one timer, freed when it ends",
    () => {
      const clock = manualClock()
      const mock = MockTelegram.make({ clock, caps: { waits: 1 } })
      mock.setFloodLimits([{ method: "getMe", max_calls: 1, per_seconds: 5 }])
      expect(settled(send(mock, "getMe")).ok).toBe(true)
      const absorbed = send(mock, "getMe")
      expect(absorbed._tag).toBe("Wait")
      expect(settled(send(mock, "getMe"))).toMatchObject({ error_code: 429 })
      clock.advance(5_000)
      expect(settled(absorbed).ok).toBe(true)
      expect(clock.pendingTimers()).toBe(0)
      const poll = send(mock, "getUpdates", "?timeout=50")
      expect(clock.pendingTimers()).toBe(1)
      if (poll._tag === "Wait") poll.cancel()
      expect(clock.pendingTimers()).toBe(0)
    }
  )

  vitestIt("a reset answers a parked poll with [] and cancels every timer", () => {
    const clock = manualClock()
    const mock = MockTelegram.make({ clock })
    const poll = send(mock, "getUpdates", "?timeout=50")
    mock.reset()
    expect(settled(poll)).toEqual({ ok: true, result: [] })
    expect(clock.pendingTimers()).toBe(0)
  })
})

describe("the queue's first update_id", () => {
  vitestIt("is 2000001 by default and configurable, then +1 per update", () => {
    const mock = MockTelegram.make({ clock: manualClock(), updates: { firstUpdateId: 7 } })
    mock.send(42, { text: "a" })
    mock.send(42, { text: "b" })
    expect(settled(send(mock, "getUpdates")).result.map((u: any) => u.update_id)).toEqual([7, 8])
  })
})
