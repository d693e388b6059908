/** The policy's decision function, as properties over random bounds and random sequences of failures. */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { FailureView } from "../../src/core/answer.js"
import { chatIdKey, type ChatIdValue } from "../../src/core/chatId.js"
import {
  advance,
  atClosedGate,
  boundsOf,
  type CallProgress,
  floodWaitStep,
  type NextStep,
  nextStep,
  type PolicyBounds,
  sending,
  startCall
} from "../../src/core/policy.js"

const bounds: fc.Arbitrary<PolicyBounds> = fc.record({
  maxAttempts: fc.integer({ min: 1, max: 8 }),
  maxFloodWaitMs: fc.integer({ min: 0, max: 120_000 }),
  maxMigrationHops: fc.integer({ min: 0, max: 4 }),
  retryTransient: fc.boolean()
})

const chatId: fc.Arbitrary<number> = fc.integer({ min: -1_000_000_000_010, max: -1_000_000_000_000 })

const failure: fc.Arbitrary<FailureView> = fc.oneof(
  fc.record({ _tag: fc.constant("FloodWaitError" as const), retryAfterMs: fc.integer({ min: 1, max: 200_000 }) }),
  fc.record({ _tag: fc.constant("ChatMigratedError" as const), migrateToChatId: chatId }),
  fc.record({ _tag: fc.constant("TelegramApiError" as const), errorCode: fc.constantFrom(400, 403, 500, 502) }),
  fc.record({
    _tag: fc.constant("TransportError" as const),
    reason: fc.constantFrom("Network", "Timeout", "Encode", "NotJson", "NotEnvelope", "UnexpectedResult"),
    status: fc.constantFrom(undefined, 200, 502)
  }),
  fc.constant({ _tag: "InvalidChatIdError" as const })
)

interface Run {
  readonly requests: number
  readonly steps: ReadonlyArray<NextStep>
  readonly last: CallProgress
}

/** Runs a call whose every request fails with the next failure of the list, until it gives up or the list ends. */
const simulate = (b: PolicyBounds, start: ChatIdValue, failures: ReadonlyArray<FailureView>): Run => {
  let progress = startCall([start])
  const steps: Array<NextStep> = []
  for (const f of failures) {
    progress = sending(progress)
    const step = nextStep(b, progress, f)
    steps.push(step)
    if (step._tag === "GiveUp") break
    progress = advance(progress, step)
  }
  return { requests: progress.attempt, steps, last: progress }
}

describe("core: the policy's next step", () => {
  it("never sends more than maxAttempts requests, nor follows more than maxMigrationHops", () => {
    fc.assert(
      fc.property(bounds, chatId, fc.array(failure, { maxLength: 20 }), (b, start, failures) => {
        const run = simulate(b, start, failures)
        expect(run.requests).toBeLessThanOrEqual(b.maxAttempts)
        expect(run.last.hops).toBeLessThanOrEqual(b.maxMigrationHops)
        if (failures.length >= b.maxAttempts) expect(run.steps.at(-1)?._tag).toBe("GiveUp")
      })
    )
  })

  it("waits exactly retry_after, never over maxFloodWait, and closes the gate even when it gives up", () => {
    fc.assert(
      fc.property(bounds, chatId, fc.array(failure, { maxLength: 20 }), (b, start, failures) => {
        const run = simulate(b, start, failures)
        run.steps.forEach((step, i) => {
          const f = failures[i]!
          if (f._tag !== "FloodWaitError") {
            expect(step._tag === "WaitFlood" || (step._tag === "GiveUp" && step.closeGateMs !== undefined)).toBe(false)
            return
          }
          if (step._tag === "WaitFlood") {
            expect(step.waitMs).toBe(f.retryAfterMs)
            expect(step.waitMs).toBeLessThanOrEqual(b.maxFloodWaitMs)
          } else {
            expect(step).toMatchObject({ _tag: "GiveUp", closeGateMs: f.retryAfterMs })
            expect(f.retryAfterMs > b.maxFloodWaitMs || i + 1 >= b.maxAttempts).toBe(true)
          }
          expect(floodWaitStep(b, i + 1, f.retryAfterMs)._tag).toBe(step._tag)
        })
      })
    )
  })

  it("follows a migration only to an id it has not visited, and records every move it learns past its bounds", () => {
    fc.assert(
      fc.property(bounds, chatId, fc.array(failure, { maxLength: 20 }), (b, start, failures) => {
        const run = simulate(b, start, failures)
        const visited = new Set([chatIdKey(start)])
        run.steps.forEach((step, i) => {
          const f = failures[i]!
          if (step._tag === "Follow") {
            expect(f).toMatchObject({ _tag: "ChatMigratedError", migrateToChatId: step.to })
            expect(visited.has(chatIdKey(step.to))).toBe(false)
            visited.add(chatIdKey(step.to))
          }
          if (step._tag === "GiveUp" && step.recordMove !== undefined) {
            expect(["TooManyHops", "AttemptsExhausted"]).toContain(step.reason)
            expect(visited.has(chatIdKey(step.recordMove.to))).toBe(false)
          }
          if (f._tag === "ChatMigratedError" && b.maxMigrationHops === 0) {
            expect(step).toEqual({ _tag: "GiveUp", reason: "MigrationsOff" })
          }
        })
        expect(run.last.visited.size).toBe(run.last.hops + 1)
      })
    )
  })

  it("backs off only from transient failures, numbering the retries 1, 2, 3…", () => {
    fc.assert(
      fc.property(bounds, chatId, fc.array(failure, { maxLength: 20 }), (b, start, failures) => {
        const run = simulate(b, start, failures)
        let retries = 0
        run.steps.forEach((step, i) => {
          const f = failures[i]!
          const transient = (f._tag === "TransportError" &&
            (f.reason === "Network" || f.reason === "Timeout" ||
              ((f.reason === "NotJson" || f.reason === "NotEnvelope") && f.status === 502))) ||
            (f._tag === "TelegramApiError" && f.errorCode >= 500)
          if (step._tag === "Backoff") {
            expect(transient && b.retryTransient).toBe(true)
            expect(step.retry).toBe(++retries)
          }
          if (f._tag === "InvalidChatIdError" || (f._tag === "TelegramApiError" && f.errorCode < 500)) {
            expect(step).toEqual({ _tag: "GiveUp", reason: "NotRetryable" })
          }
        })
      })
    )
  })

  it("retries whenever the bounds allow it (the step is never more cautious than the rules)", () => {
    fc.assert(
      fc.property(bounds, chatId, fc.array(failure, { maxLength: 20 }), (b, start, failures) => {
        let progress = startCall([start])
        for (const f of failures) {
          progress = sending(progress)
          const step = nextStep(b, progress, f)
          const budgetLeft = progress.attempt < b.maxAttempts
          if (f._tag === "FloodWaitError" && f.retryAfterMs <= b.maxFloodWaitMs && budgetLeft) {
            expect(step).toEqual({ _tag: "WaitFlood", waitMs: f.retryAfterMs })
          }
          if (
            f._tag === "ChatMigratedError" && budgetLeft && progress.hops + 1 <= b.maxMigrationHops &&
            !progress.visited.has(chatIdKey(f.migrateToChatId))
          ) expect(step).toEqual({ _tag: "Follow", from: progress.current, to: f.migrateToChatId })
          if (f._tag === "TransportError" && f.reason === "Network" && b.retryTransient && budgetLeft) {
            expect(step).toEqual({ _tag: "Backoff", retry: progress.transientRetries + 1 })
          }
          if (step._tag === "GiveUp") break
          progress = advance(progress, step)
        }
      })
    )
  })

  it("is exact at the bounds: a wait of exactly maxFloodWait is taken, the last attempt is not retried", () => {
    const b = boundsOf({ maxAttempts: 3, maxFloodWaitMs: 5000, maxMigrationHops: 1 })
    expect(floodWaitStep(b, 1, 5000)).toEqual({ _tag: "WaitFlood", waitMs: 5000 })
    expect(floodWaitStep(b, 1, 5001)).toEqual({ _tag: "GiveUp", reason: "FloodWaitTooLong" })
    expect(floodWaitStep(b, 2, 1000)._tag).toBe("WaitFlood")
    expect(floodWaitStep(b, 3, 1000)).toEqual({ _tag: "GiveUp", reason: "AttemptsExhausted" })
    const first = sending(startCall([-1]))
    expect(nextStep(b, first, { _tag: "ChatMigratedError", migrateToChatId: -1001 })).toEqual({
      _tag: "Follow",
      from: -1,
      to: -1001
    })
    const moved = sending(advance(first, { _tag: "Follow", from: -1, to: -1001 }))
    expect(nextStep(b, moved, { _tag: "ChatMigratedError", migrateToChatId: -1002 })).toMatchObject({
      _tag: "GiveUp",
      reason: "TooManyHops"
    })
    const last = sending(sending(first))
    expect(nextStep(b, last, { _tag: "TransportError", reason: "Timeout", status: undefined })).toEqual({
      _tag: "GiveUp",
      reason: "AttemptsExhausted"
    })
  })

  it("starts on the path of recorded migrations, counting them as hops", () => {
    const progress = startCall([-1, -1001, -1002])
    expect(progress).toMatchObject({ current: -1002, attempt: 0, hops: 2, transientRetries: 0 })
    expect([...progress.visited]).toEqual(["-1", "-1001", "-1002"])
    const b = boundsOf({ maxMigrationHops: 2 })
    expect(nextStep(b, sending(progress), { _tag: "ChatMigratedError", migrateToChatId: -1003 })).toEqual({
      _tag: "GiveUp",
      reason: "TooManyHops",
      recordMove: { from: -1002, to: -1003 }
    })
  })

  it("normalises bounds and decides at a closed gate", () => {
    expect(boundsOf({})).toEqual({ maxAttempts: 5, maxFloodWaitMs: 60_000, maxMigrationHops: 2, retryTransient: true })
    expect(boundsOf({ maxAttempts: 0, maxMigrationHops: -3, maxFloodWaitMs: -1 })).toMatchObject({
      maxAttempts: 1,
      maxMigrationHops: 0,
      maxFloodWaitMs: 0
    })
    expect(boundsOf({ maxAttempts: 2.9 }).maxAttempts).toBe(2)
    const b = boundsOf({ maxFloodWaitMs: 1000 })
    expect(atClosedGate(b, 1000)).toBe("Wait")
    expect(atClosedGate(b, 1001)).toBe("GiveUp")
  })
})
